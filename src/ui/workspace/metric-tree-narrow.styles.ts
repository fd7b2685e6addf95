/**
 * The metric tree on a narrow screen (its own width under 40rem, a phone): each metric becomes
 * a card, its run windows labelled in words, so no number is clipped (metric-tree.styles.ts
 * holds the wide layout).
 */
import { css } from 'lit';

export const metricTreeNarrowStyles = css`
  /*
   * Narrow columns (phones, a 768 px tablet's main column): the table's columns would clip
   * their numbers, so each metric becomes a card: its name across, then its short run, long
   * run, peak and weekly course side by side as room allows, each under its name. The column
   * headers stay above as a key to the run windows.
   */
  @container tree (max-width: 40rem) {
    table,
    thead,
    tbody,
    thead tr,
    tr.group,
    tr.group th,
    thead th {
      display: block;
    }
    colgroup {
      display: none;
    }
    thead th {
      position: static;
      border-bottom: 0;
      padding: 0.1em 0;
    }
    thead tr {
      border-bottom: 2px solid #c9d0d8;
      padding-bottom: 0.3em;
    }
    tr.metric {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
      border-bottom: 1px solid var(--rule);
    }
    tr.metric > * {
      display: block;
      border-bottom: 0;
      min-width: 0;
    }
    tr.metric > th {
      grid-column: 1 / -1;
      padding-bottom: 0.1em;
    }
    tr.metric > td::before {
      display: block;
      font-size: 0.75em;
      font-weight: 600;
      color: var(--muted);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    tr.metric > td:nth-child(2)::before {
      content: 'Short run';
    }
    tr.metric > td:nth-child(3)::before {
      content: 'Long run';
    }
    tr.metric > td:nth-child(4)::before {
      content: 'Peak';
    }
    tr.metric > td:nth-child(5)::before {
      content: 'Weekly course';
    }
    tr.metric.selected > th {
      box-shadow: none;
    }
    tr.metric.selected {
      box-shadow: inset 4px 0 0 var(--accent);
    }
  }
  /* Wide columns (1920 screens, projectors): everything in the table a size up. */
`;

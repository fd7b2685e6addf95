/**
 * Presentation mode's look: large type for a meeting room, the controls bar with its stepper
 * and pickers, and the grid of charts below the table (whose look, shared with the
 * workspace's pins, is ../shared/scenario-table.styles.ts).
 */
import { css } from 'lit';

export const presentationModeStyles = css`
  :host {
    display: block;
    container: present / inline-size;
    color: #1c2430;
    font-size: clamp(1rem, 0.55rem + 0.75vw, 1.45rem);
    line-height: 1.3;
  }
  :host(:fullscreen) {
    background: #f6f7f9;
    overflow: auto;
    padding: 1.25rem 1.75rem;
    box-sizing: border-box;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.25rem;
    margin-bottom: 0.75rem;
    font-size: 0.8em;
  }
  .stepper {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    border-radius: 6px;
  }
  .stepper:focus-visible {
    outline: 3px solid #2f6fb3;
    outline-offset: 4px;
  }
  .stepper .where {
    font-weight: 600;
    min-width: 11em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  button,
  select {
    font: inherit;
    font-size: 1em;
    padding: 0.3em 0.7em;
    border-radius: 6px;
    border: 1px solid #9aa5b3;
    background: #fff;
    color: #1c2430;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  summary:focus-visible {
    outline: 3px solid #1c6fd1;
    outline-offset: 2px;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  details.pick {
    position: relative;
  }
  details.pick summary {
    cursor: pointer;
    padding: 0.3em 0.7em;
    border: 1px solid #9aa5b3;
    border-radius: 6px;
    background: #fff;
    list-style: none;
  }
  details.pick summary::-webkit-details-marker {
    display: none;
  }
  details.pick summary::after {
    content: ' ▾';
  }
  details.pick[open] summary::after {
    content: ' ▴';
  }
  .menu {
    position: absolute;
    z-index: 5;
    top: calc(100% + 0.3rem);
    left: 0;
    background: #fff;
    border: 1px solid #c9d0d8;
    border-radius: 8px;
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.15);
    padding: 0.6rem 0.9rem;
    max-height: 70vh;
    overflow: auto;
    width: max-content;
    max-width: 90vw;
  }
  .menu fieldset {
    border: none;
    margin: 0 0 0.4rem;
    padding: 0;
  }
  .menu legend {
    font-weight: 700;
    padding: 0;
    margin-bottom: 0.15rem;
  }
  .menu label {
    display: flex;
    padding: 0.1rem 0;
  }
  .status {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-height: 1.6em;
    margin: 0 0 0.5rem;
    font-size: 0.8em;
    color: #4a5565;
  }
  .note {
    font-size: 0.8em;
    color: #4a5565;
    margin: 0 0 0.75rem;
  }
  .problem {
    color: #8a1c1c;
  }
  .breach-banner {
    border: 2px solid #a3261f;
    background: #fdf1f0;
    color: #5e1511;
    border-radius: 8px;
    padding: 0.5rem 0.9rem;
    margin: 0.5rem 0;
  }
  .breach-banner .banner-head {
    font-weight: 700;
  }
  .breach-banner ul {
    margin: 0.2rem 0 0;
    padding-left: 1.2rem;
  }
  .charts {
    margin-top: 1rem;
  }
  .chart-grid {
    display: grid;
    /* Two charts a row at most (one where two would be narrower than 38rem); one fills it. */
    grid-template-columns: repeat(
      auto-fit,
      minmax(min(100%, max(38rem, calc(50% - 0.75rem))), 1fr)
    );
    gap: 0.75rem;
  }
  figure {
    margin: 0;
    padding: 0.5rem 0.25rem 0.25rem;
    background: #fff;
    border: 1px solid #dde2e8;
    border-radius: 10px;
    min-width: 0;
  }
  figcaption {
    font-weight: 700;
    font-size: 0.9em;
    padding: 0 0.5rem;
  }
  .empty {
    color: #4a5565;
  }
  /*
   * Narrow screens (phones, a split tablet): the columns take the room their words need (a
   * name never breaks one letter per line), and the table scrolls sideways in its box when
   * the scenarios side by side need more than the screen.
   */
  @container present (max-width: 44rem) {
    table {
      table-layout: auto;
      width: auto;
      min-width: 100%;
    }
    col.label,
    col.base {
      width: auto;
    }
    th,
    td {
      overflow-wrap: normal;
      padding: 0.35em 0.5em;
    }
    .stepper .where {
      min-width: 0;
    }
  }
`;

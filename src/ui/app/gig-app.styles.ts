/**
 * The app shell's look: the dark header with the mode links, the Summary button and the run
 * status; the notice under it; the workspace's grid of a sticky lever column beside the metric
 * tree and the charts (side by side on wide screens, stacked on narrow ones); and a print
 * layout without the header.
 */
import { css } from 'lit';

export const gigAppStyles = css`
  :host {
    display: block;
    min-height: 100vh;
  }
  header {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0.6rem 1.5rem;
    background: #1c2430;
    color: #fff;
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
    letter-spacing: 0.02em;
  }
  .tagline {
    color: #c9d2de;
  }
  mode-nav {
    margin-left: 0.5rem;
    align-self: center;
  }
  .summary-button,
  .cancel-button {
    align-self: center;
    font: inherit;
    font-size: 1rem;
    padding: 0.35rem 0.8rem;
    border-radius: 6px;
    border: 1px solid #9fb0c3;
    background: transparent;
    color: #fff;
    cursor: pointer;
  }
  .summary-button:hover,
  .cancel-button:hover {
    background: #2d3947;
  }
  .summary-button:focus-visible,
  .cancel-button:focus-visible {
    outline: 3px solid #7fb2f0;
    outline-offset: 2px;
  }
  .mode-notice {
    margin: 1rem 1.5rem 0;
    padding: 0.6rem 1rem;
    border: 1px solid #d9a400;
    background: #fff7db;
    border-radius: 8px;
  }
  .single {
    padding: 1rem 1.5rem 1.5rem;
  }
  .status {
    margin-left: auto;
    color: #c9d2de;
    font-size: 0.9rem;
    font-variant-numeric: tabular-nums;
  }
  section {
    background: #fff;
    border: 1px solid #dde2e8;
    border-radius: 8px;
    padding: 1rem;
    min-width: 0;
  }
  .bar {
    margin: 1rem 1.5rem 0;
    padding: 0.75rem 1rem;
  }
  .headline {
    margin: 1rem 1.5rem 0;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(17rem, 22rem) minmax(0, 1fr);
    gap: 1rem;
    padding: 1rem 1.5rem 1.5rem;
    align-items: start;
  }
  .levers {
    position: sticky;
    top: 0.5rem;
    max-height: calc(100vh - 1rem);
    overflow: auto;
    /* Its layout does not depend on the metrics that change during a run. */
    contain: content;
  }
  /* Charts below the fold are not laid out or painted while estimates stream in. */
  section[data-region='charts'] {
    content-visibility: auto;
    contain-intrinsic-size: auto 640px;
  }
  .main {
    display: grid;
    gap: 1rem;
    min-width: 0;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.1rem;
  }
  .error {
    color: #8a1c1c;
  }
  .cancelled {
    padding: 0.5rem 0.8rem;
    border: 1px solid #d9a400;
    background: #fff7db;
    border-radius: 6px;
  }
  @media print {
    header,
    .mode-notice {
      display: none;
    }
    .single {
      padding: 0;
    }
  }
  /* Wide screens: the charts sit beside the metric tree and stay in view while it scrolls. */
  @media (min-width: 1800px) {
    .main {
      grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr);
      align-items: start;
    }
    section[data-region='charts'] {
      position: sticky;
      top: 0.5rem;
    }
    /* The pinned scenarios run the full width under both. */
    section[data-region='pins'] {
      grid-column: 1 / -1;
    }
  }
  @media (max-width: 900px) {
    .layout {
      grid-template-columns: 1fr;
    }
    .levers {
      position: static;
      max-height: none;
    }
  }
`;

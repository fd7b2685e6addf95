/**
 * The reality check's look: the verdict colours every fact card uses (as custom properties),
 * the controls row with the run and stop buttons, the progress, the summary (red when a fact
 * fails), the notes, and the column of fact cards.
 */
import { css } from 'lit';

export const realityCheckStyles = css`
  :host {
    display: block;
    font-variant-numeric: tabular-nums;
    --ok: #17703a;
    --ok-bg: #e3f3e8;
    --bad: #b3261e;
    --bad-bg: #fbe5e3;
    --open: #7a5400;
    --open-bg: #fdf1d6;
    --muted: #59636e;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0.5rem 0 1rem;
  }
  button {
    font: inherit;
    padding: 0.45rem 0.9rem;
    border-radius: 6px;
    border: 1px solid #1c2430;
    background: #1c2430;
    color: #fff;
    cursor: pointer;
  }
  button.secondary {
    background: #fff;
    color: #1c2430;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible {
    outline: 3px solid #3b82f6;
    outline-offset: 2px;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    color: var(--muted);
  }
  progress {
    width: 12rem;
    height: 0.8rem;
  }
  .note {
    color: var(--muted);
    margin: 0.25rem 0;
  }
  .notice {
    color: var(--open);
  }
  .summary {
    font-weight: 600;
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
    background: var(--ok-bg);
    color: var(--ok);
  }
  .summary.has-fail {
    background: var(--bad-bg);
    color: var(--bad);
  }
  .facts {
    display: grid;
    gap: 0.75rem;
  }
`;

/**
 * The chart panel's look: the toolbar (chart tabs, the metric select, the export buttons at
 * the right) and the "Computing…" status before the first comparison.
 */
import { css } from 'lit';

export const chartPanelStyles = css`
  :host {
    display: block;
    margin-top: 1rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-bottom: 0.5rem;
  }
  /* Four tabs do not fit a phone's width in one row: they wrap rather than stick out. */
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    max-width: 100%;
  }
  [role='tab'] {
    font-size: 1rem;
    padding: 0.45rem 0.9rem;
    border-radius: 6px 6px 0 0;
  }
  [role='tab'][aria-selected='true'] {
    font-weight: 600;
  }
  [role='tab']:focus-visible,
  select:focus-visible,
  .export button:focus-visible {
    outline: 3px solid #1c6fd1;
    outline-offset: 1px;
  }
  .metric {
    display: flex;
    align-items: center;
    min-width: 0;
    max-width: 100%;
    gap: 0.5rem;
    font-size: 1rem;
  }
  label {
    font-weight: 600;
  }
  select {
    font: inherit;
    font-size: 1rem;
    padding: 0.3rem 0.4rem;
    max-width: 20rem;
    min-width: 0;
  }
  .export {
    display: flex;
    gap: 0.4rem;
    margin-left: auto;
    align-items: center;
  }
  .export span {
    color: #4a5565;
    font-size: 0.95rem;
  }
  .export button {
    font: inherit;
    font-size: 0.95rem;
    padding: 0.3rem 0.75rem;
    border: 1px solid #9aa5b3;
    border-radius: 6px;
    background: #fff;
    cursor: pointer;
  }
  .export button:disabled {
    cursor: default;
    color: #9aa5b3;
  }
  .status {
    margin: 0;
    padding: 2rem 0;
    text-align: center;
    color: #4a5565;
    font-size: 1.1rem;
  }
`;

/**
 * The look every part of the explorer shares (its view, tools, run bar and goal answer): forms
 * of labelled fields, buttons, notes and errors, the run bar's export group, the goal table.
 */
import { css } from 'lit';

export const exploreStyles = css`
  :host {
    display: block;
    font-size: 1rem;
    color: #1c2430;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid #1c6fd1;
    outline-offset: 1px;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.6rem 1.1rem;
    margin-bottom: 0.6rem;
  }
  label,
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-weight: 600;
    font-size: 0.95rem;
  }
  input,
  select {
    font: inherit;
    font-weight: normal;
    font-size: 1rem;
    padding: 0.3rem 0.4rem;
  }
  input.num {
    width: 6rem;
  }
  fieldset {
    border: 1px solid #dde2e8;
    border-radius: 6px;
    padding: 0.4rem 0.75rem 0.6rem;
    margin: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 0.3rem;
  }
  .metrics {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: 0.1rem 1rem;
    width: 100%;
  }
  .metrics label {
    flex-direction: row;
    align-items: center;
    font-weight: normal;
    gap: 0.4rem;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    flex-wrap: wrap;
    margin: 0.5rem 0;
  }
  button {
    font: inherit;
    font-size: 1rem;
    padding: 0.4rem 1rem;
    border: 1px solid #9aa5b3;
    border-radius: 6px;
    background: #fff;
    cursor: pointer;
  }
  button.primary {
    background: #1c2430;
    border-color: #1c2430;
    color: #fff;
    font-weight: 600;
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  progress {
    width: 14rem;
    height: 1.1rem;
  }
  .error {
    color: #a3190f;
    font-weight: 600;
    margin: 0.3rem 0;
  }
  .note {
    color: #4a5565;
    margin: 0.3rem 0;
  }
  .export {
    margin-left: auto;
    display: flex;
    gap: 0.4rem;
    align-items: center;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.8rem;
    align-items: flex-end;
    margin-bottom: 0.4rem;
  }
  .goal table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    margin: 0.5rem 0;
  }
  .goal th,
  .goal td {
    text-align: left;
    padding: 0.3rem 1rem 0.3rem 0;
    border-bottom: 1px solid #e3e7ec;
  }
  .goal h3 {
    margin: 0.6rem 0 0.3rem;
    font-size: 1.2rem;
  }
  .goal h3.unmet {
    color: #8a1c1c;
  }
  .guardrail-list {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
    line-height: 1.6;
  }
  .big {
    font-size: 1.25rem;
    font-weight: 700;
  }
`;

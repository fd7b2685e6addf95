/**
 * Practice mode's look: the step sections as cards, headings, the buttons (one primary per
 * step), the North Star fields, the round's list of changes, the progress bar and the notices;
 * larger type on wide screens. The prediction table has its own (practice-predictions.ts).
 */
import { css } from 'lit';

export const practiceModeStyles = css`
  :host {
    display: block;
    max-width: 78rem;
    margin: 0 auto;
    font-size: 1.05rem;
    color: #1c2430;
  }
  section {
    background: #fff;
    border: 1px solid #dde2e8;
    border-radius: 8px;
    padding: 1rem 1.25rem;
    margin: 0 0 1rem;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.35rem;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.1rem;
  }
  p {
    margin: 0.25rem 0 0.5rem;
  }
  .lede {
    color: #4f5968;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  button {
    font: inherit;
    padding: 0.45rem 0.9rem;
    border-radius: 6px;
    border: 1px solid #1f4e8c;
    background: #fff;
    color: #1f4e8c;
    cursor: pointer;
  }
  button.primary {
    background: #1f4e8c;
    color: #fff;
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:focus-visible,
  textarea:focus-visible,
  select:focus-visible {
    outline: 3px solid #1f4e8c;
    outline-offset: 2px;
  }
  .notice {
    color: #8a1c1c;
  }
  .changes {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }
  .difficulty {
    font-size: 0.9rem;
    padding: 0.1rem 0.5rem;
    border: 1px solid currentColor;
    border-radius: 999px;
  }
  label.block {
    display: block;
    font-weight: 600;
    margin: 0.5rem 0 0.25rem;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
    min-height: 3.5rem;
    font: inherit;
    padding: 0.4rem;
  }
  select {
    font: inherit;
    padding: 0.3rem;
    max-width: 100%;
  }
  progress {
    width: 16rem;
    height: 1rem;
  }
  .northstar-note strong {
    font-weight: 600;
  }
  section.committed {
    background: #f6f8fa;
    padding: 0.5rem 1rem;
  }
  section.committed p {
    margin: 0.15rem 0;
  }
  table.roles,
  table.progress,
  table.measured {
    border-collapse: collapse;
    margin: 0.25rem 0 0.5rem;
  }
  table.roles th,
  table.roles td,
  table.progress th,
  table.progress td,
  table.measured th,
  table.measured td {
    text-align: left;
    padding: 0.25rem 0.75rem 0.25rem 0;
    border-bottom: 1px solid #e3e7ec;
    vertical-align: top;
  }
  table.progress caption {
    text-align: left;
    color: #4f5968;
    margin-bottom: 0.25rem;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.1rem;
    height: 1.1rem;
  }
  fieldset.calls,
  fieldset.horizon {
    border: 0;
    padding: 0;
    margin: 0.5rem 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
  }
  fieldset.calls legend,
  fieldset.horizon legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .commit {
    margin-top: 0.75rem;
  }
  button.link {
    border: 0;
    padding: 0;
    background: none;
    text-decoration: underline;
    font-family: ui-monospace, monospace;
  }
  .round-score {
    font-size: 1.35rem;
  }
  .feedback {
    border-top: 1px solid #e3e7ec;
    padding-top: 0.5rem;
    margin-top: 0.5rem;
  }
  .feedback h4 {
    margin: 0 0 0.25rem;
  }
  .step-score {
    font-weight: normal;
    color: #4f5968;
    margin-left: 0.5rem;
  }
  @media (max-width: 600px) {
    section {
      padding: 0.75rem;
    }
    table.measured,
    table.roles {
      font-size: 0.95rem;
    }
  }
  @media (min-width: 1600px) {
    :host {
      max-width: 96rem;
      font-size: 1.2rem;
    }
  }
`;

/**
 * The scenario bar's look: its parts side by side (preset, saved scenarios, baseline, files
 * and sharing), their buttons and fields, messages and the link notice, and the pills of the
 * "Differs from the baseline" list.
 */
import { css } from 'lit';

export const scenarioBarStyles = css`
  :host {
    display: block;
    font-size: 0.95rem;
  }
  .groups {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: flex-start;
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.35rem;
    font-weight: 600;
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: #4a5565;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: center;
  }
  label.inline {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  select,
  input[type='text'] {
    font: inherit;
    padding: 0.3rem 0.4rem;
    border: 1px solid #b9c2cd;
    border-radius: 4px;
    background: #fff;
    max-width: 14rem;
  }
  input[type='text'] {
    width: 10rem;
  }
  button,
  .file-button {
    font: inherit;
    padding: 0.3rem 0.7rem;
    border: 1px solid #9aa5b3;
    border-radius: 4px;
    background: #f2f4f7;
    color: #1c2430;
    cursor: pointer;
  }
  button:hover,
  .file-button:hover {
    background: #e3e8ee;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  .file-button:focus-within {
    outline: 3px solid #2f6fb3;
    outline-offset: 1px;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.primary {
    background: #1f5c99;
    border-color: #1f5c99;
    color: #fff;
  }
  button.primary:hover {
    background: #174a7c;
  }
  .file-button input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  .file-button {
    position: relative;
    display: inline-block;
  }
  .story {
    margin: 0.35rem 0 0;
    max-width: 22rem;
    color: #4a5565;
    font-size: 0.85rem;
  }
  .msg {
    margin: 0.35rem 0 0;
    font-size: 0.85rem;
    max-width: 30rem;
  }
  .msg.error,
  .notice {
    color: #8a1c1c;
  }
  .msg.error::before,
  .notice::before {
    content: '⚠ ';
  }
  .notice {
    display: flex;
    gap: 0.75rem;
    align-items: baseline;
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    background: #fdf0f0;
    border: 1px solid #e5b3b3;
    border-radius: 6px;
  }
  .notice span {
    flex: 1;
  }
  .diff {
    margin: 0.75rem 0 0;
    padding-top: 0.6rem;
    border-top: 1px solid #e3e7ec;
    color: #2b3544;
  }
  .diff ul {
    display: inline;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .diff li {
    display: inline-block;
    margin: 0.1rem 0.4rem 0.1rem 0;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    background: #e8f0fa;
    border: 1px solid #bcd0e8;
    font-variant-numeric: tabular-nums;
  }
  .diff .was {
    color: #5a6676;
  }
  .fit {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    background: #f2f6fb;
    border: 1px solid #bcd0e8;
    border-radius: 6px;
    color: #2b3544;
    font-size: 0.9rem;
  }
  .fit p {
    margin: 0 0 0.4rem;
    max-width: 60rem;
  }
  .fit span {
    font-variant-numeric: tabular-nums;
  }
  details {
    margin-top: 0.35rem;
    font-size: 0.85rem;
  }
  .link-field {
    width: 24rem;
    max-width: 100%;
  }
`;

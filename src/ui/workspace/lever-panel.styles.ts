/**
 * The lever panel's look: the count and "Reset all" at the top, the collapsible group
 * sections, each control's two lines (label and field; slider between its ends and the reset
 * button), the "changed" marker of a lever that differs, refused values, and the help tooltip.
 */
import { css } from 'lit';

export const leverPanelStyles = css`
  :host {
    display: block;
    font-size: 0.95rem;
    color: #1c2430;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 0.5rem;
    margin-bottom: 0.5rem;
  }
  .count {
    margin: 0;
    font-weight: 600;
    font-size: 0.9rem;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
  }
  .reset-all {
    font-size: 0.8rem;
    padding: 0.2rem 0.5rem;
    border: 1px solid #8792a2;
    border-radius: 4px;
    background: #fff;
    color: #1c2430;
  }
  .reset-all:disabled {
    color: #5f6b7a;
    border-color: #d3d9e0;
    background: #f3f5f7;
  }
  details {
    border-top: 1px solid #dde2e8;
  }
  summary {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5rem;
    padding: 0.45rem 0;
    cursor: pointer;
    list-style: none;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary::before {
    content: '▸';
    display: inline-block;
    width: 0.8rem;
    color: #4a5565;
  }
  details[open] > summary::before {
    content: '▾';
  }
  summary h3 {
    margin: 0;
    font-size: 1rem;
    white-space: nowrap;
  }
  .group-note {
    font-size: 0.78rem;
    color: #4a5565;
    margin-left: auto;
    text-align: right;
  }
  .group-note.differs {
    color: #8a4100;
    font-weight: 600;
  }
  .group-meaning {
    margin: 0 0 0.25rem;
    font-size: 0.8rem;
    color: #4a5565;
  }
  .row {
    position: relative;
    padding: 0.3rem 0.35rem 0.35rem;
    border-top: 1px solid #eef1f4;
    border-left: 3px solid transparent;
  }
  .row.differs {
    border-left-color: #c25e00;
    background: #fff7ee;
  }
  .line1 {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  label {
    font-weight: 600;
    font-size: 0.88rem;
    line-height: 1.2;
  }
  a.doc {
    flex: none;
    font-size: 0.75rem;
    color: #2b5aa8;
    text-decoration: none;
    border: 1px solid #b9c6db;
    border-radius: 50%;
    width: 1.1rem;
    height: 1.1rem;
    line-height: 1.05rem;
    text-align: center;
  }
  a.doc:hover,
  a.doc:focus-visible {
    background: #e8eef8;
  }
  .unit {
    font-weight: 400;
    color: #4a5565;
    font-size: 0.8rem;
    white-space: nowrap;
  }
  input.num {
    flex: none;
    width: 5.6rem;
    box-sizing: border-box;
    font: inherit;
    font-size: 0.9rem;
    font-variant-numeric: tabular-nums;
    text-align: right;
    padding: 0.12rem 0.35rem;
    border: 1px solid #8792a2;
    border-radius: 4px;
    background: #fff;
    color: #1c2430;
  }
  input.num[aria-invalid='true'] {
    border: 2px solid #b00020;
    background: #fff0f2;
  }
  .line2 {
    display: flex;
    align-items: center;
    gap: 0.3rem;
    margin-top: 0.15rem;
    font-size: 0.75rem;
    color: #4a5565;
    font-variant-numeric: tabular-nums;
  }
  input[type='range'] {
    flex: 1;
    min-width: 4rem;
    margin: 0;
    accent-color: #2b5fab;
  }
  .end {
    flex: none;
    min-width: 1.4rem;
    text-align: right;
  }
  .end.max {
    min-width: 2.4rem;
    text-align: left;
  }
  .range-text {
    flex: 1;
  }
  .reset {
    flex: none;
    min-width: 5.2rem;
    text-align: right;
    font-size: 0.75rem;
    padding: 0.05rem 0.35rem;
    border: 1px solid #8792a2;
    border-radius: 4px;
    background: #fff;
    color: #1c2430;
    white-space: nowrap;
  }
  .reset:disabled {
    color: #4a5565;
    border-color: transparent;
    background: transparent;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  .check input {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
    accent-color: #2b5fab;
  }
  .marker {
    margin: 0.15rem 0 0;
    font-size: 0.78rem;
    font-weight: 600;
    color: #8a4100;
  }
  .marker::before {
    content: '◆ ';
  }
  .note {
    margin: 0.15rem 0 0;
    font-size: 0.78rem;
    color: #4a5565;
    font-style: italic;
  }
  .error {
    margin: 0.2rem 0 0;
    font-size: 0.8rem;
    color: #b00020;
    font-weight: 600;
  }
  .help {
    display: none;
    position: absolute;
    z-index: 3;
    left: 0;
    right: 0;
    top: 100%;
    margin-top: -0.15rem;
    padding: 0.45rem 0.6rem;
    border-radius: 6px;
    background: #1c2430;
    color: #fff;
    font-size: 0.8rem;
    line-height: 1.35;
    box-shadow: 0 4px 12px rgb(0 0 0 / 25%);
    pointer-events: none;
  }
  .help .source {
    display: block;
    margin-top: 0.2rem;
    color: #c9d2de;
  }
  .line1:hover ~ .help,
  .row:focus-within .help {
    display: block;
  }
  .row.quiet .help {
    display: none;
  }
  .settings-note {
    margin: 0.1rem 0 0.3rem;
    font-size: 0.78rem;
    color: #4a5565;
  }
  :focus-visible {
    outline: 2px solid #1a56c4;
    outline-offset: 1px;
  }
`;

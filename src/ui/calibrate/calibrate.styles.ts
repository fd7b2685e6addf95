import { css } from 'lit';

export const calibrateStyles = css`
  :host {
    display: block;
    max-width: 1100px;
    color: #1c2430;
  }
  h2 {
    margin: 0 0 0.4rem;
  }
  .lead {
    max-width: 70ch;
  }
  .drop {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    align-items: center;
    border: 2px dashed #b7c0cc;
    border-radius: 8px;
    padding: 0.8rem;
  }
  .drop.dragging {
    border-color: #0072b2;
    background: #eef5fb;
  }
  .file {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .file input {
    max-width: 100%;
  }
  .or {
    color: #4a5565;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
  }
  button.link {
    background: none;
    border: none;
    color: #0a58a5;
    text-decoration: underline;
    cursor: pointer;
  }
  button.primary {
    background: #0a58a5;
    color: white;
    border: 1px solid #0a58a5;
    border-radius: 4px;
  }
  button.primary:disabled {
    background: #8aa6c1;
    border-color: #8aa6c1;
  }
  .errors {
    flex-basis: 100%;
    color: #8a1c1c;
  }
  .errors ul {
    margin: 0.2rem 0;
  }
  .constants {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
    gap: 0.3rem 1rem;
    border: 1px solid #d5dbe3;
    border-radius: 6px;
  }
  .constant {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.4rem;
  }
  .constant small {
    grid-column: 2;
    color: #4a5565;
  }
  .settings,
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: 0.8rem;
    align-items: center;
    margin: 0.8rem 0;
  }
  .note {
    color: #4a5565;
  }
  .warning {
    color: #8a4b00;
  }
  table {
    border-collapse: collapse;
    margin: 0.8rem 0;
    display: block;
    overflow-x: auto;
    max-width: 100%;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.3rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.25rem 0.6rem;
    border-bottom: 1px solid #e3e7ec;
  }
  .charts {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
  .use {
    border-top: 1px solid #d5dbe3;
    margin-top: 1rem;
    padding-top: 0.6rem;
  }
  .use p {
    max-width: 70ch;
  }
`;

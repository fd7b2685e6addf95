import { css } from 'lit';

export const labModeStyles = css`
  :host {
    display: block;
    max-width: 1100px;
    margin: 0 auto;
    padding: 0 12px 24px;
  }
  .intro,
  .method,
  .note {
    color: #444;
    max-width: 70ch;
  }
  fieldset {
    border: 1px solid #ccc;
    border-radius: 6px;
    margin: 8px 0;
  }
  .check {
    margin-right: 16px;
    white-space: nowrap;
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    margin: 8px 0;
  }
  .fields label {
    display: flex;
    flex-direction: column;
    font-size: 0.9em;
  }
  .fields input {
    width: 9em;
  }
  .bar {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
  }
  .notice {
    background: #fff4e5;
    border: 1px solid #f0b45a;
    padding: 6px 8px;
    border-radius: 4px;
  }
  .hint {
    font-size: 0.9em;
    color: #8a5a00;
  }
  .meter {
    display: grid;
    grid-template-columns: minmax(9em, 14em) 1fr 4em;
    align-items: center;
    gap: 8px;
    margin: 4px 0;
  }
  .meter i {
    display: block;
    height: 10px;
    background: #5d6d7e;
    border-radius: 2px;
    min-width: 1px;
  }
  .meter b {
    font-weight: normal;
    text-align: right;
  }
  .recommendation p {
    font-weight: 600;
  }
  .charts {
    display: flex;
    flex-wrap: wrap;
    gap: 16px;
  }
  .chart {
    margin: 0;
    flex: 1 1 300px;
    max-width: 480px;
  }
  .chart svg {
    width: 100%;
    height: auto;
    font-size: 10px;
  }
  .chart .grid {
    stroke: #ddd;
  }
  .chart .target {
    stroke: #888;
    stroke-dasharray: 4 3;
  }
  .legend {
    list-style: none;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    width: 100%;
  }
  .swatch {
    display: inline-block;
    width: 14px;
    height: 4px;
    margin-right: 6px;
    vertical-align: middle;
  }
  .swatch.target {
    border-top: 2px dashed #888;
    height: 0;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    font-size: 0.9em;
    min-width: 720px;
    width: 100%;
  }
  th,
  td {
    padding: 4px 8px;
    border-bottom: 1px solid #eee;
    text-align: right;
    white-space: nowrap;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: left;
    white-space: normal;
    min-width: 11em;
  }
  tr.na td {
    color: #888;
    text-align: left;
  }
  td small {
    display: block;
    color: #777;
    font-size: 0.85em;
  }
  em {
    font-style: normal;
    font-size: 0.8em;
    color: #1e8449;
  }
`;

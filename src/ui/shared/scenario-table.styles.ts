/**
 * The look of the table of scenarios side by side (scenario-table.ts), shared by presentation
 * mode and the workspace's pins: a row a metric, the value in large type with its change,
 * interval and any breach beneath, the North Star's row shaded.
 */
import { css } from 'lit';

export const scenarioTableStyles = css`
  .table-scroll {
    overflow-x: auto;
  }
  table {
    /* --columns: the scenarios shown (scenario-table.ts). */
    width: min(100%, calc(19em + 20em * var(--columns, 1)));
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 0;
    background: #fff;
    border: 1px solid #dde2e8;
    border-radius: 10px;
    font-variant-numeric: tabular-nums;
  }
  col.label {
    width: 11em;
  }
  col.base {
    width: 8em;
  }
  th,
  td {
    padding: 0.4em 0.7em;
    border-bottom: 1px solid #e3e7ec;
    vertical-align: top;
    text-align: right;
    overflow-wrap: anywhere;
  }
  th[scope='row'] {
    text-align: left;
    font-weight: 600;
  }
  thead th {
    vertical-align: bottom;
    text-align: right;
    border-bottom: 2px solid #1c2430;
  }
  thead th.corner {
    text-align: left;
    font-weight: 400;
    color: #4a5565;
    font-size: 0.8em;
  }
  .name {
    display: block;
    font-size: 1.05em;
  }
  .levers {
    display: block;
    font-weight: 400;
    font-size: 0.72em;
    color: #4a5565;
  }
  .unit {
    display: block;
    font-weight: 400;
    font-size: 0.72em;
    color: #5c6776;
  }
  .value {
    display: block;
    font-size: 1.3em;
    font-weight: 600;
    line-height: 1.15;
  }
  .delta {
    display: block;
    font-size: 0.95em;
  }
  .ci {
    display: block;
    font-size: 0.72em;
    color: #5c6776;
  }
  .breach {
    display: block;
    font-size: 0.72em;
    color: #a3261f;
    font-weight: 700;
  }
  ul.guardrails {
    list-style: none;
    margin: 0.2rem 0 0;
    padding: 0;
    font-size: 0.72em;
    line-height: 1.35;
  }
  ul.guardrails li.breached {
    color: #a3261f;
    font-weight: 700;
  }
  .guard-count {
    font-weight: 700;
  }
  .limit {
    font-weight: normal;
  }
  p.headline {
    margin: 0;
    text-align: left;
    font-size: 0.8em;
    line-height: 1.35;
  }
  p.headline .guard-breach {
    color: #a3261f;
    font-weight: 700;
  }
  .wait {
    color: #4a5565;
    font-size: 0.8em;
  }
  tr.actions td {
    border-bottom: none;
  }
  tr.north-star th,
  tr.north-star td {
    background: #f3f6fa;
  }
  .empty {
    color: #4a5565;
  }
`;

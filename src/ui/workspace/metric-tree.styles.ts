/**
 * The metric tree's look: the sticky column headers, stakeholder groups, rows (the North Star
 * a size up, the charted one highlighted), the verdict colours, breach flags, threshold
 * editors, the definition tooltip, and a larger table on wide columns.
 */
import { css } from 'lit';

export const metricTreeStyles = css`
  :host {
    display: block;
    container: tree / inline-size;
    font-variant-numeric: tabular-nums;
    --better: #17703a;
    --better-bg: #e3f3e8;
    --worse: #b3261e;
    --worse-bg: #fbe9e7;
    --unclear: #4f5968;
    --muted: #5b6472;
    --rule: #e3e7ec;
    --accent: #1f4e8c;
  }
  .status {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-height: 1.75rem;
    margin: 0 0 0.25rem;
    color: var(--muted);
    font-size: 0.95rem;
  }
  .status progress {
    width: 10rem;
  }
  .computing {
    font-size: 1.2rem;
    color: var(--muted);
    padding: 2rem 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  col.c-metric {
    width: 22%;
  }
  col.c-run {
    width: 21%;
  }
  col.c-course {
    width: 15%;
  }
  p.unstable {
    margin: 0.3em 0 0.5em;
    padding: 0.45em 0.6em;
    border-left: 4px solid var(--worse);
    background: #fdf1ef;
    color: #1c2430;
    font-size: 0.9em;
  }
  td.no-weeks {
    color: var(--muted);
    font-size: 0.85em;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 2;
    background: #fff;
    text-align: left;
    font-weight: 600;
    font-size: 0.95em;
    padding: 0.35em 0.5em;
    border-bottom: 2px solid #c9d0d8;
    vertical-align: bottom;
  }
  thead .sub {
    display: block;
    font-weight: 400;
    font-size: 0.85em;
    color: var(--muted);
  }
  tr.group th {
    text-align: left;
    padding: 0.9em 0.5em 0.3em;
    font-size: 0.85em;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: #3a4452;
    border-bottom: 1px solid #c9d0d8;
  }
  tr.group .meaning {
    text-transform: none;
    letter-spacing: 0;
    font-weight: 400;
    color: var(--muted);
    margin-left: 0.5em;
  }
  tr.metric {
    cursor: pointer;
  }
  tr.metric > * {
    padding: 0.45em 0.5em;
    border-bottom: 1px solid var(--rule);
    vertical-align: top;
    text-align: left;
    font-weight: 400;
  }
  tr.metric:hover > * {
    background: #f7f9fb;
  }
  tr.metric.selected > * {
    background: #eaf1fb;
  }
  tr.metric.selected > th {
    box-shadow: inset 4px 0 0 var(--accent);
  }
  .metric-cell {
    position: relative;
  }
  button.name {
    all: unset;
    cursor: pointer;
    font-size: 1.05em;
    font-weight: 600;
    color: #1c2430;
    text-decoration: underline dotted #98a2b0;
    text-underline-offset: 0.2em;
  }
  button.name:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .unit {
    display: block;
    font-size: 0.8em;
    color: var(--muted);
  }
  a.doc {
    margin-left: 0.35em;
    color: #2b5aa8;
    font-size: 0.95em;
  }
  .definition {
    display: none;
    position: absolute;
    z-index: 3;
    left: 0.5em;
    top: 100%;
    width: max-content;
    max-width: 22em;
    padding: 0.5em 0.65em;
    background: #1c2430;
    color: #fff;
    font-size: 0.9em;
    font-weight: 400;
    line-height: 1.35;
    border-radius: 6px;
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.2);
  }
  button.name:hover + .definition,
  button.name:focus-visible + .definition {
    display: block;
  }
  .values {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.4em;
  }
  .base {
    font-size: 1em;
    color: var(--muted);
  }
  .to {
    color: #98a2b0;
  }
  .scen {
    font-size: 1.3em;
    font-weight: 600;
  }
  .delta {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.35em;
    margin-top: 0.15em;
    padding: 0.05em 0.35em;
    border-radius: 4px;
    font-size: 0.95em;
  }
  .delta .piece {
    white-space: nowrap;
  }
  .delta .verdict {
    font-size: 0.85em;
    font-weight: 600;
  }
  spark-line {
    max-width: 16em;
  }
  thead .busy {
    color: var(--accent);
    font-weight: 600;
  }
  thead .busy progress {
    width: 4em;
    height: 0.5em;
    vertical-align: middle;
  }
  .legend .key {
    white-space: nowrap;
    margin-right: 0.4em;
  }
  .legend svg {
    vertical-align: middle;
    margin-right: 0.2em;
  }
  .legend .key-base {
    stroke: #8a94a3;
    stroke-width: 1.5;
    stroke-dasharray: 3 2;
  }
  .legend .key-scen {
    stroke: #1f4e8c;
    stroke-width: 2;
  }
  .better {
    color: var(--better);
    background: var(--better-bg);
  }
  .worse {
    color: var(--worse);
    background: var(--worse-bg);
  }
  .unclear,
  .unknown {
    color: var(--unclear);
  }
  .north-star .name {
    font-size: 1.3em;
  }
  .north-star .scen {
    font-size: 1.9em;
  }
  .north-star .base {
    font-size: 1.15em;
  }
  .north-star > * {
    padding-top: 0.6em;
    padding-bottom: 0.6em;
  }
  .flag {
    display: inline-block;
    margin-top: 0.25em;
    padding: 0.05em 0.4em;
    border: 2px solid var(--worse);
    border-radius: 4px;
    color: var(--worse);
    background: var(--worse-bg);
    font-size: 0.85em;
    font-weight: 700;
  }
  .guard {
    margin-top: 0.25em;
    font-size: 0.85em;
    color: var(--muted);
  }
  .also {
    display: block;
    font-size: 0.8em;
    color: var(--muted);
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3em;
    margin-top: 0.3em;
    font-size: 0.85em;
    cursor: auto;
  }
  form .field {
    /* A long unit ("days of demand") wraps rather than running into the next column. */
    white-space: normal;
  }
  form input {
    width: 3.2em;
    font: inherit;
    font-size: 1.1em;
    padding: 0.1em 0.3em;
    border: 1px solid #98a2b0;
    border-radius: 4px;
  }
  form input[aria-invalid='true'] {
    border: 2px solid var(--worse);
  }
  form button {
    font: inherit;
    padding: 0.1em 0.5em;
  }
  .error {
    flex-basis: 100%;
    margin: 0.1em 0 0;
    color: var(--worse);
    font-weight: 600;
  }
  .judging {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.2em 0.75em;
    margin: 0 0 0.4em;
    color: var(--muted);
    font-size: 0.85rem;
  }
  .judging button {
    font: inherit;
    padding: 0.1em 0.5em;
  }
  details.matters {
    font-size: 0.8em;
    color: var(--muted);
  }
  details.matters summary {
    cursor: pointer;
    width: fit-content;
  }
  details.matters input {
    width: 4em;
  }
  .updating tbody .values,
  .updating tbody .delta {
    opacity: 0.55;
    transition: opacity 0.2s;
  }
  @container tree (min-width: 68rem) {
    table {
      font-size: 1.2rem;
    }
  }
`;

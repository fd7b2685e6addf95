/**
 * The one-page summary's look on screen (a sheet under a toolbar) and in print: one page of
 * A4 or Letter, no buttons, tables at 8 pt, the guardrails beside the weekly chart and the
 * other two charts side by side, and no section or chart cut across pages.
 */
import { css } from 'lit';
import { visuallyHidden } from '../shared/styles';

export const comparisonSummaryStyles = css`
  :host {
    display: block;
    color: #1c2430;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    max-width: 680px;
    margin: 0 auto 0.75rem;
  }
  .toolbar .hint {
    color: #4a5565;
    font-size: 0.95rem;
  }
  .toolbar button {
    font: inherit;
    font-size: 1rem;
    padding: 0.4rem 0.9rem;
    border-radius: 6px;
    border: 1px solid #9aa5b3;
    background: #fff;
    cursor: pointer;
  }
  .toolbar button.primary {
    background: #1c2430;
    color: #fff;
    border-color: #1c2430;
  }
  .toolbar button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  button:focus-visible,
  h1:focus-visible {
    outline: 3px solid #1c6fd1;
    outline-offset: 2px;
  }
  .page {
    box-sizing: border-box;
    width: 680px;
    max-width: 100%;
    margin: 0 auto;
    padding: 0;
    background: #fff;
    font-size: 12.5px;
    line-height: 1.3;
  }
  .sheet {
    box-sizing: border-box;
    width: calc(680px + 3rem);
    max-width: 100%;
    margin: 0 auto;
    padding: 1.5rem;
    background: #fff;
    border: 1px solid #dde2e8;
    border-radius: 8px;
  }
  h1 {
    font-size: 20px;
    margin: 0 0 0.2rem;
  }
  h2 {
    font-size: 15px;
    margin: 1.1rem 0 0.4rem;
    padding-bottom: 0.15rem;
    border-bottom: 2px solid #1c2430;
  }
  .meta {
    margin: 0;
    color: #4a5565;
  }
  .provenance a {
    color: inherit;
    overflow-wrap: anywhere;
  }
  p.headline {
    margin: 0.6rem 0 0;
    padding: 0.4rem 0.7rem;
    border-left: 5px solid #1f4e8c;
    background: #f3f6fa;
    font-size: 15px;
    line-height: 1.4;
  }
  p.headline .guard-breach {
    color: #8a1c1c;
    font-weight: 600;
  }
  .progress {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    margin: 0.75rem 0;
  }
  .error {
    color: #8a1c1c;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: left;
    padding: 0.18rem 0.3rem;
    border-bottom: 1px solid #e3e7ec;
    vertical-align: top;
  }
  thead th {
    font-size: 11.5px;
    color: #4a5565;
    font-weight: 600;
    border-bottom: 1px solid #9aa5b3;
  }
  .num {
    text-align: right;
    white-space: nowrap;
  }
  tr.group th {
    padding-top: 0.45rem;
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: #4a5565;
    border-bottom: 1px solid #c9d0d8;
  }
  tr.north-star td {
    font-weight: 600;
  }
  .unit {
    color: #5c6776;
    font-size: 11px;
  }
  td.num[data-period] {
    white-space: normal;
  }
  .change,
  .ci {
    white-space: nowrap;
  }
  .ci {
    color: #5c6776;
    font-size: 10.5px;
  }
  table.metrics {
    table-layout: fixed;
  }
  table.metrics col.metric {
    width: 26%;
  }
  table.metrics col.value {
    width: 10.5%;
  }
  table.metrics col.change {
    width: 19.5%;
  }
  table.metrics col.verdict {
    width: 14%;
  }
  table.metrics.with-peak col.metric {
    width: 22%;
  }
  table.metrics.with-peak col.value {
    width: 10%;
  }
  table.metrics.with-peak col.change {
    width: 15%;
  }
  table.metrics.with-peak col.verdict {
    width: 13%;
  }
  .breach {
    color: #a3261f;
    font-weight: 700;
  }
  .ok {
    color: #17643a;
  }
  .none,
  p.unstable {
    color: #4a5565;
    margin: 0;
  }
  .print-only {
    display: none;
  }
  figure {
    margin: 0.75rem 0 0;
    break-inside: avoid;
  }
  section {
    break-inside: avoid;
  }
  section[data-section='metrics'],
  section[data-section='charts'] {
    /* Too long for one page: their rows and figures are kept whole instead. */
    break-inside: auto;
  }
  tr {
    break-inside: avoid;
  }
  thead {
    display: table-header-group;
  }
  /*
   * Narrow screens (phones): the sheet keeps its margins small, and a table wider than the
   * screen (the metrics' five number columns) scrolls sideways in its section instead of
   * squeezing its numbers into cells too narrow for them.
   */
  @media screen and (max-width: 44rem) {
    .sheet {
      padding: 0.75rem;
    }
    section[data-section] {
      overflow-x: auto;
    }
    table.metrics {
      table-layout: auto;
    }
  }
  @media print {
    /*
       * One page, A4 or Letter portrait at 10 mm margins (at least 718 × 980 px): a fixed width,
       * so the charts measure the same width in print emulation and on paper; tables at 8 pt,
       * one line a metric; guardrails beside the weekly chart, the pool and earnings charts
       * side by side below, each drawn at a design width and scaled down (zoom).
       */
    :host {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .toolbar,
    .progress {
      display: none;
    }
    .sheet {
      width: auto;
      padding: 0;
      border: none;
      border-radius: 0;
    }
    .page {
      width: 712px;
      margin: 0;
      font-size: 8pt;
      line-height: 1.05;
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      column-gap: 14px;
      align-items: start;
    }
    .page > * {
      grid-column: 1 / -1;
    }
    h1 {
      font-size: 13pt;
      margin: 0;
    }
    .meta {
      font-size: 8pt;
    }
    h2 {
      break-after: avoid;
      font-size: 10pt;
      margin: 0.35rem 0 0.1rem;
      padding-bottom: 0.05rem;
      border-bottom-width: 1.5px;
    }
    th,
    td {
      /* Tight rows, so every metric and guardrail fits one page. */
      padding: 0.01rem 0.25rem;
    }
    thead th,
    tr.group th,
    .unit,
    .ci {
      font-size: 8pt;
    }
    tr.group th {
      padding-top: 0.05rem;
      letter-spacing: 0.02em;
    }
    td.num[data-period],
    td.verdict {
      white-space: nowrap;
    }
    .screen-only,
    td[data-period='shortRun'] .ci,
    td[data-period='peak'] .ci,
    th.status,
    td.status,
    p.headline {
      /* The short run's interval and the status column (the note names every breach); the
         headline, for which the one printed page has no room (its parts are all on it). */
      display: none;
    }
    .print-only {
      display: inline;
    }
    table.metrics col.metric {
      width: 27%;
    }
    table.metrics col.value {
      width: 8%;
    }
    table.metrics col.change {
      width: 12%;
    }
    table.metrics col.change + col.change {
      width: 26%;
    }
    table.metrics col.verdict {
      /* Wide enough for "≈ no meaningful change" on one line. */
      width: 19%;
    }
    /* The peak's column stays on screen: on paper the page keeps the short and long run. */
    table.metrics.with-peak col.peak,
    table.metrics.with-peak [data-period='peak'],
    table.metrics.with-peak [data-period-head='peak'] {
      display: none;
    }
    table.metrics.with-peak col.metric {
      width: 27%;
    }
    table.metrics.with-peak col.value {
      width: 8%;
    }
    table.metrics.with-peak col.change {
      width: 12%;
    }
    table.metrics.with-peak col.change + col.change {
      width: 26%;
    }
    table.metrics.with-peak col.verdict {
      /* Wide enough for "≈ no meaningful change" on one line. */
      width: 19%;
    }
    section[data-section='guardrails'] {
      grid-column: 1;
    }
    section[data-section='charts'] {
      /* Its figures join the page's grid: beside the guardrails, then side by side. */
      display: contents;
    }
    section[data-section='charts'] > h2 {
      ${visuallyHidden}
    }
    figure {
      margin: 0.45rem 0 0;
      min-width: 0;
    }
    weekly-chart,
    pool-chart,
    earnings-chart {
      /* Drawn about 600 px wide (room for titles and legends), printed at 349 px. */
      zoom: 0.58;
      min-height: 0;
    }
  }
`;

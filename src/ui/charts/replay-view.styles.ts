import { css } from 'lit';

export const replayViewStyles = css`
  :host {
    display: block;
    font-size: 15px;
    color: #1c2430;
  }
  .controls,
  .pickers {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    margin: 8px 0;
  }
  .controls label,
  .pickers label {
    display: inline-flex;
    gap: 6px;
    align-items: center;
  }
  input[type='number'] {
    width: 5.5em;
  }
  .scrub {
    flex: 1 1 260px;
  }
  .scrub input {
    flex: 1;
    min-width: 160px;
  }
  .clock {
    min-width: 18em;
    font-variant-numeric: tabular-nums;
  }
  button {
    font: inherit;
    padding: 4px 12px;
  }
  .play {
    min-width: 5em;
  }
  .status:empty {
    display: none;
  }
  .sides {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px;
  }
  .side {
    margin: 0;
  }
  figcaption {
    font-weight: 600;
    margin-bottom: 4px;
  }
  canvas {
    display: block;
    width: 100%;
    height: 500px;
    cursor: pointer;
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    padding: 3px 8px;
    text-align: right;
    border-bottom: 1px solid #e3e7ec;
    vertical-align: top;
  }
  th[scope='row'] {
    text-align: left;
    font-weight: normal;
  }
  .counters {
    margin: 12px 0;
    font-variant-numeric: tabular-nums;
  }
  .story th {
    text-align: left;
  }
  .story td {
    text-align: left;
    min-width: 11em;
    font-size: 13px;
  }
  .story-scroll {
    overflow-x: auto;
  }
  .note {
    color: #4a5565;
  }
  @media (max-width: 700px) {
    .sides {
      grid-template-columns: 1fr;
    }
    canvas {
      height: 440px;
    }
    .clock {
      min-width: 0;
    }
    .counters {
      font-size: 13px;
    }
  }
`;

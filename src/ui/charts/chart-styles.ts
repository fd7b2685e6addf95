/**
 * The styles every chart shares: the host, the plot wrapper, the note under a chart, the svg's
 * focus ring, the status line shown while nothing is drawn, and the tooltip.
 */
import { css, unsafeCSS } from 'lit';
import { srOnly } from '../shared/styles';
import { COLOURS, FONT_FAMILY } from './chart-theme';
import { CHART_HEIGHT } from './chart-frame';

/** Styles shared by the charts: the host, the plot wrapper, the tooltip and the status line. */
export const chartStyles = css`
  :host {
    display: block;
    position: relative;
    min-height: ${CHART_HEIGHT}px;
    font-family: ${unsafeCSS(FONT_FAMILY)};
  }
  .wrap {
    position: relative;
  }
  .chart-note {
    margin: 0.25rem 0 0;
    font-size: 0.85rem;
    color: ${unsafeCSS(COLOURS.muted)};
    max-width: 60rem;
  }
  svg {
    display: block;
    overflow: visible;
  }
  svg:focus {
    outline: none;
  }
  svg:focus-visible {
    outline: 3px solid #1c6fd1;
    outline-offset: 2px;
  }
  .status {
    display: flex;
    align-items: center;
    justify-content: center;
    height: ${CHART_HEIGHT}px;
    margin: 0;
    color: #4a5565;
    font-size: 1.1rem;
  }
  .tooltip {
    position: absolute;
    pointer-events: none;
    background: #ffffff;
    border: 1px solid #b8c1cc;
    border-radius: 6px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 15%);
    padding: 0.5rem 0.75rem;
    font-size: 15px;
    line-height: 1.45;
    color: #1c2430;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
    z-index: 2;
  }
  .tooltip strong {
    display: block;
    margin-bottom: 0.15rem;
  }
  .tooltip table {
    border-collapse: collapse;
  }
  .tooltip th,
  .tooltip td {
    padding: 0 0 0 1rem;
    text-align: right;
    font-weight: normal;
  }
  .tooltip th:first-child {
    padding-left: 0;
    text-align: left;
  }
  .tooltip thead th {
    font-weight: 700;
  }
  .tooltip .note {
    margin-top: 0.2rem;
    font-size: 13px;
    color: #4a5565;
  }
  .tooltip .b {
    color: #005a8c;
  }
  .tooltip .s {
    color: #a84300;
  }
  ${srOnly}
`;

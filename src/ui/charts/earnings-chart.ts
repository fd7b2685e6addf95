import { scaleLinear, type ScaleLinear } from 'd3';
import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { binLabel, formatDollars, formatShare, shareBelow } from './chart-data';
import { type EarningsBin } from '../shared/series';
import { ChartElement, type Readings } from './chart-element';
import {
  CHART_HEIGHT,
  axisTicks,
  bottomAxis,
  chartTitle,
  leftAxis,
  leftMargin,
  legend,
  type Box,
} from './chart-frame';
import { COLOURS, FONT, FONT_FAMILY, textWidth } from './chart-theme';
import { bar, type Side } from './comparison-marks';

const TOP = 96;
const BOTTOM = 72;
const RIGHT = 28;

/** The share of drivers below the wage floor, on each side. */
type Below = Record<Side, number>;

/** The plot's scales, its ticks and its box. */
interface Plot {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  yAxis: { ticks: number[]; format: (t: number) => string };
  xTicks: number[];
  box: Box;
}

/**
 * The distribution of realised net hourly earnings across drivers who worked in the last
 * weeks: per $1 bin, the share of drivers, baseline (outlined bars) beside scenario (filled
 * bars), with a vertical line at the wage floor. Hover or focus it for a bin's shares. Its
 * root svg carries `data-chart="earnings"`.
 */
@customElement('earnings-chart')
export class EarningsChart extends ChartElement {
  /** Histogram bins with the baseline's and the scenario's share of drivers. */
  @property({ attribute: false }) bins: readonly EarningsBin[] = [];
  /** Net hourly wage floor drawn as a vertical line ($/h). */
  @property({ type: Number }) wageFloor = 15;
  /** Weeks the earnings are realised over, for the axis title. */
  @property({ type: Number }) weeks = 8;
  /** The long-run weeks in words ("weeks 16–18, 22–26"); when given, the axis title names them. */
  @property({ type: String, attribute: 'weeks-text' }) weeksText = '';

  /** The svg's height in px: CHART_HEIGHT, or less where room is short (a printed page). */
  @property({ type: Number, attribute: 'chart-height' }) chartHeight = CHART_HEIGHT;

  protected readonly chartName = 'earnings chart';

  /** Bins 0..count − 1; keyboard reading starts at the wage floor's bin. */
  protected readings(): Readings {
    return { first: 0, count: this.bins.length, start: this.floorBin(), page: 5 };
  }

  override render() {
    const bins = this.bins;
    const waiting = this.placeholder(bins.length > 0);
    if (waiting) return waiting;
    const first = bins[0];
    const last = bins[bins.length - 1];
    if (!first || !last) return html`<p class="status">Computing…</p>`;
    const plot = this.plot(first, last);
    const { x, box } = plot;
    const floorText = `${formatDollars(this.wageFloor)}/h wage floor`;
    const below: Below = {
      baseline: shareBelow(bins, this.wageFloor, 'baseline'),
      scenario: shareBelow(bins, this.wageFloor, 'scenario'),
    };
    const label = `Distribution of realised net hourly earnings across drivers, baseline (outlined bars) against scenario (filled bars), with the ${floorText}. Below the floor: baseline ${formatShare(below.baseline)}, scenario ${formatShare(below.scenario)} of drivers. Use the left and right arrow keys to read each bin.`;
    return this.frame({
      height: this.chartHeight,
      chart: 'earnings',
      label,
      title: 'Realised net hourly earnings across drivers: baseline against scenario',
      body: svg`${this.heading(box, below)} ${this.axes(plot)}
        ${this.bars(x, plot.y)} ${this.highlight(x, box)}
        ${Number.isFinite(this.wageFloor) ? this.floorLine(x(this.wageFloor), box, floorText) : nothing}
        ${this.pointerArea(box, (px) => this.binAt(x.invert(px)))}`,
      tooltip: this.tooltip(x, box),
      note:
        'Drivers below the floor: drivers whose realised net hourly over these weeks, search ' +
        'time and unpaid overruns counted, is under the wage floor. The guardrail “Hours below ' +
        'wage floor” counts hours worked in blocks that paid under it, so the two differ.',
    });
  }

  /**
   * The plot's scales and box: dollars across (the bins' range, widened to show the wage
   * floor with a dollar either side), the share of drivers up.
   */
  private plot(first: EarningsBin, last: EarningsBin): Plot {
    const floorShown = Number.isFinite(this.wageFloor);
    const lo = Math.min(first.x0, floorShown ? Math.floor(this.wageFloor) - 1 : first.x0);
    const hi = Math.max(last.x1, floorShown ? Math.ceil(this.wageFloor) + 1 : last.x1);
    const peak = Math.max(
      0.01,
      ...this.bins.flatMap((b) => [b.baseline, b.scenario]).filter((v) => Number.isFinite(v)),
    );
    const y = scaleLinear()
      .domain([0, peak * 1.1])
      .range([this.chartHeight - BOTTOM, TOP])
      .nice();
    const yAxis = axisTicks(y, this.chartHeight - BOTTOM - TOP, 48, '%');
    const left = leftMargin(yAxis.ticks.map(yAxis.format));
    const box = {
      left,
      right: this.size.width - RIGHT,
      top: TOP,
      bottom: this.chartHeight - BOTTOM,
    };
    const x = scaleLinear().domain([lo, hi]).range([box.left, box.right]);
    const xTicks = axisTicks(x, box.right - box.left, 64).ticks.filter((t) => Number.isInteger(t));
    return { x, y, yAxis, xTicks, box };
  }

  /**
   * The title (a shorter one where the chart is drawn narrow, a printed page), the legend and
   * the shares of drivers below the floor.
   */
  private heading(box: Box, below: Below) {
    const width = this.size.width;
    return svg`${chartTitle(
      [
        'Drivers’ realised net hourly earnings: share of drivers per $1 band',
        'Drivers’ net hourly earnings per $1 band',
      ],
      8,
      22,
      width,
    )}
      ${legend(
        [
          { label: 'Baseline', colour: COLOURS.baseline, kind: 'outlined' },
          { label: 'Scenario', colour: COLOURS.scenario, kind: 'filled' },
          { label: 'Wage floor', colour: COLOURS.marker, kind: 'line', width: 2.5 },
        ],
        8,
        52,
        width,
      )}
      <text
        x=${box.right}
        y=${78}
        dy="0.32em"
        text-anchor="end"
        font-family=${FONT_FAMILY}
        font-size=${FONT.legend}
        fill=${COLOURS.text}
      >
        Drivers below the floor: baseline ${formatShare(below.baseline)}, scenario ${formatShare(below.scenario)}
      </text>`;
  }

  /** The share axis on the left and the dollar axis along the bottom. */
  private axes({ x, y, yAxis, xTicks, box }: Plot) {
    return svg`${leftAxis(y, yAxis.ticks, yAxis.format, box, 'Share of drivers (%)', 18)}
      ${bottomAxis(
        x,
        xTicks,
        (t) => formatDollars(t),
        box.bottom,
        `Realised net hourly earnings ($/h), ${this.weeksText ? `long run: ${this.weeksText}` : this.weeks === 1 ? 'week 1' : `last ${this.weeks} weeks`}`,
      )}`;
  }

  private bars(x: (v: number) => number, y: (v: number) => number) {
    return svg`<g class="bars">${this.bins.map((bin) => {
      const x0 = x(bin.x0);
      const w = x(bin.x1) - x0;
      const pad = Math.min(3, w * 0.12);
      const bw = Math.max(1, (w - 2 * pad) / 2);
      const draw = (v: number, at: number, side: Side) =>
        Number.isFinite(v) && v > 0 ? bar(side, at, y(v), bw, y(0) - y(v)) : nothing;
      return svg`${draw(bin.baseline, x0 + pad, 'baseline')}
        ${draw(bin.scenario, x0 + pad + bw, 'scenario')}`;
    })}</g>`;
  }

  private floorLine(
    px: number,
    box: { left: number; right: number; top: number; bottom: number },
    text: string,
  ) {
    const anchorEnd = px + textWidth(text, FONT.tick) + 12 > box.right;
    return svg`<g class="wage-floor" font-family=${FONT_FAMILY}>
      <line x1=${px} x2=${px} y1=${box.top - 4} y2=${box.bottom} stroke=${COLOURS.marker}
        stroke-width="2.5"></line>
      <text x=${anchorEnd ? px - 6 : px + 6} y=${box.top + 12} text-anchor=${anchorEnd ? 'end' : 'start'}
        font-size=${FONT.tick} font-weight="600" fill=${COLOURS.text} stroke="#ffffff"
        stroke-width="4" paint-order="stroke">${text}</text>
    </g>`;
  }

  private highlight(x: (v: number) => number, box: { top: number; bottom: number }) {
    const bin = this.active === undefined ? undefined : this.bins[this.active];
    if (!bin) return nothing;
    return svg`<rect class="hover" data-export="skip" x=${x(bin.x0)} y=${box.top}
      width=${x(bin.x1) - x(bin.x0)} height=${box.bottom - box.top} fill="none"
      stroke=${COLOURS.marker} stroke-width="1.5" stroke-dasharray="3 3"></rect>`;
  }

  private tooltip(x: (v: number) => number, box: { left: number; right: number }) {
    const i = this.active;
    const bin = i === undefined ? undefined : this.bins[i];
    if (i === undefined || !bin) return this.noReading();
    const diff = bin.scenario - bin.baseline;
    const diffText = Number.isFinite(diff)
      ? `${diff > 0 ? '+' : diff < 0 ? '−' : ''}${(Math.abs(diff) * 100).toFixed(1)} pp`
      : '–';
    const px = x((bin.x0 + bin.x1) / 2);
    // In the top corner farther from the bin: the tails of the distribution are near empty.
    const style =
      px > (box.left + box.right) / 2
        ? `left:${box.left + 12}px;top:${TOP + 8}px`
        : `right:${this.size.width - box.right + 12}px;top:${TOP + 8}px`;
    return html`<div class="tooltip" role="status" style=${style} data-bin=${i}>
      <strong>Net hourly ${binLabel(bin, i, this.bins.length)}</strong>
      <div class="b">Baseline: ${formatShare(bin.baseline)} of drivers</div>
      <div class="s">Scenario: ${formatShare(bin.scenario)} of drivers</div>
      <div>Difference: ${diffText}</div>
    </div>`;
  }

  private binAt(value: number): number | undefined {
    if (!Number.isFinite(value)) return undefined;
    const i = this.bins.findIndex((b) => value >= b.x0 && value < b.x1);
    return i < 0 ? undefined : i;
  }

  /** The bin the wage floor falls in, where keyboard reading starts. */
  private floorBin(): number {
    return this.binAt(this.wageFloor) ?? 0;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'earnings-chart': EarningsChart;
  }
}

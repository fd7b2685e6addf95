import { scaleLinear, type ScaleLinear } from 'd3';
import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MetricDef, MetricId } from '../../model/metrics';
import { formatChange, formatInterval } from '../shared/format';
import { metricDef } from '../shared/comparison-rows';
import { axisTitle, axisUnit, paddedExtent } from './chart-data';
import { ChartElement, indexReadings, type Readings } from './chart-element';
import { axisTicks, bottomAxis, chartTitle, legend, tooltipPlace, type Box } from './chart-frame';
import { COLOURS, FONT, textWidth } from './chart-theme';

/** A row of the waterfall: a part of the change (or the total) with its 95% interval. */
export interface WaterfallRow {
  readonly id: string;
  readonly label: string;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** The value printed (rounded so that the printed parts add up to the printed total). */
  readonly shown: number;
}

const TOP = 76;
const BOTTOM = 56;
const ROW = 36;
/** Left margin of a narrow chart's plot: half the widest tick label ("−100%") and a gap. */
const NARROW_LEFT = 28;
/** Rows on a narrow chart: the label on a line of its own above the bar. */
const NARROW_ROW = 50;
const BAR = 20;
/** Below this width (px) labels go above their bars, not beside them. */
const NARROW = 560;
/** Okabe–Ito bluish green and vermillion: parts moving the metric the better or worse way. */
const BETTER = '#009E73';
const WORSE = '#D55E00';

/**
 * Why a metric moved: a waterfall of its change (scenario − baseline) into parts, each a bar
 * from where the parts before it left the running total, with a whisker for its 95% interval
 * (paired across replications), and the total change at the bottom from zero. Bars that move
 * the metric the better way are green, the worse way vermillion; each prints its value.
 * Hover or focus a row (Tab) to read it. Rows carry `data-why-part="<id>"` (the total
 * `data-why-total`) and `data-shown` (the printed value, raw).
 */
@customElement('waterfall-chart')
export class WaterfallChart extends ChartElement {
  @property({ type: String }) metric: MetricId = 'onTimePackagesPerWeek';
  @property({ attribute: false }) parts: readonly WaterfallRow[] = [];
  @property({ attribute: false }) total: WaterfallRow | undefined;
  /** The period's name for the title: "long run". */
  @property({ type: String }) periodText = 'long run';

  protected readonly chartName = 'waterfall chart';

  private get narrow(): boolean {
    return this.size.width < NARROW;
  }

  private get rowHeight(): number {
    return this.narrow ? NARROW_ROW : ROW;
  }

  protected readings(): Readings {
    return indexReadings(this.parts.length + 1);
  }

  override render() {
    const total = this.total;
    const waiting = this.placeholder(total !== undefined && this.parts.length > 0);
    if (waiting || !total) return waiting;
    const m = metricDef(this.metric);
    const width = this.size.width;
    const { x, ticks, box, starts } = this.plot(m, total);
    const rows = [...this.parts, total];
    const title = `Why ${m.label.toLowerCase()} moved (${this.periodText})`;
    return this.frame({
      chart: 'waterfall',
      label: `${title}: ${this.parts.length} parts adding up to the total change.`,
      title,
      height: box.bottom + BOTTOM,
      focus: 'marks',
      body: svg`${chartTitle([title, `Why it moved (${this.periodText})`], 8, 22, width)}
        ${legend(this.legendItems(m), 8, 50, width)}
        ${ticks.ticks.map(
          (t) => svg`<line x1=${x(t)} x2=${x(t)} y1=${box.top} y2=${box.bottom}
            stroke=${COLOURS.grid}></line>`,
        )}
        ${bottomAxis(x, ticks.ticks, ticks.format, box.bottom, this.axisText(m))}
        <line x1=${x(0)} x2=${x(0)} y1=${box.top - 4} y2=${box.bottom} stroke=${COLOURS.marker}
          stroke-width="1.5"></line>
        ${rows.map((r, i) => this.row(r, i, i < this.parts.length ? starts[i] : 0, x, box, m))}`,
      tooltip: this.tooltip(rows, box, m),
      note: 'Whiskers: 95% intervals, paired replication by replication. In every replication the parts add up to the total change exactly.',
    });
  }

  /** Where each part starts (the running total before it), the scale and the plot's box. */
  private plot(m: MetricDef, total: WaterfallRow) {
    const starts: number[] = [];
    const values: number[] = [0, total.mean, total.low, total.high];
    let run = 0;
    for (const p of this.parts) {
      starts.push(run);
      values.push(run, run + p.mean, run + p.low, run + p.high);
      run += p.mean;
    }
    const width = this.size.width;
    const labels = [...this.parts, total].map((r) => textWidth(r.label, FONT.axis));
    // Narrow: the labels sit above the bars; the plot starts far enough in for its first tick's
    // label ("−20%"), centred on the plot's left edge, to fit.
    const labelWidth = this.narrow ? NARROW_LEFT : Math.min(width * 0.4, Math.max(...labels) + 20);
    const box: Box = {
      left: labelWidth,
      right: width - (this.narrow ? 72 : 96),
      top: TOP,
      bottom: TOP + (this.parts.length + 1) * this.rowHeight,
    };
    const extent = paddedExtent(values) ?? [-1, 1];
    const x: ScaleLinear<number, number> = scaleLinear()
      .domain(extent)
      .range([box.left, box.right])
      .nice();
    const ticks = axisTicks(x, box.right - box.left, 90, m.percent ? '%' : ',f');
    return { x, ticks, box, starts };
  }

  /** "Change in on-time rate (%)"; on a narrow chart only "Change (%)". */
  private axisText(m: MetricDef): string {
    const full = `Change in ${axisTitle(m).replace(/^./, (c) => c.toLowerCase())}`;
    return this.narrow ? `Change (${axisUnit(m)})` : full;
  }

  private legendItems(m: MetricDef) {
    const up = m.better === 'up';
    const items = [
      {
        short: 'Better way',
        label: `Moves it the better way (${up ? 'up' : 'down'})`,
        colour: BETTER,
        kind: 'filled' as const,
      },
      { label: 'The worse way', short: 'Worse way', colour: WORSE, kind: 'filled' as const },
      { label: '95% interval', colour: COLOURS.text, kind: 'line' as const, width: 1.5 },
    ];
    // A narrow chart says what the whiskers are in its note instead.
    return this.narrow ? items.slice(0, 2) : items;
  }

  private row(
    r: WaterfallRow,
    i: number,
    start: number,
    x: (v: number) => number,
    box: Box,
    m: MetricDef,
  ) {
    const isTotal = i === this.parts.length;
    const row = this.rowHeight;
    const rowTop = box.top + i * row;
    const top = this.narrow ? rowTop + row - BAR - 4 : rowTop + (row - BAR) / 2;
    const mid = top + BAR / 2;
    const labelAt = this.narrow
      ? { x: 8, y: rowTop + 12, anchor: 'start' }
      : { x: box.left - 10, y: mid, anchor: 'end' };
    const end = start + r.mean;
    const better = r.mean > 0 === (m.better === 'up');
    const fill = isTotal ? COLOURS.text : better ? BETTER : WORSE;
    const x0 = Math.min(x(start), x(end));
    const whisker = whiskerOf(x, start, r, top, mid);
    const text = formatChange(m, r.shown);
    const value = valuePlace(
      Math.max(x(end), x(start), x(start + r.high)),
      Math.min(x(end), x(start), x(start + r.low)),
      textWidth(text, FONT.tick),
      x(0),
      this.size.width,
    );
    const connector = isTotal
      ? svg``
      : svg`<line x1=${x(end)} x2=${x(end)} y1=${top + BAR} y2=${top + BAR + row - BAR} stroke=${COLOURS.axis}
          stroke-dasharray="3 3"></line>`;
    return svg`<g class="row" tabindex="0" role="img"
      data-why-part=${isTotal ? nothing : r.id} data-why-total=${isTotal ? '' : nothing}
      data-shown=${String(r.shown)}
      aria-label=${`${r.label}: ${text} ${formatInterval(m, r.low, r.high)}`}
      @pointerenter=${() => (this.active = i)}
      @pointerleave=${() => (this.active = undefined)}
      @focus=${() => (this.active = i)}
      @blur=${() => (this.active = undefined)}>
      <rect data-export="skip" x="0" y=${rowTop} width=${box.right} height=${row}
        fill=${this.active === i ? '#f1f4f8' : 'transparent'}></rect>
      <text x=${labelAt.x} y=${labelAt.y} dy="0.32em" text-anchor=${labelAt.anchor} font-size=${FONT.axis}
        stroke="#ffffff" stroke-width="4" paint-order="stroke" stroke-linejoin="round"
        font-weight=${isTotal ? '700' : '400'} fill=${COLOURS.text}>${r.label}</text>
      <rect x=${x0} y=${top} width=${Math.max(1, Math.abs(x(end) - x(start)))} height=${BAR}
        fill=${fill} fill-opacity="0.85"></rect>
      ${whisker} ${connector}
      <text class="value" x=${value.x} y=${mid} dy="0.32em"
        text-anchor=${value.anchor} font-size=${FONT.tick} stroke="#ffffff"
        stroke-width="4" paint-order="stroke" stroke-linejoin="round"
        font-weight=${isTotal ? '700' : '400'} fill=${COLOURS.text}>${text}</text>
    </g>`;
  }

  private tooltip(rows: readonly WaterfallRow[], box: Box, m: MetricDef) {
    const i = this.active;
    const r = i === undefined ? undefined : rows[i];
    const total = this.total;
    if (i === undefined || !r || !total) return this.noReading();
    const row = this.rowHeight;
    const style = tooltipPlace(box.left + 40, box.top + i * row + row / 2, box, this.size.width);
    const share =
      r !== total && total.mean !== 0
        ? `${Math.round((100 * r.mean) / total.mean)}% of the total`
        : '';
    return html`<div class="tooltip" role="status" style=${style}>
      <strong>${r.label}</strong>
      <div>${formatChange(m, r.mean)} ${formatInterval(m, r.low, r.high)}</div>
      ${share ? html`<div class="note">${share}</div>` : ''}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'waterfall-chart': WaterfallChart;
  }
}

/**
 * Where a row's value (`w` wide) is printed: after the row's reach (bar and whisker), else
 * before its left end when it would not fit; clear of the zero line, which would turn its "−"
 * into a "+".
 */
function valuePlace(reach: number, left: number, w: number, zero: number, width: number) {
  const clear = (at: number, from: number, to: number) =>
    from < zero + 3 && to > zero - 3 ? zero : at;
  const after = clear(reach, reach + 6, reach + 6 + w);
  if (after + 6 + w <= width) return { x: after + 6, anchor: 'start' };
  return { x: clear(left, left - 6 - w, left - 6) - 6, anchor: 'end' };
}

/** A row's 95% interval around its part, drawn from where the part starts; none if unknown. */
function whiskerOf(
  x: (v: number) => number,
  start: number,
  r: WaterfallRow,
  top: number,
  mid: number,
) {
  if (!Number.isFinite(r.low) || !Number.isFinite(r.high)) return svg``;
  return svg`<line x1=${x(start + r.low)} x2=${x(start + r.high)} y1=${mid} y2=${mid}
      stroke=${COLOURS.text} stroke-width="1.5"></line>
    <line x1=${x(start + r.low)} x2=${x(start + r.low)} y1=${top + 3} y2=${top + BAR - 3}
      stroke=${COLOURS.text} stroke-width="1.5"></line>
    <line x1=${x(start + r.high)} x2=${x(start + r.high)} y1=${top + 3} y2=${top + BAR - 3}
      stroke=${COLOURS.text} stroke-width="1.5"></line>`;
}

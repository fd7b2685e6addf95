import { scaleLinear, type ScaleLinear } from 'd3';
import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MetricDef, MetricId } from '../../model/metrics';
import {
  axisTitle,
  formatDifference,
  formatNumber,
  formatValue,
  formatWithInterval,
  paddedExtent,
} from './chart-data';
import { ChartElement, indexReadings, type Readings } from './chart-element';
import {
  axisTicks,
  bottomAxis,
  chartTitle,
  legend,
  tooltipPlace,
  type Box,
  type LegendItem,
} from './chart-frame';
import { COLOURS, FONT, textWidth } from './chart-theme';
import { metricDef } from '../shared/comparison-rows';
import { sortBySwing, type Estimate, type TornadoBar } from './explore-data';

const TOP = 96;
const BOTTOM = 80;
const RIGHT = 90;
const ROW = 56;
const BAR = 30;

/**
 * Sensitivity of a metric: for each item (a lever or a market assumption), a bar from the
 * scenario's value to the metric with the item at its low end (filled) and one to the metric
 * with it at its high end (outlined), whiskers for their 95% intervals, items sorted by the
 * size of the swing, each labelled with its range. Hover or focus a row (Tab) to read it. Rows
 * carry `data-tornado-item="<id>"`.
 */
@customElement('tornado-chart')
export class TornadoChart extends ChartElement {
  @property({ type: String }) metric: MetricId = 'costPerPackage';
  /** The scenario's long-run value of the metric: the bars' common origin. */
  @property({ type: Number }) center = Number.NaN;
  @property({ attribute: false }) items: readonly TornadoBar[] = [];

  protected readonly chartName = 'tornado chart';

  /** The rows (sorted by swing), read one at a time as the pointer or focus reaches them. */
  protected readings(): Readings {
    return indexReadings(this.items.length);
  }

  override render() {
    const width = this.size.width;
    const waiting = this.placeholder(
      this.items.length > 0,
      'Set a spread and run the sensitivity analysis.',
    );
    if (waiting) return waiting;
    const m = metricDef(this.metric);
    const rows = sortBySwing(this.items);
    const plot = this.plot(rows, m);
    if (!plot) {
      return html`<p class="status">– ${m.label} has no value at the scenario to centre on.</p>`;
    }
    const { x, xAxis, box } = plot;
    const cx = x(this.center);
    return this.frame({
      chart: 'tornado',
      label: `Sensitivity of ${m.label}: ${rows.length} items sorted by swing, largest first.`,
      title: `Sensitivity of ${m.label}`,
      height: box.bottom + BOTTOM,
      focus: 'marks',
      body: svg`${chartTitle(
        [
          `Sensitivity of ${m.label} (long run): largest swing first`,
          `Sensitivity of ${m.label} (long run)`,
        ],
        8,
        22,
        width,
      )}
        ${legend(this.legendItems(m), 8, 54, width)}
        ${xAxis.ticks.map(
          (t) => svg`<line x1=${x(t)} x2=${x(t)} y1=${box.top} y2=${box.bottom}
            stroke=${COLOURS.grid}></line>`,
        )}
        ${bottomAxis(x, xAxis.ticks, xAxis.format, box.bottom, axisTitle(m))}
        ${rows.map((r, i) => this.row(r, i, x, box, m))}
        <line x1=${cx} x2=${cx} y1=${box.top - 6} y2=${box.bottom} stroke=${COLOURS.marker}
          stroke-width="2"></line>`,
      tooltip: this.tooltip(rows, box, m),
    });
  }

  /**
   * The metric's scale across and the plot's box (a row per item, room on the left for the
   * items' labels); undefined when the scenario has no value to centre on.
   */
  private plot(
    rows: readonly TornadoBar[],
    m: MetricDef,
  ): { x: ScaleLinear<number, number>; xAxis: ReturnType<typeof axisTicks>; box: Box } | undefined {
    const values: number[] = [this.center];
    for (const r of rows)
      values.push(r.low.mean, r.low.low, r.low.high, r.high.mean, r.high.low, r.high.high);
    const extent = paddedExtent(values);
    if (!extent || !Number.isFinite(this.center)) return undefined;
    const width = this.size.width;
    const labelWidth = Math.min(
      width * 0.42,
      Math.max(
        ...rows.map((r) => Math.max(textWidth(r.label, FONT.axis), textWidth(r.range, FONT.tick))),
      ) + 24,
    );
    const box: Box = {
      // Room for the value labels of bars that end near the left edge.
      left:
        labelWidth +
        16 +
        Math.min(110, Math.max(...rows.map((r) => textWidth(r.lowText, FONT.tick)))),
      right: width - RIGHT,
      top: TOP,
      bottom: TOP + rows.length * ROW,
    };
    const x = scaleLinear().domain(extent).range([box.left, box.right]).nice();
    const xAxis = axisTicks(x, box.right - box.left, 90, m.percent ? '%' : ',f');
    return { x, xAxis, box };
  }

  private legendItems(m: MetricDef): LegendItem[] {
    return [
      { label: 'Item at its low end (filled)', colour: COLOURS.baseline, kind: 'filled' },
      { label: 'At its high end (outlined)', colour: COLOURS.scenario, kind: 'outlined' },
      {
        label: `Scenario: ${formatValue(m, this.center)}`,
        colour: COLOURS.marker,
        kind: 'line',
        width: 2,
      },
    ];
  }

  private row(r: TornadoBar, i: number, x: (v: number) => number, box: Box, m: MetricDef) {
    const y0 = box.top + i * ROW + (ROW - BAR) / 2;
    const cx = x(this.center);
    const bar = (e: Estimate, end: 'low' | 'high', top: number, h: number) => {
      if (!Number.isFinite(e.mean)) {
        return svg`<text x=${cx + 6} y=${top + h / 2} dy="0.32em" font-size=${FONT.tick}
          fill=${COLOURS.muted}>– no value at the ${end} end</text>`;
      }
      const xv = x(e.mean);
      const colour = end === 'low' ? COLOURS.baseline : COLOURS.scenario;
      const whisker =
        Number.isFinite(e.low) && Number.isFinite(e.high)
          ? svg`<line x1=${x(e.low)} x2=${x(e.high)} y1=${top + h / 2} y2=${top + h / 2}
              stroke=${COLOURS.text} stroke-width="1.5"></line>
              <line x1=${x(e.low)} x2=${x(e.low)} y1=${top + 3} y2=${top + h - 3} stroke=${COLOURS.text} stroke-width="1.5"></line>
              <line x1=${x(e.high)} x2=${x(e.high)} y1=${top + 3} y2=${top + h - 3} stroke=${COLOURS.text} stroke-width="1.5"></line>`
          : nothing;
      const right = xv >= cx;
      const tx = right
        ? Math.max(xv, Number.isFinite(e.high) ? x(e.high) : xv) + 6
        : Math.min(xv, Number.isFinite(e.low) ? x(e.low) : xv) - 6;
      return svg`<rect x=${Math.min(cx, xv)} y=${top} width=${Math.max(1, Math.abs(xv - cx))}
          height=${h} fill=${end === 'low' ? colour : '#ffffff'} fill-opacity=${end === 'low' ? 0.85 : 1}
          stroke=${colour} stroke-width="2.5"></rect>
        ${whisker}
        <text x=${tx} y=${top + h / 2} dy="0.32em" font-size=${FONT.tick}
          text-anchor=${right ? 'start' : 'end'} fill=${COLOURS.text}>${end === 'low' ? r.lowText : r.highText}</text>`;
    };
    const half = BAR / 2;
    return svg`<g class="row" data-tornado-item=${r.id} data-swing=${String(Math.abs(r.high.mean - r.low.mean))}
      tabindex="0" role="img"
      aria-label=${`${r.label}, ${r.range}: ${formatNumber(m, r.low.mean)} at the low end, ${formatNumber(m, r.high.mean)} at the high end`}
      @pointerenter=${() => (this.active = i)}
      @pointerleave=${() => (this.active = undefined)}
      @focus=${() => (this.active = i)}
      @blur=${() => (this.active = undefined)}>
      <rect data-export="skip" x="0" y=${box.top + i * ROW} width=${box.right} height=${ROW}
        fill=${this.active === i ? '#f1f4f8' : 'transparent'}></rect>
      <text x=${box.left - 12} y=${y0 + 8} text-anchor="end" font-size=${FONT.axis}
        font-weight="600" fill=${COLOURS.text}>${r.label}</text>
      <text x=${box.left - 12} y=${y0 + 27} text-anchor="end" font-size=${FONT.tick}
        fill=${COLOURS.muted}>${r.range}</text>
      ${bar(r.low, 'low', y0, half - 1)}
      ${bar(r.high, 'high', y0 + half + 1, half - 1)}
    </g>`;
  }

  private tooltip(rows: readonly TornadoBar[], box: Box, m: MetricDef) {
    const i = this.active;
    const r = i === undefined ? undefined : rows[i];
    if (i === undefined || !r) return this.noReading();
    const style = tooltipPlace(box.left + 40, box.top + i * ROW + ROW / 2, box, this.size.width);
    const f = (v: number) => formatValue(m, v);
    const d = (e: Estimate) => formatWithInterval((v) => formatDifference(m, v), e);
    return html`<div class="tooltip" role="status" style=${style}>
      <strong>${r.label} (${r.range})</strong>
      <div class="b">At ${r.lowText}: ${formatWithInterval(f, r.low)}</div>
      <div class="b">&nbsp;&nbsp;change: ${d(r.lowDelta)}</div>
      <div class="s">At ${r.highText}: ${formatWithInterval(f, r.high)}</div>
      <div class="s">&nbsp;&nbsp;change: ${d(r.highDelta)}</div>
      <div class="note">
        Swing ${formatDifference(m, Math.abs(r.high.mean - r.low.mean))}; scenario ${f(this.center)}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tornado-chart': TornadoChart;
  }
}

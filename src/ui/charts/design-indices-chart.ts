import { scaleLinear } from 'd3';
import { css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { IndexBar } from '../../run/design-file';
import type { IndexReport } from '../../run/design-report';
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
import { chartStyles } from './chart-styles';

const TOP = 96;
const BOTTOM = 80;
const RIGHT = 60;
const ROW = 56;
const BAR = 30;

const fin = (x: number | null): x is number => typeof x === 'number' && Number.isFinite(x);
const fmt = (x: number | null) =>
  fin(x) ? (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3)) : '–';
const withInterval = (e: IndexReport) =>
  fin(e.value) ? `${fmt(e.value)} (95% ${fmt(e.low)} to ${fmt(e.high)})` : 'no value';

/**
 * A global design's indices of one metric, tornado-like: a row per factor, largest first, a
 * filled bar for the main index (Sobol: total; Morris: μ*; hypercube: ρ) and an outlined one
 * for the second (Sobol: first-order; Morris: σ), each with its bootstrap 95% interval as
 * whiskers. Rows carry `data-design-factor="<id>"` and `data-index` (the main index).
 */
@customElement('design-indices-chart')
export class DesignIndicesChart extends ChartElement {
  /** As tall as its rows: a design of two factors leaves no empty band under the chart. */
  static override styles = [
    chartStyles,
    css`
      :host {
        min-height: 0;
      }
    `,
  ];

  @property({ type: String }) metricLabel = '';
  @property({ type: String }) axisLabel = '';
  @property({ type: String }) mainName = '';
  @property({ type: String }) secondName = '';
  @property({ attribute: false }) bars: readonly IndexBar[] = [];

  protected readonly chartName = 'indices chart';

  protected readings(): Readings {
    return indexReadings(this.bars.length);
  }

  override render() {
    const waiting = this.placeholder(
      this.bars.length > 0,
      'Load a design report to see its indices.',
    );
    if (waiting) return waiting;
    const width = this.size.width;
    const rows = this.bars;
    const values = [0];
    for (const r of rows) {
      for (const e of [r.main, r.second]) {
        if (e) for (const v of [e.value, e.low, e.high]) if (fin(v)) values.push(v);
      }
    }
    const labelWidth = Math.min(
      width * 0.5,
      Math.max(
        ...rows.map((r) => Math.max(textWidth(r.label, FONT.axis), textWidth(r.range, FONT.tick))),
      ) + 24,
    );
    const box: Box = {
      left: labelWidth + 16,
      right: width - RIGHT,
      top: TOP,
      bottom: TOP + rows.length * ROW,
    };
    const x = scaleLinear()
      .domain([Math.min(...values), Math.max(...values)])
      .range([box.left, box.right])
      .nice();
    const ticks = axisTicks(x, box.right - box.left, 90, '.2~f');
    const title = `What drives ${this.metricLabel}: ${this.mainName}, largest first`;
    const items: LegendItem[] = [
      { label: this.mainName, colour: COLOURS.scenario, kind: 'filled' },
    ];
    if (this.secondName)
      items.push({ label: this.secondName, colour: COLOURS.baseline, kind: 'outlined' });
    return this.frame({
      chart: 'design-indices',
      label: `${title}: ${rows.length} factors.`,
      title,
      height: box.bottom + BOTTOM,
      focus: 'marks',
      note: 'Whiskers: bootstrap 95% intervals. Hover or focus a row to read it.',
      body: svg`${chartTitle([title, `What drives ${this.metricLabel}`], 8, 22, width)}
        ${legend(items, 8, 54, width)}
        ${ticks.ticks.map(
          (t) =>
            svg`<line x1=${x(t)} x2=${x(t)} y1=${box.top} y2=${box.bottom} stroke=${COLOURS.grid}></line>`,
        )}
        ${bottomAxis(x, ticks.ticks, ticks.format, box.bottom, this.axisLabel)}
        ${rows.map((r, i) => this.row(r, i, x, box))}
        <line x1=${x(0)} x2=${x(0)} y1=${box.top - 6} y2=${box.bottom} stroke=${COLOURS.marker} stroke-width="2"></line>`,
      tooltip: this.tooltip(box),
    });
  }

  private row(r: IndexBar, i: number, x: (v: number) => number, box: Box) {
    const y0 = box.top + i * ROW + (ROW - BAR) / 2;
    const half = BAR / 2;
    const bar = (e: IndexReport | undefined, top: number, h: number, filled: boolean) => {
      if (!e) return nothing;
      if (!fin(e.value)) {
        return svg`<text x=${x(0) + 6} y=${top + h / 2} dy="0.32em" font-size=${FONT.tick} fill=${COLOURS.muted}>– no value</text>`;
      }
      const colour = filled ? COLOURS.scenario : COLOURS.baseline;
      const v = e.value;
      const mid = top + h / 2;
      const whisker =
        fin(e.low) && fin(e.high)
          ? svg`<line x1=${x(e.low)} x2=${x(e.high)} y1=${mid} y2=${mid} stroke=${COLOURS.text} stroke-width="1.5"></line>
            <line x1=${x(e.low)} x2=${x(e.low)} y1=${top + 3} y2=${top + h - 3} stroke=${COLOURS.text} stroke-width="1.5"></line>
            <line x1=${x(e.high)} x2=${x(e.high)} y1=${top + 3} y2=${top + h - 3} stroke=${COLOURS.text} stroke-width="1.5"></line>`
          : nothing;
      const end = Math.max(x(v), fin(e.high) ? x(e.high) : x(v));
      return svg`<rect x=${Math.min(x(0), x(v))} y=${top} width=${Math.max(1, Math.abs(x(v) - x(0)))} height=${h}
          fill=${filled ? colour : '#ffffff'} fill-opacity=${filled ? 0.85 : 1} stroke=${colour} stroke-width="2.5"></rect>
        ${whisker}
        <text x=${Math.min(end + 6, box.right + RIGHT - 4)} y=${mid} dy="0.32em" font-size=${FONT.tick}
          text-anchor=${end + 50 > box.right + RIGHT ? 'end' : 'start'} fill=${COLOURS.text}>${fmt(v)}</text>`;
    };
    return svg`<g class="row" data-design-factor=${r.id} data-index=${String(r.main.value)} tabindex="0" role="img"
      aria-label=${`${r.label}, ${r.range}: ${this.mainName} ${withInterval(r.main)}`}
      @pointerenter=${() => (this.active = i)} @pointerleave=${() => (this.active = undefined)}
      @focus=${() => (this.active = i)} @blur=${() => (this.active = undefined)}>
      <rect data-export="skip" x="0" y=${box.top + i * ROW} width=${box.right} height=${ROW}
        fill=${this.active === i ? '#f1f4f8' : 'transparent'}></rect>
      <text x=${box.left - 12} y=${y0 + 8} text-anchor="end" font-size=${FONT.axis} font-weight="600"
        fill=${COLOURS.text}>${r.label}</text>
      <text x=${box.left - 12} y=${y0 + 27} text-anchor="end" font-size=${FONT.tick} fill=${COLOURS.muted}>${r.range}</text>
      ${r.second ? bar(r.main, y0, half - 1, true) : bar(r.main, y0, BAR, true)}
      ${r.second ? bar(r.second, y0 + half + 1, half - 1, false) : nothing}
    </g>`;
  }

  private tooltip(box: Box) {
    const i = this.active;
    const r = i === undefined ? undefined : this.bars[i];
    if (i === undefined || !r) return this.noReading();
    const style = tooltipPlace(box.left + 40, box.top + i * ROW + ROW / 2, box, this.size.width);
    return html`<div class="tooltip" role="status" style=${style}>
      <strong>${r.label} (${r.range})</strong>
      <div class="s">${this.mainName}: ${withInterval(r.main)}</div>
      ${r.second ? html`<div class="b">${this.secondName}: ${withInterval(r.second)}</div>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'design-indices-chart': DesignIndicesChart;
  }
}

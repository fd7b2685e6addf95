import { scaleLinear } from 'd3';
import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { METRIC_BY_ID, type MetricDef, type MetricId } from '../../model/metrics';
import {
  axisTitle,
  axisUnit,
  formatDifference,
  formatNumber,
  formatValue,
  formatWithInterval,
  nearestWeek,
  paddedExtent,
  pointValues,
} from './chart-data';
import { runWindows, runWindowText } from '../shared/run-windows';
import { type WeekPoint } from '../shared/series';
import { ChartElement, weekReadings, type Readings } from './chart-element';
import {
  CHART_HEIGHT,
  axisTicks,
  bottomAxis,
  chartTitle,
  leftAxis,
  leftMargin,
  legend,
  tooltipPlace,
} from './chart-frame';
import { COLOURS, FONT, FONT_FAMILY, textWidth } from './chart-theme';
import {
  intervalBands,
  markerY,
  meanLines,
  seriesLegend,
  weekMarker,
  weekScale,
} from './comparison-marks';

const TOP = 96;
const BOTTOM = 72;
const RIGHT = 28;

/**
 * A metric's weekly course: baseline (dashed) against scenario (solid), means as lines with
 * their 95% interval bands, the short-run and long-run windows shaded, and the guardrail
 * threshold when the metric has one. Hover or focus it (then the arrow keys) for a week's
 * baseline, scenario and paired delta. Its root svg carries `data-chart="weekly"`.
 */
@customElement('weekly-chart')
export class WeeklyChart extends ChartElement {
  /** The metric drawn. */
  @property({ type: String }) metric: MetricId = 'onTimePackagesPerWeek';
  /** Baseline mean and 95% interval per week, week 1 first. */
  @property({ attribute: false }) baseline: readonly WeekPoint[] = [];
  /** Scenario mean and 95% interval per week. */
  @property({ attribute: false }) scenario: readonly WeekPoint[] = [];
  /** Paired difference scenario − baseline per week. */
  @property({ attribute: false }) delta: readonly WeekPoint[] = [];

  /**
   * Values the value axis must also span: charts shown side by side (presentation mode) pass
   * each other's values, so that they share one scale and their heights compare.
   */
  @property({ attribute: false }) sharedValues: readonly number[] = [];

  /** The svg's height in px: CHART_HEIGHT, or less where room is short (a printed page). */
  @property({ type: Number, attribute: 'chart-height' }) chartHeight = CHART_HEIGHT;

  protected readonly chartName = 'weekly chart';

  private get weeks(): number {
    return Math.max(this.baseline.length, this.scenario.length);
  }

  protected readings(): Readings {
    return weekReadings(this.weeks);
  }

  private get def(): MetricDef {
    const def = METRIC_BY_ID.get(this.metric);
    if (!def) throw new Error(`unknown metric "${this.metric}"`);
    return def;
  }

  override render() {
    const weeks = this.weeks;
    const width = this.size.width;
    const waiting = this.placeholder(weeks > 0);
    if (waiting) return waiting;
    const m = this.def;
    const guardrail = 'guardrail' in m && m.guardrail ? m.guardrail.threshold : undefined;
    const values = [...pointValues(this.baseline, this.scenario), ...this.sharedValues];
    const extent = paddedExtent(guardrail === undefined ? values : [...values, guardrail]);
    if (!extent) {
      return html`<p class="status">– ${m.label} has no value in any week of this run.</p>`;
    }

    const y = scaleLinear()
      .domain(extent)
      .range([this.chartHeight - BOTTOM, TOP])
      .nice();
    const yAxis = axisTicks(y, this.chartHeight - BOTTOM - TOP, 48, m.percent ? '%' : ',f');
    const left = leftMargin(yAxis.ticks.map(yAxis.format));
    const box = { left, right: width - RIGHT, top: TOP, bottom: this.chartHeight - BOTTOM };
    const { x, ticks: xTicks } = weekScale(box, weeks);

    const items = seriesLegend();
    if (guardrail !== undefined) {
      items.push({
        label: 'Guardrail',
        colour: COLOURS.guardrail,
        kind: 'line',
        dash: '2 4',
        width: 2.5,
      });
    }

    return this.frame({
      height: this.chartHeight,
      chart: 'weekly',
      label: `${m.label}, week by week: baseline (dashed) against scenario (solid), ${weeks} weeks. Use the left and right arrow keys to read each week.`,
      title: `${m.label}: baseline against scenario by week`,
      body: svg`${chartTitle([`${m.label} by week: mean and 95% interval`, `${m.label} by week`], 8, 22, width)}
        ${legend(items, 8, 52, width)} ${this.windows(x, box, weeks)}
        ${leftAxis(y, yAxis.ticks, yAxis.format, box, this.yTitle(m, box.bottom - box.top), 18)}
        ${bottomAxis(x, xTicks, String, box.bottom, 'Week')}
        ${intervalBands(x, y, this.baseline, this.scenario, true)}
        ${guardrail !== undefined ? this.guardrailLine(y(guardrail), box, m, guardrail) : nothing}
        ${meanLines(x, y, this.baseline, this.scenario)}
        ${weekMarker(x, y, box, this.active, this.baseline, this.scenario)}
        ${this.pointerArea(box, (px) => nearestWeek(x.invert(px), weeks))}`,
      tooltip: this.tooltip(x, y, box, m),
    });
  }

  private windows(
    x: (v: number) => number,
    box: { left: number; right: number; top: number; bottom: number },
    weeks: number,
  ) {
    const { short, long } = runWindows(weeks);
    const words = runWindowText(weeks);
    const shortText = `Short run: ${words.short}`;
    const longText = `Long run: ${words.long.replace(/^the /, '')}`;
    const shortEnd = x(short.from - 0.5) + 4 + textWidth(shortText, FONT.tick);
    const longStart = x(long.to + 0.5) - 4 - textWidth(longText, FONT.tick);
    const collide = shortEnd + 12 > longStart;
    const rect = (w: { from: number; to: number }, cls: string) => svg`<rect class=${cls}
      x=${x(w.from - 0.5)} y=${box.top} width=${x(w.to + 0.5) - x(w.from - 0.5)}
      height=${box.bottom - box.top} fill=${COLOURS.window}></rect>`;
    return svg`<g class="windows" font-family=${FONT_FAMILY} font-size=${FONT.tick} fill=${COLOURS.muted}>
      ${rect(short, 'window short-run')}
      ${rect(long, 'window long-run')}
      <text x=${x(short.from - 0.5) + 4} y=${box.top - 10}>${shortText}</text>
      <text x=${x(long.to + 0.5) - 4} y=${collide ? box.top + 20 : box.top - 10}
        text-anchor="end">${longText}</text>
    </g>`;
  }

  private guardrailLine(
    yPos: number,
    box: { left: number; right: number; top: number },
    m: MetricDef,
    threshold: number,
  ) {
    // Above the line, unless that would run into the window labels over the plot.
    const labelY = yPos - box.top < 24 ? yPos + 19 : yPos - 7;
    return svg`<g class="guardrail" font-family=${FONT_FAMILY}>
      <line x1=${box.left} x2=${box.right} y1=${yPos} y2=${yPos} stroke=${COLOURS.guardrail}
        stroke-width="2.5" stroke-dasharray="2 4"></line>
      <text x=${box.right - 4} y=${labelY} text-anchor="end" font-size=${FONT.tick}
        fill=${COLOURS.guardrail} stroke="#ffffff" stroke-width="4" paint-order="stroke"
        >Guardrail ${formatValue(m, threshold)}</text>
    </g>`;
  }

  /** The metric's title with its unit, or only the unit when the title is too long. */
  private yTitle(m: MetricDef, length: number): string {
    const full = axisTitle(m);
    return textWidth(full, FONT.axis) <= length ? full : axisUnit(m);
  }

  private tooltip(
    x: (v: number) => number,
    y: (v: number) => number,
    box: { left: number; right: number; top: number; bottom: number },
    m: MetricDef,
  ) {
    const week = this.active;
    if (week === undefined) return this.noReading();
    const b = this.baseline[week - 1];
    const s = this.scenario[week - 1];
    const d = this.delta[week - 1];
    const { short, long } = runWindows(this.weeks);
    const where = [
      week >= short.from && week <= short.to ? 'short run' : '',
      week >= long.from && week <= long.to ? 'long run' : '',
    ]
      .filter(Boolean)
      .join(', ');
    const fv = (v: number) => formatNumber(m, v);
    const fd = (v: number) => formatDifference(m, v, false);
    const unit = m.percent ? '' : ` · ${m.unit}`;
    const style = tooltipPlace(x(week), markerY(y, s, b), box, this.size.width);
    return html`<div class="tooltip" role="status" style=${style} data-week=${week}>
      <strong>Week ${week}${where ? ` (${where})` : ''}${unit}</strong>
      <div class="b">Baseline: ${b ? formatWithInterval(fv, b) : '– (no value)'}</div>
      <div class="s">Scenario: ${s ? formatWithInterval(fv, s) : '– (no value)'}</div>
      <div>Delta: ${d ? formatWithInterval(fd, d) : '– (no paired delta)'}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'weekly-chart': WeeklyChart;
  }
}

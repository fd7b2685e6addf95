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
import { PERIOD_FLAG, calendarWeekOf } from '../../model/results';
import {
  PERIOD_LABEL,
  periodSpans,
  peakName,
  spansText,
  type PeriodSource,
  type WeekWindow,
} from '../shared/run-windows';
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
const BOTTOM = 84;
const RIGHT = 28;

/**
 * A metric's weekly course: baseline (dashed) against scenario (solid), means as lines with
 * their 95% interval bands, the short-run and long-run weeks shaded grey and the calendar
 * peak weeks amber (named: Prime Day, holiday peak), calendar weeks under the run's weeks,
 * and the guardrail threshold when the metric has one. Hover or focus it (then the arrow keys) for a week's
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

  /**
   * Each week's period flags (model/results.ts PERIOD_FLAG) and the calendar week of week 1,
   * from the comparison's summary. Without them: weeks 1–4 and the last 8 are shaded, and the
   * calendar weeks are not shown.
   */
  @property({ attribute: false }) periods: Uint8Array = new Uint8Array(0);
  @property({ type: Number, attribute: 'start-week' }) startWeek = 0;

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

    const windows = this.windows(x, box);
    return this.frame({
      height: this.chartHeight,
      chart: 'weekly',
      label: `${m.label}, week by week: baseline (dashed) against scenario (solid), ${weeks} weeks. Use the left and right arrow keys to read each week.`,
      title: `${m.label}: baseline against scenario by week`,
      body: svg`${chartTitle([`${m.label} by week: mean and 95% interval`, `${m.label} by week`], 8, 22, width)}
        ${legend(items, 8, 52, width)} ${windows.marks}
        ${leftAxis(y, yAxis.ticks, yAxis.format, box, this.yTitle(m, box.bottom - box.top), 18)}
        ${bottomAxis(x, xTicks, String, box.bottom, this.startWeek > 0 ? 'Week of the run (calendar week beneath)' : 'Week', this.startWeek > 0 ? (t) => `cw ${calendarWeekOf(this.startWeek, t)}` : undefined)}
        ${intervalBands(x, y, this.baseline, this.scenario, true)}
        ${guardrail !== undefined ? this.guardrailLine(y(guardrail), box, m, guardrail, windows.placed) : nothing}
        ${meanLines(x, y, this.baseline, this.scenario)}
        ${weekMarker(x, y, box, this.active, this.baseline, this.scenario)}
        ${this.pointerArea(box, (px) => nearestWeek(x.invert(px), weeks))}`,
      tooltip: this.tooltip(x, y, box, m),
    });
  }

  /** The periods' flags, or weeks 1–4 and the last 8 when none were given. */
  private get source(): PeriodSource {
    const weeks = this.weeks;
    const periods =
      this.periods.length === weeks
        ? this.periods
        : Uint8Array.from(
            { length: weeks },
            (_, w) =>
              (w < 4 ? PERIOD_FLAG.shortRun : 0) | (w >= weeks - 8 ? PERIOD_FLAG.longRun : 0),
          );
    return { weeks, startWeek: this.startWeek, periods };
  }

  /**
   * The short run and the long run shaded grey, the peaks amber, each labelled above the plot:
   * the short run from its left end, the long run to its right end, each peak centred on it;
   * a label that would run into another drops inside the top of the plot.
   */
  private windows(
    x: (v: number) => number,
    box: { left: number; right: number; top: number; bottom: number },
  ) {
    const src = this.source;
    const rect = (w: WeekWindow, cls: string, fill: string) => svg`<rect class=${cls}
      x=${x(w.from - 0.5)} y=${box.top} width=${x(w.to + 0.5) - x(w.from - 0.5)}
      height=${box.bottom - box.top} fill=${fill}></rect>`;
    const short = periodSpans(src, 'shortRun');
    const long = periodSpans(src, 'longRun');
    const peaks = periodSpans(src, 'peak');
    const labels: { text: string; x: number; anchor: string; cls: string }[] = [];
    if (short.length) {
      const text = `Short run: ${spansText(short)}`;
      labels.push({ text, x: x(short[0].from - 0.5) + 4, anchor: 'start', cls: 'short' });
    }
    if (long.length) {
      const text = `Long run: ${spansText(long)}`;
      const end = long[long.length - 1].to;
      labels.push({ text, x: x(end + 0.5) - 4, anchor: 'end', cls: 'long' });
    }
    for (const p of peaks) {
      const text =
        this.startWeek > 0 ? peakName(calendarWeekOf(this.startWeek, p.from)) : PERIOD_LABEL.peak;
      labels.push({ text, x: x((p.from + p.to) / 2), anchor: 'middle', cls: 'peak' });
    }
    const placed = placeLabels(labels, box.top);
    const marks = svg`<g class="windows" font-family=${FONT_FAMILY} font-size=${FONT.tick} fill=${COLOURS.muted}>
      ${short.map((w) => rect(w, 'window short-run', COLOURS.window))}
      ${long.map((w) => rect(w, 'window long-run', COLOURS.window))}
      ${peaks.map((w) => rect(w, 'window peak', PEAK_FILL))}
      ${placed.map(
        (l) => svg`<text class=${`window-label ${l.cls}`} x=${l.x} y=${l.y}
          text-anchor=${l.anchor} fill=${l.cls === 'peak' ? PEAK_TEXT : COLOURS.muted}
          stroke="#ffffff" stroke-width="3" paint-order="stroke">${l.text}</text>`,
      )}
    </g>`;
    return { marks, placed };
  }

  private guardrailLine(
    yPos: number,
    box: { left: number; right: number; top: number },
    m: MetricDef,
    threshold: number,
    windowLabels: readonly (Label & { y: number })[],
  ) {
    // At the right end above the line, else below it, else the same at the left end: the
    // first place inside the plot that runs into no window label (baseline `y`, about 12 px
    // of text above it).
    const text = `Guardrail ${formatValue(m, threshold)}`;
    const clashes = (l: Label, baseline: number) => {
      const [a, b] = extent(l);
      return windowLabels.some((w) => {
        const [c, d] = extent(w);
        return a < d + 4 && c < b + 4 && Math.abs(w.y - baseline) < 14;
      });
    };
    const places = [
      { x: box.right - 4, anchor: 'end' },
      { x: box.left + 4, anchor: 'start' },
    ].flatMap((p) => [yPos - 7, yPos + 19].map((y) => ({ ...p, y })));
    const place =
      places.find(
        (p) => p.y - 12 >= box.top && !clashes({ text, x: p.x, anchor: p.anchor, cls: '' }, p.y),
      ) ?? places[1];
    return svg`<g class="guardrail" font-family=${FONT_FAMILY}>
      <line x1=${box.left} x2=${box.right} y1=${yPos} y2=${yPos} stroke=${COLOURS.guardrail}
        stroke-width="2.5" stroke-dasharray="2 4"></line>
      <text x=${place.x} y=${place.y} text-anchor=${place.anchor} font-size=${FONT.tick}
        fill=${COLOURS.guardrail} stroke="#ffffff" stroke-width="4" paint-order="stroke"
        >${text}</text>
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
    const flags = this.source.periods[week - 1] ?? 0;
    const cal = this.startWeek > 0 ? calendarWeekOf(this.startWeek, week) : 0;
    const where = [
      cal ? `calendar week ${cal}` : '',
      flags & PERIOD_FLAG.shortRun ? 'short run' : '',
      flags & PERIOD_FLAG.longRun ? 'long run' : '',
      flags & PERIOD_FLAG.peak ? (cal ? peakName(cal) : 'peak') : '',
      flags & PERIOD_FLAG.afterPeak ? 'week after a peak' : '',
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

const PEAK_FILL = '#fbe3b8';
const PEAK_TEXT = '#7a4a00';

interface Label {
  text: string;
  x: number;
  anchor: string;
  cls: string;
}

/** Horizontal extent of a label as drawn. */
function extent(l: Label): [number, number] {
  const w = textWidth(l.text, FONT.tick);
  if (l.anchor === 'start') return [l.x, l.x + w];
  if (l.anchor === 'end') return [l.x - w, l.x];
  return [l.x - w / 2, l.x + w / 2];
}

/**
 * Rows for the window labels: above the plot where there is room, else in the next free row
 * inside the top of the plot, so no two labels overlap.
 */
function placeLabels(
  labels: readonly Label[],
  top: number,
): (Label & { y: number; row: number })[] {
  const rows: [number, number][][] = [];
  return labels.map((l) => {
    const [a, b] = extent(l);
    let r = 0;
    while (rows[r]?.some(([c, d]) => a < d + 10 && c < b + 10)) r++;
    (rows[r] ??= []).push([a, b]);
    return { ...l, row: r, y: r === 0 ? top - 10 : top + 6 + 16 * r };
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'weekly-chart': WeeklyChart;
  }
}

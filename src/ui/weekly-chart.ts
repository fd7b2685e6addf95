import { area, line, scaleLinear } from 'd3';
import { LitElement, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { METRIC_BY_ID, type MetricDef, type MetricId } from '../model/metrics';
import {
  axisTitle,
  axisUnit,
  formatDifference,
  formatNumber,
  formatValue,
  formatWithInterval,
  integerTicks,
  nearestWeek,
  paddedExtent,
  pointValues,
  runWindows,
  stepIndex,
  type WeekPoint,
} from './chart-data';
import { standaloneSvg, svgPng } from './chart-export';
import {
  CHART_HEIGHT,
  COLOURS,
  DASH,
  FONT,
  FONT_FAMILY,
  LINE_WIDTH,
  WidthController,
  bottomAxis,
  chartStyles,
  chartTitle,
  leftAxis,
  legend,
  pointerX,
  textWidth,
  tooltipPlace,
  axisTicks,
  leftMargin,
  type LegendItem,
} from './chart-frame';

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
export class WeeklyChart extends LitElement {
  /** The metric drawn. */
  @property({ type: String }) metric: MetricId = 'onTimePackagesPerWeek';
  /** Baseline mean and 95% interval per week, week 1 first. */
  @property({ attribute: false }) baseline: readonly WeekPoint[] = [];
  /** Scenario mean and 95% interval per week. */
  @property({ attribute: false }) scenario: readonly WeekPoint[] = [];
  /** Paired difference scenario − baseline per week. */
  @property({ attribute: false }) delta: readonly WeekPoint[] = [];

  /** Week whose values the tooltip shows (1-based), if any. */
  @state() private active: number | undefined;

  private focused = false;
  private readonly size = new WidthController(this);

  static override styles = chartStyles;

  /** The chart as a standalone SVG document. */
  svgText(): string {
    return standaloneSvg(this.svgElement());
  }

  /** The chart as a PNG at twice its size. */
  pngBlob(): Promise<Blob> {
    return svgPng(this.svgElement());
  }

  private svgElement(): SVGSVGElement {
    const el = this.renderRoot.querySelector('svg[data-chart]');
    if (!(el instanceof SVGSVGElement)) throw new Error('the weekly chart has nothing drawn yet');
    return el;
  }

  private get def(): MetricDef {
    const def = METRIC_BY_ID.get(this.metric);
    if (!def) throw new Error(`unknown metric "${this.metric}"`);
    return def;
  }

  override render() {
    const weeks = Math.max(this.baseline.length, this.scenario.length);
    const width = this.size.width;
    if (weeks === 0) return html`<p class="status">Computing…</p>`;
    if (width === 0) return html`<div class="status"></div>`;
    const m = this.def;
    const guardrail = 'guardrail' in m && m.guardrail ? m.guardrail.threshold : undefined;
    const values = pointValues(this.baseline, this.scenario);
    const extent = paddedExtent(guardrail === undefined ? values : [...values, guardrail]);
    if (!extent) {
      return html`<p class="status">– ${m.label} has no value in any week of this run.</p>`;
    }

    const y = scaleLinear()
      .domain(extent)
      .range([CHART_HEIGHT - BOTTOM, TOP])
      .nice();
    const yAxis = axisTicks(y, CHART_HEIGHT - BOTTOM - TOP, 48, m.percent ? '%' : ',f');
    const left = leftMargin(yAxis.ticks.map(yAxis.format));
    const box = { left, right: width - RIGHT, top: TOP, bottom: CHART_HEIGHT - BOTTOM };
    const x = scaleLinear()
      .domain([0.5, weeks + 0.5])
      .range([box.left, box.right]);
    const xTicks = integerTicks(axisTicks(x, box.right - box.left, 70).ticks).filter(
      (t) => t >= 1 && t <= weeks,
    );

    const meanLine = line<WeekPoint>()
      .defined((p) => Number.isFinite(p.mean))
      .x((p) => x(p.week))
      .y((p) => y(p.mean));
    const band = area<WeekPoint>()
      .defined((p) => Number.isFinite(p.low) && Number.isFinite(p.high))
      .x((p) => x(p.week))
      .y0((p) => y(p.low))
      .y1((p) => y(p.high));

    const items: LegendItem[] = [
      { label: 'Baseline', colour: COLOURS.baseline, kind: 'line', dash: DASH.baseline },
      { label: 'Scenario', colour: COLOURS.scenario, kind: 'line', dash: DASH.scenario },
      { label: 'Shaded: 95% interval', colour: '#c9d2de', kind: 'filled' },
    ];
    if (guardrail !== undefined) {
      items.push({
        label: 'Guardrail',
        colour: COLOURS.guardrail,
        kind: 'line',
        dash: '2 4',
        width: 2.5,
      });
    }

    const label = `${m.label}, week by week: baseline (dashed) against scenario (solid), ${weeks} weeks. Use the left and right arrow keys to read each week.`;
    return html`<div class="wrap">
      <svg
        data-chart="weekly"
        width=${width}
        height=${CHART_HEIGHT}
        viewBox="0 0 ${width} ${CHART_HEIGHT}"
        role="img"
        aria-label=${label}
        tabindex="0"
        font-family=${FONT_FAMILY}
        @keydown=${this.onKey}
        @focus=${this.onFocus}
        @blur=${this.onBlur}
      >
        <title>${m.label}: baseline against scenario by week</title>
        ${chartTitle(`${m.label} by week: mean and 95% interval`, 8, 22)} ${legend(items, 8, 52)}
        ${this.windows(x, box, weeks)}
        ${leftAxis(y, yAxis.ticks, yAxis.format, box, this.yTitle(m, box.bottom - box.top), 18)}
        ${bottomAxis(x, xTicks, String, box.bottom, 'Week')}
        <path
          class="band baseline"
          d=${band(this.baseline) ?? ''}
          fill=${COLOURS.baseline}
          fill-opacity="0.16"
        ></path>
        <path
          class="band scenario"
          d=${band(this.scenario) ?? ''}
          fill=${COLOURS.scenario}
          fill-opacity="0.16"
        ></path>
        ${guardrail !== undefined ? this.guardrailLine(y(guardrail), box, m, guardrail) : nothing}
        <path
          class="line scenario"
          d=${meanLine(this.scenario) ?? ''}
          fill="none"
          stroke=${COLOURS.scenario}
          stroke-width=${LINE_WIDTH}
          stroke-linejoin="round"
        ></path>
        <path
          class="line baseline"
          d=${meanLine(this.baseline) ?? ''}
          fill="none"
          stroke=${COLOURS.baseline}
          stroke-width=${LINE_WIDTH}
          stroke-dasharray=${DASH.baseline}
          stroke-linejoin="round"
        ></path>
        ${this.marker(x, y, box)}
        <rect
          data-export="skip"
          x=${box.left}
          y=${box.top}
          width=${box.right - box.left}
          height=${box.bottom - box.top}
          fill="transparent"
          @pointermove=${(e: PointerEvent) => {
            this.active = nearestWeek(x.invert(pointerX(e, this)), weeks);
          }}
          @pointerleave=${this.onLeave}
        ></rect>
      </svg>
      ${this.tooltip(x, y, box, m)}
    </div>`;
  }

  private windows(
    x: (v: number) => number,
    box: { left: number; right: number; top: number; bottom: number },
    weeks: number,
  ) {
    const { short, long } = runWindows(weeks);
    const shortText = `Short run: weeks ${short.from}–${short.to}`;
    const longText =
      long.from === 1
        ? `Long run: weeks 1–${long.to}`
        : `Long run: last ${long.to - long.from + 1} weeks`;
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

  private marker(
    x: (v: number) => number,
    y: (v: number) => number,
    box: { top: number; bottom: number },
  ) {
    const week = this.active;
    if (week === undefined) return nothing;
    const b = this.baseline[week - 1];
    const s = this.scenario[week - 1];
    const dot = (p: WeekPoint | undefined, filled: boolean, colour: string) =>
      p && Number.isFinite(p.mean)
        ? svg`<circle cx=${x(week)} cy=${y(p.mean)} r="6" fill=${filled ? colour : '#ffffff'}
            stroke=${colour} stroke-width="3"></circle>`
        : nothing;
    return svg`<g class="hover" data-export="skip">
      <line x1=${x(week)} x2=${x(week)} y1=${box.top} y2=${box.bottom} stroke=${COLOURS.marker}
        stroke-width="1.5" stroke-dasharray="3 3"></line>
      ${dot(b, false, COLOURS.baseline)} ${dot(s, true, COLOURS.scenario)}
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
    if (week === undefined) return html`<div class="sr-only" role="status"></div>`;
    const b = this.baseline[week - 1];
    const s = this.scenario[week - 1];
    const d = this.delta[week - 1];
    const { short, long } = runWindows(Math.max(this.baseline.length, this.scenario.length));
    const where = [
      week >= short.from && week <= short.to ? 'short run' : '',
      week >= long.from && week <= long.to ? 'long run' : '',
    ]
      .filter(Boolean)
      .join(', ');
    const fv = (v: number) => formatNumber(m, v);
    const fd = (v: number) => formatDifference(m, v, false);
    const unit = m.percent ? '' : ` · ${m.unit}`;
    const style = tooltipPlace(x(week), markerY(y, b, s), box, this.size.width);
    return html`<div class="tooltip" role="status" style=${style} data-week=${week}>
      <strong>Week ${week}${where ? ` (${where})` : ''}${unit}</strong>
      <div class="b">Baseline: ${b ? formatWithInterval(fv, b) : '– (no value)'}</div>
      <div class="s">Scenario: ${s ? formatWithInterval(fv, s) : '– (no value)'}</div>
      <div>Delta: ${d ? formatWithInterval(fd, d) : '– (no paired delta)'}</div>
    </div>`;
  }

  private onLeave = (): void => {
    if (!this.focused) this.active = undefined;
  };

  private onFocus = (): void => {
    this.focused = true;
    if (this.active === undefined) {
      this.active = Math.max(this.baseline.length, this.scenario.length);
    }
  };

  private onBlur = (): void => {
    this.focused = false;
    this.active = undefined;
  };

  private onKey = (e: KeyboardEvent): void => {
    const weeks = Math.max(this.baseline.length, this.scenario.length);
    if (e.key === 'Escape') {
      this.active = undefined;
      return;
    }
    const next = stepIndex(e.key, (this.active ?? weeks) - 1, weeks);
    if (next === undefined) return;
    e.preventDefault();
    this.active = next + 1;
  };
}

/** Height of the drawn marker at a week: the scenario's mean, else the baseline's. */
function markerY(
  y: (v: number) => number,
  b: WeekPoint | undefined,
  s: WeekPoint | undefined,
): number | undefined {
  if (s && Number.isFinite(s.mean)) return y(s.mean);
  if (b && Number.isFinite(b.mean)) return y(b.mean);
  return undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'weekly-chart': WeeklyChart;
  }
}

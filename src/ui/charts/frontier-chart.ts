import { line, scaleLinear, type ScaleLinear } from 'd3';
import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MetricDef, MetricId } from '../../model/metrics';
import { axisTitle, formatValue, paddedExtent } from './chart-data';
import { ChartElement, indexReadings, type Readings } from './chart-element';
import {
  CHART_HEIGHT,
  axisTicks,
  bottomAxis,
  chartTitle,
  leftAxis,
  leftMargin,
  legend,
  tooltipPlace,
  type Box,
  type LegendItem,
} from './chart-frame';
import { COLOURS, FONT, LINE_WIDTH, textWidth } from './chart-theme';
import { metricDef } from '../shared/comparison-rows';
import type { PlanePoint } from './explore-data';
import { BREACH_COLOUR, breachNote, breachRing } from './breach-marks';
import { breachNames } from '../../model/guardrails';

const TOP = 96;
const BOTTOM = 76;
const RIGHT = 36;
const HEIGHT = CHART_HEIGHT + 60;
const FRONTIER = '#009E73';

/** The plane's scales, their ticks and the plot's box. */
interface Plot {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  xAxis: { ticks: number[]; format: (t: number) => string };
  yAxis: { ticks: number[]; format: (t: number) => string };
  box: Box;
}

/** Which way a metric is better, for its axis title. */
function better(m: MetricDef): string {
  return m.better === 'up' ? 'higher is better' : 'lower is better';
}

/**
 * A trade-off curve: a sweep's points in the plane of two metrics, each labelled with the
 * lever's value; the Pareto-efficient points (indices given in `frontier`) filled and joined,
 * the others hollow; the current scenario ringed and the baseline drawn as a square. Hover or
 * focus a point (Tab) to read it; click it or press Enter to make it the scenario. Points carry
 * `data-sweep-point="<value>"`, `data-x`, `data-y` and `data-frontier="true"|"false"`.
 *
 * @fires point-select - CustomEvent<{ index: number; value: number }>, when a point is chosen.
 */
@customElement('frontier-chart')
export class FrontierChart extends ChartElement {
  @property({ type: String }) xMetric: MetricId = 'costPerPackage';
  @property({ type: String }) yMetric: MetricId = 'onTimeRate';
  /** The sweep's points, in the order of the swept values. */
  @property({ attribute: false }) points: readonly PlanePoint[] = [];
  /** Indices of the Pareto-efficient points. */
  @property({ attribute: false }) frontier: readonly number[] = [];
  /** Index of the point that is the current scenario, if one is. */
  @property({ attribute: false }) current: number | undefined;
  /** The baseline in the same plane, if known. */
  @property({ attribute: false }) baseline: { x: number; y: number } | undefined;
  /** The lever's name, for labels. */
  @property({ type: String }) leverTitle = '';
  /** The guardrails each point breaches (by index): ringed in the breach colour, "⚠" in its label. */
  @property({ attribute: false }) breachesAt: readonly (readonly MetricId[])[] = [];

  protected readonly chartName = 'trade-off chart';

  /** The points, read one at a time as the pointer or focus reaches them. */
  protected readings(): Readings {
    return indexReadings(this.points.length);
  }

  override render() {
    const width = this.size.width;
    const waiting = this.placeholder(
      this.points.length > 0,
      'Run a sweep to see its points in the plane of two metrics.',
    );
    if (waiting) return waiting;
    const mx = metricDef(this.xMetric);
    const my = metricDef(this.yMetric);
    const plot = this.plot(mx, my);
    if (!plot) {
      return html`<p class="status">– No sweep point has a value for both metrics.</p>`;
    }
    const { x, y, box } = plot;
    const front = new Set(this.frontier);
    const label = `Trade-off between ${mx.label} and ${my.label} over ${this.points.length} values of ${this.leverTitle}; ${front.size} Pareto-efficient. Tab to a point and press Enter to make it the scenario.`;
    return this.frame({
      chart: 'frontier',
      label,
      title: `Trade-off: ${mx.label} against ${my.label}`,
      height: HEIGHT,
      focus: 'marks',
      body: svg`${chartTitle(
        [
          `Trade-off: ${my.label} against ${mx.label} (long run), by ${this.leverTitle}`,
          `${my.label} against ${mx.label} (long run)`,
        ],
        8,
        22,
        width,
      )}
        ${legend(this.legendItems(), 8, 54, width)}
        ${this.axes(plot, mx, my)} ${this.frontierLine(x, y)} ${this.baselineMark(x, y)}
        ${this.points.map((p, i) => this.point(p, i, x, y, front.has(i), box))}`,
      tooltip: this.tooltip(x, y, box, mx, my),
    });
  }

  /**
   * The plane's scales and box, spanning the points and the baseline; undefined when no point
   * has a value for both metrics.
   */
  private plot(mx: MetricDef, my: MetricDef): Plot | undefined {
    const finite = this.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    const bx = this.baseline;
    const xExt = paddedExtent([...finite.map((p) => p.x), ...(bx ? [bx.x] : [])]);
    const yExt = paddedExtent([...finite.map((p) => p.y), ...(bx ? [bx.y] : [])]);
    if (!xExt || !yExt) return undefined;
    const y = scaleLinear()
      .domain(yExt)
      .range([HEIGHT - BOTTOM, TOP])
      .nice();
    const yAxis = axisTicks(y, HEIGHT - BOTTOM - TOP, 48, my.percent ? '%' : ',f');
    const left = leftMargin(yAxis.ticks.map(yAxis.format));
    const box: Box = { left, right: this.size.width - RIGHT, top: TOP, bottom: HEIGHT - BOTTOM };
    const x = scaleLinear().domain(xExt).range([box.left, box.right]).nice();
    const xAxis = axisTicks(x, box.right - box.left, 90, mx.percent ? '%' : ',f');
    return { x, y, xAxis, yAxis, box };
  }

  private legendItems(): LegendItem[] {
    const items: LegendItem[] = [
      {
        label: 'Pareto-efficient (filled, joined)',
        short: 'Pareto-efficient',
        colour: FRONTIER,
        kind: 'line',
      },
      { label: 'Dominated (hollow)', short: 'Dominated', colour: COLOURS.axis, kind: 'outlined' },
      {
        label: 'Current scenario: ringed',
        short: 'Current: ringed',
        colour: COLOURS.marker,
        kind: 'outlined',
      },
    ];
    if (this.baseline) {
      items.push({
        label: 'Baseline: square',
        short: 'Baseline',
        colour: COLOURS.baseline,
        kind: 'filled',
      });
    }
    if (this.breachesAt.some((b) => b.length > 0)) {
      items.push({
        label: '⚠ Guardrail breached: ringed',
        short: '⚠ Breach: ringed',
        colour: BREACH_COLOUR,
        kind: 'outlined',
      });
    }
    return items;
  }

  /** Each metric's axis, titled with which way is better. */
  private axes({ x, y, xAxis, yAxis, box }: Plot, mx: MetricDef, my: MetricDef) {
    return svg`${leftAxis(y, yAxis.ticks, yAxis.format, box, `${axisTitle(my)}, ${better(my)}`, 18)}
      ${bottomAxis(x, xAxis.ticks, xAxis.format, box.bottom, `${axisTitle(mx)}, ${better(mx)}`)}`;
  }

  /** The line joining the Pareto-efficient points, left to right. */
  private frontierLine(x: (v: number) => number, y: (v: number) => number) {
    const ordered = [...this.frontier]
      .map((i) => this.points[i])
      .filter((p): p is PlanePoint => p !== undefined && Number.isFinite(p.x + p.y))
      .sort((a, b) => a.x - b.x || a.y - b.y);
    const path = line<PlanePoint>()
      .x((p) => x(p.x))
      .y((p) => y(p.y));
    return svg`<path class="frontier-line" d=${path(ordered) ?? ''} fill="none" stroke=${FRONTIER}
      stroke-width=${LINE_WIDTH} stroke-linejoin="round"></path>`;
  }

  /** The baseline as a labelled square, when it is known. */
  private baselineMark(x: (v: number) => number, y: (v: number) => number) {
    const bx = this.baseline;
    if (!bx || !Number.isFinite(bx.x) || !Number.isFinite(bx.y)) return nothing;
    return svg`<g class="baseline"><rect x=${x(bx.x) - 7} y=${y(bx.y) - 7} width="14" height="14"
        fill=${COLOURS.baseline} stroke="#ffffff" stroke-width="1.5"></rect>
        <text x=${x(bx.x) + 12} y=${y(bx.y) + 20} font-size=${FONT.tick}
          fill=${COLOURS.baseline} stroke="#ffffff" stroke-width="4" paint-order="stroke"
          >Baseline</text></g>`;
  }

  private point(
    p: PlanePoint,
    i: number,
    x: (v: number) => number,
    y: (v: number) => number,
    onFront: boolean,
    box: Box,
  ) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return nothing;
    const cx = x(p.x);
    const cy = y(p.y);
    const current = i === this.current;
    const b = this.breachesAt[i] ?? [];
    const label = `${b.length ? '⚠ ' : ''}${p.label}`;
    const labelRight = cx + 12 + textWidth(label, FONT.tick) < box.right;
    const named = b.length ? `, breaches ${breachNames(b)}` : '';
    return svg`<g class="point" data-sweep-point=${String(p.value)} data-x=${String(p.x)}
        data-y=${String(p.y)} data-frontier=${onFront ? 'true' : 'false'}
        data-breaches=${b.join(',')} tabindex="0" role="button" style="cursor:pointer"
        aria-label=${`${p.label}${onFront ? ', Pareto-efficient' : ''}${current ? ', current scenario' : ''}${named}`}
        @pointerenter=${() => (this.active = i)}
        @pointerleave=${() => (this.active = undefined)}
        @focus=${() => (this.active = i)}
        @blur=${() => (this.active = undefined)}
        @click=${() => this.choose(i)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            this.choose(i);
          }
        }}>
      ${
        current
          ? svg`<circle cx=${cx} cy=${cy} r="14" fill="none" stroke=${COLOURS.marker}
              stroke-width="2.5"></circle>`
          : nothing
      }
      ${breachRing(cx, cy, current ? 19 : 12, b)}
      <circle cx=${cx} cy=${cy} r=${i === this.active ? 9 : 7}
        fill=${onFront ? FRONTIER : '#ffffff'} stroke=${onFront ? '#ffffff' : COLOURS.axis}
        stroke-width=${onFront ? 1.5 : 2.5}></circle>
      <text x=${labelRight ? cx + 12 : cx - 12} y=${cy - 10} font-size=${FONT.tick}
        text-anchor=${labelRight ? 'start' : 'end'} fill=${COLOURS.text} stroke="#ffffff"
        stroke-width="4" paint-order="stroke">${label}${current ? ' (current)' : ''}</text>
    </g>`;
  }

  private tooltip(
    x: (v: number) => number,
    y: (v: number) => number,
    box: Box,
    mx: MetricDef,
    my: MetricDef,
  ) {
    const i = this.active;
    const p = i === undefined ? undefined : this.points[i];
    if (i === undefined || !p) return this.noReading();
    const style = tooltipPlace(x(p.x), y(p.y), box, this.size.width);
    return html`<div class="tooltip" role="status" style=${style}>
      <strong>${this.leverTitle}: ${p.label}</strong>
      <div>${my.label}: ${formatValue(my, p.y)}</div>
      <div>${mx.label}: ${formatValue(mx, p.x)}</div>
      <div>${this.frontier.includes(i) ? 'Pareto-efficient' : 'Dominated by another point'}</div>
      ${breachNote(this.breachesAt[i])}
      <div class="note">Click or press Enter to make this the scenario.</div>
    </div>`;
  }

  private choose(index: number): void {
    const p = this.points[index];
    if (!p) return;
    this.dispatchEvent(
      new CustomEvent<{ index: number; value: number }>('point-select', {
        detail: { index, value: p.value },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'frontier-chart': FrontierChart;
  }
}

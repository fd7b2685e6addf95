import { scaleLinear, type ScaleLinear } from 'd3';
import { html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatDrivers, nearestWeek, paddedExtent, pointValues } from './chart-data';
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
  type Box,
} from './chart-frame';
import { COLOURS, FONT, FONT_FAMILY, textWidth } from './chart-theme';
import {
  bar,
  intervalBands,
  markerY,
  meanLines,
  seriesLegend,
  weekMarker,
  weekScale,
} from './comparison-marks';

const TOP = 76;
const BOTTOM = 72;
/** Right margin, room for the Joined / Churned labels. */
const RIGHT = 92;
/** Gap between the active-pool panel and the flows panel, in px. */
const GAP = 30;
/** Share of the plot height given to the active pool. */
const UPPER_SHARE = 0.56;

/** Pool series of one scenario, week by week (means with 95% intervals). */
export interface PoolData {
  active: readonly WeekPoint[];
  joined: readonly WeekPoint[];
  churned: readonly WeekPoint[];
  deactivated: readonly WeekPoint[];
}

/**
 * An axis title, or its short form where a chart drawn shorter than CHART_HEIGHT (a printed
 * page) leaves its panel no room for it.
 */
function fitTitle(full: string, short: string, length: number, compact: boolean): string {
  return !compact || textWidth(full, FONT.axis) <= length ? full : short;
}

const EMPTY: PoolData = { active: [], joined: [], churned: [], deactivated: [] };

/** Tick values and their format for an axis. */
interface Ticks {
  ticks: number[];
  format: (t: number) => string;
}

/** The chart's scales and ticks, its box and where the active panel ends and the flows begin. */
interface Plot {
  x: ScaleLinear<number, number>;
  xTicks: number[];
  yActive: ScaleLinear<number, number>;
  yFlow: ScaleLinear<number, number>;
  activeAxis: Ticks;
  /** The flows' ticks, churned (below zero) labelled as positive counts. */
  flowAxis: Ticks;
  box: Box;
  /** The bottom of the active-pool panel and the top of the flows panel, in px. */
  upperBottom: number;
  lowerTop: number;
}

/**
 * The driver pool over time: active drivers as lines with 95% bands (baseline dashed, scenario
 * solid) above, and drivers joined (bars up) and churned (bars down) each week below
 * (baseline outlined, scenario filled). Hover or focus it for a week's numbers. Its root svg
 * carries `data-chart="pool"`.
 */
@customElement('pool-chart')
export class PoolChart extends ChartElement {
  @property({ attribute: false }) baseline: PoolData = EMPTY;
  @property({ attribute: false }) scenario: PoolData = EMPTY;
  /**
   * Pools of charts shown beside this one (presentation mode): both panels then span their
   * values too, so that the charts share their scales.
   */
  @property({ attribute: false }) sharedPools: readonly PoolData[] = [];

  /** The svg's height in px: CHART_HEIGHT, or less where room is short (a printed page). */
  @property({ type: Number, attribute: 'chart-height' }) chartHeight = CHART_HEIGHT;

  protected readonly chartName = 'pool chart';

  private get weeks(): number {
    return Math.max(this.baseline.active.length, this.scenario.active.length);
  }

  protected readings(): Readings {
    return weekReadings(this.weeks);
  }

  override render() {
    const weeks = this.weeks;
    const width = this.size.width;
    const waiting = this.placeholder(weeks > 0);
    if (waiting) return waiting;
    const plot = this.plot(weeks);
    if (!plot) return html`<p class="status">– No driver counts in this run.</p>`;
    const { x, yActive, box } = plot;
    const b = this.baseline.active;
    const s = this.scenario.active;
    return this.frame({
      height: this.chartHeight,
      chart: 'pool',
      label: `Driver pool by week, baseline (dashed, outlined bars) against scenario (solid, filled bars), ${weeks} weeks. Use the left and right arrow keys to read each week.`,
      title: 'Driver pool by week: baseline against scenario',
      body: svg`${chartTitle(
        ['Driver pool by week: active drivers, joined and churned', 'Driver pool by week'],
        8,
        22,
        width,
      )}
        ${legend(seriesLegend(true), 8, 52, width)}
        ${this.axes(plot)} ${this.flowPanel(plot, weeks)}
        ${intervalBands(x, yActive, b, s, false)}
        ${meanLines(x, yActive, b, s)}
        ${weekMarker(x, yActive, box, this.active, b, s)}
        ${this.pointerArea(box, (px) => nearestWeek(x.invert(px), weeks))}`,
      tooltip: this.tooltip(x(this.active ?? 1), yActive, box),
    });
  }

  /**
   * The two panels' scales and the plot's box: active drivers above (spanning the pools shown
   * beside this one too), joined (up) and churned (down) below; undefined without a driver
   * count.
   */
  private plot(weeks: number): Plot | undefined {
    const b = this.baseline;
    const s = this.scenario;
    const pools = [b, s, ...this.sharedPools];
    const activeExtent = paddedExtent(pointValues(b.active, s.active));
    if (!activeExtent) return undefined;
    const sharedExtent = paddedExtent(pointValues(...pools.map((p) => p.active))) ?? activeExtent;
    const yActive = scaleLinear().domain(sharedExtent).nice();
    const flowMax = Math.max(1, ...pools.flatMap((p) => p.joined).map((p) => finite(p.mean)));
    const churnMax = Math.max(1, ...pools.flatMap((p) => p.churned).map((p) => finite(p.mean)));
    const yFlow = scaleLinear()
      .domain([-churnMax * 1.08, flowMax * 1.08])
      .nice();
    const plotTop = TOP;
    const plotBottom = this.chartHeight - BOTTOM;
    const upperBottom = plotTop + (plotBottom - plotTop - GAP) * UPPER_SHARE;
    const lowerTop = upperBottom + GAP;
    yActive.range([upperBottom, plotTop]);
    yFlow.range([plotBottom, lowerTop]);
    const activeAxis = axisTicks(yActive, upperBottom - plotTop, 40);
    const flowAxis = axisTicks(yFlow, plotBottom - lowerTop, 34);
    /** Churned counts plot below zero; their labels read as positive counts. */
    const flowFormat = (t: number) => flowAxis.format(Math.abs(t));
    const left = leftMargin([
      ...activeAxis.ticks.map(activeAxis.format),
      ...flowAxis.ticks.map(flowFormat),
    ]);
    const box = { left, right: this.size.width - RIGHT, top: plotTop, bottom: plotBottom };
    const { x, ticks: xTicks } = weekScale(box, weeks);
    return {
      x,
      xTicks,
      yActive,
      yFlow,
      activeAxis,
      flowAxis: { ...flowAxis, format: flowFormat },
      box,
      upperBottom,
      lowerTop,
    };
  }

  /** The active drivers' axis, the flows' axis below it and the week axis. */
  private axes({
    x,
    xTicks,
    yActive,
    yFlow,
    activeAxis,
    flowAxis,
    box,
    upperBottom,
    lowerTop,
  }: Plot) {
    const compact = this.chartHeight < CHART_HEIGHT;
    return svg`${leftAxis(
      yActive,
      activeAxis.ticks,
      activeAxis.format,
      { left: box.left, right: box.right },
      fitTitle('Active drivers', 'Active', upperBottom - box.top, compact),
      18,
    )}
      ${leftAxis(
        yFlow,
        flowAxis.ticks,
        flowAxis.format,
        { left: box.left, right: box.right },
        fitTitle('Drivers per week', 'Per week', box.bottom - lowerTop, compact),
        18,
      )}
      ${bottomAxis(x, xTicks, String, box.bottom, 'Week')}`;
  }

  /** The flows panel: its zero line, the weekly bars and the Joined / Churned labels. */
  private flowPanel({ x, yFlow, box, lowerTop }: Plot, weeks: number) {
    return svg`<line
        x1=${box.left}
        x2=${box.right}
        y1=${yFlow(0)}
        y2=${yFlow(0)}
        stroke=${COLOURS.axis}
        stroke-width="1.5"
      ></line>
      ${this.flowBars(x, yFlow, weeks)}
      <g
        font-family=${FONT_FAMILY}
        font-size=${FONT.tick}
        font-weight="600"
        fill=${COLOURS.muted}
      >
        <text x=${box.right + 8} y=${(lowerTop + yFlow(0)) / 2} dy="0.32em">Joined ↑</text>
        <text x=${box.right + 8} y=${(box.bottom + yFlow(0)) / 2} dy="0.32em">Churned ↓</text>
      </g>`;
  }

  /** Joined bars up and churned bars down; baseline outlined on the left of each week. */
  private flowBars(x: (v: number) => number, y: (v: number) => number, weeks: number) {
    const step = x(2) - x(1);
    const barWidth = Math.max(1, Math.min(18, step * 0.38));
    const bars = [];
    for (let w = 1; w <= weeks; w++) {
      const cx = x(w);
      for (const [side, data, dx] of [
        ['baseline', this.baseline, -barWidth - 0.5],
        ['scenario', this.scenario, 0.5],
      ] as const) {
        const joined = data.joined[w - 1]?.mean;
        const churned = data.churned[w - 1]?.mean;
        for (const v of [joined, churned === undefined ? undefined : -churned]) {
          if (v === undefined || !Number.isFinite(v) || v === 0) continue;
          const y0 = y(0);
          const y1 = y(v);
          bars.push(bar(side, cx + dx, Math.min(y0, y1), barWidth, Math.abs(y1 - y0)));
        }
      }
    }
    return svg`<g class="flows">${bars}</g>`;
  }

  private tooltip(
    px: number,
    y: (v: number) => number,
    box: { left: number; right: number; top: number; bottom: number },
  ) {
    const week = this.active;
    if (week === undefined) return this.noReading();
    const cell = (p: WeekPoint | undefined, interval: boolean) => {
      if (!p || !Number.isFinite(p.mean)) return '– (no value)';
      const mean = formatDrivers(p.mean);
      if (!interval || !Number.isFinite(p.low) || !Number.isFinite(p.high)) return mean;
      return `${mean} (${formatDrivers(p.low)}–${formatDrivers(p.high)})`;
    };
    const row = (name: string, key: keyof PoolData, interval: boolean) =>
      html`<tr>
        <th scope="row">${name}</th>
        <td class="b">${cell(this.baseline[key][week - 1], interval)}</td>
        <td class="s">${cell(this.scenario[key][week - 1], interval)}</td>
      </tr>`;
    const s = this.scenario.active[week - 1];
    const style = tooltipPlace(px, markerY(y, s), box, this.size.width);
    return html`<div class="tooltip" role="status" style=${style} data-week=${week}>
      <table>
        <thead>
          <tr>
            <th scope="col">Week ${week}</th>
            <th scope="col" class="b">Baseline</th>
            <th scope="col" class="s">Scenario</th>
          </tr>
        </thead>
        <tbody>
          ${row('Active', 'active', true)} ${row('Joined', 'joined', false)}
          ${row('Churned', 'churned', false)} ${row('Deactivated', 'deactivated', false)}
        </tbody>
      </table>
      <div class="note">Drivers, mean of replications (95% interval)</div>
    </div>`;
  }
}

function finite(v: number): number {
  return Number.isFinite(v) ? v : 0;
}

declare global {
  interface HTMLElementTagNameMap {
    'pool-chart': PoolChart;
  }
}

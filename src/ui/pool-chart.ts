import { area, line, scaleLinear } from 'd3';
import { LitElement, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  formatDrivers,
  integerTicks,
  nearestWeek,
  paddedExtent,
  pointValues,
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
  tooltipPlace,
  axisTicks,
  leftMargin,
} from './chart-frame';

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

const EMPTY: PoolData = { active: [], joined: [], churned: [], deactivated: [] };

/**
 * The driver pool over time: active drivers as lines with 95% bands (baseline dashed, scenario
 * solid) above, and drivers joined (bars up) and churned (bars down) each week below
 * (baseline outlined, scenario filled). Hover or focus it for a week's numbers. Its root svg
 * carries `data-chart="pool"`.
 */
@customElement('pool-chart')
export class PoolChart extends LitElement {
  @property({ attribute: false }) baseline: PoolData = EMPTY;
  @property({ attribute: false }) scenario: PoolData = EMPTY;

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
    if (!(el instanceof SVGSVGElement)) throw new Error('the pool chart has nothing drawn yet');
    return el;
  }

  private get weeks(): number {
    return Math.max(this.baseline.active.length, this.scenario.active.length);
  }

  override render() {
    const weeks = this.weeks;
    const width = this.size.width;
    if (weeks === 0) return html`<p class="status">Computing…</p>`;
    if (width === 0) return html`<div class="status"></div>`;
    const b = this.baseline;
    const s = this.scenario;
    const activeExtent = paddedExtent(pointValues(b.active, s.active));
    if (!activeExtent) return html`<p class="status">– No driver counts in this run.</p>`;

    const yActive = scaleLinear().domain(activeExtent).nice();
    const flowMax = Math.max(1, ...[b.joined, s.joined].flat().map((p) => finite(p.mean)));
    const churnMax = Math.max(1, ...[b.churned, s.churned].flat().map((p) => finite(p.mean)));
    const yFlow = scaleLinear()
      .domain([-churnMax * 1.08, flowMax * 1.08])
      .nice();
    const plotTop = TOP;
    const plotBottom = CHART_HEIGHT - BOTTOM;
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
    const box = { left, right: width - RIGHT, top: plotTop, bottom: plotBottom };
    const x = scaleLinear()
      .domain([0.5, weeks + 0.5])
      .range([box.left, box.right]);
    const xTicks = integerTicks(axisTicks(x, box.right - box.left, 70).ticks).filter(
      (t) => t >= 1 && t <= weeks,
    );

    const meanLine = line<WeekPoint>()
      .defined((p) => Number.isFinite(p.mean))
      .x((p) => x(p.week))
      .y((p) => yActive(p.mean));
    const band = area<WeekPoint>()
      .defined((p) => Number.isFinite(p.low) && Number.isFinite(p.high))
      .x((p) => x(p.week))
      .y0((p) => yActive(p.low))
      .y1((p) => yActive(p.high));

    const label = `Driver pool by week, baseline (dashed, outlined bars) against scenario (solid, filled bars), ${weeks} weeks. Use the left and right arrow keys to read each week.`;
    return html`<div class="wrap">
      <svg
        data-chart="pool"
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
        <title>Driver pool by week: baseline against scenario</title>
        ${chartTitle('Driver pool by week: active drivers, joined and churned', 8, 22)}
        ${legend(
          [
            {
              label: 'Baseline',
              colour: COLOURS.baseline,
              kind: 'line',
              dash: DASH.baseline,
              bar: 'outlined',
            },
            {
              label: 'Scenario',
              colour: COLOURS.scenario,
              kind: 'line',
              dash: DASH.scenario,
              bar: 'filled',
            },
            { label: 'Shaded: 95% interval', colour: '#c9d2de', kind: 'filled' },
          ],
          8,
          52,
        )}
        ${leftAxis(
          yActive,
          activeAxis.ticks,
          activeAxis.format,
          { left: box.left, right: box.right },
          'Active drivers',
          18,
        )}
        ${leftAxis(
          yFlow,
          flowAxis.ticks,
          flowFormat,
          { left: box.left, right: box.right },
          'Drivers per week',
          18,
        )}
        ${bottomAxis(x, xTicks, String, box.bottom, 'Week')}
        <line
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
          <text x=${box.right + 8} y=${(plotBottom + yFlow(0)) / 2} dy="0.32em">Churned ↓</text>
        </g>
        <path d=${band(b.active) ?? ''} fill=${COLOURS.baseline} fill-opacity="0.16"></path>
        <path d=${band(s.active) ?? ''} fill=${COLOURS.scenario} fill-opacity="0.16"></path>
        <path
          class="line scenario"
          d=${meanLine(s.active) ?? ''}
          fill="none"
          stroke=${COLOURS.scenario}
          stroke-width=${LINE_WIDTH}
          stroke-linejoin="round"
        ></path>
        <path
          class="line baseline"
          d=${meanLine(b.active) ?? ''}
          fill="none"
          stroke=${COLOURS.baseline}
          stroke-width=${LINE_WIDTH}
          stroke-dasharray=${DASH.baseline}
          stroke-linejoin="round"
        ></path>
        ${this.marker(x, yActive, box)}
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
          @pointerleave=${() => {
            if (!this.focused) this.active = undefined;
          }}
        ></rect>
      </svg>
      ${this.tooltip(x(this.active ?? 1), yActive, box)}
    </div>`;
  }

  /** Joined bars up and churned bars down; baseline outlined on the left of each week. */
  private flowBars(x: (v: number) => number, y: (v: number) => number, weeks: number) {
    const step = x(2) - x(1);
    const barWidth = Math.max(1, Math.min(18, step * 0.38));
    const bars = [];
    for (let w = 1; w <= weeks; w++) {
      const cx = x(w);
      for (const [which, data, dx] of [
        ['baseline', this.baseline, -barWidth - 0.5],
        ['scenario', this.scenario, 0.5],
      ] as const) {
        const colour = which === 'baseline' ? COLOURS.baseline : COLOURS.scenario;
        const filled = which === 'scenario';
        const joined = data.joined[w - 1]?.mean;
        const churned = data.churned[w - 1]?.mean;
        for (const v of [joined, churned === undefined ? undefined : -churned]) {
          if (v === undefined || !Number.isFinite(v) || v === 0) continue;
          const y0 = y(0);
          const y1 = y(v);
          bars.push(svg`<rect class="bar ${which}" x=${cx + dx} y=${Math.min(y0, y1)}
            width=${barWidth} height=${Math.abs(y1 - y0)} fill=${filled ? colour : '#ffffff'}
            stroke=${colour} stroke-width=${filled ? 0 : 1.5}></rect>`);
        }
      }
    }
    return svg`<g class="flows">${bars}</g>`;
  }

  private marker(
    x: (v: number) => number,
    y: (v: number) => number,
    box: { top: number; bottom: number },
  ) {
    const week = this.active;
    if (week === undefined) return nothing;
    const dot = (p: WeekPoint | undefined, filled: boolean, colour: string) =>
      p && Number.isFinite(p.mean)
        ? svg`<circle cx=${x(week)} cy=${y(p.mean)} r="6" fill=${filled ? colour : '#ffffff'}
            stroke=${colour} stroke-width="3"></circle>`
        : nothing;
    return svg`<g class="hover" data-export="skip">
      <line x1=${x(week)} x2=${x(week)} y1=${box.top} y2=${box.bottom} stroke=${COLOURS.marker}
        stroke-width="1.5" stroke-dasharray="3 3"></line>
      ${dot(this.baseline.active[week - 1], false, COLOURS.baseline)}
      ${dot(this.scenario.active[week - 1], true, COLOURS.scenario)}
    </g>`;
  }

  private tooltip(
    px: number,
    y: (v: number) => number,
    box: { left: number; right: number; top: number; bottom: number },
  ) {
    const week = this.active;
    if (week === undefined) return html`<div class="sr-only" role="status"></div>`;
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
    const style = tooltipPlace(
      px,
      s && Number.isFinite(s.mean) ? y(s.mean) : undefined,
      box,
      this.size.width,
    );
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

  private onFocus = (): void => {
    this.focused = true;
    if (this.active === undefined) this.active = this.weeks;
  };

  private onBlur = (): void => {
    this.focused = false;
    this.active = undefined;
  };

  private onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      this.active = undefined;
      return;
    }
    const next = stepIndex(e.key, (this.active ?? this.weeks) - 1, this.weeks);
    if (next === undefined) return;
    e.preventDefault();
    this.active = next + 1;
  };
}

function finite(v: number): number {
  return Number.isFinite(v) ? v : 0;
}

declare global {
  interface HTMLElementTagNameMap {
    'pool-chart': PoolChart;
  }
}

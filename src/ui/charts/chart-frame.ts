/**
 * What the chart components share: the palette and type sizes (readable on a projector,
 * colour-blind safe), a controller that tracks the host's width, and SVG fragments for axes,
 * grid lines, legends, week series (lines, bands, the hover marker) and bars drawn from d3
 * scales. Not a component; used only by the charts.
 */
import { area, line, scaleLinear, type ScaleLinear } from 'd3';
import {
  css,
  nothing,
  svg,
  unsafeCSS,
  type ReactiveController,
  type ReactiveControllerHost,
} from 'lit';
import { integerTicks } from './chart-data';
import { type WeekPoint } from '../shared/series';
import { srOnly } from '../shared/styles';

/** Okabe–Ito colours: baseline blue (dashed), scenario vermillion (solid). */
export const COLOURS = {
  baseline: '#0072B2',
  scenario: '#D55E00',
  text: '#1c2430',
  muted: '#4a5565',
  axis: '#6a7585',
  grid: '#e3e7ec',
  window: '#eef1f5',
  marker: '#1c2430',
  guardrail: '#7a1f5c',
} as const;

/** Stroke patterns: colour is never the only way to tell baseline from scenario. */
export const DASH = { baseline: '8 5', scenario: 'none' } as const;

export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Type sizes in px: ticks ≥ 13 px so axes read from the back of a room. */
export const FONT = { tick: 14, axis: 15, legend: 15, title: 17 } as const;

export const LINE_WIDTH = 3;

/** Fixed chart height in px; the width follows the container. */
export const CHART_HEIGHT = 460;

/** Rough width of a text in px at a font size (average glyph ≈ 0.58 em in a sans face). */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.58;
}

/** Tracks the host's content width with a ResizeObserver and re-renders on change. */
export class WidthController implements ReactiveController {
  width = 0;
  private observer: ResizeObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      const w = Math.floor(entry.contentRect.width);
      if (w !== this.width) {
        this.width = w;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A horizontal axis along the bottom of the plot: ticks, tick labels and a title. */
export function bottomAxis(
  x: ScaleLinear<number, number>,
  ticks: readonly number[],
  format: (t: number) => string,
  y: number,
  title: string,
) {
  const [r0, r1] = x.range();
  return svg`<g class="axis x-axis" font-family=${FONT_FAMILY} fill=${COLOURS.text}>
    <line x1=${r0} x2=${r1} y1=${y} y2=${y} stroke=${COLOURS.axis} stroke-width="1.5"></line>
    ${ticks.map(
      (t) => svg`<g transform="translate(${x(t)},${y})">
        <line y2="6" stroke=${COLOURS.axis} stroke-width="1.5"></line>
        <text y="24" text-anchor="middle" font-size=${FONT.tick}>${format(t)}</text>
      </g>`,
    )}
    <text class="axis-title" x=${(r0 + r1) / 2} y=${y + 50} text-anchor="middle"
      font-size=${FONT.axis} font-weight="600">${title}</text>
  </g>`;
}

/** A vertical axis on the left of the plot with horizontal grid lines across it. */
export function leftAxis(
  y: ScaleLinear<number, number>,
  ticks: readonly number[],
  format: (t: number) => string,
  box: { left: number; right: number },
  title: string,
  titleX: number,
) {
  const [r0, r1] = y.range();
  return svg`<g class="axis y-axis" font-family=${FONT_FAMILY} fill=${COLOURS.text}>
    ${ticks.map(
      (t) => svg`<g transform="translate(0,${y(t)})">
        <line x1=${box.left} x2=${box.right} stroke=${COLOURS.grid} stroke-width="1"></line>
        <text x=${box.left - 8} dy="0.32em" text-anchor="end" font-size=${FONT.tick}>${format(t)}</text>
      </g>`,
    )}
    <line x1=${box.left} x2=${box.left} y1=${r0} y2=${r1} stroke=${COLOURS.axis} stroke-width="1.5"></line>
    <text class="axis-title" transform="translate(${titleX},${(r0 + r1) / 2}) rotate(-90)"
      text-anchor="middle" font-size=${FONT.axis} font-weight="600">${title}</text>
  </g>`;
}

export interface LegendItem {
  label: string;
  colour: string;
  /** A line sample (with its dash) or a bar sample (filled or outlined). */
  kind: 'line' | 'filled' | 'outlined';
  dash?: string;
  /** A bar sample drawn after a line sample, for charts with both. */
  bar?: 'filled' | 'outlined';
  /** Line width of a line sample (default LINE_WIDTH). */
  width?: number;
  /** A shorter label for a narrow chart. */
  short?: string;
}

function barSample(colour: string, how: 'filled' | 'outlined', x: number) {
  return svg`<rect x=${x} y="-8" width="18" height="16" fill=${how === 'filled' ? colour : '#ffffff'}
    stroke=${colour} stroke-width="2"></rect>`;
}

/** A one-row legend starting at (x, y); returns the fragment. */
export function legend(items: readonly LegendItem[], x: number, y: number, width = Infinity) {
  // Roomy when the chart is wide enough; else closer together with the short labels.
  const layout = (gap: number, short: boolean) => {
    let offset = 0;
    const placed = items.map((item) => {
      const textX = item.kind === 'line' && item.bar ? 70 : 44;
      const label = (short && item.short) || item.label;
      const at = offset;
      offset += textX + textWidth(label, FONT.legend) + gap;
      return { item, at, textX, label };
    });
    return { placed, width: offset - gap };
  };
  const roomy = layout(28, false);
  const placed = x + roomy.width <= width ? roomy.placed : layout(14, true).placed;
  const parts = placed.map(({ item, at, textX, label }) => {
    const sample =
      item.kind === 'line'
        ? svg`<line x1="0" x2="36" y1="0" y2="0" stroke=${item.colour}
            stroke-width=${item.width ?? LINE_WIDTH} stroke-dasharray=${item.dash ?? 'none'}></line>
            ${item.bar ? barSample(item.colour, item.bar, 44) : nothing}`
        : barSample(item.colour, item.kind, 9);
    return svg`<g transform="translate(${at},0)">
      ${sample}
      <text x=${textX} dy="0.32em" font-size=${FONT.legend}>${label}</text>
    </g>`;
  });
  return svg`<g class="legend" transform="translate(${x},${y})" font-family=${FONT_FAMILY}
    fill=${COLOURS.text}>${parts}</g>`;
}

/**
 * The chart's title line at the top left: the first of `texts` (longest first) that fits a
 * chart `width` px wide, else the last, so that a narrow chart never cuts its title off.
 */
export function chartTitle(texts: readonly string[], x: number, y: number, width: number) {
  // Bold glyphs run about an eighth wider than textWidth's average.
  const fits = (t: string) => x + 1.12 * textWidth(t, FONT.title) + 8 <= width;
  const text = texts.find(fits) ?? texts[texts.length - 1];
  return svg`<text class="chart-title" x=${x} y=${y} font-family=${FONT_FAMILY}
    font-size=${FONT.title} font-weight="700" fill=${COLOURS.text}>${text}</text>`;
}

/**
 * Tick values a linear scale proposes for an axis `length` px long (about one per `spacing`
 * px), and the format that prints them with just enough decimals (`spec` "%" for shares,
 * ",f" for grouped numbers).
 */
export function axisTicks(
  scale: ScaleLinear<number, number>,
  length: number,
  spacing: number,
  spec = ',f',
): { ticks: number[]; format: (t: number) => string } {
  const count = Math.max(2, Math.floor(Math.abs(length) / spacing));
  return { ticks: scale.ticks(count), format: scale.tickFormat(count, spec) };
}

/** Left margin that fits the widest tick label and the rotated axis title. */
export function leftMargin(labels: readonly string[]): number {
  return Math.max(24, ...labels.map((l) => textWidth(l, FONT.tick))) + 52;
}

/** A pointer event's x relative to the svg of the element it was bound on (else the host). */
export function pointerX(e: PointerEvent, host: HTMLElement): number {
  const target = e.currentTarget;
  const svgEl =
    target instanceof SVGSVGElement
      ? target
      : target instanceof SVGElement
        ? target.ownerSVGElement
        : null;
  return e.clientX - (svgEl ?? host).getBoundingClientRect().left;
}

/**
 * Inline style placing a tooltip beside a vertical guide at `px`, on the side with more room,
 * and above or below the plot's middle so that it does not cover the point at `py`.
 */
export function tooltipPlace(
  px: number,
  py: number | undefined,
  box: { left: number; right: number; top: number; bottom: number },
  width: number,
): string {
  const horizontal =
    px > (box.left + box.right) / 2 ? `right:${width - px + 14}px` : `left:${px + 14}px`;
  const low = py !== undefined && py < (box.top + box.bottom) / 2;
  const vertical = low
    ? `top:${box.bottom - 8}px;transform:translateY(-100%)`
    : `top:${box.top + 8}px`;
  return `${horizontal};${vertical}`;
}

/** Baseline or scenario: which side of a comparison a mark draws. */
export type Side = 'baseline' | 'scenario';

/**
 * The week axis of a plot: week w centred in its slot across the box, and whole-week ticks
 * from 1 to `weeks`.
 */
export function weekScale(
  box: { left: number; right: number },
  weeks: number,
): { x: ScaleLinear<number, number>; ticks: number[] } {
  const x = scaleLinear()
    .domain([0.5, weeks + 0.5])
    .range([box.left, box.right]);
  const ticks = integerTicks(axisTicks(x, box.right - box.left, 70).ticks).filter(
    (t) => t >= 1 && t <= weeks,
  );
  return { x, ticks };
}

/** Legend of a baseline-against-scenario week chart, with bar samples when it also has bars. */
export function seriesLegend(withBars = false): LegendItem[] {
  return [
    {
      label: 'Baseline',
      colour: COLOURS.baseline,
      kind: 'line',
      dash: DASH.baseline,
      bar: withBars ? 'outlined' : undefined,
    },
    {
      label: 'Scenario',
      colour: COLOURS.scenario,
      kind: 'line',
      dash: DASH.scenario,
      bar: withBars ? 'filled' : undefined,
    },
    { label: 'Shaded: 95% interval', short: '95% interval', colour: '#c9d2de', kind: 'filled' },
  ];
}

/**
 * The 95% interval bands of baseline and scenario, translucent in their colours, with gaps
 * where an interval is not a number; `classed` marks them `band baseline` / `band scenario`.
 */
export function intervalBands(
  x: (v: number) => number,
  y: (v: number) => number,
  baseline: readonly WeekPoint[],
  scenario: readonly WeekPoint[],
  classed: boolean,
) {
  const band = area<WeekPoint>()
    .defined((p) => Number.isFinite(p.low) && Number.isFinite(p.high))
    .x((p) => x(p.week))
    .y0((p) => y(p.low))
    .y1((p) => y(p.high));
  const path = (points: readonly WeekPoint[], side: Side) =>
    svg`<path class=${classed ? `band ${side}` : nothing} d=${band(points) ?? ''}
      fill=${COLOURS[side]} fill-opacity="0.16"></path>
      ${isolated(points, (p) =>
        Number.isFinite(p.low) && Number.isFinite(p.high) ? p.mean : NaN,
      ).map(
        (p) => svg`<rect class=${classed ? `band ${side}` : nothing} x=${x(p.week) - 6}
          y=${Math.min(y(p.low), y(p.high))} width="12" height=${Math.abs(y(p.low) - y(p.high))}
          fill=${COLOURS[side]} fill-opacity="0.16"></rect>`,
      )}`;
  return svg`${path(baseline, 'baseline')} ${path(scenario, 'scenario')}`;
}

/** Weeks with a value but no neighbour with one: a line cannot show them, a mark does. */
function isolated(points: readonly WeekPoint[], value: (p: WeekPoint) => number): WeekPoint[] {
  const has = (i: number) => {
    const p = points[i];
    return p !== undefined && Number.isFinite(value(p));
  };
  return points.filter((_, i) => has(i) && !has(i - 1) && !has(i + 1));
}

/** The mean lines: scenario solid, then baseline dashed over it; gaps where a mean is NaN. */
export function meanLines(
  x: (v: number) => number,
  y: (v: number) => number,
  baseline: readonly WeekPoint[],
  scenario: readonly WeekPoint[],
) {
  const meanLine = line<WeekPoint>()
    .defined((p) => Number.isFinite(p.mean))
    .x((p) => x(p.week))
    .y((p) => y(p.mean));
  // A week alone (a one-week run, or between gaps) is a dot: scenario filled, baseline hollow.
  const dots = (points: readonly WeekPoint[], side: Side) =>
    isolated(points, (p) => p.mean).map(
      (p) => svg`<circle class="point ${side}" cx=${x(p.week)} cy=${y(p.mean)} r="6"
        fill=${side === 'scenario' ? COLOURS.scenario : '#ffffff'} stroke=${COLOURS[side]}
        stroke-width=${LINE_WIDTH}></circle>`,
    );
  return svg`<path class="line scenario" d=${meanLine(scenario) ?? ''} fill="none"
      stroke=${COLOURS.scenario} stroke-width=${LINE_WIDTH} stroke-linejoin="round"></path>
    <path class="line baseline" d=${meanLine(baseline) ?? ''} fill="none"
      stroke=${COLOURS.baseline} stroke-width=${LINE_WIDTH} stroke-dasharray=${DASH.baseline}
      stroke-linejoin="round"></path>
    ${dots(scenario, 'scenario')} ${dots(baseline, 'baseline')}`;
}

/**
 * The hover marker of a week (nothing without one), left out of exports: a dashed vertical
 * guide across the plot and a dot on each mean (baseline hollow, scenario filled) that is a
 * number.
 */
export function weekMarker(
  x: (v: number) => number,
  y: (v: number) => number,
  box: { top: number; bottom: number },
  week: number | undefined,
  baseline: readonly WeekPoint[],
  scenario: readonly WeekPoint[],
) {
  if (week === undefined) return nothing;
  const dot = (p: WeekPoint | undefined, filled: boolean, colour: string) =>
    p && Number.isFinite(p.mean)
      ? svg`<circle cx=${x(week)} cy=${y(p.mean)} r="6" fill=${filled ? colour : '#ffffff'}
          stroke=${colour} stroke-width="3"></circle>`
      : nothing;
  return svg`<g class="hover" data-export="skip">
    <line x1=${x(week)} x2=${x(week)} y1=${box.top} y2=${box.bottom} stroke=${COLOURS.marker}
      stroke-width="1.5" stroke-dasharray="3 3"></line>
    ${dot(baseline[week - 1], false, COLOURS.baseline)}
    ${dot(scenario[week - 1], true, COLOURS.scenario)}
  </g>`;
}

/** Height of the first of the points whose mean is a number (where the marker's dot is). */
export function markerY(
  y: (v: number) => number,
  ...points: readonly (WeekPoint | undefined)[]
): number | undefined {
  const p = points.find((q) => q !== undefined && Number.isFinite(q.mean));
  return p ? y(p.mean) : undefined;
}

/** A bar of a comparison: baseline outlined, scenario filled, classed `bar <side>`. */
export function bar(side: Side, x: number, y: number, width: number, height: number) {
  const colour = COLOURS[side];
  const filled = side === 'scenario';
  return svg`<rect class="bar ${side}" x=${x} y=${y} width=${width} height=${height}
    fill=${filled ? colour : '#ffffff'} stroke=${colour} stroke-width=${filled ? 0 : 1.5}></rect>`;
}

/** Styles shared by the charts: the host, the plot wrapper, the tooltip and the status line. */
export const chartStyles = css`
  :host {
    display: block;
    position: relative;
    min-height: ${CHART_HEIGHT}px;
    font-family: ${unsafeCSS(FONT_FAMILY)};
  }
  .wrap {
    position: relative;
  }
  .chart-note {
    margin: 0.25rem 0 0;
    font-size: 0.85rem;
    color: ${unsafeCSS(COLOURS.muted)};
    max-width: 60rem;
  }
  svg {
    display: block;
    overflow: visible;
  }
  svg:focus {
    outline: none;
  }
  svg:focus-visible {
    outline: 3px solid #1c6fd1;
    outline-offset: 2px;
  }
  .status {
    display: flex;
    align-items: center;
    justify-content: center;
    height: ${CHART_HEIGHT}px;
    margin: 0;
    color: #4a5565;
    font-size: 1.1rem;
  }
  .tooltip {
    position: absolute;
    pointer-events: none;
    background: #ffffff;
    border: 1px solid #b8c1cc;
    border-radius: 6px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 15%);
    padding: 0.5rem 0.75rem;
    font-size: 15px;
    line-height: 1.45;
    color: #1c2430;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
    z-index: 2;
  }
  .tooltip strong {
    display: block;
    margin-bottom: 0.15rem;
  }
  .tooltip table {
    border-collapse: collapse;
  }
  .tooltip th,
  .tooltip td {
    padding: 0 0 0 1rem;
    text-align: right;
    font-weight: normal;
  }
  .tooltip th:first-child {
    padding-left: 0;
    text-align: left;
  }
  .tooltip thead th {
    font-weight: 700;
  }
  .tooltip .note {
    margin-top: 0.2rem;
    font-size: 13px;
    color: #4a5565;
  }
  .tooltip .b {
    color: #005a8c;
  }
  .tooltip .s {
    color: #a84300;
  }
  ${srOnly}
`;

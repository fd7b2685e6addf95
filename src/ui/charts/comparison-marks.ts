/**
 * The marks that draw baseline against scenario: the week axis of a week chart, its legend, the
 * 95% interval bands, the mean lines (a dot for a week alone), the hover marker of a week, and
 * the bars of a comparison (baseline outlined, scenario filled). SVG fragments from d3 shapes
 * and scales; used only by the charts.
 */
import { area, line, scaleLinear, type ScaleLinear } from 'd3';
import { nothing, svg } from 'lit';
import { integerTicks } from './chart-data';
import { axisTicks, type LegendItem } from './chart-frame';
import { COLOURS, DASH, LINE_WIDTH } from './chart-theme';
import { type WeekPoint } from '../shared/series';

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

/**
 * A sweep's (or a grid's) results as files: JSON and tidy CSV, as the headless runner prints
 * them. Each point's metric entries are those of the single-run report (report.ts): the
 * scenario at the point, the baseline, and their paired difference with 95% intervals.
 */
import type { ParamId } from './params';
import {
  CSV_HEADER,
  comparisonReport,
  reportCsv,
  type MetricReport,
  type PeriodsReport,
} from './report';
import type { Comparison } from './results';
import { scenarioToJson, type Scenario } from './scenario';
import { axisParamValue, sweepValues, type SweepAxis } from './sweep';

export interface SweepPointReport {
  /** The swept parameters' values at this point (booleans as true/false). */
  values: Record<string, number | boolean>;
  /** The weeks of each period at this point (a swept start week moves the peak). */
  periods: PeriodsReport;
  metrics: MetricReport[];
}

export interface SweepReport {
  gigsim: 'sweep';
  version: 1;
  weeks: number;
  replications: number;
  /** The scenario whose levers are swept, and the baseline every point is compared with. */
  scenario: ReturnType<typeof scenarioToJson>;
  baseline: ReturnType<typeof scenarioToJson>;
  axes: (SweepAxis & { values: (number | boolean)[] })[];
  /** One per point: for a grid, the first axis outermost. */
  points: SweepPointReport[];
}

export interface SweepPoint {
  /** The swept parameters' values, as numbers (0 and 1 for booleans). */
  values: Readonly<Partial<Record<ParamId, number>>>;
  scenario: Scenario;
  comparison: Comparison;
}

export function sweepReport(
  axes: readonly SweepAxis[],
  points: readonly SweepPoint[],
  baseline: Scenario,
  scenario: Scenario,
): SweepReport {
  return {
    gigsim: 'sweep',
    version: 1,
    weeks: baseline.weeks,
    replications: baseline.replications,
    scenario: scenarioToJson(scenario),
    baseline: scenarioToJson(baseline),
    axes: axes.map((a) => ({
      ...a,
      values: sweepValues(a).map((v) => axisParamValue(a.id, v)),
    })),
    points: points.map((p) => {
      const values: Record<string, number | boolean> = {};
      for (const a of axes) {
        const v = p.values[a.id];
        if (v !== undefined) values[a.id] = axisParamValue(a.id, v);
      }
      const { periods, metrics } = comparisonReport(p.comparison, baseline, p.scenario);
      return { values, periods, metrics };
    }),
  };
}

/** What a table of points shares with a single run's report, and each point's numbers. */
export interface PointsTable {
  readonly weeks: number;
  readonly replications: number;
  readonly scenario: SweepReport['scenario'];
  readonly baseline: SweepReport['baseline'];
  readonly points: readonly {
    readonly periods: SweepReport['points'][number]['periods'];
    readonly metrics: SweepReport['points'][number]['metrics'];
  }[];
}

/**
 * Points as tidy CSV: the single-run report's columns (report.ts CSV_HEADER) for each point,
 * led by the columns `lead` names and gives for the point (a sweep's swept parameters, a
 * design's point number and factors).
 */
export function pointsCsv<T extends PointsTable>(
  report: T,
  head: readonly string[],
  lead: (point: T['points'][number]) => readonly (string | number)[],
): string {
  const lines = [[...head, ...CSV_HEADER].join(',')];
  for (const p of report.points) {
    const rows = reportCsv({
      gigsim: 'results',
      version: 1,
      weeks: report.weeks,
      replications: report.replications,
      scenario: report.scenario,
      baseline: report.baseline,
      periods: p.periods,
      metrics: p.metrics,
      pool: {},
    })
      .trimEnd()
      .split('\n');
    const first = lead(p).map(String).join(',');
    for (const row of rows.slice(1)) lines.push(`${first},${row}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A sweep as tidy CSV: the single-run report's columns (report.ts CSV_HEADER), led by one
 * column per swept parameter holding its value at the point.
 */
export function sweepCsv(report: SweepReport): string {
  const ids = report.axes.map((a) => a.id);
  return pointsCsv(report, ids, (p) => ids.map((id) => String(p.values[id])));
}

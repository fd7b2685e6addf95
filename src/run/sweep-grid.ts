/**
 * Sweeps of one lever and grids of two: a comparison with the baseline at each value (or each
 * pair of values), run one after another on the same seed, weeks and replications as the
 * baseline (common random numbers), so that a sweep's curve is smooth and each delta paired.
 */
import type { CompareRunner } from '../model/contract';
import type { Comparison } from '../model/results';
import type { RunPlan } from '../model/run-budget';
import type { Scenario } from '../model/scenario';
import { atValues, sweepValues, type SweepAxis } from '../model/sweep';
import { PointRunner, pairedWith, type ExplorerOptions } from './explorer-runner';

export interface SweepOptions extends ExplorerOptions {
  /**
   * The scenario whose lever is swept (its other parameters kept), compared at each point
   * with the baseline. Default: the baseline itself.
   */
  readonly scenario?: Scenario;
}

export interface SweepResult {
  readonly axis: SweepAxis;
  /** The lever's values, in the order run (sweepValues of the axis). */
  readonly values: number[];
  /** The scenario run at each value. */
  readonly scenarios: Scenario[];
  /** The comparison with the baseline at each value. */
  readonly points: Comparison[];
}

/** What a sweep or a grid runs, for the run gate (src/model/run-budget.ts), its points named. */
export interface ExplorePlan extends RunPlan {
  /** Each point's name, as a refusal names it: "the sweep's point payPerHour 60". */
  readonly names: string[];
}

/** The scenarios a sweep runs, one per value of the axis. */
function sweepScenarios(baseline: Scenario, axis: SweepAxis, scenario = baseline): Scenario[] {
  const start = pairedWith(baseline, scenario);
  return sweepValues(axis).map((v) => atValues(start, { [axis.id]: v }));
}

/** What `sweep` will run. */
export function sweepPlan(baseline: Scenario, axis: SweepAxis, scenario = baseline): ExplorePlan {
  return {
    baselines: [baseline],
    points: sweepScenarios(baseline, axis, scenario),
    names: sweepValues(axis).map((v) => `the sweep's point ${axis.id} ${v}`),
  };
}

/** Sweeps one lever: a comparison with the baseline at each of the axis's values. */
export async function sweep(
  runner: CompareRunner,
  baseline: Scenario,
  axis: SweepAxis,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const values = sweepValues(axis);
  const scenarios = sweepScenarios(baseline, axis, options.scenario);
  const run = new PointRunner(runner, options, values.length);
  const points: Comparison[] = [];
  for (const s of scenarios) points.push(await run.compare(baseline, s));
  return { axis, values, scenarios, points };
}

export interface GridResult {
  readonly axisX: SweepAxis;
  readonly axisY: SweepAxis;
  readonly x: number[];
  readonly y: number[];
  /** `scenarios[i][j]` and `points[i][j]`: x[i] and y[j] (x-major). */
  readonly scenarios: Scenario[][];
  readonly points: Comparison[][];
}

/** The scenarios of a grid, `[i][j]` at x[i] and y[j]. */
function gridScenarios(
  baseline: Scenario,
  axisX: SweepAxis,
  axisY: SweepAxis,
  scenario = baseline,
): Scenario[][] {
  if (axisX.id === axisY.id) {
    throw new RangeError(`a grid needs two different levers, got "${axisX.id}" twice`);
  }
  const start = pairedWith(baseline, scenario);
  return sweepValues(axisX).map((vx) =>
    sweepValues(axisY).map((vy) => atValues(start, { [axisX.id]: vx, [axisY.id]: vy })),
  );
}

/** What `grid` will run (x outer, y inner). */
export function gridPlan(
  baseline: Scenario,
  axisX: SweepAxis,
  axisY: SweepAxis,
  scenario = baseline,
): ExplorePlan {
  const y = sweepValues(axisY);
  return {
    baselines: [baseline],
    points: gridScenarios(baseline, axisX, axisY, scenario).flat(),
    names: sweepValues(axisX).flatMap((vx) =>
      y.map((vy) => `the grid's cell ${axisX.id} ${vx}, ${axisY.id} ${vy}`),
    ),
  };
}

/** Two levers at once: a comparison at every pair of values (x outer, y inner). */
export async function grid(
  runner: CompareRunner,
  baseline: Scenario,
  axisX: SweepAxis,
  axisY: SweepAxis,
  options: SweepOptions = {},
): Promise<GridResult> {
  const scenarios = gridScenarios(baseline, axisX, axisY, options.scenario);
  const x = sweepValues(axisX);
  const y = sweepValues(axisY);
  const run = new PointRunner(runner, options, x.length * y.length);
  const points: Comparison[][] = [];
  for (const row of scenarios) {
    const out: Comparison[] = [];
    for (const s of row) out.push(await run.compare(baseline, s));
    points.push(out);
  }
  return { axisX, axisY, x, y, scenarios, points };
}

/**
 * Fits a station's behavioural constants to its weekly history (issue 17) by the method of
 * simulated moments (McFadden 1989; Gouriéroux & Monfort 1996): the loss is the sum over the
 * history's statistics (src/run/calib-moments.ts) of (simulated mean − observed)², each
 * divided by the statistic's variance in one simulated history at the start; every evaluation
 * runs the same replications on the same seeds (common random numbers), so the loss is smooth
 * in the constants. Levenberg–Marquardt over log(constants) (src/run/calib-optimise.ts) finds
 * the minimum; its Jacobian there gives the sandwich covariance of the estimate,
 * (1 + 1/R)·A Σ Aᵀ with A = (JᵀJ)⁻¹JᵀD⁻¹, where Σ is the covariance of one history's
 * statistics (measured across the R replications) and 1/R the simulation noise of the simulated
 * means (Gouriéroux & Monfort 1996, ch. 2); intervals are Student-t on log scale.
 *
 * Pure but for `run`, which simulates a scenario's replications and returns their weekly
 * histories (src/sim/history.ts): in-process in tests, on the worker pool in the runner and
 * the app (`poolHistoryRunner`), with the same numbers either way.
 */
import {
  DEFAULT_FIT,
  DEFAULT_FIT_REPS,
  DEFAULT_HOLDOUT,
  FITTABLE_IDS,
  type CalibrationResult,
} from '../model/calibration';
import { PARAM_BY_ID, defaultParams, type Params } from '../model/params';
import type { NumberParamDef } from '../model/param-def';
import { SCENARIO_VERSION, type Scenario } from '../model/scenario';
import { HC, historyColumn, type StationHistory } from '../model/station-history';
import { holdoutForecast, momentValues, momentsOf, type Moment } from './calib-moments';
import { levenbergMarquardt } from './calib-optimise';
import { LOG_STEP, fitWarnings, intervals, sandwich } from './calib-intervals';

export { identification, sandwich } from './calib-intervals';
import type { SimulationPool } from './simulation-pool';

export interface CalibrationRequest {
  readonly history: StationHistory;
  /** Constants to fit (default DEFAULT_FIT). */
  readonly fit?: readonly string[];
  /** Last weeks held out of the fit for the forecast check (default 4). */
  readonly holdout?: number;
  /** Replications per evaluation (default 8). */
  readonly replications?: number;
  readonly seed?: number;
  /** The station the fit starts from (default: the defaults). */
  readonly params?: Params;
}

/** Simulates a scenario's replications; each history is column-major (src/sim/history.ts). */
export type HistoryRunner = (scenario: Scenario) => Promise<Float64Array[]>;

export interface CalibrationProgress {
  readonly evaluations: number;
  /** A rough count of the evaluations the fit will take (for a progress bar). */
  readonly expected: number;
  readonly phase: 'anchor' | 'fit';
}

/** Fewest weeks left to fit after the hold-out. */
export const MIN_FIT_WEEKS = 6;
/** The spread of the statistics at the optimum is measured on this many times R replications. */
const SIGMA_REPS_FACTOR = 3;
/**
 * The fit stops when a step is predicted (or found) to lower the loss by less than this: a
 * fraction of the loss's own noise (a χ² with as many degrees of freedom as statistics).
 */
const STOP_DROP = 0.2;
/** Most constants fitted at once. */
export const MAX_FIT = 6;

/** A rough count of the evaluations a fit of `p` constants takes, for a progress bar. */
export function expectedEvaluations(p: number): number {
  return 2 + (p + 2) * 3 + p + SIGMA_REPS_FACTOR;
}

/** Checks a request; a sentence naming what is wrong, or undefined. */
export function checkRequest(req: CalibrationRequest): string | undefined {
  const fit = req.fit ?? DEFAULT_FIT;
  const unknown = fit.find((id) => !FITTABLE_IDS.includes(id));
  if (unknown !== undefined) {
    return `"${unknown}" cannot be fitted; choose from ${FITTABLE_IDS.join(', ')}.`;
  }
  if (new Set(fit).size !== fit.length) return 'a constant is named twice in the fit.';
  if (fit.length < 1 || fit.length > MAX_FIT)
    return `fit 1 to ${MAX_FIT} constants (${fit.length} chosen).`;
  const holdout = req.holdout ?? DEFAULT_HOLDOUT;
  if (!Number.isInteger(holdout) || holdout < 0 || req.history.weeks - holdout < MIN_FIT_WEEKS) {
    return `the hold-out must leave at least ${MIN_FIT_WEEKS} of the history's ${req.history.weeks} weeks to fit (0 to ${req.history.weeks - MIN_FIT_WEEKS}).`;
  }
  const reps = req.replications ?? DEFAULT_FIT_REPS;
  if (!Number.isInteger(reps) || reps < 4 || reps > 64) return 'replications must be 4 to 64.';
  if (momentsOf(req.history).length === 0) return 'the history has no column to fit to.';
  return undefined;
}

function median(xs: Float64Array): number {
  const v = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return v.length === 0 ? NaN : v[Math.floor((v.length - 1) / 2)];
}

function def(id: string): NumberParamDef {
  return PARAM_BY_ID.get(id) as NumberParamDef;
}

const clampTo = (id: string, v: number): number => Math.min(def(id).max, Math.max(def(id).min, v));

/** Parameters set from the history itself: start week, and base pay when given. */
export function anchoredParams(h: StationHistory): Record<string, number> {
  const out: Record<string, number> = { startWeek: ((h.firstWeek - 1) % 52) + 1 };
  if (h.present[HC.base_pay]) {
    const pay = median(historyColumn(h, HC.base_pay));
    if (Number.isFinite(pay)) out.payPerHour = clampTo('payPerHour', pay);
  }
  return out;
}

/** Log bounds of a fitted constant: its range, with a zero floor replaced by 1/50 of its default. */
function logBounds(id: string): [number, number] {
  const d = def(id);
  const lo = d.min > 0 ? d.min : Math.max(1e-6, d.default / 50);
  return [Math.log(lo), Math.log(d.max)];
}

interface Evaluation {
  readonly histories: Float64Array[];
  /** Per replication, the moments (R × M). */
  readonly perRep: number[][];
  readonly mean: number[];
}

/** What the fit's phases share: the request read, the statistics, the evaluation. */
interface FitContext {
  readonly h: StationHistory;
  readonly fit: string[];
  readonly R: number;
  readonly seed: number;
  readonly holdout: number;
  readonly fitWeeks: number;
  readonly moments: Moment[];
  readonly observed: number[];
  readonly evaluate: (params: Params, reps?: number) => Promise<Evaluation>;
  readonly count: () => number;
  readonly setPhase: (phase: CalibrationProgress['phase']) => void;
}

function context(
  req: CalibrationRequest,
  run: HistoryRunner,
  onProgress?: (p: CalibrationProgress) => void,
): FitContext {
  const h = req.history;
  const fit = [...(req.fit ?? DEFAULT_FIT)];
  const R = req.replications ?? DEFAULT_FIT_REPS;
  const seed = req.seed ?? 1;
  const holdout = req.holdout ?? DEFAULT_HOLDOUT;
  const fitWeeks = h.weeks - holdout;
  const moments = momentsOf(h);
  const observed = momentValues(moments, h.data, h.weeks, h, 0, fitWeeks);
  const expected = expectedEvaluations(fit.length);
  let evaluations = 0;
  let phase: CalibrationProgress['phase'] = 'anchor';
  const evaluate = async (params: Params, reps = R): Promise<Evaluation> => {
    const scenario: Scenario = {
      version: SCENARIO_VERSION,
      seed,
      weeks: h.weeks,
      replications: reps,
      params,
    };
    const histories = await run(scenario);
    evaluations++;
    onProgress?.({ evaluations, expected, phase });
    const perRep = histories.map((d) => momentValues(moments, d, h.weeks, h, 0, fitWeeks));
    const mean = moments.map((_, j) => perRep.reduce((s, r) => s + r[j], 0) / perRep.length);
    return { histories, perRep, mean };
  };
  return {
    h,
    fit,
    R,
    seed,
    holdout,
    fitWeeks,
    moments,
    observed,
    evaluate,
    count: () => evaluations,
    setPhase: (p) => (phase = p),
  };
}

/**
 * The station the fit starts from, with the parameters the history sets (start week, base
 * pay, and demand scaled so that the blocks offered match, unless demand is fitted), and its
 * evaluation.
 */
async function anchor(
  c: FitContext,
  base: Params,
): Promise<{ start: Params; first: Evaluation; anchored: Record<string, number> }> {
  const anchored = anchoredParams(c.h);
  let start = { ...base, ...anchored } as Params;
  let first = await c.evaluate(start);
  const offered = c.moments.findIndex((m) => m.column === 'blocks_offered');
  if (!c.fit.includes('demandPerDay') && offered >= 0 && first.mean[offered] > 0) {
    const ratio = c.observed[offered] / first.mean[offered];
    // Only a station evidently of another size: a rescale within the noise would shift the
    // demand by chance, and its uncertainty is not in the constants' intervals.
    const sdOffered = spreads(first.perRep, c.observed)[offered];
    if (Math.abs(c.observed[offered] - first.mean[offered]) > 3 * sdOffered) {
      anchored.demandPerDay = clampTo('demandPerDay', start.demandPerDay * ratio);
      start = { ...start, demandPerDay: anchored.demandPerDay };
      first = await c.evaluate(start);
    }
  }
  return { start, first, anchored };
}

/** Each statistic's standard deviation in one simulated history (its weight), floored. */
function spreads(perRep: number[][], observed: readonly number[]): number[] {
  return observed.map((obs, j) => {
    const xs = perRep.map((r) => r[j]);
    const m = xs.reduce((s, v) => s + v, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1);
    return Math.sqrt(v + (1e-3 * Math.abs(obs)) ** 2) + 1e-9;
  });
}

/** The least-squares fit over log(constants) from the start (src/run/calib-optimise.ts). */
async function minimise(c: FitContext, start: Params, sd: readonly number[]) {
  const { fit, moments, observed } = c;
  const paramsAt = (u: number[]): Params => {
    const p: Record<string, number | boolean> = { ...start };
    fit.forEach((id, k) => (p[id] = clampTo(id, Math.exp(u[k]))));
    return p as Params;
  };
  const residuals = (e: Evaluation) =>
    moments.map((_, j) => (Number.isFinite(observed[j]) ? (e.mean[j] - observed[j]) / sd[j] : 0));
  const bounds = fit.map(logBounds);
  const u0 = fit.map((id, k) =>
    Math.max(bounds[k][0], Math.log(start[id as keyof Params] as number)),
  );
  const lm = await levenbergMarquardt(
    async (u) => {
      const e = await c.evaluate(paramsAt(u));
      return { residuals: residuals(e), extra: e };
    },
    u0,
    {
      step: LOG_STEP,
      maxIterations: 6,
      tolerance: 2e-3,
      absoluteTolerance: STOP_DROP,
      bounds: { lower: bounds.map((b) => b[0]), upper: bounds.map((b) => b[1]) },
    },
  );
  return { lm, paramsAt, u0, bounds };
}

export async function calibrate(
  req: CalibrationRequest,
  run: HistoryRunner,
  onProgress?: (p: CalibrationProgress) => void,
): Promise<CalibrationResult> {
  const problem = checkRequest(req);
  if (problem) throw new RangeError(problem);
  const c = context(req, run, onProgress);
  const { fit, moments, observed, h } = c;
  const { start, first, anchored } = await anchor(c, req.params ?? defaultParams());
  c.setPhase('fit');
  const sd = spreads(first.perRep, observed);
  const { lm, paramsAt, u0, bounds } = await minimise(c, start, sd);
  // The spread of one history's statistics at the optimum, from more replications than the fit's.
  const spread = await c.evaluate(paramsAt(lm.x), SIGMA_REPS_FACTOR * c.R);
  const cov = sandwich(lm.jacobian, spread.perRep, sd, c.R);
  const shifted = lm.jacobianExtras.map((e) => e.histories);
  return {
    constants: intervals(fit, u0, lm.x, cov, lm.jacobian, moments, bounds, c.R),
    params: { ...paramsAt(lm.x) },
    anchored,
    moments: moments.map((m, j) => ({
      column: m.column,
      observed: observed[j],
      start: first.mean[j],
      fitted: lm.extra.mean[j],
      sd: sd[j],
    })),
    covariance: cov,
    holdoutWeeks: Array.from({ length: c.holdout }, (_, i) => h.firstWeek + c.fitWeeks + i),
    holdout:
      c.holdout > 0
        ? holdoutForecast(moments, h, lm.extra.histories, shifted, lm.steps, cov, c.fitWeeks)
        : [],
    fitWeeks: c.fitWeeks,
    replications: c.R,
    seed: c.seed,
    evaluations: c.count(),
    cost: lm.cost,
    warnings: fitWarnings(
      lm.jacobian,
      lm.cost,
      observed.filter(Number.isFinite).length,
      fit.length,
    ),
  };
}

/** Runs a scenario's replications on the pool and returns their weekly histories. */
export function poolHistoryRunner(pool: SimulationPool, signal?: AbortSignal): HistoryRunner {
  return (scenario) => pool.histories(scenario, { signal });
}

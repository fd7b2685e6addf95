/**
 * The trade-off explorer's computations: sweeps of one lever, grids of two, sensitivity
 * (tornado) and goal seek. Written against a `CompareRunner`, so the same code runs on the
 * app's worker pool in the browser and on the Node pool in the headless runner and benchmarks.
 *
 * Every point is a comparison of a scenario with the baseline on the same seed, weeks and
 * replications (common random numbers): a sweep's curve is smooth because neighbouring points
 * share their random draws, and each point's delta is paired. Points run one after another
 * (the pool serves one request at a time).
 *
 * Cancellation: `{ signal }`. Aborting stops between points and also supersedes the run in
 * flight (the runner is given the signal; `poolRunner` honours it), and the call rejects at
 * once with an error named `AbortError`. A run superseded by someone else (another request on
 * the pool) counts as cancelled too.
 */
import type { CompareProgress, CompareRunner } from '../model/contract';
import { paretoFront } from '../model/frontier';
import { PARAM_BY_ID, PARAMS, type ParamDef, type ParamId } from '../model/params';
import { METRIC_BY_ID, METRIC_INDEX, type MetricId } from '../model/metrics';
import type { Window } from '../model/report';
import type { Comparison } from '../model/results';
import { checkParam, type Scenario } from '../model/scenario';
import { atValues, axisParamValue, sweepValues, type SweepAxis } from '../model/sweep';
import { tQuantile975 } from '../sim/stats';
import { isSuperseded } from './pool';
import type { SimulationPool } from './simulation-pool';

// ---- options, progress, cancellation ------------------------------------------------------

export interface ExplorerProgress {
  /** Points complete. */
  readonly done: number;
  /**
   * Points planned. For goal seek, its budget (an upper bound); when the search ends sooner,
   * a last report has `total` equal to `done`.
   */
  readonly total: number;
  /** `done` plus the share of the point in flight, over `total`: for a progress bar. */
  readonly fraction: number;
  /** The point just completed (absent on reports from within a point). */
  readonly point?: Comparison;
  /** Its position in the order points run (0-based). */
  readonly index?: number;
}

export interface ExplorerOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExplorerProgress) => void;
}

/** The error an exploration rejects with when cancelled (aborted or superseded). */
export class ExplorerAbortError extends Error {
  override name = 'AbortError';
  constructor(message = 'the exploration was cancelled') {
    super(message);
  }
}

/** Whether an error means the exploration was cancelled (so the caller should stay quiet). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * A CompareRunner over a simulation pool that honours the abort signal: aborting supersedes
 * the pool's request in flight (its promise rejects, superseded) and stops its replications.
 */
export function poolRunner(pool: SimulationPool): CompareRunner {
  return (baseline, scenario, onProgress, signal) => {
    if (signal?.aborted) return Promise.reject(new ExplorerAbortError());
    return pool.compare(baseline, scenario, {
      ...(onProgress ? { onProgress } : {}),
      ...(signal ? { signal } : {}),
    });
  };
}

/** Runs a sequence of comparisons, one at a time, with progress and cancellation. */
class PointRunner {
  done = 0;
  constructor(
    private readonly runner: CompareRunner,
    private readonly options: ExplorerOptions,
    public total: number,
  ) {}

  check(): void {
    if (this.options.signal?.aborted) throw new ExplorerAbortError();
  }

  async compare(baseline: Scenario, scenario: Scenario): Promise<Comparison> {
    this.check();
    const { signal, onProgress } = this.options;
    const inner = onProgress
      ? (p: CompareProgress) => {
          if (signal?.aborted) return;
          onProgress({
            done: this.done,
            total: this.total,
            fraction: Math.min(1, (this.done + p.fraction) / Math.max(1, this.total)),
          });
        }
      : undefined;
    let comparison: Comparison;
    try {
      comparison = await abortable(this.runner(baseline, scenario, inner, signal), signal);
    } catch (error) {
      if (isSuperseded(error)) throw new ExplorerAbortError('superseded by a newer run');
      throw error;
    }
    this.check();
    const index = this.done++;
    onProgress?.({
      done: this.done,
      total: this.total,
      fraction: Math.min(1, this.done / Math.max(1, this.total)),
      point: comparison,
      index,
    });
    return comparison;
  }
}

/** The promise, or an AbortError as soon as the signal aborts, whichever comes first. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ExplorerAbortError());
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** `scenario` with the baseline's seed, weeks and replications, so that the two pair. */
function pairedWith(baseline: Scenario, scenario: Scenario): Scenario {
  return {
    ...scenario,
    seed: baseline.seed,
    weeks: baseline.weeks,
    replications: baseline.replications,
  };
}

// ---- reading a comparison -------------------------------------------------------------------

export interface IntervalValue {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/**
 * A metric's value in a comparison: the scenario's, the baseline's or the paired delta, over a
 * summary window (the long run unless told).
 */
export function metricValue(
  comparison: Comparison,
  metric: MetricId,
  side: 'scenario' | 'baseline' | 'delta' = 'scenario',
  window: Window = 'longRun',
): IntervalValue {
  const m = METRIC_INDEX[metric];
  const a = comparison[side][window];
  return { mean: a.mean[m], low: a.low[m], high: a.high[m] };
}

/**
 * The Pareto-efficient points of a set of comparisons in the plane of two metrics (each
 * better the way the metric table says), as indices sorted along `x` (see paretoFront).
 */
export function metricFrontier(
  points: readonly Comparison[],
  x: MetricId,
  y: MetricId,
  side: 'scenario' | 'delta' = 'scenario',
  window: Window = 'longRun',
): number[] {
  const better = (m: MetricId) => METRIC_BY_ID.get(m)?.better ?? 'up';
  const plane = points.map((c) => ({
    x: metricValue(c, x, side, window).mean,
    y: metricValue(c, y, side, window).mean,
  }));
  return paretoFront(plane, better(x), better(y));
}

// ---- sweep and grid ---------------------------------------------------------------------------

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

/** Sweeps one lever: a comparison with the baseline at each of the axis's values. */
export async function sweep(
  runner: CompareRunner,
  baseline: Scenario,
  axis: SweepAxis,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const values = sweepValues(axis);
  const start = pairedWith(baseline, options.scenario ?? baseline);
  const scenarios = values.map((v) => atValues(start, { [axis.id]: v }));
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

/** Two levers at once: a comparison at every pair of values (x outer, y inner). */
export async function grid(
  runner: CompareRunner,
  baseline: Scenario,
  axisX: SweepAxis,
  axisY: SweepAxis,
  options: SweepOptions = {},
): Promise<GridResult> {
  if (axisX.id === axisY.id) {
    throw new RangeError(`a grid needs two different levers, got "${axisX.id}" twice`);
  }
  const x = sweepValues(axisX);
  const y = sweepValues(axisY);
  const start = pairedWith(baseline, options.scenario ?? baseline);
  const scenarios = x.map((vx) =>
    y.map((vy) => atValues(start, { [axisX.id]: vx, [axisY.id]: vy })),
  );
  const run = new PointRunner(runner, options, x.length * y.length);
  const points: Comparison[][] = [];
  for (const row of scenarios) {
    const out: Comparison[] = [];
    for (const s of row) out.push(await run.compare(baseline, s));
    points.push(out);
  }
  return { axisX, axisY, x, y, scenarios, points };
}

// ---- sensitivity (tornado) ---------------------------------------------------------------------

export interface TornadoItem {
  readonly id: ParamId;
  readonly low: number;
  readonly high: number;
}

export interface TornadoEnd {
  /** The parameter's value at this end. */
  readonly value: number;
  /** The metric at this end. */
  readonly metric: IntervalValue;
  /** Its paired difference from the scenario's value (same seeds). */
  readonly delta: IntervalValue;
  readonly comparison: Comparison;
}

export interface TornadoRow {
  readonly id: ParamId;
  readonly label: string;
  readonly low: TornadoEnd;
  readonly high: TornadoEnd;
  /**
   * The span of the bar from the scenario's value: max(0, Δlow, Δhigh) − min(0, Δlow,
   * Δhigh), in the metric's unit. Rows are sorted by it, largest first.
   */
  readonly swing: number;
}

export interface TornadoResult {
  readonly metric: MetricId;
  readonly window: Window;
  /** The scenario's own value of the metric. */
  readonly base: IntervalValue;
  readonly rows: TornadoRow[];
}

/**
 * Sensitivity of a metric (long run unless told) to each item moved to its low and its high
 * end, the rest of the scenario kept: two comparisons with the scenario per item.
 */
export async function tornado(
  runner: CompareRunner,
  scenario: Scenario,
  items: readonly TornadoItem[],
  metric: MetricId,
  options: ExplorerOptions & { readonly window?: Window } = {},
): Promise<TornadoResult> {
  const window = options.window ?? 'longRun';
  for (const item of items) {
    for (const v of [item.low, item.high]) {
      const r = checkParam(item.id, axisParamValue(item.id, v));
      if (!r.ok) throw new RangeError(r.error);
    }
  }
  const run = new PointRunner(runner, options, items.length * 2);
  let base: IntervalValue | undefined;
  const rows: TornadoRow[] = [];
  for (const item of items) {
    const end = async (value: number): Promise<TornadoEnd> => {
      const comparison = await run.compare(scenario, atValues(scenario, { [item.id]: value }));
      base ??= metricValue(comparison, metric, 'baseline', window);
      return {
        value,
        metric: metricValue(comparison, metric, 'scenario', window),
        delta: metricValue(comparison, metric, 'delta', window),
        comparison,
      };
    };
    const low = await end(item.low);
    const high = await end(item.high);
    const d = [0, low.delta.mean, high.delta.mean].filter(Number.isFinite);
    rows.push({
      id: item.id,
      label: PARAM_BY_ID.get(item.id)?.label ?? item.id,
      low,
      high,
      swing: Math.max(...d) - Math.min(...d),
    });
  }
  // Stable: equal swings keep the items' order.
  rows.sort((a, b) => b.swing - a.swing);
  const nan = { mean: Number.NaN, low: Number.NaN, high: Number.NaN };
  return { metric, window, base: base ?? nan, rows };
}

/** Rounds a value outward from `from` onto the parameter's step grid, within its range. */
function snapOutward(def: ParamDef, x: number, from: number): number {
  if (def.kind === 'boolean') return x;
  const k = (x - def.min) / def.step;
  const steps = x < from ? Math.floor(k + 1e-9) : Math.ceil(k - 1e-9);
  const v = Math.min(def.max, Math.max(def.min, def.min + steps * def.step));
  return Number(v.toFixed(10));
}

/**
 * The default sensitivity items: every numeric policy lever and market assumption at ±spread
 * of the scenario's value (a parameter at 0 moves by ±spread of its range instead), rounded
 * outward to the parameter's step and clamped to its range.
 */
export function defaultTornadoItems(scenario: Scenario, spread = 0.2): TornadoItem[] {
  if (!Number.isFinite(spread) || spread <= 0) {
    throw new RangeError(`the spread must be a positive share (e.g. 0.2 for ±20%), got ${spread}`);
  }
  const items: TornadoItem[] = [];
  for (const def of PARAMS as readonly ParamDef[]) {
    if (def.kind === 'boolean' || (def.group !== 'policy' && def.group !== 'market')) continue;
    const v = scenario.params[def.id as ParamId] as number;
    const d = v === 0 ? spread * (def.max - def.min) : Math.abs(v) * spread;
    const low = snapOutward(def, v - d, v);
    const high = snapOutward(def, v + d, v);
    if (low !== high) items.push({ id: def.id as ParamId, low, high });
  }
  return items;
}

// ---- goal seek --------------------------------------------------------------------------------

export interface GoalConstraint {
  readonly metric: MetricId;
  readonly op: '>=' | '<=';
  readonly value: number;
}

export interface GoalLever {
  readonly id: ParamId;
  readonly from: number;
  readonly to: number;
}

export interface GoalSpec {
  readonly objective: { readonly metric: MetricId; readonly sense: 'min' | 'max' };
  readonly constraints: readonly GoalConstraint[];
  /** One to GOAL_MAX_LEVERS levers, each within its range (`from` < `to`). */
  readonly levers: readonly GoalLever[];
  /** Most comparisons to run, at least 2 per lever and 2^levers. */
  readonly budget: number;
  /** The summary window the metrics are read over (default the long run). */
  readonly window?: Window;
}

export const GOAL_MAX_LEVERS = 3;

export interface ConstraintCheck extends GoalConstraint {
  /** The candidate's value of the metric. */
  readonly actual: IntervalValue;
  /** Whether the mean is on the right side of the bound. */
  readonly met: boolean;
  /**
   * Probability that the constraint holds for the true mean, from a normal approximation of
   * the mean's sampling error: se = half-width of the 95% interval / t(0.975, n − 1), and
   * P = Φ((mean − value) / se) for >= (Φ((value − mean) / se) for <=). With no spread to
   * measure (one replication), 1 when met and 0 when not.
   */
  readonly probability: number;
}

export interface GoalPoint {
  readonly values: Readonly<Partial<Record<ParamId, number>>>;
  readonly scenario: Scenario;
  readonly comparison: Comparison;
  /** The objective metric's mean at this point. */
  readonly objective: number;
  /** Every constraint met by its mean. */
  readonly feasible: boolean;
  readonly phase: 'grid' | 'pattern';
}

export interface GoalResult {
  /** The best point: the best objective among feasible ones, else the least infeasible. */
  readonly best: GoalPoint;
  readonly feasible: boolean;
  readonly objective: IntervalValue;
  readonly constraints: ConstraintCheck[];
  /**
   * Confidence that every constraint holds at the best point: the product of the
   * constraints' probabilities (as if independent; never above the smallest one). 1 with no
   * constraints.
   */
  readonly confidence: number;
  /** Every point evaluated, in the order run. */
  readonly points: GoalPoint[];
  /** The pattern search ended at the levers' finest step without improving (not out of budget). */
  readonly converged: boolean;
  /** The coarse grid's values per lever. */
  readonly gridValues: Readonly<Partial<Record<ParamId, number[]>>>;
}

/** The standard normal CDF (Abramowitz and Stegun 7.1.26 through erf; error under 1.5e-7). */
export function normalCdf(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** How a constraint fares at a point with `n` replications. */
export function checkConstraint(
  constraint: GoalConstraint,
  actual: IntervalValue,
  n: number,
): ConstraintCheck {
  const margin =
    constraint.op === '>=' ? actual.mean - constraint.value : constraint.value - actual.mean;
  const met = margin >= 0;
  const t = n > 1 ? tQuantile975(n - 1) : Number.POSITIVE_INFINITY;
  const se = (actual.high - actual.low) / 2 / t;
  let probability: number;
  if (!Number.isFinite(margin)) probability = 0;
  else if (!(se > 0)) probability = met ? 1 : 0;
  else probability = normalCdf(margin / se);
  return { ...constraint, actual, met, probability };
}

function validateGoal(spec: GoalSpec): void {
  const { levers, budget } = spec;
  if (levers.length < 1 || levers.length > GOAL_MAX_LEVERS) {
    throw new RangeError(`goal seek takes 1 to ${GOAL_MAX_LEVERS} levers, got ${levers.length}`);
  }
  const seen = new Set<string>();
  for (const lever of levers) {
    if (seen.has(lever.id)) throw new RangeError(`lever "${lever.id}" is listed twice`);
    seen.add(lever.id);
    for (const v of [lever.from, lever.to]) {
      const r = checkParam(lever.id, axisParamValue(lever.id, v));
      if (!r.ok) throw new RangeError(r.error);
    }
    if (!(lever.from < lever.to)) {
      throw new RangeError(
        `lever "${lever.id}": "from" (${lever.from}) must be below "to" (${lever.to})`,
      );
    }
  }
  for (const m of [spec.objective.metric, ...spec.constraints.map((c) => c.metric)]) {
    if (!METRIC_BY_ID.has(m)) throw new RangeError(`unknown metric "${m}"`);
  }
  for (const c of spec.constraints) {
    if (!Number.isFinite(c.value)) {
      throw new RangeError(`the bound of "${c.metric}" must be a number, got ${c.value}`);
    }
  }
  const least = 2 ** levers.length;
  if (!Number.isInteger(budget) || budget < least) {
    throw new RangeError(
      `the budget must be a whole number of at least ${least} runs for ${levers.length} lever(s), got ${budget}`,
    );
  }
}

/** Points per lever of the coarse grid: about half the budget, at least 2 each. */
export function goalGridSteps(levers: number, budget: number): number {
  const k = Math.floor((budget / 2) ** (1 / levers) + 1e-9);
  return Math.max(2, k);
}

/**
 * Finds the best setting of the levers (objective minimised or maximised) that keeps every
 * constraint by its mean: a coarse grid over the levers' ranges (about half the budget),
 * then a compass pattern search from the best point, polling each lever up and down in turn,
 * moving to the first improvement, halving the steps when none, down to the levers' own
 * step. Deterministic: the same runner answers give the same points in the same order.
 * Improvement: a feasible point beats an infeasible one; among feasible points the better
 * objective wins; among infeasible ones the smaller total violation (relative to each bound).
 */
export async function goalSeek(
  runner: CompareRunner,
  baseline: Scenario,
  spec: GoalSpec,
  options: ExplorerOptions = {},
): Promise<GoalResult> {
  validateGoal(spec);
  const window = spec.window ?? 'longRun';
  const sign = spec.objective.sense === 'min' ? 1 : -1;
  const run = new PointRunner(runner, options, spec.budget);
  const points: GoalPoint[] = [];
  const byKey = new Map<string, GoalPoint>();
  const defs = spec.levers.map((l) => PARAM_BY_ID.get(l.id) as ParamDef);
  const unit = defs.map((d) => (d.kind === 'boolean' ? 1 : d.step));

  const violation = (p: GoalPoint): number =>
    spec.constraints.reduce((sum, c) => {
      const v = metricValue(p.comparison, c.metric, 'scenario', window).mean;
      const gap = c.op === '>=' ? c.value - v : v - c.value;
      const scale = Math.abs(c.value) > 0 ? Math.abs(c.value) : 1;
      return sum + (Number.isFinite(gap) ? Math.max(0, gap) / scale : Number.POSITIVE_INFINITY);
    }, 0);
  /** Whether p is strictly better than q. */
  const better = (p: GoalPoint, q: GoalPoint): boolean => {
    if (p.feasible !== q.feasible) return p.feasible;
    if (p.feasible) return sign * p.objective < sign * q.objective;
    return violation(p) < violation(q);
  };

  const key = (xs: readonly number[]) => xs.join(',');
  const evaluate = async (xs: number[], phase: GoalPoint['phase']): Promise<GoalPoint> => {
    const cached = byKey.get(key(xs));
    if (cached) return cached;
    const values: Partial<Record<ParamId, number>> = {};
    spec.levers.forEach((l, i) => (values[l.id] = xs[i]));
    const scenario = atValues(baseline, values);
    const comparison = await run.compare(baseline, scenario);
    const objective = metricValue(comparison, spec.objective.metric, 'scenario', window).mean;
    const feasible = spec.constraints.every(
      (c) => checkConstraint(c, metricValue(comparison, c.metric, 'scenario', window), 1).met,
    );
    const point: GoalPoint = {
      values,
      scenario,
      comparison,
      objective: Number.isFinite(objective) ? objective : sign * Number.POSITIVE_INFINITY,
      feasible: feasible && Number.isFinite(objective),
      phase,
    };
    points.push(point);
    byKey.set(key(xs), point);
    return point;
  };

  // Coarse grid, first lever outermost.
  const k = goalGridSteps(spec.levers.length, spec.budget);
  const axes = spec.levers.map((l) => sweepValues({ ...l, steps: k }));
  const gridValues: Partial<Record<ParamId, number[]>> = {};
  spec.levers.forEach((l, i) => (gridValues[l.id] = axes[i]));
  let best: GoalPoint | undefined;
  let bestXs: number[] = [];
  const visit = async (prefix: number[]): Promise<void> => {
    if (prefix.length === axes.length) {
      if (run.done >= spec.budget && !byKey.has(key(prefix))) return;
      const p = await evaluate(prefix, 'grid');
      if (!best || better(p, best)) {
        best = p;
        bestXs = prefix;
      }
      return;
    }
    for (const v of axes[prefix.length]) await visit([...prefix, v]);
  };
  await visit([]);

  // Pattern search from the best grid point; steps start at half the grid spacing.
  const snap = (i: number, x: number): number => {
    const l = spec.levers[i];
    const v = Math.min(l.to, Math.max(l.from, x));
    const d = defs[i];
    const min = d.kind === 'boolean' ? 0 : d.min;
    const s = Math.min(
      d.kind === 'boolean' ? 1 : d.max,
      min + Math.round((v - min) / unit[i]) * unit[i],
    );
    return Number(s.toFixed(10));
  };
  const h = axes.map((a, i) => {
    const spacing =
      a.length > 1 ? Math.abs(a[1] - a[0]) : Math.abs(spec.levers[i].to - spec.levers[i].from);
    return Math.max(unit[i], spacing / 2);
  });
  let converged = false;
  let current = best as GoalPoint | undefined;
  search: while (current) {
    let moved = false;
    for (let i = 0; i < h.length && !moved; i++) {
      for (const dir of [1, -1]) {
        const xs = [...bestXs];
        xs[i] = snap(i, bestXs[i] + dir * h[i]);
        if (xs[i] === bestXs[i]) continue;
        if (!byKey.has(key(xs)) && run.done >= spec.budget) break search;
        const p = await evaluate(xs, 'pattern');
        if (better(p, current)) {
          current = p;
          bestXs = xs;
          moved = true;
          break;
        }
      }
    }
    if (moved) continue;
    if (h.every((s, i) => s <= unit[i])) {
      converged = true;
      break;
    }
    for (let i = 0; i < h.length; i++) h[i] = Math.max(unit[i], h[i] / 2);
  }

  if (run.done < spec.budget) {
    options.onProgress?.({ done: run.done, total: run.done, fraction: 1 });
  }
  const final = current as GoalPoint;
  const n = final.comparison.scenario.n;
  const constraints = spec.constraints.map((c) =>
    checkConstraint(c, metricValue(final.comparison, c.metric, 'scenario', window), n),
  );
  return {
    best: final,
    feasible: final.feasible,
    objective: metricValue(final.comparison, spec.objective.metric, 'scenario', window),
    constraints,
    confidence: constraints.reduce((p, c) => p * c.probability, 1),
    points,
    converged,
    gridValues,
  };
}

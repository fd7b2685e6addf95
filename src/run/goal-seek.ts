/**
 * Goal seek: the best setting of one to three levers for an objective, keeping constraints on
 * other metrics. A coarse grid over the levers' ranges finds a start, then a compass pattern
 * search refines it down to the levers' own step, within a budget of runs.
 */
import type { CompareRunner } from '../model/contract';
import { TREE_GUARDRAIL_IDS, breaches } from '../model/guardrails';
import type { MetricId } from '../model/metrics';
import { PARAM_BY_ID, type ParamDef, type ParamId } from '../model/params';
import type { Window } from '../model/report';
import type { Comparison } from '../model/results';
import type { Scenario } from '../model/scenario';
import { atValues, sweepValues } from '../model/sweep';
import { PointRunner, type ExplorerOptions } from './explorer-runner';
import { checkConstraint, meets, type ConstraintCheck } from './goal-constraints';
import {
  goalConstraints,
  validateGoal,
  type GoalConstraint,
  type GoalRule,
  type GoalSpec,
} from './goal-spec';
import { metricValue, type IntervalValue } from './metric-value';
import type { ExplorePlan } from './sweep-grid';

export interface GoalPoint {
  readonly values: Readonly<Partial<Record<ParamId, number>>>;
  readonly scenario: Scenario;
  readonly comparison: Comparison;
  /** The objective metric's mean at this point. */
  readonly objective: number;
  /** Every constraint (guardrails kept included) met under the request's rule. */
  readonly feasible: boolean;
  readonly phase: 'grid' | 'pattern';
}

export interface GoalResult {
  /** The best point: the best objective among feasible ones, else the least infeasible. */
  readonly best: GoalPoint;
  /** Every constraint (guardrails kept included) met at the best point under the rule. */
  readonly feasible: boolean;
  /**
   * The answer may be offered as met: feasible, and no guardrail breached at the best point
   * (kept or not) by the workspace's rule (long-run mean against the threshold in force).
   */
  readonly met: boolean;
  /** Guardrails breached at the best point, in table order, whether kept or not. */
  readonly breached: MetricId[];
  /** Guardrails the request did not keep as constraints, in table order. */
  readonly unchecked: MetricId[];
  /** The rule constraints were met under. */
  readonly rule: GoalRule;
  readonly objective: IntervalValue;
  /** The user's constraints, then the guardrails kept, at the best point. */
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
  const search = new GoalSearch(runner, baseline, spec, options);
  const k = goalGridSteps(spec.levers.length, spec.budget);
  const axes = spec.levers.map((l) => sweepValues({ ...l, steps: k }));
  const gridValues: Partial<Record<ParamId, number[]>> = {};
  spec.levers.forEach((l, i) => (gridValues[l.id] = axes[i]));
  const start = await search.coarseGrid(axes);
  if (!start) throw new Error('goal seek ran no point');
  const { end, converged } = await search.patternSearch(start, search.firstSteps(axes));
  if (search.done < spec.budget) {
    options.onProgress?.({ done: search.done, total: search.done, fraction: 1 });
  }
  const window = spec.window ?? 'longRun';
  const rule = spec.rule ?? 'mean';
  const final = end.point;
  const n = final.comparison.scenario.n;
  const constraints = goalConstraints(spec).map((c) =>
    checkConstraint(c, metricValue(final.comparison, c.metric, 'scenario', window), n, rule),
  );
  const breached = breaches(
    (id) => metricValue(final.comparison, id, 'scenario', 'longRun').mean,
    spec.thresholds,
  );
  return {
    best: final,
    feasible: final.feasible,
    met: final.feasible && breached.length === 0,
    breached,
    unchecked: TREE_GUARDRAIL_IDS.filter((id) => !spec.guardrails?.includes(id)),
    rule,
    objective: metricValue(final.comparison, spec.objective.metric, 'scenario', window),
    constraints,
    confidence: constraints.reduce((p, c) => p * c.probability, 1),
    points: search.points,
    converged,
    gridValues,
  };
}

/** The levers' values at a setting `xs` (in the levers' order), and the scenario they make. */
function settingAt(baseline: Scenario, spec: GoalSpec, xs: readonly number[]) {
  const values: Partial<Record<ParamId, number>> = {};
  spec.levers.forEach((l, i) => (values[l.id] = xs[i]));
  return { values, scenario: atValues(baseline, values) };
}

/**
 * What `goalSeek` will run, for the run gate: up to its budget of comparisons, every one within
 * the levers' ranges. The corners of those ranges stand for them (entry and pool size move one
 * way with each lever, so the corners hold the extremes); all the budget's results are kept.
 */
export function goalPlan(baseline: Scenario, spec: GoalSpec): ExplorePlan {
  validateGoal(spec);
  const corners = [...gridSettings(spec.levers.map((l) => [l.from, l.to]))];
  return {
    baselines: [baseline],
    points: corners.map((xs) => settingAt(baseline, spec, xs).scenario),
    names: corners.map(
      (xs) => `goal seek's corner ${spec.levers.map((l, i) => `${l.id} ${xs[i]}`).join(', ')}`,
    ),
    comparisons: spec.budget,
  };
}

/** A point of the search with the lever values that reach it, in the levers' order. */
interface Candidate {
  readonly point: GoalPoint;
  readonly xs: number[];
}

const key = (xs: readonly number[]) => xs.join(',');

/** The search's state: the points run (each setting once), and how two points compare. */
class GoalSearch {
  /** Every point evaluated, in the order run. */
  readonly points: GoalPoint[] = [];
  private readonly byKey = new Map<string, GoalPoint>();
  private readonly run: PointRunner;
  private readonly window: Window;
  /** 1 to minimise the objective, −1 to maximise it. */
  private readonly sign: number;
  /** Each lever's finest step (1 for an on/off lever). */
  private readonly unit: number[];
  private readonly defs: ParamDef[];
  /** The user's constraints and the guardrails kept. */
  private readonly constraints: GoalConstraint[];
  private readonly rule: GoalRule;

  constructor(
    runner: CompareRunner,
    private readonly baseline: Scenario,
    private readonly spec: GoalSpec,
    options: ExplorerOptions,
  ) {
    this.run = new PointRunner(runner, options, spec.budget);
    this.window = spec.window ?? 'longRun';
    this.sign = spec.objective.sense === 'min' ? 1 : -1;
    this.defs = spec.levers.map((l) => PARAM_BY_ID.get(l.id) as ParamDef);
    this.unit = this.defs.map((d) => (d.kind === 'boolean' ? 1 : d.step));
    this.constraints = goalConstraints(spec);
    this.rule = spec.rule ?? 'mean';
  }

  /** Comparisons run so far. */
  get done(): number {
    return this.run.done;
  }

  /** The best point of the coarse grid, first lever outermost, within the budget. */
  async coarseGrid(axes: readonly number[][]): Promise<Candidate | undefined> {
    let best: Candidate | undefined;
    for (const xs of gridSettings(axes)) {
      if (this.outOfBudget(xs)) continue;
      const p = await this.evaluate(xs, 'grid');
      if (!best || this.better(p, best.point)) best = { point: p, xs };
    }
    return best;
  }

  /** The pattern's first steps: half the grid's spacing, at least each lever's finest step. */
  firstSteps(axes: readonly number[][]): number[] {
    return axes.map((a, i) => {
      const l = this.spec.levers[i];
      const spacing = a.length > 1 ? Math.abs(a[1] - a[0]) : Math.abs(l.to - l.from);
      return Math.max(this.unit[i], spacing / 2);
    });
  }

  /**
   * The compass pattern search from `start`: moves to the first improving poll, halves the
   * steps `h` (in place) when none improves, and stops converged at the finest steps, or not
   * converged when the budget runs out.
   */
  async patternSearch(
    start: Candidate,
    h: number[],
  ): Promise<{ end: Candidate; converged: boolean }> {
    let current = start;
    for (;;) {
      const next = await this.poll(current, h);
      if (next === 'budget') return { end: current, converged: false };
      if (next !== 'none') {
        current = next;
        continue;
      }
      if (h.every((s, i) => s <= this.unit[i])) return { end: current, converged: true };
      for (let i = 0; i < h.length; i++) h[i] = Math.max(this.unit[i], h[i] / 2);
    }
  }

  /** Each lever up then down by its step in turn: the first better point, or why none. */
  private async poll(
    from: Candidate,
    h: readonly number[],
  ): Promise<Candidate | 'none' | 'budget'> {
    for (let i = 0; i < h.length; i++) {
      for (const dir of [1, -1]) {
        const xs = [...from.xs];
        xs[i] = this.snap(i, from.xs[i] + dir * h[i]);
        if (xs[i] === from.xs[i]) continue;
        if (this.outOfBudget(xs)) return 'budget';
        const p = await this.evaluate(xs, 'pattern');
        if (this.better(p, from.point)) return { point: p, xs };
      }
    }
    return 'none';
  }

  /** Whether running this setting would pass the budget (a setting already run costs nothing). */
  private outOfBudget(xs: readonly number[]): boolean {
    return !this.byKey.has(key(xs)) && this.run.done >= this.spec.budget;
  }

  /** Lever i's value clamped to its from–to and rounded onto its step. */
  private snap(i: number, x: number): number {
    const l = this.spec.levers[i];
    const v = Math.min(l.to, Math.max(l.from, x));
    const d = this.defs[i];
    const min = d.kind === 'boolean' ? 0 : d.min;
    const s = Math.min(
      d.kind === 'boolean' ? 1 : d.max,
      min + Math.round((v - min) / this.unit[i]) * this.unit[i],
    );
    return Number(s.toFixed(10));
  }

  /** The point at these lever values, run once and then remembered. */
  private async evaluate(xs: number[], phase: GoalPoint['phase']): Promise<GoalPoint> {
    const cached = this.byKey.get(key(xs));
    if (cached) return cached;
    const { spec, window } = this;
    const { values, scenario } = settingAt(this.baseline, spec, xs);
    const comparison = await this.run.compare(this.baseline, scenario);
    const objective = metricValue(comparison, spec.objective.metric, 'scenario', window).mean;
    const feasible = this.constraints.every((c) =>
      meets(c, metricValue(comparison, c.metric, 'scenario', window), this.rule),
    );
    const point: GoalPoint = {
      values,
      scenario,
      comparison,
      objective: Number.isFinite(objective) ? objective : this.sign * Number.POSITIVE_INFINITY,
      feasible: feasible && Number.isFinite(objective),
      phase,
    };
    this.points.push(point);
    this.byKey.set(key(xs), point);
    return point;
  }

  /** Whether p is strictly better than q. */
  private better(p: GoalPoint, q: GoalPoint): boolean {
    if (p.feasible !== q.feasible) return p.feasible;
    if (p.feasible) return this.sign * p.objective < this.sign * q.objective;
    return this.violation(p) < this.violation(q);
  }

  /**
   * The total shortfall of a point's constraints, each relative to its bound, measured from
   * the end the rule reads (the mean, or the interval's worse end).
   */
  private violation(p: GoalPoint): number {
    return this.constraints.reduce((sum, c) => {
      const a = metricValue(p.comparison, c.metric, 'scenario', this.window);
      const v = this.rule === 'mean' ? a.mean : c.op === '>=' ? a.low : a.high;
      const gap = c.op === '>=' ? c.value - v : v - c.value;
      const scale = Math.abs(c.value) > 0 ? Math.abs(c.value) : 1;
      return sum + (Number.isFinite(gap) ? Math.max(0, gap) / scale : Number.POSITIVE_INFINITY);
    }, 0);
  }
}

/** Every setting of the coarse grid, first lever outermost, one at a time. */
function* gridSettings(axes: readonly number[][], prefix: number[] = []): Generator<number[]> {
  if (prefix.length === axes.length) {
    yield prefix;
    return;
  }
  for (const v of axes[prefix.length]) yield* gridSettings(axes, [...prefix, v]);
}

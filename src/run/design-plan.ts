/**
 * A global sensitivity design as work: its points (the chosen factors' values, from a unit
 * design of design-sampling.ts mapped onto each factor's range and rounded to the parameter's
 * step) and its jobs. A job is one replication of one point, or of the baseline; job j is
 * replication ⌊j / (points + 1)⌋ of point j mod (points + 1), point 0 being the baseline, so
 * a contiguous share of the jobs (a shard) needs few replications' warm-ups. Every point runs
 * paired with the baseline (its warm-up, the baseline's seed), and a job's result depends on
 * nothing but the job: any split of the jobs, on any machine, gives the same numbers.
 */
import { METRIC_BY_ID, type MetricId } from '../model/metrics';
import { PARAM_BY_ID, type ParamId } from '../model/params';
import type { Period } from '../model/results';
import { checkParam, pairedWith, type Scenario } from '../model/scenario';
import {
  MAX_FACTORS,
  latinHypercube,
  morrisTrajectories,
  saltelliSample,
  type UnitDesign,
} from './design-sampling';
import type { ReplicationJob } from './simulation-pool';

export const DESIGN_KINDS = ['sobol', 'morris', 'lhs'] as const;
export type DesignKind = (typeof DESIGN_KINDS)[number];

/** The periods a design's indices may be computed over. */
export const DESIGN_PERIODS = ['whole', 'shortRun', 'longRun', 'peak'] as const;
export type DesignPeriod = Period | 'whole';

/** A factor: a number parameter moved over a range. */
export interface DesignFactor {
  readonly id: ParamId;
  readonly from: number;
  readonly to: number;
}

export interface DesignSpec {
  readonly kind: DesignKind;
  readonly factors: readonly DesignFactor[];
  /** Sobol: base rows N; Morris: trajectories; LHS: points. */
  readonly n: number;
  /** Morris' grid levels (even); ignored by the others. */
  readonly levels: number;
  /** Metrics whose indices are computed (every metric is in the points' report). */
  readonly metrics: readonly MetricId[];
  readonly period: DesignPeriod;
  /** The scenario whose factors are moved (its seed, weeks, replications), and the baseline. */
  readonly scenario: Scenario;
  readonly baseline: Scenario;
}

export interface DesignPlan {
  readonly spec: DesignSpec;
  readonly unit: UnitDesign & { order?: Int32Array };
  /** Each point's factor values, in factor order. */
  readonly values: readonly (readonly number[])[];
  /** Each point's scenario, paired with the baseline. */
  readonly points: readonly Scenario[];
  /** The baseline, as its jobs run it. */
  readonly baseline: Scenario;
  readonly jobs: number;
}

/** Default Morris levels. */
export const MORRIS_LEVELS = 4;

/** Points of a design of `n` over `factors` factors. */
export function designPoints(kind: DesignKind, n: number, factors: number): number {
  if (kind === 'sobol') return n * (factors + 2);
  if (kind === 'morris') return n * (factors + 1);
  return n;
}

/** Why a design cannot be made (factor count, ranges, metrics), or undefined. */
export function checkDesign(spec: DesignSpec): string | undefined {
  const k = spec.factors.length;
  if (k < 1) return 'a design needs at least one factor (--vary ID=FROM:TO)';
  if (k > MAX_FACTORS) return `a design varies at most ${MAX_FACTORS} factors, got ${k}`;
  if (spec.kind === 'sobol' && k < 2) return 'a Sobol design needs at least two factors';
  const minN = spec.kind === 'lhs' ? 3 : 2;
  if (!Number.isInteger(spec.n) || spec.n < minN || spec.n > 100_000) {
    return `--n must be a whole number from ${minN} to 100000, got ${spec.n}`;
  }
  if (spec.kind === 'morris' && (spec.levels < 2 || spec.levels % 2 !== 0 || spec.levels > 20)) {
    return `--levels must be an even number from 2 to 20, got ${spec.levels}`;
  }
  const seen = new Set<string>();
  for (const f of spec.factors) {
    if (seen.has(f.id)) return `"${f.id}" is varied twice`;
    seen.add(f.id);
    const def = PARAM_BY_ID.get(f.id);
    if (!def || def.kind === 'boolean') return `"${f.id}" is not a number parameter`;
    if (Math.abs(f.to - f.from) < def.step) {
      return `the range of "${f.id}" (${f.from} to ${f.to}) is narrower than its step (${def.step})`;
    }
  }
  const bad = spec.metrics.find((m) => !METRIC_BY_ID.has(m));
  return bad === undefined ? undefined : `unknown metric "${bad}"`;
}

/** A unit coordinate as the factor's value, rounded to the parameter's step within its range. */
export function factorValue(f: DesignFactor, u: number): number {
  const def = PARAM_BY_ID.get(f.id);
  const raw = f.from + u * (f.to - f.from);
  if (!def || def.kind === 'boolean') return raw;
  let v = def.step > 0 ? def.min + Math.round((raw - def.min) / def.step) * def.step : raw;
  if (def.kind === 'integer') v = Math.round(v);
  return Number(Math.min(def.max, Math.max(def.min, v)).toFixed(10));
}

/** The design's unit points. */
function unitDesign(spec: DesignSpec): UnitDesign & { order?: Int32Array } {
  const k = spec.factors.length;
  const seed = spec.scenario.seed;
  if (spec.kind === 'sobol') return saltelliSample(spec.n, k);
  if (spec.kind === 'morris') return morrisTrajectories(spec.n, k, spec.levels, seed);
  return latinHypercube(spec.n, k, seed);
}

/**
 * The scenario with the factors at `row`, each value checked as a scenario file's would be
 * (parseScenario checks each parameter on its own, so checking the changed ones is enough;
 * a design of 20,000 points is planned in a blink, where parsing each point took seconds).
 */
function atValues(s: Scenario, factors: readonly DesignFactor[], row: readonly number[]): Scenario {
  const params = { ...s.params } as Record<string, number | boolean>;
  factors.forEach((f, d) => {
    const v = checkParam(f.id, row[d]);
    if (!v.ok) throw new RangeError(v.error);
    params[f.id] = v.value;
  });
  return { ...s, params: params as Scenario['params'] };
}

/** The design's points and jobs. Throws a RangeError when `checkDesign` refuses it. */
export function planDesign(spec: DesignSpec): DesignPlan {
  const refused = checkDesign(spec);
  if (refused !== undefined) throw new RangeError(refused);
  const unit = unitDesign(spec);
  const k = spec.factors.length;
  const values: number[][] = [];
  const points: Scenario[] = [];
  for (let i = 0; i < unit.count; i++) {
    const row = spec.factors.map((f, d) => factorValue(f, unit.x[i * k + d]));
    values.push(row);
    points.push(pairedWith(spec.baseline, atValues(spec.scenario, spec.factors, row)));
  }
  const jobs = (points.length + 1) * spec.scenario.replications;
  return { spec, unit, values, points, baseline: spec.baseline, jobs };
}

/** Job j of a plan: which point (−1: the baseline) and which replication. */
export function jobPoint(plan: DesignPlan, j: number): { point: number; replication: number } {
  const per = plan.points.length + 1;
  return { point: (j % per) - 1, replication: Math.floor(j / per) };
}

/** Job j as the engine runs it. */
export function designJob(plan: DesignPlan, j: number): ReplicationJob {
  const { point, replication } = jobPoint(plan, j);
  return { scenario: point < 0 ? plan.baseline : plan.points[point], replication };
}

/** Shard i (1-based) of n: its contiguous share of the jobs [start, end). */
export function shardRange(jobs: number, i: number, n: number): { start: number; end: number } {
  return { start: Math.floor(((i - 1) * jobs) / n), end: Math.floor((i * jobs) / n) };
}

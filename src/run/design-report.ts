/**
 * A design's results as the runner writes them, from one result per job (whichever process,
 * shard or queue worker made it): the design table (each point's factor values and the chosen
 * metrics' means over its replications), the sensitivity indices of each chosen metric with
 * bootstrap intervals (design-indices.ts), each guardrail's breach rate across the points, and
 * each point compared with the baseline as the single-run report has it (src/model/report.ts).
 * Pure: the same results give the same report to the last byte.
 */
import { guardrailBreach, TREE_GUARDRAIL_IDS, effectiveThreshold } from '../model/guardrails';
import { METRIC_BY_ID, METRIC_INDEX, type MetricId } from '../model/metrics';
import { PARAM_BY_ID } from '../model/params';
import { comparisonReport, type MetricReport, type PeriodsReport } from '../model/report';
import type { ReplicationResult } from '../model/results';
import { scenarioToJson } from '../model/scenario';
import { compare } from '../sim/stats';
import {
  morrisIndices,
  rankCorrelations,
  sobolIndices,
  type IndexEstimate,
} from './design-indices';
import { jobPoint, type DesignPlan, type DesignPeriod } from './design-plan';
import type { UnitDesign } from './design-sampling';

/** An index with its interval, null where it is not a number. */
export interface IndexReport {
  value: number | null;
  low: number | null;
  high: number | null;
}

export interface FactorIndices {
  id: string;
  label: string;
  /** Sobol: first-order and total indices. */
  first?: IndexReport;
  total?: IndexReport;
  /** Morris: mean absolute effect, mean effect and its spread, per the factor's whole range. */
  muStar?: IndexReport;
  mu?: IndexReport;
  sigma?: IndexReport;
  /** Latin hypercube: Spearman's rank correlation with the metric. */
  rho?: IndexReport;
}

export interface DesignReport {
  gigsim: 'design';
  version: 1;
  design: {
    kind: DesignPlan['spec']['kind'];
    n: number;
    levels?: number;
    period: DesignPeriod;
    seed: number;
    factors: { id: string; label: string; unit: string; from: number; to: number }[];
    metrics: string[];
    points: number;
    jobs: number;
    /** The design's hash (its spec), as shard files and queue job ids carry it. */
    hash?: string;
  };
  weeks: number;
  replications: number;
  scenario: ReturnType<typeof scenarioToJson>;
  baseline: ReturnType<typeof scenarioToJson>;
  /** One row per point: the factors' values and the chosen metrics' means over `period`. */
  table: {
    point: number;
    values: Record<string, number>;
    metrics: Record<string, number | null>;
  }[];
  indices: { metric: string; label: string; unit: string; factors: FactorIndices[] }[];
  /** Each guardrail judged at every point on its long-run mean (the tree's rule). */
  guardrails: {
    id: string;
    label: string;
    threshold: number | null;
    /** Points with a long-run value (a run too short for a long run judges none). */
    judged: number;
    breached: number;
    /** breached / judged; null when none was judged. */
    rate: number | null;
  }[];
  points: {
    point: number;
    values: Record<string, number>;
    periods: PeriodsReport;
    metrics: MetricReport[];
  }[];
}

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);
const index = (e: IndexEstimate): IndexReport => ({
  value: fin(e.value),
  low: fin(e.low),
  high: fin(e.high),
});

/** Each point's results (index 0: the baseline), in replication order. */
export function resultsByPoint(
  plan: DesignPlan,
  results: ReadonlyMap<number, ReplicationResult>,
): ReplicationResult[][] {
  const byPoint: ReplicationResult[][] = Array.from({ length: plan.points.length + 1 }, () => []);
  for (let j = 0; j < plan.jobs; j++) {
    const r = results.get(j);
    if (!r) throw new Error(`the result of job ${j} is missing`);
    byPoint[jobPoint(plan, j).point + 1].push(r);
  }
  return byPoint;
}

/** A metric's mean over a point's replications in a period. */
function pointMean(results: readonly ReplicationResult[], period: DesignPeriod, m: number): number {
  let sum = 0;
  for (const r of results) sum += r[period][m];
  return sum / results.length;
}

/** The design's points as unit coordinates of the values actually run (after rounding). */
function unitOfValues(plan: DesignPlan): UnitDesign & { order?: Int32Array } {
  const { factors } = plan.spec;
  const k = factors.length;
  const x = new Float64Array(plan.values.length * k);
  plan.values.forEach((row, i) =>
    row.forEach(
      (v, d) => (x[i * k + d] = (v - factors[d].from) / (factors[d].to - factors[d].from)),
    ),
  );
  return { ...plan.unit, x };
}

/** The indices of one metric's point means `y`. */
function metricIndices(plan: DesignPlan, y: Float64Array): FactorIndices[] {
  const { spec } = plan;
  const seed = spec.scenario.seed;
  const k = spec.factors.length;
  const base = spec.factors.map((f) => ({ id: f.id, label: PARAM_BY_ID.get(f.id)?.label ?? f.id }));
  if (spec.kind === 'sobol') {
    const s = sobolIndices(y, spec.n, k, { seed });
    return base.map((b, i) => ({ ...b, first: index(s[i].first), total: index(s[i].total) }));
  }
  const unit = unitOfValues(plan);
  if (spec.kind === 'morris' && unit.order) {
    const m = morrisIndices(y, { ...unit, order: unit.order }, { seed });
    return base.map((b, i) => ({
      ...b,
      muStar: index(m[i].muStar),
      mu: index(m[i].mu),
      sigma: index(m[i].sigma),
    }));
  }
  const rho = rankCorrelations(y, unit, { seed });
  return base.map((b, i) => ({ ...b, rho: index(rho[i]) }));
}

/** The guardrails' breach rates across the points, each judged on its long-run mean. */
function breachRates(byPoint: readonly ReplicationResult[][]): DesignReport['guardrails'] {
  return TREE_GUARDRAIL_IDS.map((id) => {
    const metric = METRIC_BY_ID.get(id);
    if (!metric) throw new Error(`unknown guardrail ${id}`);
    let judged = 0;
    let breached = 0;
    for (const results of byPoint.slice(1)) {
      const v = pointMean(results, 'longRun', METRIC_INDEX[id]);
      if (!Number.isFinite(v)) continue;
      judged++;
      if (guardrailBreach(metric, v)) breached++;
    }
    return {
      id,
      label: metric.label,
      threshold: effectiveThreshold(metric) ?? null,
      judged,
      breached,
      rate: judged > 0 ? breached / judged : null,
    };
  });
}

/** The design's report from every job's result (`results` by job index). */
export function designReport(
  plan: DesignPlan,
  results: ReadonlyMap<number, ReplicationResult>,
  hash?: string,
): DesignReport {
  const { spec } = plan;
  const byPoint = resultsByPoint(plan, results);
  const valuesOf = (i: number) =>
    Object.fromEntries(spec.factors.map((f, d) => [f.id, plan.values[i][d]]));
  const means = spec.metrics.map((id) =>
    Float64Array.from(plan.points, (_, i) =>
      pointMean(byPoint[i + 1], spec.period, METRIC_INDEX[id]),
    ),
  );
  return {
    gigsim: 'design',
    version: 1,
    design: designHeader(plan, hash),
    weeks: spec.scenario.weeks,
    replications: spec.scenario.replications,
    scenario: scenarioToJson(spec.scenario),
    baseline: scenarioToJson(spec.baseline),
    table: plan.points.map((_, i) => ({
      point: i + 1,
      values: valuesOf(i),
      metrics: Object.fromEntries(spec.metrics.map((id, m) => [id, fin(means[m][i])])),
    })),
    indices: spec.metrics.map((id: MetricId, m) => {
      const def = METRIC_BY_ID.get(id);
      return {
        metric: id,
        label: def?.label ?? id,
        unit: def?.unit ?? '',
        factors: metricIndices(plan, means[m]),
      };
    }),
    guardrails: breachRates(byPoint),
    points: plan.points.map((scenario, i) => {
      const { periods, metrics } = comparisonReport(
        compare(byPoint[0], byPoint[i + 1]),
        plan.baseline,
        scenario,
      );
      return { point: i + 1, values: valuesOf(i), periods, metrics };
    }),
  };
}

/** What the design was: its kind, factors, metrics, size and hash. */
function designHeader(plan: DesignPlan, hash: string | undefined): DesignReport['design'] {
  const { spec } = plan;
  return {
    kind: spec.kind,
    n: spec.n,
    ...(spec.kind === 'morris' ? { levels: spec.levels } : {}),
    period: spec.period,
    seed: spec.scenario.seed,
    factors: spec.factors.map((f) => {
      const def = PARAM_BY_ID.get(f.id);
      return { id: f.id, label: def?.label ?? f.id, unit: def?.unit ?? '', from: f.from, to: f.to };
    }),
    metrics: [...spec.metrics],
    points: plan.points.length,
    jobs: plan.jobs,
    ...(hash !== undefined ? { hash } : {}),
  };
}

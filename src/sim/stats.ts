/**
 * Replication statistics: means and 95% intervals across replications (Student t), and paired
 * differences between a scenario and its baseline run on the same seeds.
 */
import type {
  Comparison,
  IntervalArrays,
  ReplicationResult,
  ScenarioSummary,
} from '../model/results';
import { WHY_PART_COUNT, WHY_PERIODS, type Why, type WhyPeriod } from '../model/why';
import { WHY_NODES } from '../model/why-nodes';
import { stability } from './stability';
import { pairNodes, pairParts } from './why';
import { SUM_LENGTH } from './why-sums';

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/** The 0.975 quantile of Student's t with `df` degrees of freedom. */
export function tQuantile975(df: number): number {
  if (df < 1) return Number.POSITIVE_INFINITY;
  if (df <= 30) return T975[Math.floor(df) - 1];
  // Cornish-Fisher expansion around the normal quantile; error under 1e-4 for df > 30.
  const z = 1.959963984540054;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
}

/**
 * Element-wise mean and 95% interval over `samples` (each the same length). With a single
 * sample the interval collapses to the mean: there is no spread to estimate.
 */
export function intervals(samples: readonly Float64Array[]): IntervalArrays {
  const n = samples.length;
  const len = n > 0 ? samples[0].length : 0;
  const mean = new Float64Array(len);
  const low = new Float64Array(len);
  const high = new Float64Array(len);
  const t = n > 1 ? tQuantile975(n - 1) : 0;
  for (let i = 0; i < len; i++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += samples[k][i];
    const m = sum / n;
    let ss = 0;
    for (let k = 0; k < n; k++) {
      const d = samples[k][i] - m;
      ss += d * d;
    }
    const half = n > 1 ? t * Math.sqrt(ss / (n - 1) / n) : 0;
    mean[i] = m;
    low[i] = m - half;
    high[i] = m + half;
  }
  return { mean, low, high };
}

function differences(a: readonly Float64Array[], b: readonly Float64Array[]): Float64Array[] {
  return a.map((x, k) => {
    const y = b[k];
    const d = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) d[i] = y[i] - x[i];
    return d;
  });
}

function meanOf(samples: readonly Float64Array[]): Float64Array {
  const len = samples.length > 0 ? samples[0].length : 0;
  const out = new Float64Array(len);
  for (const s of samples) for (let i = 0; i < len; i++) out[i] += s[i] / samples.length;
  return out;
}

/** Replication statistics of one scenario's results (any order; sorted by replication). */
export function summarise(results: readonly ReplicationResult[]): ScenarioSummary {
  if (results.length === 0) throw new Error('summarise needs at least one replication');
  const rs = [...results].sort((a, b) => a.replication - b.replication);
  return {
    n: rs.length,
    weeks: rs[0].weeks,
    weekly: intervals(rs.map((r) => r.weekly)),
    shortRun: intervals(rs.map((r) => r.shortRun)),
    longRun: intervals(rs.map((r) => r.longRun)),
    peak: intervals(rs.map((r) => r.peak)),
    whole: intervals(rs.map((r) => r.whole)),
    pool: intervals(rs.map((r) => r.pool)),
    earnings: meanOf(rs.map((r) => r.earnings)),
    startWeek: rs[0].startWeek,
    periods: rs[0].periods.slice(),
    stability: stability(rs),
  };
}

/**
 * Compares a scenario with its baseline. A period that one side lacks (a peak when only one
 * side's start week puts a peak in the run) has no paired difference: NaN. Replications are paired by replication number, so
 * both lists must hold the same replications (common random numbers make the pairs close).
 */
export function compare(
  baseline: readonly ReplicationResult[],
  scenario: readonly ReplicationResult[],
): Comparison {
  const b = [...baseline].sort((x, y) => x.replication - y.replication);
  const s = [...scenario].sort((x, y) => x.replication - y.replication);
  if (b.length !== s.length || b.some((r, i) => r.replication !== s[i].replication)) {
    throw new Error('compare needs the same replications of baseline and scenario');
  }
  const pair = (pick: (r: ReplicationResult) => Float64Array): IntervalArrays =>
    intervals(differences(b.map(pick), s.map(pick)));
  const comparison: Comparison = {
    baseline: summarise(b),
    scenario: summarise(s),
    delta: {
      weekly: pair((r) => r.weekly),
      shortRun: pair((r) => r.shortRun),
      longRun: pair((r) => r.longRun),
      peak: pair((r) => r.peak),
      whole: pair((r) => r.whole),
    },
  };
  return withLazyWhy(comparison, b, s);
}

/**
 * Gives a comparison its decomposition, worked out when first read: the page shows it only
 * in the why tab, and the workspace aggregates an estimate many times a run. The property is
 * an own enumerable one, so copies and JSON carry it like any other.
 */
function withLazyWhy(
  c: Comparison,
  b: readonly ReplicationResult[],
  s: readonly ReplicationResult[],
): Comparison {
  let why: Why | undefined;
  let done = false;
  Object.defineProperty(c, 'why', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!done) {
        why = whyOf(b, s);
        done = true;
      }
      return why;
    },
  });
  return c;
}
/**
 * The decomposition of a comparison: per period, the parts and node changes of each pair,
 * averaged with 95% intervals; undefined when a result lacks its sums.
 */
export function whyOf(
  baseline: readonly ReplicationResult[],
  scenario: readonly ReplicationResult[],
): Why | undefined {
  const b = baseline.map((r) => r.sums);
  const s = scenario.map((r) => r.sums);
  if (b.some((x) => !x) || s.some((x) => !x)) return undefined;
  const parts = {} as Record<WhyPeriod, IntervalArrays>;
  const nodes = {} as Record<WhyPeriod, IntervalArrays>;
  WHY_PERIODS.forEach((period, p) => {
    const o = p * SUM_LENGTH;
    const ps: Float64Array[] = [];
    const ns: Float64Array[] = [];
    b.forEach((x, i) => {
      const y = s[i] as Float64Array;
      const pp = new Float64Array(WHY_PART_COUNT);
      const nn = new Float64Array(WHY_NODES.length);
      pairParts(x as Float64Array, y, o, pp);
      pairNodes(x as Float64Array, y, o, nn);
      ps.push(pp);
      ns.push(nn);
    });
    parts[period] = intervals(ps);
    nodes[period] = intervals(ns);
  });
  return { parts, nodes };
}

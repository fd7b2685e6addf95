/**
 * Sensitivity indices from a design's outputs (one value per design row, in design-sampling's
 * row order), each with a bootstrap 95% percentile interval (Efron & Tibshirani 1993; the
 * resampling units are Saltelli's base rows, Morris' trajectories, the hypercube's points):
 * - Sobol' first-order indices by Saltelli et al. (2010) eq. (b) of table 2 (with f(B) centred
 *   on the outputs' mean, which keeps its expectation and cuts its variance), total indices
 *   by Jansen (1999) (table 2 (f)), the variance from A and B together;
 * - Morris' elementary effects: μ* (mean absolute effect, Campolongo et al. 2007), μ and σ,
 *   each per the factor's whole range (the effect of a jump divided by the jump in units of
 *   the range);
 * - a Latin hypercube's Spearman rank correlations of each factor with the output.
 * A NaN among the outputs makes the estimates NaN (null in JSON): a metric without a
 * denominator somewhere in the design has no index.
 */
import { P } from '../sim/constants';
import { replicationKey, streamKey, uniform } from '../sim/random';
import type { UnitDesign } from './design-sampling';

/** An index and its bootstrap 95% interval. */
export interface IndexEstimate {
  value: number;
  low: number;
  high: number;
}

/** Bootstrap resamples by default. */
export const RESAMPLES = 500;

export interface SobolIndex {
  first: IndexEstimate;
  total: IndexEstimate;
}

export interface MorrisIndex {
  muStar: IndexEstimate;
  mu: IndexEstimate;
  sigma: IndexEstimate;
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
}

/**
 * Statistics of `units` resampling units: `stat(pick)` computes them over the units `pick(u)`
 * names for u = 0..units−1; the point estimate uses every unit once, each resample draws units
 * with replacement. Returns, per statistic, the estimate and its 2.5% and 97.5% quantiles.
 */
function bootstrap(
  units: number,
  stat: (pick: (u: number) => number) => number[],
  { resamples = RESAMPLES, seed = 1 }: BootstrapOptions,
): IndexEstimate[] {
  const point = stat((u) => u);
  const draws = point.map(() => new Float64Array(resamples));
  const stream = streamKey(replicationKey(seed, 0), -1, P.designBootstrap);
  const pick = new Int32Array(units);
  for (let b = 0; b < resamples; b++) {
    for (let u = 0; u < units; u++) {
      pick[u] = Math.floor(uniform(stream, b * units + u) * units);
    }
    stat((u) => pick[u]).forEach((v, i) => (draws[i][b] = v));
  }
  return point.map((value, i) => {
    if (!Number.isFinite(value)) return { value: NaN, low: NaN, high: NaN };
    const sorted = draws[i].sort();
    return { value, low: quantile(sorted, 0.025), high: quantile(sorted, 0.975) };
  });
}

/** The q-quantile of sorted values, interpolated between order statistics. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * First-order and total Sobol' indices of `dims` factors from outputs `y` of
 * saltelliSample(n, dims) (n (dims + 2) values).
 */
export function sobolIndices(
  y: ArrayLike<number>,
  n: number,
  dims: number,
  options: BootstrapOptions = {},
): SobolIndex[] {
  const per = dims + 2;
  const stat = (pick: (u: number) => number): number[] => {
    let sum = 0;
    let sq = 0;
    for (let u = 0; u < n; u++) {
      const j = pick(u) * per;
      sum += y[j] + y[j + dims + 1];
      sq += y[j] * y[j] + y[j + dims + 1] * y[j + dims + 1];
    }
    const mean = sum / (2 * n);
    const variance = sq / (2 * n) - mean * mean;
    const out: number[] = [];
    for (let i = 0; i < dims; i++) {
      let first = 0;
      let total = 0;
      for (let u = 0; u < n; u++) {
        const j = pick(u) * per;
        const a = y[j];
        const b = y[j + dims + 1];
        const ab = y[j + i + 1];
        // f(B) centred on the mean: the same expectation, far less variance when the
        // metric's mean is large beside its spread (a cost of $2 varying by cents).
        first += (b - mean) * (ab - a);
        total += (a - ab) * (a - ab);
      }
      out.push(first / n / variance, total / (2 * n) / variance);
    }
    return out;
  };
  const est = bootstrap(n, stat, options);
  return Array.from({ length: dims }, (_, i) => ({ first: est[2 * i], total: est[2 * i + 1] }));
}

/**
 * Morris' μ*, μ and σ of each factor from outputs `y` of morrisTrajectories (r trajectories
 * of dims + 1 rows), the elementary effects per unit of each factor's range.
 */
export function morrisIndices(
  y: ArrayLike<number>,
  design: UnitDesign & { order: Int32Array },
  options: BootstrapOptions = {},
): MorrisIndex[] {
  const { dims, x, order } = design;
  const r = design.count / (dims + 1);
  // effects[t * dims + d]: trajectory t's elementary effect of factor d.
  const effects = new Float64Array(r * dims);
  for (let t = 0; t < r; t++) {
    for (let k = 0; k < dims; k++) {
      const d = order[t * dims + k];
      const row = t * (dims + 1) + k;
      const step = x[(row + 1) * dims + d] - x[row * dims + d];
      effects[t * dims + d] = (y[row + 1] - y[row]) / step;
    }
  }
  const stat = (pick: (u: number) => number): number[] => {
    const out: number[] = [];
    for (let d = 0; d < dims; d++) {
      let abs = 0;
      let sum = 0;
      for (let u = 0; u < r; u++) {
        const e = effects[pick(u) * dims + d];
        abs += Math.abs(e);
        sum += e;
      }
      const mu = sum / r;
      let ss = 0;
      for (let u = 0; u < r; u++) ss += (effects[pick(u) * dims + d] - mu) ** 2;
      out.push(abs / r, mu, r > 1 ? Math.sqrt(ss / (r - 1)) : NaN);
    }
    return out;
  };
  const est = bootstrap(r, stat, options);
  return Array.from({ length: dims }, (_, d) => ({
    muStar: est[3 * d],
    mu: est[3 * d + 1],
    sigma: est[3 * d + 2],
  }));
}

/** Ranks (1-based, ties averaged) of the picked values. */
function ranks(values: Float64Array): Float64Array {
  const idx = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
  const out = new Float64Array(values.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && values[idx[j + 1]] === values[idx[i]]) j++;
    for (let k = i; k <= j; k++) out[idx[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Pearson's correlation of two equally long series. */
function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Spearman's rank correlation of each factor with the output, over a design's points. */
export function rankCorrelations(
  y: ArrayLike<number>,
  design: UnitDesign,
  options: BootstrapOptions = {},
): IndexEstimate[] {
  const { count, dims, x } = design;
  const stat = (pick: (u: number) => number): number[] => {
    const ys = Float64Array.from({ length: count }, (_, u) => y[pick(u)]);
    const ry = ranks(ys);
    return Array.from({ length: dims }, (_, d) =>
      correlation(ranks(Float64Array.from({ length: count }, (_, u) => x[pick(u) * dims + d])), ry),
    );
  };
  return bootstrap(count, stat, options);
}

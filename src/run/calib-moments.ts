/**
 * The statistics a calibration matches (issue 17): for each column the history has, its mean
 * over the fitted weeks (blocks filled as a share of blocks offered), computed the same way for
 * the station's history and for each simulated replication, and the hold-out forecast.
 */
import type { HoldoutSeries } from '../model/calibration';
import { HC, HISTORY_COLUMNS, type StationHistory } from '../model/station-history';

/**
 * A statistic: a column's mean over the weeks, or the fill share; time to fill's is a geometric
 * mean (the mean of log(0.05 h + value)), as a week of scarcity may multiply it tenfold.
 */
export interface Moment {
  readonly column: string;
  /** Columns read: [c] for a mean, [filled, offered] for the fill share. */
  readonly cols: readonly number[];
  readonly log?: boolean;
}

/** Offset of the log of time to fill, h. */
const LOG_OFFSET = 0.05;

/** The statistics a history supports: every present column but base pay (an input). */
export function momentsOf(h: StationHistory): Moment[] {
  const out: Moment[] = [];
  HISTORY_COLUMNS.forEach((c, i) => {
    if (!h.present[i] || i === HC.base_pay) return;
    if (i === HC.blocks_filled && h.present[HC.blocks_offered]) {
      out.push({ column: 'fill_share', cols: [HC.blocks_filled, HC.blocks_offered] });
    } else if (i === HC.time_to_fill_h) out.push({ column: c.id, cols: [i], log: true });
    else out.push({ column: c.id, cols: [i] });
  });
  return out;
}

/**
 * Values of the moments over weeks [from, to) of a history laid out column-major with `weeks`
 * weeks, skipping weeks the observed history lacks (`mask`: its data, NaN where missing).
 */
export function momentValues(
  moments: readonly Moment[],
  data: Float64Array,
  weeks: number,
  observed: StationHistory,
  from: number,
  to: number,
): number[] {
  return moments.map((m) => {
    let a = 0;
    let b = 0;
    let n = 0;
    for (let w = from; w < to; w++) {
      if (m.cols.some((c) => Number.isNaN(observed.data[c * observed.weeks + w]))) continue;
      const v = data[m.cols[0] * weeks + w];
      a += m.log ? Math.log(LOG_OFFSET + v) : v;
      if (m.cols.length > 1) b += data[m.cols[1] * weeks + w];
      n++;
    }
    if (m.cols.length > 1) return b > 0 ? a / b : 0;
    if (n === 0) return NaN;
    return m.log ? Math.exp(a / n) - LOG_OFFSET : a / n;
  });
}

/** A column's weekly value (fill share for `fill_share`) in week w, NaN when missing. */
function weekValue(m: Moment, data: Float64Array, weeks: number, w: number): number {
  const a = data[m.cols[0] * weeks + w];
  if (m.cols.length === 1) return a;
  const b = data[m.cols[1] * weeks + w];
  return b > 0 ? a / b : NaN;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, v) => s + v, 0) / xs.length;
}

function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(1, xs.length - 1);
}

/**
 * The forecast of the hold-out weeks [from, weeks): per column and week, the mean over the
 * replications at the fitted constants and a 95% interval for one week's figure, whose variance
 * is the replications' (times 1 + 1/R, the mean's own noise) plus the fit's, gᵀVg, with g the
 * week's change per unit of log constant (from the Jacobian's runs, `shifted[k]` at step
 * `steps[k]`) and V the constants' covariance.
 */
export function holdoutForecast(
  moments: readonly Moment[],
  observed: StationHistory,
  fitted: readonly Float64Array[],
  shifted: readonly (readonly Float64Array[])[],
  steps: readonly number[],
  cov: readonly (readonly number[])[],
  from: number,
): HoldoutSeries[] {
  const weeks = observed.weeks;
  const R = fitted.length;
  return moments.map((m) => {
    const series = {
      observed: [] as number[],
      mean: [] as number[],
      low: [] as number[],
      high: [] as number[],
    };
    for (let w = from; w < weeks; w++) {
      const values = fitted.map((d) => weekValue(m, d, weeks, w));
      const mu = mean(values);
      const g = shifted.map(
        (runs, k) => (mean(runs.map((d) => weekValue(m, d, weeks, w))) - mu) / steps[k],
      );
      let fitVar = 0;
      for (let i = 0; i < g.length; i++)
        for (let j = 0; j < g.length; j++) fitVar += g[i] * cov[i][j] * g[j];
      const sd = Math.sqrt(variance(values) * (1 + 1 / R) + Math.max(0, fitVar));
      series.observed.push(weekValue(m, observed.data, weeks, w));
      series.mean.push(mu);
      series.low.push(mu - 1.96 * sd);
      series.high.push(mu + 1.96 * sd);
    }
    const obs = series.observed.filter((v) => !Number.isNaN(v));
    const fc = series.mean.filter((_, i) => !Number.isNaN(series.observed[i]));
    const scale = obs.length > 0 ? Math.abs(mean(obs)) : 0;
    const error = scale > 1e-9 ? Math.abs(mean(fc) - mean(obs)) / scale : NaN;
    return { column: m.column, ...series, error };
  });
}

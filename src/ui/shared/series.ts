/**
 * A comparison's interval arrays as the plain week points and histogram bins that charts,
 * tables and summaries read. Pure: no DOM, no Lit, no d3.
 */
import { METRIC_INDEX, type MetricId } from '../../model/metrics';
import {
  EARNINGS_BIN_MIN,
  EARNINGS_BIN_WIDTH,
  POOL_SERIES,
  type IntervalArrays,
  type PoolSeries,
} from '../../model/results';

/** One week of a series: its mean and 95% interval (any of them may be NaN when undefined). */
export interface WeekPoint {
  /** Week number, 1-based. */
  week: number;
  mean: number;
  low: number;
  high: number;
}

/** One bin of the earnings histogram: [x0, x1) in $/h and the share of drivers in it. */
export interface EarningsBin {
  x0: number;
  x1: number;
  baseline: number;
  scenario: number;
}

/**
 * Slice `[offset * weeks, (offset + 1) * weeks)` of a series-major (or metric-major) interval
 * array into week points. Missing elements read as NaN, never as a shifted neighbour.
 */
export function weekPoints(a: IntervalArrays, offset: number, weeks: number): WeekPoint[] {
  const out: WeekPoint[] = [];
  const start = offset * weeks;
  for (let w = 0; w < weeks; w++) {
    const i = start + w;
    out.push({
      week: w + 1,
      mean: at(a.mean, i),
      low: at(a.low, i),
      high: at(a.high, i),
    });
  }
  return out;
}

/** A metric's weekly course from a metric-major weekly array. */
export function metricWeeks(weekly: IntervalArrays, metric: MetricId, weeks: number): WeekPoint[] {
  return weekPoints(weekly, METRIC_INDEX[metric], weeks);
}

/** A pool series (active, joined, churned, deactivated) from the series-major pool array. */
export function poolWeeks(pool: IntervalArrays, series: PoolSeries, weeks: number): WeekPoint[] {
  return weekPoints(pool, POOL_SERIES.indexOf(series), weeks);
}

/** The earnings histograms of baseline and scenario side by side, one element per bin. */
export function earningsBins(
  baseline: ArrayLike<number>,
  scenario: ArrayLike<number>,
  binMin = EARNINGS_BIN_MIN,
  binWidth = EARNINGS_BIN_WIDTH,
): EarningsBin[] {
  const n = Math.max(baseline.length, scenario.length);
  const out: EarningsBin[] = [];
  for (let b = 0; b < n; b++) {
    out.push({
      x0: binMin + b * binWidth,
      x1: binMin + (b + 1) * binWidth,
      baseline: at(baseline, b),
      scenario: at(scenario, b),
    });
  }
  return out;
}

function at(a: ArrayLike<number>, i: number): number {
  return i >= 0 && i < a.length ? a[i] : Number.NaN;
}

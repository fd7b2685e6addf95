/**
 * Whether a scenario is unstable: its backlog (the backlogDays metric, packages waiting at
 * day's end in days of demand) growing rather than settling. Read per replication from the
 * weekly values, then across replications (model/results.ts `Stability`).
 */
import { METRIC_INDEX } from '../model/metrics';
import {
  BACKLOG_GROWTH_MIN,
  BACKLOG_SLOPE_MIN,
  periodWeeks,
  type Estimate,
  type ReplicationResult,
  type Stability,
} from '../model/results';
import { intervals } from './stats';

/** Least-squares slope of y over x (0 with fewer than two points). */
function slopeOf(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) * (xs[k] - mx);
  }
  return sxx > 0 ? sxy / sxx : 0;
}

/** The backlog's growth and its slope over the long run, in one replication. */
export function backlogTrend(r: ReplicationResult): { growth: number; slope: number } {
  const i = METRIC_INDEX.backlogDays;
  let weeks = periodWeeks(r.periods, 'longRun');
  // A run that is all peak: its last weeks, whatever they are.
  if (weeks.length === 0) {
    const n = Math.min(8, r.weeks);
    weeks = Array.from({ length: n }, (_, k) => r.weeks - n + k + 1);
  }
  const ys = weeks.map((w) => r.weekly[i * r.weeks + w - 1]);
  const growth = r.longRun[i] - r.shortRun[i];
  return { growth: Number.isFinite(growth) ? growth : 0, slope: slopeOf(weeks, ys) };
}

function estimate(values: readonly number[]): Estimate {
  const a = intervals(values.map((v) => Float64Array.of(v)));
  return { mean: a.mean[0], low: a.low[0], high: a.high[0] };
}

/** Whether the backlog keeps growing across a scenario's replications. */
export function stability(results: readonly ReplicationResult[]): Stability {
  const trends = results.map(backlogTrend);
  const growing = trends.filter(
    (t) => t.growth > BACKLOG_GROWTH_MIN || t.slope > BACKLOG_SLOPE_MIN,
  ).length;
  return {
    growth: estimate(trends.map((t) => t.growth)),
    slope: estimate(trends.map((t) => t.slope)),
    growing,
    n: results.length,
    unstable: growing * 2 > results.length,
  };
}

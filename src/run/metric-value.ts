/**
 * Reading a comparison: a metric's value (the scenario's, the baseline's or the paired delta,
 * with its interval) over a summary window, and the Pareto-efficient points of a set of
 * comparisons in the plane of two metrics.
 */
import { paretoFront } from '../model/frontier';
import { METRIC_BY_ID, METRIC_INDEX, type MetricId } from '../model/metrics';
import type { Window } from '../model/report';
import type { Comparison } from '../model/results';

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

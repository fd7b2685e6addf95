/**
 * A metric's weekly course as the metric tree's sparkline draws it: the baseline's and the
 * scenario's weekly means with the scenario's 95% interval, as plain arrays, and what the
 * sparkline says to a screen reader. Plain data, no DOM.
 */
import type { MetricDef } from '../../model/metrics';
import type { Comparison } from '../../model/results';
import { formatMetric } from '../shared/format';

/** Weekly means of one metric, as plain arrays for the sparkline. */
export interface Course {
  baseline: number[];
  scenario: number[];
  low: number[];
  high: number[];
}

/** Metric `i`'s weeks out of a metric-major array (`weeks` values per metric). */
function weeklyOf(a: Float64Array, i: number, weeks: number): number[] {
  const from = i * weeks;
  return Array.from(a.subarray(from, from + weeks));
}

/** Metric `i`'s weekly course: both means and the scenario's interval. */
export function courseOf(c: Comparison, i: number): Course {
  const b = c.baseline;
  const s = c.scenario;
  return {
    baseline: weeklyOf(b.weekly.mean, i, b.weeks),
    scenario: weeklyOf(s.weekly.mean, i, s.weeks),
    low: weeklyOf(s.weekly.low, i, s.weeks),
    high: weeklyOf(s.weekly.high, i, s.weeks),
  };
}

/** What the sparkline says to a screen reader: both courses, first week to last. */
export function courseLabel(m: MetricDef, course: Course): string {
  const first = (a: number[]) => formatMetric(m, a[0] ?? NaN);
  const last = (a: number[]) => formatMetric(m, a[a.length - 1] ?? NaN);
  return (
    `${m.label}, weekly over ${course.scenario.length} weeks: baseline ${first(course.baseline)} ` +
    `to ${last(course.baseline)}, scenario ${first(course.scenario)} to ${last(course.scenario)}`
  );
}

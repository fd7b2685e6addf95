/**
 * The charts presentation mode draws under its table: which rows are chosen and in what order,
 * each shown scenario's series for a row, and the values the row's charts share so that their
 * scales match across the columns. Pure, no DOM.
 */
import type { MetricId } from '../../model/metrics';
import type { Comparison, PoolSeries } from '../../model/results';
import { pointValues } from '../charts/chart-data';
import { metricDef, poolSeries } from '../shared/comparison-rows';
import { metricWeeks, type WeekPoint } from '../shared/series';

/** A row of charts: a metric's weekly course, or the driver pool. */
export type ChartChoice = 'weekly' | 'pool';

/** One scenario's series for a row of charts. */
export type SlideSeries =
  | {
      readonly kind: 'weekly';
      readonly baseline: WeekPoint[];
      readonly scenario: WeekPoint[];
      readonly delta: WeekPoint[];
    }
  | {
      readonly kind: 'pool';
      readonly baseline: Record<PoolSeries, WeekPoint[]>;
      readonly scenario: Record<PoolSeries, WeekPoint[]>;
    };

/** The chosen rows in the order shown: the weekly course first, then the driver pool. */
export function chartOrder(charts: ReadonlySet<ChartChoice>): ChartChoice[] {
  return [...charts].sort().reverse();
}

/** A row's name: "Fill rate by week", or "Driver pool". */
export function chartLabel(chart: ChartChoice, metric: MetricId): string {
  return chart === 'weekly' ? `${metricDef(metric).label} by week` : 'Driver pool';
}

/** A comparison's series for a row (`metric` is the weekly row's metric). */
export function slideSeries(c: Comparison, chart: ChartChoice, metric: MetricId): SlideSeries {
  if (chart === 'weekly') {
    return {
      kind: 'weekly',
      baseline: metricWeeks(c.baseline.weekly, metric, c.baseline.weeks),
      scenario: metricWeeks(c.scenario.weekly, metric, c.scenario.weeks),
      delta: metricWeeks(c.delta.weekly, metric, c.baseline.weeks),
    };
  }
  return { kind: 'pool', baseline: poolSeries(c.baseline), scenario: poolSeries(c.scenario) };
}

/** Every baseline and scenario value of a row's weekly charts, for one shared value scale. */
export function sharedValues(row: readonly (SlideSeries | undefined)[]): number[] {
  return row.flatMap((s) => (s?.kind === 'weekly' ? pointValues(s.baseline, s.scenario) : []));
}

/** Every baseline and scenario pool of a row's pool charts, for shared scales. */
export function sharedPools(
  row: readonly (SlideSeries | undefined)[],
): Record<PoolSeries, WeekPoint[]>[] {
  return row.flatMap((s) => (s?.kind === 'pool' ? [s.baseline, s.scenario] : []));
}

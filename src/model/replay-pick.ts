/**
 * Which day of a replayed week to show for a metric (issue 19): the day where the scenario's
 * count that drives the metric differs most from the baseline's. A metric maps to the day's
 * counter nearest to it (src/model/replay-counters.ts); the rest use blocks claimed.
 */
import type { MetricId } from './metrics';
import { countersAt, emptyCounters, type ReplayCounters } from './replay-counters';
import type { ReplayWeek } from './replay';

type Counter = keyof ReplayCounters;

const COUNTER_OF: Partial<Record<MetricId, Counter>> = {
  onTimePackagesPerWeek: 'delivered',
  onTimeRate: 'delivered',
  lateRate: 'packagesLeft',
  sellerPromiseKeptRate: 'delivered',
  fallbackShare: 'open',
  backlogDays: 'packagesLeft',
  costPerPackage: 'pay',
  fillRate: 'open',
  timeToFillHours: 'open',
  surgeSpendShare: 'surged',
  blockScarcity: 'looking',
  noFittingBlock: 'looking',
  driverNetHourly: 'net',
  hoursPerActiveDriver: 'workHours',
  hoursGini: 'workHours',
  belowFloorHoursShare: 'net',
  idlePaidHoursShare: 'workHours',
  unpaidOverrunHoursPerDriver: 'overrunHours',
  weeklyChurnRate: 'quit',
  retention90: 'quit',
  survival365: 'quit',
  activeDrivers: 'quit',
};

/** The counter a metric's day is picked by. */
export function counterFor(metric: MetricId | undefined): Counter {
  return (metric && COUNTER_OF[metric]) ?? 'claimed';
}

/** The weekday (0 Monday) where the end-of-day counter differs most between the sides. */
export function dayOfLargestDifference(
  baseline: ReplayWeek,
  scenario: ReplayWeek,
  metric: MetricId | undefined,
): number {
  const key = counterFor(metric);
  const a = emptyCounters();
  const b = emptyCounters();
  let best = 0;
  let bestGap = -1;
  baseline.days.forEach((day, k) => {
    const other = scenario.days[k];
    if (!other) return;
    const gap = Math.abs(countersAt(other, Infinity, b)[key] - countersAt(day, Infinity, a)[key]);
    if (gap > bestGap) {
      bestGap = gap;
      best = k;
    }
  });
  return best;
}

/**
 * The week (1-based) where a metric's paired change (scenario − baseline, weekly means of
 * `delta`, metric-major: metric m in week w at [m × weeks + w]) is largest in size.
 */
export function weekOfLargestChange(
  delta: ArrayLike<number>,
  metric: number,
  weeks: number,
): number {
  let best = 0;
  let bestGap = -1;
  for (let w = 0; w < weeks; w++) {
    const gap = Math.abs(delta[metric * weeks + w]);
    if (gap > bestGap) {
      bestGap = gap;
      best = w;
    }
  }
  return best + 1;
}

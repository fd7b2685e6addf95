/**
 * A drill's station history (docs/PRACTICE.md): the daily series the slices read, as the
 * engine recorded them (src/run/drill-history.ts copies them from its record by name), and the
 * two windows a drill compares, before the hidden change and since.
 */

/** The record's fields a drill reads (src/sim/record.ts names them). */
export const DRILL_SERIES = [
  'demand',
  'onTime',
  'fallback',
  'lateDelivered',
  'attempted',
  'failed',
  'returned',
  'blocksOffered',
  'blocksClaimed',
  'blocksSurged',
  'noShows',
  'blocksWorked',
  'payBase',
  'paySurge',
  'payTips',
  'fallbackCost',
  'overheadCost',
  'paidHours',
  'idleHours',
  'overrunHours',
  'workHours',
  'netEarnings',
  'wantedDays',
  'frustratedDays',
  'noFitDays',
  'active',
  'joined',
  'churned',
  'deactivated',
  'tenureExposure0',
  'tenureExits0',
  'tenureExposure1',
  'tenureExits1',
  'tenureExposure2',
  'tenureExits2',
  'applicants',
  'firstBlocks',
  'firstBlockDays',
  'needCapacity',
  'hoursOffered',
  'unloadedUnfilled',
  'unloadedNoShow',
  'unloadedPlan',
  'freshFailed',
  'freshReturned',
  'offeredLen0',
  'offeredLen1',
  'offeredLen2',
  'offeredLen3',
  'offeredLen4',
  'unfilledLen0',
  'unfilledLen1',
  'unfilledLen2',
  'unfilledLen3',
  'unfilledLen4',
  'noShowLen0',
  'noShowLen1',
  'noShowLen2',
  'noShowLen3',
  'noShowLen4',
  'workedSlot0',
  'workedSlot1',
  'workedSlot2',
  'workedSlot3',
  'workedSlot4',
  'workedSlot5',
  'waitSlot0',
  'waitSlot1',
  'waitSlot2',
  'waitSlot3',
  'waitSlot4',
  'waitSlot5',
  'claimedWave0',
  'claimedWave1',
  'claimedWave2',
  'claimedWave3',
  'claimedWave4',
  'claimedWave5',
] as const;

export type DrillSeries = (typeof DRILL_SERIES)[number];

/** A station's simulated history: `weeks` weeks of daily series, the change from `changeWeek`. */
export interface DrillHistory {
  readonly weeks: number;
  /** The first week (1-based) under the hidden change: the headline compares from it on. */
  readonly changeWeek: number;
  /** Daily values, day 0 the Monday of week 1. */
  readonly series: Readonly<Record<DrillSeries, Float64Array>>;
  /** The block lengths (h) of the five length groups, longest first, before and since. */
  readonly lengths: { readonly before: readonly number[]; readonly after: readonly number[] };
  /** Start hours of the six start slots. */
  readonly slotStarts: readonly number[];
}

/** Days [from, to) of a history: sums and daily values of its series. */
export class Window {
  constructor(
    readonly h: DrillHistory,
    readonly from: number,
    readonly to: number,
  ) {}

  get days(): number {
    return this.to - this.from;
  }

  sum(name: DrillSeries): number {
    const a = this.h.series[name];
    let total = 0;
    for (let d = this.from; d < this.to; d++) total += a[d];
    return total;
  }

  /** Sum of several series. */
  sums(...names: DrillSeries[]): number {
    return names.reduce((t, n) => t + this.sum(n), 0);
  }

  /** The window's last `days` days (all of it when shorter). */
  tail(days: number): Window {
    return new Window(this.h, Math.max(this.from, this.to - days), this.to);
  }

  /** The value of a series on each day of the window. */
  daily(name: DrillSeries): Float64Array {
    return this.h.series[name].slice(this.from, this.to);
  }
}

/** The window before the change (weeks 1 to changeWeek − 1) and the one since. */
export function windows(h: DrillHistory): { before: Window; after: Window } {
  const cut = (h.changeWeek - 1) * 7;
  return { before: new Window(h, 0, cut), after: new Window(h, cut, h.weeks * 7) };
}

/** a / b, 0 when b is 0. */
export function ratio(a: number, b: number): number {
  return b !== 0 ? a / b : 0;
}

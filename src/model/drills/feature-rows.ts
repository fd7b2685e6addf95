/**
 * The rows of the drills' measures (features.ts): id, slice, label, unit, tolerance, whether
 * the tolerance is relative, and how the value is read from a window of the history.
 */
import type { FeatureDef, SliceId } from './features';
import { ratio, type Window } from './history';

export const perDay = (w: Window, n: number): number => ratio(n, w.days);
const slotWait = (w: Window, slots: readonly number[]): number => {
  let wait = 0;
  let worked = 0;
  for (const k of slots) {
    wait += w.sum(`waitSlot${k}` as 'waitSlot0');
    worked += w.sum(`workedSlot${k}` as 'workedSlot0');
  }
  return 60 * ratio(wait, worked);
};
const fill = (w: Window, groups: readonly number[]): number => {
  let offered = 0;
  let unfilled = 0;
  for (const g of groups) {
    offered += w.sum(`offeredLen${g}` as 'offeredLen0');
    unfilled += w.sum(`unfilledLen${g}` as 'unfilledLen0');
  }
  return 1 - ratio(unfilled, offered);
};
const meanLength = (w: Window, lengths: readonly number[]): number => {
  let hours = 0;
  let blocks = 0;
  for (let g = 0; g < 5; g++) {
    const n = w.sum(`offeredLen${g}` as 'offeredLen0');
    hours += n * lengths[g];
    blocks += n;
  }
  return ratio(hours, blocks);
};
const dailySd = (w: Window): number => {
  const demand = w.daily('demand');
  const plan = w.daily('needCapacity');
  const r = Array.from(demand, (v, d) => ratio(v, plan[d]));
  const mean = r.reduce((a, b) => a + b, 0) / Math.max(1, r.length);
  return Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, r.length - 1));
};
const shortDays = (w: Window): number => {
  const demand = w.daily('demand');
  const plan = w.daily('needCapacity');
  return ratio(demand.filter((v, d) => v > plan[d]).length, demand.length);
};
export const cost = (w: Window): number =>
  w.sums('payBase', 'paySurge', 'payTips', 'fallbackCost', 'overheadCost');

export type Row = [
  string,
  SliceId,
  string,
  FeatureDef['unit'],
  number,
  boolean,
  FeatureDef['value'],
];

/** The station's measures: packages, plan, blocks, waves, slots, routes. */
export const STATION_ROWS: Row[] = [
  [
    'demand',
    'plan',
    'Packages due a day',
    'packages',
    0.06,
    true,
    (w) => perDay(w, w.sum('demand')),
  ],
  [
    'onTimeRate',
    'packages',
    'Delivered on time',
    '%',
    0.01,
    false,
    (w) => ratio(w.sum('onTime'), w.sum('demand')),
  ],
  [
    'failedShare',
    'packages',
    'Missed: failed attempt',
    '%',
    0.004,
    false,
    (w) => ratio(w.sum('freshFailed'), w.sum('demand')),
  ],
  [
    'returnedShare',
    'packages',
    'Missed: brought back from an overrunning route',
    '%',
    0.004,
    false,
    (w) => ratio(w.sum('freshReturned'), w.sum('demand')),
  ],
  [
    'unloadedShare',
    'packages',
    'Missed: no route had room',
    '%',
    0.006,
    false,
    (w) => ratio(w.sums('unloadedUnfilled', 'unloadedNoShow', 'unloadedPlan'), w.sum('demand')),
  ],
  [
    'fallbackShare',
    'packages',
    'Handed to the fallback carrier',
    '%',
    0.006,
    false,
    (w) => ratio(w.sum('fallback'), w.sum('demand')),
  ],
  [
    'lateShare',
    'packages',
    'Delivered late (per package due)',
    '%',
    0.006,
    false,
    (w) => ratio(w.sum('lateDelivered'), w.sum('demand')),
  ],
  [
    'planCover',
    'plan',
    'Route capacity planned per package due',
    '%',
    0.04,
    false,
    (w) => ratio(w.sum('needCapacity'), w.sum('demand')),
  ],
  [
    'planErrorSd',
    'plan',
    'Day-to-day miss of the plan (sd of volume ÷ plan)',
    '%',
    0.025,
    false,
    dailySd,
  ],
  ['shortDays', 'plan', 'Days the volume exceeded the plan', '%', 0.12, false, shortDays],
  [
    'blocksPerK',
    'plan',
    'Blocks offered per 1,000 packages',
    '',
    0.06,
    true,
    (w) => 1000 * ratio(w.sum('blocksOffered'), w.sum('demand')),
  ],
  ['blockHours', 'lengths', 'Mean length of the blocks offered', 'h', 0.05, true, meanLength],
  [
    'fillRate',
    'lengths',
    'Blocks claimed of those offered',
    '%',
    0.02,
    false,
    (w) => fill(w, [0, 1, 2, 3, 4]),
  ],
  [
    'fillGap',
    'lengths',
    'Fill of the two longest lengths minus the two shortest',
    '%',
    0.04,
    false,
    (w) => fill(w, [0, 1]) - fill(w, [3, 4]),
  ],
  [
    'noShowRate',
    'lengths',
    'No-shows per block claimed',
    '%',
    0.012,
    false,
    (w) => ratio(w.sum('noShows'), w.sum('blocksClaimed')),
  ],
  [
    'reservedClaims',
    'waves',
    'Claims in the reserved wave',
    '%',
    0.05,
    false,
    (w) => ratio(w.sum('claimedWave0'), w.sum('blocksClaimed')),
  ],
  [
    'firstOfferClaims',
    'waves',
    'Claims at the first offer (reserved or release)',
    '%',
    0.05,
    false,
    (w) => ratio(w.sums('claimedWave0', 'claimedWave1'), w.sum('blocksClaimed')),
  ],
  [
    'dayAheadClaims',
    'waves',
    'Claims re-offered 24 h or 6 h before the start',
    '%',
    0.015,
    false,
    (w) => ratio(w.sums('claimedWave2', 'claimedWave3'), w.sum('blocksClaimed')),
  ],
  [
    'lastHoursClaims',
    'waves',
    'Claims in the last 3 hours before the start',
    '%',
    0.03,
    false,
    (w) => ratio(w.sums('claimedWave4', 'claimedWave5'), w.sum('blocksClaimed')),
  ],
  [
    'surgedShare',
    'waves',
    'Claims at a surged rate',
    '%',
    0.02,
    false,
    (w) => ratio(w.sum('blocksSurged'), w.sum('blocksClaimed')),
  ],
  [
    'waitBusy',
    'slots',
    'Station wait, 8:00 and 10:00 starts',
    'min',
    3,
    false,
    (w) => slotWait(w, [1, 2]),
  ],
  [
    'waitSpread',
    'slots',
    'Extra wait of the busy starts over the quiet ones',
    'min',
    3,
    false,
    (w) => slotWait(w, [1, 2]) - slotWait(w, [0, 4, 5]),
  ],
  [
    'waitQuiet',
    'slots',
    'Station wait, 6:00, 14:00 and 16:00 starts',
    'min',
    3,
    false,
    (w) => slotWait(w, [0, 4, 5]),
  ],
  ['active', 'supply', 'Active drivers', 'drivers', 0.03, true, (w) => perDay(w, w.sum('active'))],
  [
    'overrunPerBlock',
    'routes',
    'Unpaid overrun per block',
    'min',
    1,
    false,
    (w) => 60 * ratio(w.sum('overrunHours'), w.sum('blocksWorked')),
  ],
  [
    'returnedPerBlock',
    'routes',
    'Packages brought back per block',
    'packages',
    0.25,
    false,
    (w) => ratio(w.sum('returned'), w.sum('blocksWorked')),
  ],
  [
    'failedRate',
    'routes',
    'Delivery attempts that failed',
    '%',
    0.005,
    false,
    (w) => ratio(w.sum('failed'), w.sum('attempted')),
  ],
  [
    'idlePerBlock',
    'routes',
    'Paid time left after the route, per block',
    'min',
    4,
    false,
    (w) => 60 * ratio(w.sum('idleHours'), w.sum('blocksWorked')),
  ],
  [
    'packagesPerBlock',
    'routes',
    'Packages attempted per block',
    'packages',
    0.06,
    true,
    (w) => ratio(w.sum('attempted'), w.sum('blocksWorked')),
  ],
];

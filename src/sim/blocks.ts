/**
 * Blocks: the types a day's plan is made of (start slot × length), the waves they are offered
 * in, and the net pay a driver weighs when offered one. The structural constants here are
 * listed on the model page.
 */
import type { Params } from '../model/params';

/** Block start hours and the share of block hours planned at each (morning-heavy). */
export const SLOT_STARTS = [6, 8, 10, 12, 14, 16] as const;
export const SLOT_SHARES = [0.12, 0.24, 0.22, 0.18, 0.14, 0.1] as const;
/** The block-length mix: offsets from the typical length and their weights. */
export const LENGTH_OFFSETS = [-1, -0.5, 0, 0.5, 1] as const;
/**
 * The length groups: one per offset. The hot loops that test a candidate's hours or pay
 * against every group read the five groups' values into locals (src/sim/claim.ts,
 * candidates.ts, churn.ts); `lengthGroups` (src/sim/tables.ts) checks the count.
 */
export const LENGTH_GROUPS = 5;
export const LENGTH_WEIGHTS = [0.1, 0.2, 0.4, 0.2, 0.1] as const;
/**
 * Hours before a block's start at which unfilled blocks are re-offered (surged if enabled).
 * With surge on, re-offer k pays `1 + k × surgeStep` times base up to the cap, and the last
 * one pays the cap itself: a block still open an hour before it starts goes at the cap.
 */
export const SURGE_OFFSETS = [24, 6, 3, 1] as const;
/**
 * Availability falls smoothly with notice: a driver can take a block offered h hours ahead
 * with probability `1 − (1 − shortNoticeShare) × exp(−h / NOTICE_HOURS)`.
 */
export const NOTICE_HOURS = 8;
/** With no lead time, blocks are released this many hours before their start. */
export const SAME_DAY_RELEASE_HOURS = 6;
/** Reserved offers go out this many hours before the open release. */
export const RESERVED_AHEAD_HOURS = 24;

/** The share of the day's candidates who can take a block offered `hours` before its start. */
export function availability(shortNoticeShare: number, hours: number): number {
  return 1 - (1 - shortNoticeShare) * Math.exp(-Math.max(0, hours) / NOTICE_HOURS);
}

/**
 * The pay multiplier of re-offer k (1 = the first re-offer) of `count`: a step of `surgeStep`
 * each time, capped, and the cap on the last one (1 when surge is off).
 */
export function surgeMultiplier(p: Params, k: number, count: number): number {
  if (!p.surgeEnabled || k <= 0) return 1;
  if (k === count) return Math.max(1, p.surgeCap);
  return Math.max(1, Math.min(p.surgeCap, 1 + p.surgeStep * k));
}

/** Block types as parallel arrays, longest first: drivers prefer the longest block that fits. */
export interface BlockTypes {
  count: number;
  start: Float64Array;
  len: Float64Array;
  end: Float64Array;
  slot: Int32Array;
  /** Packages a full route of the block holds, planned at the experienced productivity. */
  cap: Int32Array;
  /** Share of planned route capacity put into this type. */
  weight: Float64Array;
  /** Bit u set in after[t] when type u starts once type t has ended (back-to-back blocks). */
  after: Int32Array;
  /** Bit u set in before[t] when type u ends by the time type t starts. */
  before: Int32Array;
}

export function blockTypes(p: Params): BlockTypes {
  const load = p.loadMinutes / 60;
  const n = LENGTH_OFFSETS.length * SLOT_STARTS.length;
  const bt: BlockTypes = {
    count: n,
    start: new Float64Array(n),
    len: new Float64Array(n),
    end: new Float64Array(n),
    slot: new Int32Array(n),
    cap: new Int32Array(n),
    weight: new Float64Array(n),
    after: new Int32Array(n),
    before: new Int32Array(n),
  };
  let t = 0;
  for (let l = LENGTH_OFFSETS.length - 1; l >= 0; l--) {
    const len = Math.max(1, p.blockHours + LENGTH_OFFSETS[l]);
    for (let s = 0; s < SLOT_STARTS.length; s++, t++) {
      bt.start[t] = SLOT_STARTS[s];
      bt.len[t] = len;
      bt.end[t] = SLOT_STARTS[s] + len;
      bt.slot[t] = s;
      bt.cap[t] = Math.max(1, Math.round(p.productivity * Math.max(0.25, len - load)));
      bt.weight[t] = SLOT_SHARES[s] * LENGTH_WEIGHTS[l];
    }
  }
  for (let t = 0; t < n; t++) {
    for (let u = 0; u < n; u++) {
      if (bt.start[u] >= bt.end[t]) bt.after[t] |= 1 << u;
      if (bt.end[u] <= bt.start[t]) bt.before[t] |= 1 << u;
    }
  }
  return bt;
}

/**
 * Expected net hourly pay a driver weighs when offered a block of `len` hours at `mult` times
 * base pay: pay and tips less the vehicle cost of the route hours (drivers do not price in the
 * station wait or a possible overrun; their belief about those drives churn instead).
 */
export function offeredNet(p: Params, mult: number, len: number): number {
  const load = p.loadMinutes / 60;
  const vehiclePerHour = (p.vehicleCostPerMile * p.milesPerHour * Math.max(0, len - load)) / len;
  return p.payPerHour * mult + p.tipsPerHour - vehiclePerHour;
}

export interface Wave {
  /** Hours relative to the block start (negative: before). */
  time: number;
  duration: number;
  mult: number;
  /** Offered only to drivers in good standing, from the reserved share. */
  reservedOnly: boolean;
  /** Share of the day's candidates who can take a block offered this far ahead. */
  avail: number;
}

/**
 * The day's offer waves: the reserved wave RESERVED_AHEAD_HOURS before the open release (when
 * some blocks are reserved), the open release at the lead time, then re-offers of what is left
 * at the SURGE_OFFSETS after the release, stepping up in pay when surge is on (the last one at
 * the cap).
 */
export function offerWaves(p: Params): Wave[] {
  const release = -Math.max(24 * p.releaseLeadDays, SAME_DAY_RELEASE_HOURS);
  const reoffers = SURGE_OFFSETS.map((h) => -h).filter((t) => t > release);
  const times = [release, ...reoffers];
  // One object literal for every wave, so that all waves of all runs share one shape.
  const wave = (time: number, next: number, mult: number, reservedOnly: boolean): Wave => ({
    time,
    duration: next - time,
    mult,
    reservedOnly,
    avail: availability(p.shortNoticeShare, -time),
  });
  const out: Wave[] = [];
  if (p.reservedShare > 0) out.push(wave(release - RESERVED_AHEAD_HOURS, release, 1, true));
  times.forEach((time, k) => {
    const next = k + 1 < times.length ? times[k + 1] : 0;
    out.push(wave(time, next, surgeMultiplier(p, k, reoffers.length), false));
  });
  return out;
}

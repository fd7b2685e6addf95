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
export const LENGTH_WEIGHTS = [0.1, 0.2, 0.4, 0.2, 0.1] as const;
/** Hours before a block's start at which unfilled blocks are re-offered (surged if enabled). */
export const SURGE_OFFSETS = [24, 6, 2] as const;
/** Offers this close to the start (hours) reach only drivers free at short notice. */
export const SHORT_NOTICE_HOURS = 12;
/** With no lead time, blocks are released this many hours before their start. */
export const SAME_DAY_RELEASE_HOURS = 6;

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
  shortNotice: boolean;
}

/**
 * The day's offer waves: a reserved wave and the open release at the lead time, then
 * re-offers of what is left at 24, 6 and 2 hours before start, each a surge step up when
 * surge is on (capped).
 */
export function offerWaves(p: Params): Wave[] {
  const release = -Math.max(24 * p.releaseLeadDays, SAME_DAY_RELEASE_HOURS);
  const times = [release, ...SURGE_OFFSETS.map((h) => -h).filter((t) => t > release)];
  const out: Wave[] = [];
  times.forEach((time, k) => {
    const next = k + 1 < times.length ? times[k + 1] : 0;
    const mult = p.surgeEnabled ? Math.min(p.surgeCap, 1 + p.surgeStep * k) : 1;
    const duration = next - time;
    const shortNotice = time >= -SHORT_NOTICE_HOURS;
    // One object literal for every wave, so that all waves of all runs share one shape.
    const wave = (reservedOnly: boolean): Wave => ({
      time,
      duration,
      mult,
      reservedOnly,
      shortNotice,
    });
    if (k === 0 && p.reservedShare > 0) out.push(wave(true));
    out.push(wave(false));
  });
  return out;
}

/**
 * The replay's timeline (issue 19): one slider over the day's two parts, the offers (τ from the
 * first wave to 0, hours before the blocks start) and the operating day (clock hours from an
 * hour before the first block to the last route's end). The offers take OFFER_SHARE of the
 * slider; playing runs the whole slider in DAY_SECONDS at 1×.
 */
import { T_, type ReplayDay } from '../../model/replay';
import { dayEnd } from '../../model/replay-counters';

export const SLIDER_STEPS = 1000;
export const OFFER_SHARE = 0.4;
/** Seconds to play the whole day at speed 1×. */
export const DAY_SECONDS = 60;
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

export interface Timeline {
  /** τ of the first wave (negative) and of the day's start and end (clock hours). */
  readonly offersFrom: number;
  readonly dayFrom: number;
  readonly dayTo: number;
}

/** The timeline covering both days of a pair (baseline and scenario share one slider). */
export function timelineOf(days: readonly ReplayDay[]): Timeline {
  let offersFrom = -1;
  let dayFrom = 24;
  let dayTo = 0;
  for (const day of days) {
    for (const t of day.waveTime) offersFrom = Math.min(offersFrom, t);
    dayFrom = Math.min(dayFrom, day.slotStart[0] - 1);
    dayTo = Math.max(dayTo, dayEnd(day), day.totals[T_.loadingEnd] + 1);
  }
  return { offersFrom: Math.floor(offersFrom), dayFrom, dayTo: Math.max(dayTo, dayFrom + 1) + 1 };
}

/** τ at slider position `pos` (0 to SLIDER_STEPS). */
export function tauAt(line: Timeline, pos: number): number {
  const f = Math.max(0, Math.min(1, pos / SLIDER_STEPS));
  if (f < OFFER_SHARE) return line.offersFrom + (f / OFFER_SHARE) * -line.offersFrom;
  return line.dayFrom + ((f - OFFER_SHARE) / (1 - OFFER_SHARE)) * (line.dayTo - line.dayFrom);
}

/** Slider position of τ. */
export function posOf(line: Timeline, tau: number): number {
  let f: number;
  if (tau < 0) f = ((tau - line.offersFrom) / -line.offersFrom) * OFFER_SHARE;
  else if (tau < line.dayFrom) f = OFFER_SHARE;
  else f = OFFER_SHARE + ((tau - line.dayFrom) / (line.dayTo - line.dayFrom)) * (1 - OFFER_SHARE);
  return Math.max(0, Math.min(SLIDER_STEPS, f * SLIDER_STEPS));
}

/** τ in words: "36 h 20 min before the blocks start" or "10:45". */
export function tauText(tau: number): string {
  if (tau < 0) {
    const m = Math.round(-tau * 60);
    const h = Math.floor(m / 60);
    return `${h} h ${String(m % 60).padStart(2, '0')} min before the blocks start`;
  }
  const m = Math.round(tau * 60);
  const h = Math.floor(m / 60);
  return `${String(h % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}${h >= 24 ? ' (next day)' : ''}`;
}

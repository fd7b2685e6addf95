/**
 * The short-run and long-run windows of a horizon, as weeks and in words, clipped to the
 * horizon. Pure: no DOM.
 */
import { LONG_RUN_WEEKS, SHORT_RUN_WEEKS } from '../../model/results';

/** A window of weeks, both ends included, 1-based. */
export interface WeekWindow {
  from: number;
  to: number;
}

/**
 * The short-run window (weeks 1–4) and the long-run window (last 8 weeks) of a horizon,
 * clipped to it; on a horizon shorter than a window the window is the whole horizon.
 */
export function runWindows(weeks: number): { short: WeekWindow; long: WeekWindow } {
  const last = Math.max(1, Math.floor(weeks));
  return {
    short: { from: 1, to: Math.min(SHORT_RUN_WEEKS, last) },
    long: { from: Math.max(1, last - LONG_RUN_WEEKS + 1), to: last },
  };
}

/**
 * The short and long run of a horizon in words: "weeks 1–4" and "the last 8 weeks", or on a
 * short horizon what they are then ("week 1", "weeks 1–5": the whole run).
 */
export function runWindowText(weeks: number): { short: string; long: string } {
  const { short, long } = runWindows(weeks);
  const span = (w: WeekWindow) => (w.from === w.to ? `week ${w.from}` : `weeks ${w.from}–${w.to}`);
  return {
    short: span(short),
    long: long.from > 1 ? `the last ${long.to - long.from + 1} weeks` : span(long),
  };
}

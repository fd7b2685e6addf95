/**
 * Which weeks of a run make up its summary periods (docs/MODEL.md, "Periods"): the short run
 * (weeks 1–4), the long run (the last 8 weeks that are neither a calendar peak week nor the
 * week right after one) and the peak (every calendar peak week in the run). A week may be in
 * no period (a week after a peak, a week between the short and the long run) and, on a short
 * horizon, in both the short and the long run.
 */
import { LONG_RUN_WEEKS, PERIOD_FLAG, POST_PEAK_WEEKS, SHORT_RUN_WEEKS } from './results';

/**
 * The calendar weeks (1..52) with a seasonal peak: Prime Day (28–29) and the December peak
 * (47–52). The engine's demand (src/sim/calendar.ts PEAK_WEEKS) raises exactly these; a test
 * (tests/sim/periods.test.ts) keeps the two lists equal. Kept here so the app can name a
 * scenario's periods before it has results.
 */
export const PEAK_CALENDAR_WEEKS: readonly number[] = [28, 29, 47, 48, 49, 50, 51, 52];

/** Whether calendar week `week` (1..52) is a peak week. */
export function isPeakWeek(week: number): boolean {
  return PEAK_CALENDAR_WEEKS.includes(week);
}

/** Each week's period flags (PERIOD_FLAG), for a run of `weeks` weeks starting in `startWeek`. */
export function runPeriods(startWeek: number, weeks: number): Uint8Array {
  const flags = new Uint8Array(weeks);
  // Calendar week of run week w (0-based; negative: the weeks before the run).
  const cal = (w: number): number => ((((startWeek - 1 + w) % 52) + 52) % 52) + 1;
  let sincePeak = Number.POSITIVE_INFINITY;
  // Weeks before the run count too: a run starting the week after a peak starts in recovery.
  for (let w = -POST_PEAK_WEEKS; w < 0; w++) {
    sincePeak = isPeakWeek(cal(w)) ? 0 : sincePeak + 1;
  }
  for (let w = 0; w < weeks; w++) {
    if (isPeakWeek(cal(w))) {
      flags[w] |= PERIOD_FLAG.peak;
      sincePeak = 0;
    } else {
      sincePeak++;
      if (sincePeak <= POST_PEAK_WEEKS) flags[w] |= PERIOD_FLAG.afterPeak;
    }
    if (w < SHORT_RUN_WEEKS) flags[w] |= PERIOD_FLAG.shortRun;
  }
  let taken = 0;
  for (let w = weeks - 1; w >= 0 && taken < LONG_RUN_WEEKS; w--) {
    if ((flags[w] & (PERIOD_FLAG.peak | PERIOD_FLAG.afterPeak)) !== 0) continue;
    flags[w] |= PERIOD_FLAG.longRun;
    taken++;
  }
  return flags;
}

/** 1 on each day of the long-run weeks of a run, else 0 (`weeks` × 7 long). */
export function longRunDays(startWeek: number, weeks: number): Uint8Array {
  const periods = runPeriods(startWeek, weeks);
  const days = new Uint8Array(weeks * 7);
  for (let w = 0; w < weeks; w++) {
    if ((periods[w] & PERIOD_FLAG.longRun) !== 0) days.fill(1, w * 7, w * 7 + 7);
  }
  return days;
}

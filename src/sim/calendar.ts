/**
 * Demand's calendar: the weekly profile and the seasonal peaks, as multipliers of mean volume.
 * Day 0 of a run is the Monday of the scenario's start week; the warm-up's days are negative
 * (day -7 is a Monday too).
 */

/** Monday to Sunday; mean 1. Parcel volume runs highest early in the week, lowest on Sunday. */
export const WEEKDAY_PROFILE = [1.12, 1.05, 1.0, 1.0, 1.02, 0.93, 0.88] as const;

/**
 * Extra volume by calendar week (1..52) at peak strength 1: Prime Day in mid-July,
 * Black Friday and Cyber Monday, the run-up to Christmas. Assumption, shaped on the usual
 * US parcel peak (30–60% above normal).
 */
const PEAK_WEEKS: ReadonlyMap<number, number> = new Map([
  [28, 0.25],
  [29, 0.1],
  [47, 0.35],
  [48, 0.45],
  [49, 0.45],
  [50, 0.55],
  [51, 0.4],
  [52, 0.1],
]);

/** Extra volume of calendar week `week` (1..52) at peak strength 1 (0 off peak). */
export function peakExtra(week: number): number {
  return PEAK_WEEKS.get(week) ?? 0;
}

/** Weekday (0 Monday .. 6 Sunday) of simulation day `day`, also for the warm-up's negative days. */
export function weekday(day: number): number {
  return ((day % 7) + 7) % 7;
}

/** Whether calendar week `week` (1..52) is one of the seasonal peaks of PEAK_WEEKS. */
export function isPeakWeek(week: number): boolean {
  return PEAK_WEEKS.has(week);
}

/** Calendar week (1..52) of simulation day `day` for a run starting in `startWeek`. */
export function calendarWeek(startWeek: number, day: number): number {
  return ((((startWeek - 1 + Math.floor(day / 7)) % 52) + 52) % 52) + 1;
}

/** Expected volume on `day` as a multiple of the mean: weekday × peak × trend. */
export function demandMultiplier(
  day: number,
  startWeek: number,
  peakIntensity: number,
  trendPerYear: number,
): number {
  const profile = WEEKDAY_PROFILE[weekday(day)];
  const peak = 1 + peakIntensity * (PEAK_WEEKS.get(calendarWeek(startWeek, day)) ?? 0);
  const trend = Math.pow(1 + trendPerYear, day / 365);
  return profile * peak * trend;
}

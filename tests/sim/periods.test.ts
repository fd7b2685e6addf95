/**
 * Which weeks make up the short run, the long run and the peak, for several start weeks and
 * horizons: runs with no peak, runs through Prime Day and the December peak, runs that are
 * all peak, and a run that starts the week after a peak.
 */
import { describe, expect, it } from 'vitest';
import { PERIOD_FLAG, periodWeeks, type Period } from '../../src/model/results';
import { PEAK_CALENDAR_WEEKS, longRunDays, runPeriods } from '../../src/model/periods';
import { isPeakWeek } from '../../src/sim/calendar';

const weeksOf = (startWeek: number, weeks: number, period: Period | 'afterPeak') =>
  periodWeeks(runPeriods(startWeek, weeks), period);
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => from + k);

describe('the peak weeks of the calendar', () => {
  it('are Prime Day (28–29) and the December peak (47–52), nothing else', () => {
    // The engine's demand calendar and the periods' list of peak weeks must agree.
    const peaks = range(1, 52).filter(isPeakWeek);
    expect(peaks).toEqual([28, 29, 47, 48, 49, 50, 51, 52]);
    expect(PEAK_CALENDAR_WEEKS).toEqual(peaks);
  });
});

describe('run periods', () => {
  it('the default run (week 10, 26 weeks) keeps Prime Day and the week after out of the long run', () => {
    // Run weeks 19–20 are calendar weeks 28–29; run week 21 (calendar 30) is the week after.
    expect(weeksOf(10, 26, 'shortRun')).toEqual([1, 2, 3, 4]);
    expect(weeksOf(10, 26, 'peak')).toEqual([19, 20]);
    expect(weeksOf(10, 26, 'afterPeak')).toEqual([21]);
    expect(weeksOf(10, 26, 'longRun')).toEqual([16, 17, 18, 22, 23, 24, 25, 26]);
  });

  it('a run with no peak has the last 8 weeks as its long run and no peak week', () => {
    expect(weeksOf(2, 26, 'peak')).toEqual([]);
    expect(weeksOf(2, 26, 'afterPeak')).toEqual([]);
    expect(weeksOf(2, 26, 'longRun')).toEqual(range(19, 26));
    expect(weeksOf(31, 16, 'peak')).toEqual([]);
    expect(weeksOf(31, 16, 'longRun')).toEqual(range(9, 16));
  });

  it('a run through the December peak (week 44, 26 weeks) measures the long run after it', () => {
    // Calendar 47–52 are run weeks 4–9; calendar week 1 (run week 10) is the week after.
    expect(weeksOf(44, 26, 'peak')).toEqual(range(4, 9));
    expect(weeksOf(44, 26, 'afterPeak')).toEqual([10]);
    expect(weeksOf(44, 26, 'longRun')).toEqual(range(19, 26));
    expect(weeksOf(44, 26, 'shortRun')).toEqual([1, 2, 3, 4]);
  });

  it('a run that is all peak has no long run, and its peak is every week', () => {
    expect(weeksOf(47, 6, 'peak')).toEqual(range(1, 6));
    expect(weeksOf(47, 6, 'longRun')).toEqual([]);
    expect(weeksOf(28, 2, 'longRun')).toEqual([]);
    expect(weeksOf(28, 2, 'peak')).toEqual([1, 2]);
  });

  it('a short run with few off-peak weeks takes what there is, even inside the short run', () => {
    // Week 26, 6 weeks: calendar 26–31; peaks 28–29, week after 30.
    expect(weeksOf(26, 6, 'longRun')).toEqual([1, 2, 6]);
    expect(weeksOf(26, 6, 'peak')).toEqual([3, 4]);
  });

  it('a run starting the week after a peak leaves its first week out of the long run', () => {
    expect(weeksOf(30, 10, 'afterPeak')).toEqual([1]);
    expect(weeksOf(1, 10, 'afterPeak')).toEqual([1]);
    expect(weeksOf(30, 10, 'longRun')).toEqual(range(3, 10));
  });

  it('a run longer than a year meets each peak again and wraps the calendar', () => {
    const peak = weeksOf(10, 104, 'peak');
    expect(peak).toEqual([19, 20, 38, 39, 40, 41, 42, 43, 71, 72, 90, 91, 92, 93, 94, 95]);
    expect(weeksOf(10, 104, 'longRun')).toEqual(range(97, 104));
  });

  it('flags are bits: a week can be short run and long run on a short horizon', () => {
    const flags = runPeriods(2, 6);
    expect(flags[0] & PERIOD_FLAG.shortRun).toBeTruthy();
    expect(flags[0] & PERIOD_FLAG.longRun).toBeTruthy();
  });

  it('the long-run days (late earnings) are exactly the long-run weeks', () => {
    const days = longRunDays(10, 26);
    const weeks = range(1, 26).filter((w) => days[(w - 1) * 7] === 1);
    expect(weeks).toEqual(weeksOf(10, 26, 'longRun'));
    for (let w = 0; w < 26; w++) {
      const week = Array.from(days.subarray(w * 7, w * 7 + 7));
      expect(new Set(week).size).toBe(1);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams } from '../../../src/model/scenario';
import {
  calendarText,
  hasWeeks,
  periodSpans,
  runWindowText,
  scenarioPeriods,
  spansText,
} from '../../../src/ui/shared/run-windows';

function periodsOf(startWeek: number, weeks: number) {
  const s = withParams({ ...defaultScenario(), weeks }, { startWeek });
  if (!s.ok) throw new Error(s.error);
  return scenarioPeriods(s.value);
}

describe('run periods in words', () => {
  it('names the default run’s periods: the long run around Prime Day, the peak on it', () => {
    const p = periodsOf(10, 26);
    expect(runWindowText(p)).toEqual({
      shortRun: 'weeks 1–4',
      longRun: 'weeks 16–18, 22–26',
      peak: 'weeks 19–20',
    });
    expect(calendarText(p, 'peak')).toBe('calendar weeks 28–29');
    expect(periodSpans(p, 'afterPeak')).toEqual([{ from: 21, to: 21 }]);
  });

  it('says plainly when a run has no peak, or no week outside the peaks', () => {
    const off = periodsOf(2, 26);
    expect(hasWeeks(off, 'peak')).toBe(false);
    expect(runWindowText(off).peak).toBe('no peak week in this run');
    expect(runWindowText(off).longRun).toBe('weeks 19–26');
    const all = periodsOf(47, 5);
    expect(runWindowText(all).longRun).toBe('no week outside the peaks in this run');
    expect(runWindowText(all).peak).toBe('weeks 1–5');
  });

  it('clips to a short horizon and reads one week as "week"', () => {
    expect(runWindowText(periodsOf(10, 3))).toEqual({
      shortRun: 'weeks 1–3',
      longRun: 'weeks 1–3',
      peak: 'no peak week in this run',
    });
    expect(spansText([{ from: 1, to: 1 }])).toBe('week 1');
    expect(spansText([])).toBe('');
  });
});

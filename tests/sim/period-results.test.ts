/**
 * The periods in results: the long run measured over its (possibly broken) weeks exactly as
 * over a range, the peak period's values and paired deltas, and a run without a peak saying
 * so with NaN (never a zero that reads as a value).
 */
import { describe, expect, it } from 'vitest';
import { METRIC_COUNT, METRIC_INDEX } from '../../src/model/metrics';
import { periodWeeks, type ReplicationResult } from '../../src/model/results';
import { defaultScenario, withParams, type Scenario } from '../../src/model/scenario';
import { runReplication } from '../../src/sim/engine';
import { compare, summarise } from '../../src/sim/stats';

function scenario(changes: Record<string, unknown>, weeks = 26): Scenario {
  const s = withParams({ ...defaultScenario(), weeks }, changes);
  if (!s.ok) throw new Error(s.error);
  return s.value;
}

const runs = (s: Scenario, n: number): ReplicationResult[] =>
  Array.from({ length: n }, (_, rep) => runReplication(s, rep));

/** A metric's plain mean of its weekly values: on-time packages per week over whole weeks. */
function meanOfWeeks(r: ReplicationResult, id: keyof typeof METRIC_INDEX, weeks: number[]) {
  const m = METRIC_INDEX[id];
  return weeks.reduce((a, w) => a + r.weekly[m * r.weeks + w - 1], 0) / weeks.length;
}

describe('period results', () => {
  const base = runs(scenario({}), 3);

  it('measures the long run and the peak over their own weeks (default run: Prime Day)', () => {
    const r = base[0];
    const long = periodWeeks(r.periods, 'longRun');
    const peak = periodWeeks(r.periods, 'peak');
    expect(long).toEqual([16, 17, 18, 22, 23, 24, 25, 26]);
    expect(peak).toEqual([19, 20]);
    expect(r.startWeek).toBe(10);
    const i = METRIC_INDEX.onTimePackagesPerWeek;
    expect(r.longRun[i]).toBeCloseTo(meanOfWeeks(r, 'onTimePackagesPerWeek', long), 6);
    expect(r.peak[i]).toBeCloseTo(meanOfWeeks(r, 'onTimePackagesPerWeek', peak), 6);
    // Prime Day brings more packages: more delivered on time per week than off the peak.
    expect(r.peak[i]).toBeGreaterThan(1.1 * r.longRun[i]);
    for (let m = 0; m < METRIC_COUNT; m++) expect(Number.isFinite(r.peak[m])).toBe(true);
  });

  it('gives the peak a mean, an interval and a paired delta', () => {
    const cut = runs(scenario({ payPerHour: 19.8 }), 3);
    const c = compare(base, cut);
    const i = METRIC_INDEX.driverNetHourly;
    expect(c.delta.peak.mean[i]).toBeLessThan(0);
    expect(c.delta.peak.low[i]).toBeLessThanOrEqual(c.delta.peak.mean[i]);
    expect(c.delta.peak.high[i]).toBeGreaterThanOrEqual(c.delta.peak.mean[i]);
    expect(c.delta.peak.mean[i]).toBeCloseTo(c.scenario.peak.mean[i] - c.baseline.peak.mean[i], 9);
    expect(periodWeeks(c.scenario.periods, 'peak')).toEqual([19, 20]);
  });

  it('a run without a peak has NaN peak values, no peak weeks, and the last 8 weeks as long run', () => {
    const off = runs(scenario({ startWeek: 2 }, 12), 2);
    const s = summarise(off);
    expect(periodWeeks(s.periods, 'peak')).toEqual([]);
    expect(periodWeeks(s.periods, 'longRun')).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    for (let m = 0; m < METRIC_COUNT; m++) {
      expect(off[0].peak[m]).toBeNaN();
      expect(s.peak.mean[m]).toBeNaN();
      expect(Number.isFinite(s.longRun.mean[m])).toBe(true);
    }
  });

  it('a run that is all peak has NaN long-run values and every week in the peak', () => {
    const r = runReplication(scenario({ startWeek: 47 }, 4), 0);
    expect(periodWeeks(r.periods, 'peak')).toEqual([1, 2, 3, 4]);
    expect(periodWeeks(r.periods, 'longRun')).toEqual([]);
    expect(r.longRun[METRIC_INDEX.onTimeRate]).toBeNaN();
    expect(r.peak).toEqual(r.whole);
  });
});

/**
 * The instability flag: a scenario whose backlog keeps growing (pay $16 with demand up 30%)
 * is flagged, the default station is not, and the measures behind the flag are the backlog's
 * growth from the short to the long run and its slope across the long-run weeks.
 */
import { describe, expect, it } from 'vitest';
import { METRIC_INDEX } from '../../src/model/metrics';
import { defaultScenario, pairedWith, withParams, type Scenario } from '../../src/model/scenario';
import { runReplication } from '../../src/sim/engine';
import { backlogTrend, stability } from '../../src/sim/stability';
import { summarise } from '../../src/sim/stats';

/** A change to the default station, from its warmed state: the change applies from week 1. */
function scenario(changes: Record<string, unknown>): Scenario {
  const base = { ...defaultScenario(), weeks: 26 };
  const s = withParams(base, changes);
  if (!s.ok) throw new Error(s.error);
  return pairedWith(base, s.value);
}
const runs = (s: Scenario) => Array.from({ length: 4 }, (_, rep) => runReplication(s, rep));

describe('the instability flag', () => {
  it('does not flag the default station: its backlog is flat', () => {
    const st = summarise(runs(scenario({}))).stability;
    expect(st.unstable).toBe(false);
    expect(st.growing).toBe(0);
    expect(Math.abs(st.growth.mean)).toBeLessThan(0.05);
    expect(Math.abs(st.slope.mean)).toBeLessThan(0.005);
  });

  it('flags pay $16 with demand up 30%: the backlog builds up over the run', () => {
    const results = runs(scenario({ payPerHour: 16, demandPerDay: 10400 }));
    const st = stability(results);
    expect(st.unstable).toBe(true);
    expect(st.growing).toBeGreaterThanOrEqual(3);
    expect(st.growth.mean).toBeGreaterThan(0.1);
    expect(st.growth.low).toBeGreaterThan(0);
    const i = METRIC_INDEX.backlogDays;
    const r = results[0];
    expect(backlogTrend(r).growth).toBeCloseTo(r.longRun[i] - r.shortRun[i], 12);
  });

  it('reads a growing slope in the long run even without growth from the short run', () => {
    const r = runReplication(scenario({}), 0);
    const i = METRIC_INDEX.backlogDays;
    const fake = { ...r, weekly: r.weekly.slice(), longRun: r.longRun.slice() };
    // A backlog rising by 0.05 days a week across the long-run weeks.
    for (let w = 1; w <= r.weeks; w++) fake.weekly[i * r.weeks + w - 1] = 0.05 * w;
    fake.longRun[i] = r.shortRun[i];
    expect(backlogTrend(fake).slope).toBeCloseTo(0.05, 9);
    expect(stability([fake, fake, r]).unstable).toBe(true);
    expect(stability([fake, r, r]).unstable).toBe(false);
  });
});

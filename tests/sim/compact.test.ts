/**
 * Dropping the drivers who left from the slots (src/sim/compact.ts) changes no result: every
 * kind of run gives the same numbers whether drivers are never dropped, dropped as usual, or
 * dropped every Monday; and the slots stay consistent (the active list, the drivers' numbers).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Experiment } from '../../src/model/experiment';
import { defaultScenario, pairedWith, withParams, type Scenario } from '../../src/model/scenario';
import { newDriverSurvival } from '../../src/sim/behaviour-checks';
import { dropPolicy } from '../../src/sim/compact';
import { ACTIVE } from '../../src/sim/drivers';
import { runReplication, simulate, WarmupCache } from '../../src/sim/engine';
import { replayWeek } from '../../src/sim/replay';

const usual = { ...dropPolicy };
afterEach(() => Object.assign(dropPolicy, usual));

/** Never, as usual, and every Monday whatever the count. */
const POLICIES = {
  never: { share: Infinity, min: Infinity },
  usual,
  always: { share: 0, min: 1 },
};

function scenario(changes: Record<string, unknown>, weeks = 26): Scenario {
  const r = withParams({ ...defaultScenario(), weeks }, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** What `run` gives under each policy, each with a warm-up cache of its own. */
function underEach<T>(run: (cache: WarmupCache) => T): Record<keyof typeof POLICIES, T> {
  const out = {} as Record<keyof typeof POLICIES, T>;
  for (const [name, policy] of Object.entries(POLICIES) as [
    keyof typeof POLICIES,
    typeof usual,
  ][]) {
    Object.assign(dropPolicy, policy);
    out[name] = run(new WarmupCache());
  }
  Object.assign(dropPolicy, usual);
  return out;
}

function expectSame<T>(r: Record<keyof typeof POLICIES, T>): void {
  expect(r.usual).toEqual(r.never);
  expect(r.always).toEqual(r.never);
}

describe('dropping the drivers who left', () => {
  it('changes no result of a run, a paired scenario, a change mid-run or a split experiment', () => {
    const station = defaultScenario();
    const cut = scenario({ payPerHour: 18 });
    const split: Experiment = {
      design: 'driver',
      share: 0.5,
      windowDays: 1,
      washoutDays: 0,
      assignmentSeed: 5,
      treatment: { payPerHour: 26 },
    };
    expectSame(
      underEach((cache) => [
        runReplication(station, 0, {}, cache),
        runReplication(station, 1, {}, cache),
        runReplication(pairedWith(station, cut), 0, {}, cache),
        runReplication(
          { ...station, change: { week: 5, params: { payPerHour: 17 } } },
          0,
          {},
          cache,
        ),
        runReplication({ ...station, experiment: split }, 0, {}, cache),
        runReplication(
          { ...station, experiment: { ...split, design: 'switchback', windowDays: 2 } },
          0,
          {},
          cache,
        ),
      ]),
    );
  });

  it('changes no result where the pool turns over fast (a pay cut, high churn)', () => {
    const churny = scenario({ payPerHour: 16, baseChurn: 0.05 }, 52);
    expectSame(underEach((cache) => runReplication(churny, 2, {}, cache)));
  });

  it('changes no replayed week, and a replay names drivers by number, not by slot', () => {
    const s = scenario({ payPerHour: 17 }, 20);
    const weeks = underEach((cache) => replayWeek(s, 0, 20, {}, cache));
    expectSame(weeks);
    const state = simulate({ ...s, weeks: 20 }, 0, {}, new WarmupCache());
    // Late in a run most drivers' numbers are past the slots in use.
    const numbers = weeks.usual.days.flatMap((d) => Array.from(d.driver));
    expect(Math.max(...numbers)).toBeGreaterThan(state.dr.count);
    expect(Math.max(...numbers)).toBeLessThan(state.dr.created);
  });

  it('changes no survival figure (the dropped drivers still count)', () => {
    const s = scenario({}, 26);
    const r = underEach(() => newDriverSurvival(s, 90, 1, 26));
    expect(r.never).toBeGreaterThan(0);
    expectSame(r);
  });

  it('keeps the slots consistent: numbers in order, the active list on active drivers', () => {
    Object.assign(dropPolicy, POLICIES.always);
    const s = simulate(scenario({ payPerHour: 18 }, 52), 0, {}, new WarmupCache());
    const { dr } = s;
    expect(dr.count).toBeLessThan(0.6 * dr.created);
    for (let i = 1; i < dr.count; i++) expect(dr.key[i]).toBeGreaterThan(dr.key[i - 1]);
    for (let k = 0; k < s.activeCount; k++) {
      const i = s.activeList[k];
      expect(dr.state[i]).toBe(ACTIVE);
      if (k > 0) expect(i).toBeGreaterThan(s.activeList[k - 1]);
    }
    expect(s.ledger.agents).toBe(dr.created);
    const byState = s.ledger.byState.reduce((a, b) => a + b, 0);
    expect(byState).toBe(dr.created);
  });
});

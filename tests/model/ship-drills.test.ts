/**
 * Ship-or-not drills against the engine: on the runs a drill's code gives (the fixed practice
 * settings, seed 1 as when a drill is picked from the list), the strong candidate's criteria
 * give different calls in the short and the long run in at least a third of the drills; and a
 * candidate is graded against the criteria they stated.
 */
import { describe, expect, it } from 'vitest';
import { difficultyOf, promptRun } from '../../src/model/prompts';
import { defaultScenario, pairedWith } from '../../src/model/scenario';
import { truthsOf, type Truth } from '../../src/model/scoring';
import { METRICS } from '../../src/model/metrics';
import { SHIP_DRILLS, gradeShip, shipCalls, type ShipDrill } from '../../src/model/ship-drills';
import { runReplication } from '../../src/sim/engine';
import { compare } from '../../src/sim/stats';

function truths(d: ShipDrill, seed: number): Truth[] {
  const pair = promptRun(d, defaultScenario(), seed);
  if (!pair.ok) throw new Error(pair.error);
  const { baseline } = pair.value;
  const scenario = pairedWith(baseline, pair.value.scenario);
  const reps = baseline.replications;
  const b = Array.from({ length: reps }, (_, k) => runReplication(baseline, k));
  const s = Array.from({ length: reps }, (_, k) => runReplication(scenario, k));
  return truthsOf(
    compare(b, s),
    METRICS.map((m) => m.id),
  );
}

const measured = new Map(SHIP_DRILLS.map((d) => [d.id, truths(d, 1)]));

describe('ship-or-not drills', () => {
  it('disagree between the short and the long run in at least a third of the drills', () => {
    const calls = SHIP_DRILLS.map((d) => ({
      id: d.id,
      ...shipCalls(measured.get(d.id)!, d.criteria),
    }));
    const disagree = calls.filter((c) => c.disagree).length;
    expect(disagree / calls.length, JSON.stringify(calls)).toBeGreaterThanOrEqual(1 / 3);
    // And not all of them: a drill where both agree teaches that the run length is not always the catch.
    expect(disagree).toBeLessThan(calls.length);
  });

  it('grades the call against the criteria the candidate stated, at their horizon', () => {
    const d = SHIP_DRILLS.find((x) => x.id === 'ship-pay-cut')!;
    const t = measured.get(d.id)!;
    const model = shipCalls(t, d.criteria);
    for (const horizon of ['short', 'long'] as const) {
      const right = gradeShip(d, t, {
        criteria: d.criteria,
        horizon,
        call: model[horizon],
        reason: 'because',
      });
      expect(right.right).toBe(true);
      expect(right.score).toBe(1);
      const wrongCall = model[horizon] === 'ship' ? 'dont' : 'ship';
      const wrong = gradeShip(d, t, { criteria: d.criteria, horizon, call: wrongCall, reason: '' });
      expect(wrong.right).toBe(false);
      expect(wrong.score).toBe(0);
    }
    // Other criteria, other truth: judged on cost alone, the pay cut ships in both runs.
    const costOnly = { goal: 'costPerPackage' as const, guardrails: [] };
    expect(
      gradeShip(d, t, { criteria: costOnly, horizon: 'long', call: 'ship', reason: 'x' }).right,
    ).toBe(true);
  });

  it('labels each drill by its answer key', () => {
    for (const d of SHIP_DRILLS) expect(d.difficulty, d.id).toBe(difficultyOf(d.key));
  });
});

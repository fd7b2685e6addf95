/**
 * Every guardrail can fire: for each, a valid scenario with the mechanism that breaches it,
 * and the default station, which breaches none (docs/MODEL.md §7). A guardrail that no valid
 * scenario can breach would reassure a product manager about nothing.
 */
import { describe, expect, it } from 'vitest';
import { guardrailBreach } from '../../src/model/guardrails';
import { GUARDRAIL_IDS, METRIC_BY_ID, METRIC_INDEX, type MetricId } from '../../src/model/metrics';
import { defaultScenario, pairedWith, withParams, type Scenario } from '../../src/model/scenario';
import { runReplication } from '../../src/sim/engine';

/** A change from the default station, paired with it: warmed up under the defaults. */
function scenario(changes: Record<string, unknown>): Scenario {
  const r = withParams({ ...defaultScenario(), weeks: 26 }, changes);
  if (!r.ok) throw new Error(r.error);
  return pairedWith({ ...defaultScenario(), weeks: 26 }, r.value);
}

/** For each guardrail, a scenario whose mechanism breaches it in the long run. */
const BREACHING: Record<string, Record<string, unknown>> = {
  // A deep pay cut below many drivers' asking wages, with drivers quick to leave over the gap
  // and over days without a block: measured 3.6% a week in the long run (3.0% with
  // frustrationChurn 0.3; 2.3% from the wage gap alone, since drivers now take blocks below
  // their asking wage and surge and back-to-back blocks soften a cut). Raising the outside
  // wage no longer does: the drivers at work in week 1 were drawn in the warm-up, under the
  // baseline's market, and keep their asking wages.
  weeklyChurnRate: { payPerHour: 16, wageGapChurn: 5, frustrationChurn: 0.6 },
  // Pay well above the market: every package costs more.
  costPerPackage: { payPerHour: 32 },
  // Too few drivers for the packages: late packages wait overnight.
  backlogDays: { payPerHour: 14 },
  // A floor above what blocks net after vehicle cost and unpaid time.
  belowFloorHoursShare: { wageFloor: 20 },
  // Newcomers half as fast as the pace routes are planned at, and long unpaid overruns allowed
  // (measured 0.37 h a driver a week against the 0.25 threshold).
  unpaidOverrunHoursPerDriver: { learningGain: 1, maxOverrunHours: 2 },
  // A station that loads few drivers at once: the queue eats into the block, so the route left
  // must be driven faster than the safe pace (measured 40% of routes).
  unsafePaceShare: { loadingPerHalfHour: 8 },
};

describe('the guardrails', () => {
  it('have a breaching scenario each', () => {
    expect(Object.keys(BREACHING).sort()).toEqual([...GUARDRAIL_IDS].sort());
  });

  const calm = runReplication(scenario({}), 0);
  for (const id of GUARDRAIL_IDS) {
    it(`${id} fires where its mechanism bites, and not at the default station`, () => {
      const metric = METRIC_BY_ID.get(id)!;
      const k = METRIC_INDEX[id as MetricId];
      const r = runReplication(scenario(BREACHING[id]!), 0);
      expect(guardrailBreach(metric, r.longRun[k]!), `${id} = ${r.longRun[k]}`).toBe(true);
      expect(guardrailBreach(metric, calm.longRun[k]!), `${id} = ${calm.longRun[k]}`).toBe(false);
    });
  }
});

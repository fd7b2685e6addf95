/**
 * Every lever does something (issue 12): for each policy lever of the parameter table, a
 * documented scenario in which moving it changes some metric beyond its 95% interval (paired
 * replications). A lever added to the table without a row here fails the first test, so no
 * lever can sit in the app doing nothing.
 */
import { describe, expect, it } from 'vitest';
import { METRIC_INDEX, type MetricId } from '../../src/model/metrics';
import { PARAMS } from '../../src/model/params';
import { defaultScenario, pairedWith, withParams, type Scenario } from '../../src/model/scenario';
import { runReplication } from '../../src/sim/engine';
import { compare } from '../../src/sim/stats';

interface LeverCase {
  /** What the case shows, in a sentence (docs/MODEL.md cites these). */
  readonly why: string;
  /** Settings of both runs (the documented scenario). */
  readonly setup?: Record<string, number | boolean>;
  /** The lever's move, on the scenario run only. */
  readonly move: Record<string, number | boolean>;
  readonly metric: MetricId;
  readonly period: 'shortRun' | 'longRun' | 'whole';
  readonly weeks?: number;
}

const CASES: Record<string, LeverCase> = {
  payPerHour: {
    why: 'Pay $22 → $20: fewer drivers take blocks, fewer fill.',
    move: { payPerHour: 20 },
    metric: 'fillRate',
    period: 'whole',
  },
  blockHours: {
    why: 'Blocks of 5 h instead of 3.5 h: station overhead per package falls.',
    move: { blockHours: 5 },
    metric: 'costPerPackage',
    period: 'whole',
  },
  surgeEnabled: {
    why: 'Surge off: no surge spend.',
    move: { surgeEnabled: false },
    metric: 'surgeSpendShare',
    period: 'whole',
  },
  surgeStep: {
    why: 'At pay $19 (blocks left for re-offers), surge steps of 5% instead of 10%: less surge spend.',
    setup: { payPerHour: 19 },
    move: { surgeStep: 0.05 },
    metric: 'surgeSpendShare',
    period: 'whole',
  },
  surgeCap: {
    why: 'At pay $19, a surge cap of 1.3× instead of 1.5×: less surge spend.',
    setup: { payPerHour: 19 },
    move: { surgeCap: 1.3 },
    metric: 'surgeSpendShare',
    period: 'whole',
  },
  releaseLeadDays: {
    why: 'Blocks released the same day instead of 2 days ahead: fewer drivers can still take them.',
    move: { releaseLeadDays: 0 },
    metric: 'fillRate',
    period: 'whole',
  },
  capacityBuffer: {
    why: 'A 20% buffer instead of 5%: more paid hours sit idle.',
    move: { capacityBuffer: 0.2 },
    metric: 'idlePaidHoursShare',
    period: 'whole',
  },
  reservedShare: {
    why: 'Reserved share 0.8 instead of none: blocks go a day early to committed drivers, who no-show less, so fewer packages go to the fallback carrier.',
    setup: { reservedShare: 0 },
    move: { reservedShare: 0.8 },
    metric: 'fallbackShare',
    period: 'whole',
  },
  poolCap: {
    why: 'A pool cap of 500 drivers (the pool is 800): fewer active drivers.',
    move: { poolCap: 500 },
    metric: 'activeDrivers',
    period: 'longRun',
  },
  tipsPerHour: {
    why: 'Tips of $3 an hour: drivers net more.',
    move: { tipsPerHour: 3 },
    metric: 'driverNetHourly',
    period: 'whole',
  },
  peakPayPremium: {
    why: 'Through Prime Day (start week 26, 6 weeks), peak pay of 30% instead of 10%: more surge-free pay per hour in peak weeks, drivers net more.',
    setup: { startWeek: 26 },
    move: { peakPayPremium: 0.3 },
    metric: 'driverNetHourly',
    period: 'whole',
    weeks: 6,
  },
  peakHiringBoost: {
    why: 'Before the December peak (start week 40, 10 weeks), no recruitment ramp instead of the default: fewer sign-ups.',
    setup: { startWeek: 40 },
    move: { peakHiringBoost: 0 },
    metric: 'applicantsWeekly',
    period: 'whole',
    weeks: 10,
  },
  wageFloor: {
    why: 'A wage floor of $20 instead of $15: more hours count as below it.',
    move: { wageFloor: 20 },
    metric: 'belowFloorHoursShare',
    period: 'whole',
  },
};

const REPS = 8;

function scenario(params: Record<string, number | boolean>, weeks: number): Scenario {
  const r = withParams({ ...defaultScenario(), weeks, replications: REPS }, params);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('every lever', () => {
  const levers = PARAMS.filter((p) => p.group === 'policy').map((p) => p.id);

  it('has a documented scenario in which it moves a metric', () => {
    expect(levers.filter((id) => !(id in CASES))).toEqual([]);
  });

  for (const id of levers) {
    const c = CASES[id];
    if (!c) continue;
    it(`${id}: ${c.why}`, { timeout: 60_000 }, () => {
      const weeks = c.weeks ?? 16;
      const base = scenario(c.setup ?? {}, weeks);
      // The moved scenario warms up as its baseline did: the lever applies from week 1.
      const moved = pairedWith(base, scenario({ ...c.setup, ...c.move }, weeks));
      const run = (s: Scenario) => Array.from({ length: REPS }, (_, k) => runReplication(s, k));
      const d = compare(run(base), run(moved)).delta[c.period];
      const i = METRIC_INDEX[c.metric];
      const beyond = d.low[i] > 0 || d.high[i] < 0;
      expect(beyond, `${c.metric} ${c.period}: ${d.mean[i]} [${d.low[i]}, ${d.high[i]}]`).toBe(
        true,
      );
    });
  }
});

import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { METRICS, METRIC_INDEX, type MetricId } from '../../src/model/metrics';
import { POOL_SERIES, type ReplicationResult } from '../../src/model/results';
import { defaultScenario, pairedWith, withParams, type Scenario } from '../../src/model/scenario';
import { CancelledError, runReplication } from '../../src/sim/engine';
import {
  ACCEPT_SHARE,
  DAILY_WANT,
  INITIAL_RES_Z,
  LOOK_ELASTICITY,
  LOOK_MAX,
} from '../../src/sim/constants';
import { compare } from '../../src/sim/stats';
import { randomScenario } from './random-scenario';

function scenario(changes: Record<string, unknown>, settings: Partial<Scenario> = {}): Scenario {
  const r = withParams({ ...defaultScenario(), ...settings }, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function runs(s: Scenario, reps: number, first = 0): ReplicationResult[] {
  return Array.from({ length: reps }, (_, k) => runReplication(s, first + k));
}

const m = (id: MetricId): number => METRIC_INDEX[id];

describe('the engine', () => {
  // Every run includes its 26-week warm-up: a loaded machine needs more than the default 5 s.
  it(
    'conserves packages, money and drivers on many random valid scenarios',
    { timeout: 60_000 },
    () => {
      const rng = seedrandom('conservation');
      for (let k = 0; k < 40; k++) {
        const s = randomScenario(rng);
        const r = runReplication(s, k);
        const L = r.ledger;
        const where = JSON.stringify(s.params).slice(0, 300);
        // every package of demand (and of the warmed backlog at week 1) ends in exactly one bucket
        expect(L.deliveredOnTime + L.deliveredLate + L.fallback + L.outstanding, where).toBe(
          L.openingBacklog + L.demand,
        );
        // every dollar the drivers were paid is a dollar on the operator's books
        expect(L.driverEarnings, where).toBeCloseTo(L.operatorDriverPay, 6);
        // every driver is in exactly one state, and the active count follows the flows
        expect(
          L.byState.reduce((a, b) => a + b, 0),
          where,
        ).toBe(L.agents);
        const w = r.weeks;
        const flow = (series: number) =>
          Array.from(r.pool.subarray(series * w, series * w + w)).reduce((a, b) => a + b, 0);
        const active = r.pool[w - 1]!;
        expect(active, where).toBe(L.byState[2]);
        expect(
          L.openingActive + flow(POOL_SERIES.indexOf('joined')) - flow(2) - flow(3),
          where,
        ).toBe(active);
        for (const v of r.whole) expect(Number.isFinite(v), where).toBe(true);
      }
    },
  );

  it('gives bit-identical results for the same scenario and seed, and different ones for another seed', () => {
    const s = scenario({}, { weeks: 8 });
    const a = runReplication(s, 3);
    const b = runReplication(structuredClone(s), 3);
    expect(Array.from(b.weekly)).toEqual(Array.from(a.weekly));
    expect(b.ledger).toEqual(a.ledger);
    const c = runReplication({ ...s, seed: 2 }, 3);
    expect(Array.from(c.weekly)).not.toEqual(Array.from(a.weekly));
  });

  it('stops with CancelledError when asked to', () => {
    let asked = 0;
    expect(() => runReplication(defaultScenario(), 0, { shouldStop: () => ++asked > 2 })).toThrow(
      CancelledError,
    );
    expect(asked).toBe(3);
  });

  it('makes paired differences at least 4 times more precise than unpaired ones (common random numbers)', () => {
    const reps = 12;
    const base = scenario({}, { weeks: 12 });
    const up = scenario({ payPerHour: 23 }, { weeks: 12 });
    const b = runs(base, reps);
    const s = runs(pairedWith(base, up), reps);
    const other = runs(base, reps, 1000); // baseline on different seeds
    const sd = (xs: number[]) => {
      const mean = xs.reduce((x, y) => x + y, 0) / xs.length;
      return Math.sqrt(xs.reduce((acc, x) => acc + (x - mean) ** 2, 0) / (xs.length - 1));
    };
    const gain = (id: MetricId) =>
      sd(s.map((r, k) => r.whole[m(id)]! - other[k]!.whole[m(id)]!)) /
      sd(s.map((r, k) => r.whole[m(id)]! - b[k]!.whole[m(id)]!));
    // The headline metrics: measured gains 26, 9.5, 19 and 11 (seed 1, 12 weeks) before
    // issue 12's driver behaviour; since, on time 3.2: with supply at the margin (fill about
    // 98%), who claims which block decides more of the on-time rate, and those choices decouple
    // between runs. The reality check's target is a gain of at least 3 (issue 12).
    for (const id of ['onTimePackagesPerWeek', 'driverNetHourly', 'costPerPackage'] as const) {
      expect(gain(id), id).toBeGreaterThanOrEqual(4);
    }
    expect(gain('onTimeRate'), 'onTimeRate').toBeGreaterThanOrEqual(3);
    // The pool's size couples less (2.9 measured): pay moves who joins and who leaves, and
    // the pools of the two runs drift apart over the weeks. Still clearly better than unpaired.
    expect(gain('activeDrivers')).toBeGreaterThanOrEqual(2);
  });
});

/**
 * The directions levers take at the defaults that the reality check
 * (tests/sim/reality-check.test.ts, src/model/reality-facts.ts) does not hold: it holds the
 * fill rate's response to pay, block length and surge, the idle hours a buffer adds and the
 * fade of a raise's hourly gain. Each expectation here is held by its mean (on the expected
 * side, the pay rise adding more than 10 drivers) or by its whole 95% interval.
 */
describe('lever directions at the defaults (8 paired replications)', () => {
  const reps = 8;
  const base = runs(defaultScenario(), reps);
  // The changed scenario warms up as its baseline (the defaults) did: a lever applies from week 1.
  const delta = (changes: Record<string, unknown>) =>
    compare(base, runs(pairedWith(defaultScenario(), scenario(changes)), reps)).delta;

  it('pay up 10%: on time and net hourly rise at once; later more drivers share the blocks, each working fewer hours than at first', () => {
    const d = delta({ payPerHour: 24.2 });
    // From the warmed steady state the default station fills about all its blocks, so a pay rise
    // has next to nothing to add to on time in weeks 1-4: held to "not worse by 0.1 point".
    expect(d.shortRun.mean[m('onTimeRate')]).toBeGreaterThan(-0.001);
    expect(d.shortRun.mean[m('driverNetHourly')]).toBeGreaterThan(0);
    expect(d.longRun.mean[m('activeDrivers')]).toBeGreaterThan(10);
    const hours = m('hoursPerActiveDriver');
    expect(d.longRun.mean[hours]).toBeLessThan(0);
    expect(d.longRun.mean[hours]).toBeLessThan(d.shortRun.mean[hours]!);
  });

  it('longer blocks (+1.5 h) cut station overhead: the cost per package falls', () => {
    expect(delta({ blockHours: 5 }).whole.mean[m('costPerPackage')]).toBeLessThan(0);
  });

  it('surge off: the surge spend falls to nothing (its whole interval below zero)', () => {
    expect(delta({ surgeEnabled: false }).whole.high[m('surgeSpendShare')]).toBeLessThan(0);
  });

  it('a buffer 10 points larger buys on-time delivery (its whole interval above zero)', () => {
    expect(delta({ capacityBuffer: 0.15 }).whole.low[m('onTimeRate')]).toBeGreaterThan(0);
  });

  it('sits near a steady state: pool within ±15%, fill about 95% or better, on time about 97%, drivers netting $17–21', () => {
    const first = base[0]!;
    for (const r of base) {
      const start = r.pool[0]!;
      const end = r.pool[r.weeks - 1]!;
      expect(Math.abs(end / start - 1)).toBeLessThan(0.15);
      expect(r.whole[m('fillRate')]).toBeGreaterThan(0.93);
      expect(r.whole[m('onTimeRate')]).toBeGreaterThan(0.95);
      expect(r.whole[m('driverNetHourly')]).toBeGreaterThan(17);
      expect(r.whole[m('driverNetHourly')]).toBeLessThan(21);
    }
    expect(first.weeks).toBe(26);
  });
});

describe('an analytic check of claiming', () => {
  it(
    'with a fixed pool and no noise, the fill rate scales with the share of reservation wages under the offered net pay',
    { timeout: 60_000 },
    () => {
      // Fixed pool (no entry, churn or no-shows), no wage noise, surge and reservation off,
      // more blocks than drivers can take, and 60 hours wanted so no claimer's week fills: each
      // driver who looks and finds blocks that fit claims them exactly when ACCEPT_SHARE times
      // their reservation wage is below the offered net pay. With no loading time every block
      // length nets the same, so how many blocks a claimer takes does not depend on their wage.
      const fixed = {
        initialDrivers: 2700,
        applicantsPerWeek: 0,
        baseChurn: 0,
        wageGapChurn: 0,
        frustrationChurn: 0,
        overrunChurn: 0,
        noShowRate: 0,
        wageNoise: 0,
        surgeEnabled: false,
        reservedShare: 0,
        blockHours: 2,
        hoursWanted: 60,
        demandPerDay: 200000,
        capacityBuffer: 0.5,
        forecastError: 0,
        // The station loads every driver without a queue and the fallback carrier takes what no
        // driver can, so no backlog builds up and both runs plan the same blocks from the same
        // forecast: fill then differs only by who claims.
        loadingPerHalfHour: 1000,
        loadMinutes: 0,
        fallbackCapacity: 1,
      };
      const everyone = runReplication(scenario({ ...fixed, outsideWage: 5 }, { weeks: 1 }), 0);
      const ow = 19.5;
      const some = runReplication(scenario({ ...fixed, outsideWage: ow }, { weeks: 1 }), 0);
      // With no loading time every block length nets $22 pay − $0.30/mile × 15 mph. The initial
      // pool's wages are lognormal(ln ow, 0.3) below z = INITIAL_RES_Z; a driver claims when
      // ACCEPT_SHARE × wage is at most the net, and looks with probability
      // min(LOOK_MAX, DAILY_WANT × (net / wage) ^ LOOK_ELASTICITY) (src/sim/supply.ts); with
      // outside wage $5 everyone looks at LOOK_MAX and claims.
      const net = 22 - 0.3 * 15;
      let num = 0;
      let den = 0;
      for (let z = -8; z <= INITIAL_RES_Z; z += 0.001) {
        const w = ow * Math.exp(0.3 * z);
        const pdf = Math.exp((-z * z) / 2);
        const look = Math.min(LOOK_MAX, DAILY_WANT * Math.pow(net / w, LOOK_ELASTICITY));
        den += pdf;
        if (ACCEPT_SHARE * w <= net) num += (pdf * look) / LOOK_MAX;
      }
      const share = num / den;
      const ratio = some.whole[m('fillRate')]! / everyone.whole[m('fillRate')]!;
      expect(share).toBeGreaterThan(0.5);
      expect(share).toBeLessThan(0.9);
      // Blocks must outnumber claimers, or the ratio would measure scarcity instead.
      expect(everyone.whole[m('fillRate')]!).toBeLessThan(0.9);
      // The pool is one draw of 2,700 wages, so the sampling error of the share is about
      // sqrt(0.64 × 0.36 / 2700) ≈ 0.009: allow under two of them.
      expect(Math.abs(ratio - share)).toBeLessThan(0.015);
    },
  );
});

describe('the default scenario snapshot', () => {
  it('keeps its rounded metrics (a model change shows up here in review)', () => {
    const r = runReplication(scenario({}, { weeks: 12 }), 0);
    const rounded: Record<string, { short: number; long: number }> = {};
    for (const def of METRICS) {
      const k = METRIC_INDEX[def.id];
      const round = (v: number) => Number(v.toFixed(Math.min(def.digits, 3)));
      rounded[def.id] = { short: round(r.shortRun[k]!), long: round(r.longRun[k]!) };
    }
    expect(rounded).toMatchSnapshot();
  });
});

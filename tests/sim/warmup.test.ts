import { describe, expect, it } from 'vitest';
import { METRIC_INDEX, type MetricId } from '../../src/model/metrics';
import type { ReplicationResult } from '../../src/model/results';
import { defaultScenario, pairedWith, withParams, type Scenario } from '../../src/model/scenario';
import { ATTRIBUTE_DAY, WARMUP_WEEKS } from '../../src/sim/constants';
import { runDays } from '../../src/sim/day';
import { Drivers } from '../../src/sim/drivers';
import { WarmupCache, runReplication, warmupKey } from '../../src/sim/engine';
import { seedInitialPool } from '../../src/sim/entry';
import { FIELD_COUNT } from '../../src/sim/record';
import { SimState } from '../../src/sim/state';
import { compare } from '../../src/sim/stats';
import {
  CARRIED_FIELDS,
  RUN_ACCOUNTS,
  WARMUP_DAYS,
  snapshot,
  steadyParams,
  takeOver,
  warmUp,
} from '../../src/sim/warmup';

function scenario(changes: Record<string, unknown>, settings: Partial<Scenario> = {}): Scenario {
  const r = withParams({ ...defaultScenario(), ...settings }, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const m = (id: MetricId): number => METRIC_INDEX[id];

/** Mean over replications of a metric's weekly values in weeks [from, to) (0-based). */
function weeksMean(results: ReplicationResult[], id: MetricId, from: number, to: number): number {
  let sum = 0;
  for (const r of results) {
    for (let w = from; w < to; w++) sum += r.weekly[m(id) * r.weeks + w]!;
  }
  return sum / (results.length * (to - from));
}

function shape(s: SimState): string {
  return Object.entries(s)
    .map(([k, v]) => `${k}:${typeof v === 'object' ? (v?.constructor.name ?? 'null') : typeof v}`)
    .join(',');
}

describe('the warm-up', () => {
  it(
    'starts the default baseline in a steady state: weeks 1-4 read like weeks 13-26 (16 replications)',
    { timeout: 60_000 },
    () => {
      // Without calendar peaks: the default run reaches Prime Day in week 19, and the
      // recruitment ramp before it grows the pool from week 13 on, which is no drift.
      const s = scenario({ peakIntensity: 0 }, { weeks: 26 });
      const cache = new WarmupCache();
      const runs = Array.from({ length: 16 }, (_, r) => runReplication(s, r, {}, cache));
      // Without the warm-up (the seeded pool at week 1): churn 0.6% in week 1 rising to 2.2%
      // by week 16. Measured with it: churn 2.17% vs 2.13%, 834.6 vs 834.8 active drivers,
      // backlog 0.038 vs 0.038 days of demand.
      const churnEarly = weeksMean(runs, 'weeklyChurnRate', 0, 4);
      const churnLate = weeksMean(runs, 'weeklyChurnRate', 12, 26);
      expect(churnLate).toBeGreaterThan(0.01);
      expect(Math.abs(churnEarly - churnLate)).toBeLessThan(0.003);
      const activeEarly = weeksMean(runs, 'activeDrivers', 0, 4);
      const activeLate = weeksMean(runs, 'activeDrivers', 12, 26);
      expect(Math.abs(activeEarly / activeLate - 1)).toBeLessThan(0.015);
      const backlogEarly = weeksMean(runs, 'backlogDays', 0, 4);
      const backlogLate = weeksMean(runs, 'backlogDays', 12, 26);
      expect(Math.abs(backlogEarly - backlogLate)).toBeLessThan(0.01);
      // The ledger opens with the warmed pool, not the seeded one.
      for (const r of runs)
        expect(Math.abs(r.ledger.openingActive / r.pool[0]! - 1)).toBeLessThan(0.03);
    },
  );

  it('is shared by a baseline and its scenario: a lever change reruns no warm-up', () => {
    const cache = new WarmupCache();
    const base = scenario({}, { weeks: 4 });
    for (let r = 0; r < 3; r++) runReplication(base, r, {}, cache);
    expect(cache.stats).toEqual({ warmups: 3, hits: 0, evicted: 0 });
    for (const pay of [18, 24, 27]) {
      const paired = pairedWith(
        base,
        scenario({ payPerHour: pay, reservedShare: 0.4 }, { weeks: 4 }),
      );
      expect(warmupKey(paired, 1)).toBe(warmupKey(base, 1));
      for (let r = 0; r < 3; r++) runReplication(paired, r, {}, cache);
    }
    expect(cache.stats).toEqual({ warmups: 3, hits: 9, evicted: 0 });
    // Unpaired, the scenario warms up under its own levers: another warmed state.
    const alone = scenario({ payPerHour: 18 }, { weeks: 4 });
    expect(warmupKey(alone, 1)).not.toBe(warmupKey(base, 1));
  });

  it('gives a scenario whose levers equal the baseline exactly the baseline: zero deltas', () => {
    const base = scenario({}, { weeks: 6, replications: 3 });
    const same = pairedWith(base, scenario({ payPerHour: base.params.payPerHour }, { weeks: 6 }));
    expect(same.warmup).toBeUndefined();
    const b = [0, 1, 2].map((r) => runReplication(base, r));
    const s = [0, 1, 2].map((r) => runReplication(same, r, {}, new WarmupCache()));
    const c = compare(b, s);
    for (const v of c.delta.whole.mean) expect(v).toBe(0);
    for (const v of c.delta.weekly.mean) expect(v).toBe(0);
  });

  it('gives bit-identical results from a cached warmed state and a fresh one', () => {
    const s = pairedWith(scenario({}, { weeks: 5 }), scenario({ payPerHour: 25 }, { weeks: 5 }));
    const cache = new WarmupCache();
    const miss = runReplication(s, 2, {}, cache);
    const hit = runReplication(structuredClone(s), 2, {}, cache);
    const none = runReplication(s, 2, {}, new WarmupCache(0));
    expect(cache.stats.hits).toBe(1);
    for (const r of [hit, none]) {
      expect(Array.from(r.weekly)).toEqual(Array.from(miss.weekly));
      expect(Array.from(r.earnings)).toEqual(Array.from(miss.earnings));
      expect(r.ledger).toEqual(miss.ledger);
    }
  });

  it('keys the warmed state by seed, replication and the assumptions, not the calendar', () => {
    const base = defaultScenario();
    const key = warmupKey(base, 0);
    expect(warmupKey(base, 1)).not.toBe(key);
    expect(warmupKey({ ...base, seed: 2 }, 0)).not.toBe(key);
    for (const [id, value] of [
      ['demandPerDay', 3000],
      ['outsideWage', 20],
      ['noShowRate', 0.05],
      ['initialDrivers', 700],
    ] as const) {
      expect(warmupKey(scenario({ [id]: value }), 0), id).not.toBe(key);
    }
    // No peaks nor trend in the warm-up: the calendar does not change it (nor the horizon).
    for (const [id, value] of [
      ['peakIntensity', 2],
      ['demandTrend', 0.1],
      ['startWeek', 44],
    ] as const) {
      expect(warmupKey(scenario({ [id]: value }), 0), id).toBe(key);
    }
    expect(warmupKey({ ...base, weeks: 8 }, 0)).toBe(key);
  });

  it('carries every array of the drivers and the listed fields, so a run continues the warm-up exactly', () => {
    // A warm-up continued straight on for 4 more weeks, against a run that takes it over: any
    // state not carried (a Drivers array, a SimState field missing from CARRIED_FIELDS) would
    // make the two records differ.
    const weeks = 4;
    const base = scenario({ peakIntensity: 0 }, { weeks });
    const steady = { ...base, params: steadyParams(base.params) };
    const long = new SimState({ ...steady, weeks: WARMUP_WEEKS + weeks }, 3, -WARMUP_DAYS);
    seedInitialPool(long);
    runDays(long, -WARMUP_DAYS, 0, {});
    const warm = snapshot(long);
    runDays(long, 0, weeks * 7, {});
    const run = new SimState(steady, 3);
    const reference = shape(run);
    takeOver(run, warm);
    expect(shape(run)).toBe(reference);
    runDays(run, 0, weeks * 7, {});
    for (let f = 0; f < FIELD_COUNT; f++) {
      const a = long.rec.subarray(
        f * long.days + WARMUP_DAYS,
        f * long.days + WARMUP_DAYS + run.days,
      );
      const b = run.rec.subarray(f * run.days, (f + 1) * run.days);
      expect(Array.from(b), `record field ${f}`).toEqual(Array.from(a));
    }
    const carried = new Set(warm.drivers.map(([k]) => k));
    for (const [key, value] of Object.entries(new Drivers(4))) {
      if (ArrayBuffer.isView(value)) expect(carried.has(key), `Drivers.${key}`).toBe(true);
    }
    for (const key of RUN_ACCOUNTS) expect(carried.has(key)).toBe(true);
    expect(warm.carried.map(([k]) => k)).toEqual([...CARRIED_FIELDS]);
  });

  it('uses days no attribute stream is keyed on, and opens the ledger with the warmed stock', () => {
    expect(ATTRIBUTE_DAY).toBeLessThan(-WARMUP_DAYS - 7);
    const s = scenario({}, { weeks: 2 });
    const r = runReplication(s, 0);
    const warm = warmUp(s, 0);
    const active = warm.carried.find(([k]) => k === 'activeCount')![1];
    expect(r.ledger.openingActive).toBe(active);
    expect(r.ledger.openingActive).toBeGreaterThan(700);
    expect(r.ledger.agents).toBeGreaterThan(warm.count - 1);
    expect(warm.bytes).toBeLessThan(400 * warm.count);
  });

  it('keeps its cache within its bytes, least recently used first out', () => {
    const s = scenario({}, { weeks: 1 });
    const one = warmUp(s, 0);
    const cache = new WarmupCache(Math.floor(one.bytes * 2.5));
    for (let r = 0; r < 3; r++) runReplication(s, r, {}, cache);
    expect(cache.size).toBe(2);
    expect(cache.stats.evicted).toBe(1);
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    runReplication(s, 2, {}, cache);
    runReplication(s, 0, {}, cache);
    expect(cache.stats).toEqual({ warmups: 4, hits: 1, evicted: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import type { CompareProgress } from '../../src/model/contract';
import type { ReplicationResult } from '../../src/model/results';
import { defaultScenario, pairedWith, withParams, type Scenario } from '../../src/model/scenario';
import { WorkerPool, isSuperseded } from '../../src/run/pool';
import { ResultCache, scenarioKey } from '../../src/run/result-cache';
import {
  SimulationPool,
  worthEstimating,
  type ReplicationJob,
  type SimulationPoolOptions,
} from '../../src/run/simulation-pool';
import { compare, summarise } from '../../src/sim/stats';
import { bits } from './bits';
import { fakeJob, fakeReplication } from './fake-engine';
import { FakeFleet, type FleetOptions } from './fake-workers';

function scenario(changes: Record<string, unknown> = {}, reps = 6, weeks = 5): Scenario {
  const s = withParams({ ...defaultScenario(), replications: reps, weeks }, changes);
  if (!s.ok) throw new Error(s.error);
  return s.value;
}

const BASE = scenario();
const HIGHER_PAY = scenario({ payPerHour: 26 });

function setup(
  size: number,
  fleetOptions: Partial<FleetOptions<ReplicationJob, ReplicationResult>> = {},
  options: SimulationPoolOptions = {},
) {
  const fleet = new FakeFleet<ReplicationJob, ReplicationResult>({
    compute: fakeJob,
    // Uneven lengths, so replications finish out of order.
    steps: (job) => 1 + ((job.replication * 5 + job.scenario.params.payPerHour) % 4),
    key: (job) => `${scenarioKey(job.scenario)}#${job.replication}`,
    ...fleetOptions,
  });
  const pool = new SimulationPool(new WorkerPool(fleet.factory, { size }), options);
  return { fleet, pool };
}

/** The scenario as a comparison with BASE runs it: warming up under BASE's parameters. */
const paired = (s: Scenario): Scenario => pairedWith(BASE, s);

function direct(s: Scenario): ReplicationResult[] {
  return Array.from({ length: s.replications }, (_, r) => fakeReplication(s, r));
}

describe('SimulationPool', () => {
  it.each([1, 2, 4])(
    'compares to the last bit as the statistics module does on the same results, with %i workers',
    async (size) => {
      const { pool } = setup(size);
      const got = await pool.compare(BASE, HIGHER_PAY);
      expect(bits(got)).toBe(bits(compare(direct(BASE), direct(paired(HIGHER_PAY)))));
      pool.close();
    },
  );

  it('runs baseline and scenario replication r next to each other, so pairs complete early', async () => {
    const { pool, fleet } = setup(2);
    await pool.compare(BASE, HIGHER_PAY);
    expect(fleet.order.map((j) => `${j.scenario === BASE ? 'b' : 's'}${j.replication}`)).toEqual([
      'b0',
      's0',
      'b1',
      's1',
      'b2',
      's2',
      'b3',
      's3',
      'b4',
      's4',
      'b5',
      's5',
    ]);
    pool.close();
  });

  it('streams a first estimate once two pairs are in, then refines it up to the final answer', async () => {
    const { pool } = setup(2);
    const reports: CompareProgress[] = [];
    const final = await pool.compare(BASE, HIGHER_PAY, { onProgress: (p) => reports.push(p) });
    const firstEstimate = reports.findIndex((p) => p.estimate);
    expect(reports[firstEstimate]!.replications).toBe(2);
    expect(reports.slice(0, firstEstimate).every((p) => p.replications < 2)).toBe(true);
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i]!.fraction).toBeGreaterThanOrEqual(reports[i - 1]!.fraction);
    }
    for (const p of reports) {
      expect(p.fraction).toBe(p.done / p.total);
      // Each estimate aggregates the pairs complete at that moment.
      if (p.estimate) expect(p.estimate.scenario.n).toBe(p.replications);
    }
    const last = reports[reports.length - 1]!;
    expect(last).toMatchObject({ done: 12, total: 12, fraction: 1, replications: 6 });
    expect(last.estimate).toBe(final);
    pool.close();
  });

  it('gives estimates equal to the comparison of the pairs complete so far', async () => {
    const { pool } = setup(1, { steps: () => 1 });
    const estimates: number[] = [];
    await pool.compare(BASE, HIGHER_PAY, {
      onProgress: (p) => {
        if (!p.estimate || p.replications === 6) return;
        // One worker, jobs in order: the complete pairs are the first ones.
        const k = p.replications;
        const expected = compare(direct(BASE).slice(0, k), direct(paired(HIGHER_PAY)).slice(0, k));
        expect(bits(p.estimate)).toBe(bits(expected));
        estimates.push(k);
      },
    });
    expect(estimates).toEqual([2, 3, 4, 5]);
    pool.close();
  });

  it('gives an estimate after the first pair when there is a single replication', async () => {
    const { pool } = setup(2);
    const reports: CompareProgress[] = [];
    // Valid scenarios have at least two replications; the pool still serves one.
    const one = (s: Scenario): Scenario => ({ ...s, replications: 1 });
    await pool.compare(one(scenario({}, 2)), one(scenario({ payPerHour: 20 }, 2)), {
      onProgress: (p) => reports.push(p),
    });
    expect(reports.filter((p) => p.estimate).map((p) => p.replications)).toEqual([1]);
    pool.close();
  });

  it('runs a scenario compared with itself once, with zero deltas', async () => {
    const { pool, fleet } = setup(2);
    const c = await pool.compare(BASE, scenario());
    expect(fleet.order).toHaveLength(6);
    expect([...c.delta.longRun.mean].every((d) => d === 0)).toBe(true);
    expect(bits(c.baseline)).toBe(bits(c.scenario));
    pool.close();
  });

  it('reuses the baseline replications when only the scenario changes', async () => {
    const { pool, fleet } = setup(2);
    await pool.compare(BASE, HIGHER_PAY);
    fleet.order.length = 0;
    const lower = scenario({ payPerHour: 19 });
    const reports: CompareProgress[] = [];
    const c = await pool.compare(BASE, lower, { onProgress: (p) => reports.push(p) });
    expect(fleet.order.every((j) => j.scenario.params === lower.params)).toBe(true);
    expect(fleet.order).toHaveLength(6);
    expect(reports[0]).toMatchObject({ done: 6, total: 12, fraction: 0.5 });
    expect(bits(c)).toBe(bits(compare(direct(BASE), direct(paired(lower)))));
    // Back to a scenario seen before: nothing to run at all.
    fleet.order.length = 0;
    expect(bits(await pool.compare(BASE, HIGHER_PAY))).toBe(
      bits(compare(direct(BASE), direct(paired(HIGHER_PAY)))),
    );
    expect(fleet.order).toHaveLength(0);
    pool.close();
  });

  it('runs the scenario warmed up under the baseline, and a scenario equal to it not at all', async () => {
    const { pool, fleet } = setup(2);
    await pool.compare(BASE, HIGHER_PAY);
    const sides = fleet.order.filter((j) => j.scenario !== BASE);
    expect(sides).toHaveLength(6);
    for (const j of sides) expect(j.scenario.warmup).toBe(BASE.params);
    fleet.order.length = 0;
    const same = await pool.compare(BASE, scenario({ payPerHour: BASE.params.payPerHour }));
    expect(fleet.order).toHaveLength(0);
    for (const v of same.delta.whole.mean) expect(v).toBe(0);
    pool.close();
  });

  it('runs everything again with caching off', async () => {
    const { pool, fleet } = setup(2, {}, { cacheScenarios: 0 });
    await pool.compare(BASE, HIGHER_PAY);
    await pool.compare(BASE, HIGHER_PAY);
    expect(fleet.order).toHaveLength(24);
    pool.close();
  });

  it('drops a superseded comparison, never reports on it again, and completes the newer', async () => {
    const { pool } = setup(2, { steps: () => 10 });
    let late = 0;
    let superseded = false;
    const older = pool.compare(BASE, HIGHER_PAY, {
      onProgress: () => {
        if (superseded) late++;
      },
    });
    const caught = older.catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 5));
    superseded = true;
    const lower = scenario({ payPerHour: 19 });
    const newer = await pool.compare(BASE, lower);
    expect(isSuperseded(await caught)).toBe(true);
    expect(late).toBe(0);
    expect(bits(newer)).toBe(bits(compare(direct(BASE), direct(paired(lower)))));
    pool.close();
  });

  it('stops a request when its signal aborts, and never a later request', async () => {
    const { pool } = setup(2, { steps: () => 10 });
    const first = new AbortController();
    const older = pool.compare(BASE, HIGHER_PAY, { signal: first.signal }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 5));
    first.abort();
    expect(isSuperseded(await older)).toBe(true);

    // An abort that comes after a newer request has started leaves the newer one alone.
    const second = new AbortController();
    const stale = pool
      .compare(BASE, HIGHER_PAY, { signal: second.signal })
      .catch((e: unknown) => e);
    const lower = scenario({ payPerHour: 19 });
    const newer = pool.compare(BASE, lower);
    second.abort();
    expect(isSuperseded(await stale)).toBe(true);
    expect(bits(await newer)).toBe(bits(compare(direct(BASE), direct(paired(lower)))));

    // An already aborted signal runs nothing.
    const done = new AbortController();
    done.abort();
    await expect(pool.compare(BASE, lower, { signal: done.signal })).rejects.toThrow();
    pool.close();
  });

  it('lets a single run supersede a comparison, and the other way round', async () => {
    const { pool } = setup(2);
    const a = pool.compare(BASE, HIGHER_PAY).catch((e: unknown) => e);
    const b = pool.run(HIGHER_PAY).catch((e: unknown) => e);
    const c = pool.compare(BASE, HIGHER_PAY);
    expect(isSuperseded(await a)).toBe(true);
    expect(isSuperseded(await b)).toBe(true);
    expect(bits(await c)).toBe(bits(compare(direct(BASE), direct(paired(HIGHER_PAY)))));
    pool.close();
  });

  it('summarises a single scenario as the statistics module does', async () => {
    const { pool } = setup(2);
    const got = await pool.run(HIGHER_PAY);
    expect(bits(got)).toBe(bits(summarise(direct(HIGHER_PAY))));
    pool.close();
  });

  it.each(['seed', 'weeks', 'replications'] as const)(
    'refuses to pair scenarios with a different %s, naming it',
    async (key) => {
      const { pool } = setup(1);
      const other = { ...HIGHER_PAY, [key]: HIGHER_PAY[key] + 1 };
      await expect(pool.compare(BASE, other)).rejects.toThrow(new RegExp(`share "${key}"`));
      pool.close();
    },
  );

  it('completes with the same numbers when a worker dies mid-batch', async () => {
    const { pool, fleet } = setup(2, {
      fault: (job, attempt) => (job.replication === 3 && attempt === 0 ? 'die' : undefined),
    });
    const got = await pool.compare(BASE, HIGHER_PAY);
    expect(pool.workers.stats.replaced).toBeGreaterThan(0);
    expect(fleet.alive).toHaveLength(2);
    expect(bits(got)).toBe(bits(compare(direct(BASE), direct(paired(HIGHER_PAY)))));
    pool.close();
  });
});

describe('worthEstimating', () => {
  it('estimates after every replication up to 16, then every eighth or so more', () => {
    const at: number[] = [];
    let last = 0;
    for (let k = 1; k <= 256; k++) {
      if (worthEstimating(k, last, 256)) {
        at.push(k);
        last = k;
      }
    }
    expect(at.slice(0, 16)).toEqual([...Array(16).keys()].map((i) => i + 1));
    expect(at[at.length - 1]).toBe(256);
    expect(at.length).toBeLessThan(60);
  });
});

describe('ResultCache', () => {
  it('keeps the most recently used scenarios, never those in use', () => {
    const cache = new ResultCache(3);
    const keys = ['a', 'b', 'c', 'd', 'e'];
    for (const k of keys) {
      const store = cache.store(k);
      cache.add(k, store, fakeReplication(BASE, 0), [k]);
    }
    expect(cache.scenarios).toBe(3);
    cache.store('a');
    cache.trim(['a']);
    expect(cache.scenarios).toBe(3);
  });

  it('keeps to its byte budget', () => {
    const one = fakeReplication(BASE, 0);
    const bytes =
      8 * (one.weekly.length + one.pool.length + one.earnings.length + 3 * one.whole.length);
    const cache = new ResultCache(100, bytes * 10);
    for (let i = 0; i < 50; i++) {
      const key = `k${i}`;
      const store = cache.store(key);
      for (let r = 0; r < 3; r++) cache.add(key, store, fakeReplication(BASE, r), [key]);
    }
    expect(cache.bytes).toBeLessThanOrEqual(bytes * 10);
  });

  it('gives the same key to equal scenarios whatever their key order', () => {
    const s = scenario({ payPerHour: 25 });
    const reordered = { ...s, params: Object.fromEntries(Object.entries(s.params).reverse()) };
    expect(scenarioKey(reordered as Scenario)).toBe(scenarioKey(s));
    expect(scenarioKey(scenario({ payPerHour: 24 }))).not.toBe(scenarioKey(s));
    // The same scenario warmed up under another baseline gives other results.
    expect(scenarioKey({ ...s, warmup: HIGHER_PAY.params })).not.toBe(scenarioKey(s));
  });
});

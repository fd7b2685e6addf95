/**
 * The explorer on the real engine: a sweep's points are the very comparisons single runs
 * give at the same values (to the last bit), in process and on the Node pool, and a sweep
 * cancelled on the pool leaves the pool ready for the next one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CompareRunner } from '../../src/model/contract';
import { defaultScenario, pairedWith, withParams, type Scenario } from '../../src/model/scenario';
import type { SweepAxis } from '../../src/model/sweep';
import { isAbortError, poolRunner } from '../../src/run/explorer-runner';
import { grid, sweep } from '../../src/run/sweep-grid';
import { createNodePool } from '../../src/run/node';
import { replicationNumbers } from '../../src/run/simulation-pool';
import { runReplication } from '../../src/sim/engine';
import { compare } from '../../src/sim/stats';
import { bits } from './bits';

function at(s: Scenario, changes: Record<string, unknown>): Scenario {
  const r = withParams(s, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** A small station: 4 weeks, 3 replications. */
const SMALL = at(
  { ...defaultScenario(), weeks: 4, replications: 3 },
  { initialDrivers: 150, demandPerDay: 1500 },
);
const PAY: SweepAxis = { id: 'payPerHour', from: 18, to: 26, steps: 3 };

const runs = (s: Scenario) => replicationNumbers(s).map((r) => runReplication(s, r));
const memo = new Map<string, ReturnType<typeof compare>>();
/** A single comparison, in process (each computed once per file). */
function single(b: Scenario, s: Scenario): ReturnType<typeof compare> {
  const key = JSON.stringify([b, s]);
  const known = memo.get(key);
  if (known) return known;
  const c = compare(runs(b), runs(pairedWith(b, s)));
  memo.set(key, c);
  return c;
}
const direct: CompareRunner = (b, s) => Promise.resolve(single(b, s));

describe('a sweep on the real engine', { timeout: 60_000 }, () => {
  const pool = createNodePool({ size: 2 });
  afterAll(() => pool.close());

  it('gives, at each value, the comparison a single run at that value gives', async () => {
    const r = await sweep(direct, SMALL, PAY);
    expect(r.values).toEqual([18, 22, 26]);
    r.values.forEach((v, i) => {
      expect(bits(r.points[i])).toBe(bits(single(SMALL, at(SMALL, { payPerHour: v }))));
    });
    // Common random numbers: the baseline side is the same run at every point.
    expect(bits(r.points[0].baseline)).toBe(bits(r.points[2].baseline));
  });

  it('gives the same bits on the Node pool, for a sweep and a grid', async () => {
    const runner = poolRunner(pool);
    const r = await sweep(runner, SMALL, PAY);
    r.values.forEach((v, i) => {
      expect(bits(r.points[i])).toBe(bits(single(SMALL, at(SMALL, { payPerHour: v }))));
    });
    const g = await grid(
      runner,
      SMALL,
      { ...PAY, steps: 2 },
      {
        id: 'blockHours',
        from: 3,
        to: 4,
        steps: 2,
      },
    );
    expect(g.points[1][0]).toBeDefined();
    expect(bits(g.points[1][0])).toBe(
      bits(single(SMALL, at(SMALL, { payPerHour: 26, blockHours: 3 }))),
    );
  });

  it('stops on the pool when cancelled, and the next sweep completes', async () => {
    const runner = poolRunner(pool);
    const controller = new AbortController();
    const slow = { ...SMALL, weeks: 26, replications: 4 };
    const first = sweep(
      runner,
      slow,
      { ...PAY, steps: 5 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          // Abort while the first point is in flight.
          if (!p.point && p.done === 0) controller.abort();
        },
      },
    );
    const t0 = performance.now();
    const error = await first.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(5_000);
    // The point in flight was stopped mid-run, not left to finish.
    expect(pool.workers.stats.interrupted).toBeGreaterThan(0);
    const r = await sweep(runner, SMALL, { ...PAY, steps: 2 });
    expect(bits(r.points[1])).toBe(bits(single(SMALL, at(SMALL, { payPerHour: 26 }))));
  });
});

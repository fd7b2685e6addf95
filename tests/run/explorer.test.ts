/**
 * The explorer's computations against a fake runner whose answers are closed-form functions
 * of the parameters (tests/run/fake-compare.ts), so that results can be checked by hand.
 */
import { describe, expect, it } from 'vitest';
import { PARAM_BY_ID, type NumberParamDef } from '../../src/model/params';
import { defaultScenario, withParams, type Scenario } from '../../src/model/scenario';
import type { SweepAxis } from '../../src/model/sweep';
import {
  checkConstraint,
  defaultTornadoItems,
  goalSeek,
  grid,
  isAbortError,
  metricFrontier,
  metricValue,
  normalCdf,
  sweep,
  tornado,
  type ExplorerProgress,
  type GoalSpec,
} from '../../src/run/explorer';
import { SupersededError } from '../../src/run/pool';
import { tQuantile975 } from '../../src/sim/stats';
import { PAY_MODEL, fakeComparison, fakeRunner, payForOnTime } from './fake-compare';

const BASE = defaultScenario();
const PAY: SweepAxis = { id: 'payPerHour', from: 18, to: 30, steps: 4 };

function at(s: Scenario, changes: Record<string, unknown>): Scenario {
  const r = withParams(s, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('a sweep', () => {
  it('compares the baseline with each value of the lever, in order, on the baseline’s settings', async () => {
    const { runner, calls } = fakeRunner();
    const progress: ExplorerProgress[] = [];
    const r = await sweep(runner, BASE, PAY, { onProgress: (p) => progress.push(p) });
    expect(r.values).toEqual([18, 22, 26, 30]);
    expect(calls.map((s) => s.params.payPerHour)).toEqual([18, 22, 26, 30]);
    expect(r.scenarios).toEqual(calls);
    r.points.forEach((c, i) => expect(c).toEqual(fakeComparison(BASE, calls[i], PAY_MODEL)));
    const done = progress.filter((p) => p.point);
    expect(done.map((p) => [p.done, p.total, p.index])).toEqual([
      [1, 4, 0],
      [2, 4, 1],
      [3, 4, 2],
      [4, 4, 3],
    ]);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('sweeps a given scenario’s lever, keeping its other parameters and the baseline’s seeds', async () => {
    const { runner, calls } = fakeRunner();
    const scenario = { ...at(BASE, { blockHours: 5 }), seed: 99, replications: 3 };
    await sweep(runner, BASE, PAY, { scenario });
    for (const s of calls) {
      expect(s.params.blockHours).toBe(5);
      expect([s.seed, s.weeks, s.replications]).toEqual([BASE.seed, BASE.weeks, BASE.replications]);
    }
  });

  it('sweeps a boolean as false then true', async () => {
    const { runner, calls } = fakeRunner();
    const r = await sweep(runner, BASE, { id: 'surgeEnabled', from: 0, to: 1, steps: 2 });
    expect(r.values).toEqual([0, 1]);
    expect(calls.map((s) => s.params.surgeEnabled)).toEqual([false, true]);
  });
});

describe('the frontier of a sweep', () => {
  it('joins the points no other beats on both metrics, each better its own way', async () => {
    const { runner } = fakeRunner();
    const r = await sweep(runner, BASE, { ...PAY, steps: 7 });
    // Cost per package (lower better) rises with pay, on-time rate (higher better) too:
    // every point is a trade-off, so all are efficient.
    expect(metricFrontier(r.points, 'costPerPackage', 'onTimeRate')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Driver pay and on-time rate both rise with pay: only the top point is efficient.
    expect(metricFrontier(r.points, 'driverNetHourly', 'onTimeRate')).toEqual([6]);
  });
});

describe('a grid', () => {
  it('compares every pair of values, x outer and y inner, each equal to a single comparison', async () => {
    const { runner, calls } = fakeRunner();
    const ax: SweepAxis = { id: 'payPerHour', from: 20, to: 24, steps: 3 };
    const ay: SweepAxis = { id: 'blockHours', from: 3, to: 4, steps: 2 };
    const progress: ExplorerProgress[] = [];
    const r = await grid(runner, BASE, ax, ay, { onProgress: (p) => progress.push(p) });
    expect(r.x).toEqual([20, 22, 24]);
    expect(r.y).toEqual([3, 4]);
    expect(calls.map((s) => [s.params.payPerHour, s.params.blockHours])).toEqual([
      [20, 3],
      [20, 4],
      [22, 3],
      [22, 4],
      [24, 3],
      [24, 4],
    ]);
    r.x.forEach((x, i) =>
      r.y.forEach((y, j) =>
        expect(r.points[i][j]).toEqual(
          fakeComparison(BASE, at(BASE, { payPerHour: x, blockHours: y }), PAY_MODEL),
        ),
      ),
    );
    expect(progress.filter((p) => p.point).map((p) => p.total)).toEqual([6, 6, 6, 6, 6, 6]);
  });

  it('refuses the same lever twice', async () => {
    await expect(grid(fakeRunner().runner, BASE, PAY, PAY)).rejects.toThrow(/two different levers/);
  });
});

describe('sensitivity', () => {
  it('moves every numeric policy lever and market assumption by ±spread, on its step, within its range', () => {
    const items = defaultTornadoItems(BASE, 0.2);
    const ids = items.map((i) => i.id);
    expect(ids).toContain('payPerHour');
    expect(ids).toContain('demandPerDay');
    expect(ids).not.toContain('surgeEnabled');
    expect(ids).not.toContain('productivity'); // operations
    for (const item of items) {
      const def = PARAM_BY_ID.get(item.id) as NumberParamDef;
      const v = BASE.params[item.id] as number;
      expect(def.group === 'policy' || def.group === 'market').toBe(true);
      expect(item.low).toBeLessThanOrEqual(v);
      expect(item.high).toBeGreaterThanOrEqual(v);
      expect(item.low).toBeLessThan(item.high);
      for (const x of [item.low, item.high]) {
        expect(x).toBeGreaterThanOrEqual(def.min);
        expect(x).toBeLessThanOrEqual(def.max);
        const k = (x - def.min) / def.step;
        expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
      }
    }
    const pay = items.find((i) => i.id === 'payPerHour');
    expect(pay).toEqual({ id: 'payPerHour', low: 17.5, high: 26.5 });
    expect(() => defaultTornadoItems(BASE, 0)).toThrow(/positive share/);
  });

  it('ranks the items by the swing of the metric, with paired deltas from the scenario', async () => {
    const { runner } = fakeRunner();
    const items = [
      { id: 'demandPerDay' as const, low: 8000, high: 12000 },
      { id: 'blockHours' as const, low: 2.5, high: 4.5 },
      { id: 'payPerHour' as const, low: 17.5, high: 26.5 },
    ];
    const r = await tornado(runner, BASE, items, 'costPerPackage');
    expect(r.rows.map((row) => row.id)).toEqual(['payPerHour', 'blockHours', 'demandPerDay']);
    const base = 22 * 0.1 + 3.5 * 0.2;
    expect(r.base.mean).toBeCloseTo(base, 12);
    const pay = r.rows[0];
    expect(pay.low.value).toBe(17.5);
    expect(pay.low.metric.mean).toBeCloseTo(base - 0.45, 12);
    expect(pay.high.delta.mean).toBeCloseTo(0.45, 12);
    expect(pay.high.delta.low).toBeLessThan(pay.high.delta.mean);
    expect(pay.swing).toBeCloseTo(0.9, 12);
    expect(r.rows[1].swing).toBeCloseTo(0.4, 12);
    expect(r.rows[2].swing).toBe(0);
  });
});

describe('goal seek', () => {
  const cheapest: GoalSpec = {
    objective: { metric: 'costPerPackage', sense: 'min' },
    constraints: [{ metric: 'onTimeRate', op: '>=', value: 0.95 }],
    levers: [{ id: 'payPerHour', from: 10, to: 60 }],
    budget: 30,
  };

  it('finds the cheapest pay that keeps on-time rate at 95% (8·ln 20 ≈ 23.97, so 24 on the $0.50 step)', async () => {
    const { runner } = fakeRunner();
    const progress: ExplorerProgress[] = [];
    const r = await goalSeek(runner, BASE, cheapest, { onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toEqual({ done: r.points.length, total: r.points.length, fraction: 1 });
    const exact = payForOnTime(0.95);
    const grid = r.gridValues.payPerHour ?? [];
    const gridStep = grid[1] - grid[0];
    expect(Math.abs((r.best.values.payPerHour ?? 0) - exact)).toBeLessThanOrEqual(gridStep);
    expect(r.best.values.payPerHour).toBe(24);
    expect(r.feasible).toBe(true);
    expect(r.converged).toBe(true);
    expect(r.points.length).toBeLessThanOrEqual(cheapest.budget);
    expect(r.points.some((p) => p.phase === 'pattern')).toBe(true);
    expect(r.objective.mean).toBeCloseTo(24 * 0.1 + 3.5 * 0.2, 12);
    // The constraint barely holds: its probability from the interval, by hand.
    const mean = 1 - Math.exp(-3);
    const se = (0.01 * mean) / tQuantile975(BASE.replications - 1);
    const [c] = r.constraints;
    expect(c.actual.mean).toBeCloseTo(mean, 12);
    expect(c.met).toBe(true);
    expect(c.probability).toBeCloseTo(normalCdf((mean - 0.95) / se), 9);
    expect(c.probability).toBeGreaterThan(0.5);
    expect(c.probability).toBeLessThan(0.6);
    expect(r.confidence).toBe(c.probability);
  });

  it('finds the optimum of two levers, one at the end of its range', async () => {
    const { runner } = fakeRunner();
    const r = await goalSeek(runner, BASE, {
      ...cheapest,
      levers: [
        { id: 'payPerHour', from: 10, to: 60 },
        { id: 'blockHours', from: 2, to: 8 },
      ],
      budget: 80,
    });
    expect(r.best.values).toEqual({ payPerHour: 24, blockHours: 2 });
    expect(r.converged).toBe(true);
    expect(r.points.length).toBeLessThanOrEqual(80);
  });

  it('maximises under an upper bound: best driver pay with cost per package at most $3.02 (pay 23)', async () => {
    const { runner } = fakeRunner();
    const r = await goalSeek(runner, BASE, {
      objective: { metric: 'driverNetHourly', sense: 'max' },
      constraints: [{ metric: 'costPerPackage', op: '<=', value: 3.02 }],
      levers: [{ id: 'payPerHour', from: 10, to: 40 }],
      budget: 24,
    });
    expect(r.best.values.payPerHour).toBe(23);
    expect(r.feasible).toBe(true);
  });

  it('answers the least infeasible setting when no setting meets the constraints', async () => {
    // Narrow intervals: the shortfall (0.99945 against 0.9999) is then clearly measured.
    const { runner } = fakeRunner(PAY_MODEL, { half: 0.0001 });
    const r = await goalSeek(runner, BASE, {
      ...cheapest,
      constraints: [{ metric: 'onTimeRate', op: '>=', value: 0.9999 }],
    });
    expect(r.feasible).toBe(false);
    expect(r.best.values.payPerHour).toBe(60);
    expect(r.constraints[0].probability).toBeLessThan(0.01);
  });

  it('is deterministic and keeps to its budget', async () => {
    const a = fakeRunner();
    const b = fakeRunner();
    const spec = { ...cheapest, budget: 9 };
    const ra = await goalSeek(a.runner, BASE, spec);
    const rb = await goalSeek(b.runner, BASE, spec);
    expect(a.calls).toEqual(b.calls);
    expect(ra.points.length).toBe(9);
    expect(ra.converged).toBe(false);
    expect(ra.best.values).toEqual(rb.best.values);
  });

  it('refuses bad requests with a message', async () => {
    const { runner } = fakeRunner();
    const lever = (id: 'payPerHour' | 'blockHours' | 'surgeStep' | 'poolCap') => ({
      id,
      from:
        PARAM_BY_ID.get(id)?.kind === 'boolean' ? 0 : (PARAM_BY_ID.get(id) as NumberParamDef).min,
      to: (PARAM_BY_ID.get(id) as NumberParamDef).max,
    });
    const four = ['payPerHour', 'blockHours', 'surgeStep', 'poolCap'] as const;
    await expect(goalSeek(runner, BASE, { ...cheapest, levers: four.map(lever) })).rejects.toThrow(
      /1 to 3 levers, got 4/,
    );
    await expect(goalSeek(runner, BASE, { ...cheapest, budget: 1 })).rejects.toThrow(
      /at least 2 runs/,
    );
    await expect(
      goalSeek(runner, BASE, { ...cheapest, levers: [{ id: 'payPerHour', from: 30, to: 20 }] }),
    ).rejects.toThrow(/must be below "to"/);
    await expect(
      goalSeek(runner, BASE, { ...cheapest, levers: [{ id: 'payPerHour', from: 5, to: 20 }] }),
    ).rejects.toThrow(/\("payPerHour"\) is 5, outside the allowed range 10 to 60/);
  });
});

describe('a constraint’s probability', () => {
  it('is the normal probability of the right side, from the interval’s standard error', () => {
    const actual = { mean: 10, low: 8, high: 12 };
    const se = 2 / tQuantile975(3);
    expect(
      checkConstraint({ metric: 'onTimeRate', op: '>=', value: 9 }, actual, 4).probability,
    ).toBeCloseTo(normalCdf(1 / se), 12);
    expect(
      checkConstraint({ metric: 'onTimeRate', op: '<=', value: 9 }, actual, 4).probability,
    ).toBeCloseTo(normalCdf(-1 / se), 12);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });

  it('is 1 or 0 when one replication leaves no spread to measure', () => {
    const actual = { mean: 10, low: 10, high: 10 };
    expect(
      checkConstraint({ metric: 'onTimeRate', op: '>=', value: 10 }, actual, 1).probability,
    ).toBe(1);
    expect(
      checkConstraint({ metric: 'onTimeRate', op: '>=', value: 11 }, actual, 1).probability,
    ).toBe(0);
  });
});

describe('cancelling', () => {
  it('stops between points and supersedes the run in flight, rejecting at once with an AbortError', async () => {
    const { runner, calls } = fakeRunner(PAY_MODEL, { delayMs: 20 });
    const controller = new AbortController();
    let abortedAt = 0;
    const run = sweep(
      runner,
      BASE,
      { ...PAY, steps: 10 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 2 && p.point) {
            // Abort while the third point is in flight.
            setTimeout(() => {
              abortedAt = performance.now();
              controller.abort();
            }, 5);
          }
        },
      },
    );
    const error = await run.catch((e: unknown) => e);
    const lag = performance.now() - abortedAt;
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).name).toBe('AbortError');
    expect(calls.length).toBe(3);
    expect(lag).toBeLessThan(100);
  });

  it('rejects at once even when the runner does not stop its run', async () => {
    const { runner } = fakeRunner(PAY_MODEL, { delayMs: 10_000, ignoreSignal: true });
    const controller = new AbortController();
    const run = sweep(runner, BASE, PAY, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const t0 = performance.now();
    await expect(run).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('runs nothing when the signal has already aborted', async () => {
    const { runner, calls } = fakeRunner();
    const controller = new AbortController();
    controller.abort();
    for (const run of [
      sweep(runner, BASE, PAY, { signal: controller.signal }),
      tornado(runner, BASE, defaultTornadoItems(BASE), 'onTimeRate', { signal: controller.signal }),
      goalSeek(
        runner,
        BASE,
        {
          objective: { metric: 'costPerPackage', sense: 'min' },
          constraints: [],
          levers: [{ id: 'payPerHour', from: 10, to: 60 }],
          budget: 10,
        },
        { signal: controller.signal },
      ),
    ]) {
      await expect(run).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    }
    expect(calls).toEqual([]);
  });

  it('treats a run superseded by another request as cancelled', async () => {
    const runner = () => Promise.reject(new SupersededError());
    await expect(sweep(runner, BASE, PAY)).rejects.toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
  });

  it('leaves the explorer usable: a new sweep after a cancelled one completes', async () => {
    const { runner } = fakeRunner(PAY_MODEL, { delayMs: 5 });
    const controller = new AbortController();
    const first = sweep(runner, BASE, PAY, { signal: controller.signal });
    controller.abort();
    await expect(first).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    const second = await sweep(runner, BASE, PAY);
    expect(second.points).toHaveLength(4);
    expect(metricValue(second.points[3], 'costPerPackage').mean).toBeCloseTo(30 * 0.1 + 0.7, 12);
  });
});

/**
 * Sweeps and grids against a fake runner whose answers are closed-form functions of the
 * parameters (tests/run/fake-compare.ts): the values run, their order, the settings they keep
 * and the progress reported.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams, type Scenario } from '../../src/model/scenario';
import type { SweepAxis } from '../../src/model/sweep';
import type { ExplorerProgress } from '../../src/run/explorer-runner';
import { grid, sweep } from '../../src/run/sweep-grid';
import { PAY_MODEL, fakeComparison, fakeRunner } from './fake-compare';

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

/**
 * The plumbing every exploration shares: progress, pairing with the baseline's settings, and
 * cancellation (between points, in flight, before the start, by a superseding run), checked
 * through explorations on a fake runner (tests/run/fake-compare.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/model/scenario';
import type { SweepAxis } from '../../src/model/sweep';
import {
  PointRunner,
  isAbortError,
  pairedWith,
  type ExplorerProgress,
} from '../../src/run/explorer-runner';
import { goalSeek } from '../../src/run/goal-seek';
import { metricValue } from '../../src/run/metric-value';
import { defaultTornadoItems, tornado } from '../../src/run/sensitivity';
import { sweep } from '../../src/run/sweep-grid';
import { SupersededError } from '../../src/run/pool';
import { PAY_MODEL, fakeRunner } from './fake-compare';

const BASE = defaultScenario();
const PAY: SweepAxis = { id: 'payPerHour', from: 18, to: 30, steps: 4 };

describe('a point runner', () => {
  it('runs comparisons one at a time, reporting each point with its index and a rising fraction', async () => {
    const { runner, calls } = fakeRunner();
    const progress: ExplorerProgress[] = [];
    const run = new PointRunner(runner, { onProgress: (p) => progress.push(p) }, 2);
    const other = { ...BASE, seed: 7 };
    const first = await run.compare(BASE, other);
    await run.compare(BASE, BASE);
    expect(calls).toEqual([other, BASE]);
    expect(run.done).toBe(2);
    const points = progress.filter((p) => p.point);
    expect(points.map((p) => [p.done, p.total, p.index, p.fraction])).toEqual([
      [1, 2, 0, 0.5],
      [2, 2, 1, 1],
    ]);
    expect(points[0].point).toBe(first);
  });

  it('pairs a scenario with the baseline: its seed, weeks and replications, its own levers', () => {
    const scenario = { ...BASE, seed: 99, weeks: 3, replications: 2 };
    const baseline = { ...BASE, seed: 5, weeks: 12, replications: 8 };
    expect(pairedWith(baseline, scenario)).toEqual({
      ...scenario,
      seed: 5,
      weeks: 12,
      replications: 8,
    });
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
});

describe('cancelling before the start or by another request', () => {
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

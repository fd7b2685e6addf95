/**
 * A pool of depth 2 (src/run/pool.ts): each busy worker also holds its next job, so it never
 * waits for the pool's thread between two jobs. The fake workers here run what they are
 * handed in order, as engine workers do.
 */
import { describe, expect, it } from 'vitest';
import { JobFailedError, WorkerPool, isSuperseded } from '../../src/run/pool';
import { FakeFleet, pause } from './fake-workers';

const square = (n: number) => n * n;
const uneven = (n: number) => 1 + ((n * 7) % 5);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function deep(fleet: FakeFleet<number, number>, size: number, affinity?: (j: number) => number) {
  return new WorkerPool(fleet.factory, { size, depth: 2, ...(affinity ? { affinity } : {}) });
}

describe('WorkerPool of depth 2', () => {
  it('hands a busy worker its next job, returns every result in order, runs each job once', async () => {
    const fleet = new FakeFleet({ compute: square, steps: uneven, sequential: true });
    const pool = deep(fleet, 2);
    const arrivals: number[] = [];
    expect(await pool.runBatch(range(12), (i) => arrivals.push(i))).toEqual(range(12).map(square));
    expect([...arrivals].sort((a, b) => a - b)).toEqual(range(12));
    expect([...fleet.order].sort((a, b) => a - b)).toEqual(range(12));
    for (const w of fleet.workers) expect(w.maxHeld).toBe(2);
    pool.close();
  });

  it('starts a held job before the pool has heard of the one before it', async () => {
    // Results reach the pool late (its thread is busy, e.g. drawing an estimate): with depth 1
    // the worker waits each time; with depth 2 its next job has started before the pool hears.
    const startsBeforeHeard = async (depth: 1 | 2) => {
      let heard = 0;
      let started = 0;
      let early = 0;
      const fleet = new FakeFleet({
        compute: square,
        steps: () => 2,
        sequential: true,
        replyMs: 5,
        // A job that starts while the pool has heard of fewer than all jobs before it.
        onStart: () => {
          if (heard < started++) early++;
        },
      });
      const pool = new WorkerPool(fleet.factory, { size: 1, depth });
      await pool.runBatch(range(6), () => heard++);
      pool.close();
      return { early: early > 0, maxHeld: fleet.workers[0]!.maxHeld };
    };
    expect(await startsBeforeHeard(1)).toEqual({ early: false, maxHeld: 1 });
    expect(await startsBeforeHeard(2)).toEqual({ early: true, maxHeld: 2 });
  });

  it('hands no second job near a batch end, where another worker may be free first', async () => {
    const fleet = new FakeFleet({ compute: square, steps: () => 3, sequential: true });
    const pool = deep(fleet, 2);
    // Two jobs for two workers: each gets one, none holds two.
    await pool.runBatch([1, 2]);
    for (const w of fleet.workers) expect(w.maxHeld).toBe(1);
    pool.close();
  });

  it('keeps affinity: a worker is handed the jobs that prefer it', async () => {
    const fleet = new FakeFleet({ compute: square, steps: () => 2, sequential: true });
    const pool = deep(fleet, 2, (job) => job);
    await pool.runBatch([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(fleet.workers.map((w) => w.ran)).toEqual([
      [0, 0, 2, 2],
      [1, 1, 3, 3],
    ]);
    pool.close();
  });

  it('stops both a stale running job and the one held behind it, and runs the newer batch', async () => {
    const fleet = new FakeFleet({ compute: square, steps: () => 1000, sequential: true });
    const pool = deep(fleet, 2);
    const stale: number[] = [];
    let superseded = false;
    const older = pool
      .runBatch(range(8), (i) => {
        if (superseded) stale.push(i);
      })
      .catch((e: unknown) => e);
    await pause(10);
    for (const w of fleet.workers) expect(w.held).toBe(2);
    superseded = true;
    fleet.options.steps = () => 2;
    expect(await pool.runBatch([5, 6, 7])).toEqual([25, 36, 49]);
    expect(isSuperseded(await older)).toBe(true);
    expect(stale).toEqual([]);
    // Four stale runs (two running, two held), each stopped without running to its end.
    expect(pool.stats.cancelledMidRun).toBe(4);
    expect(fleet.steps).toBeLessThan(200);
    expect(fleet.workers).toHaveLength(2);
    pool.close();
  });

  it('replaces a worker that cannot be interrupted, with its held job', async () => {
    const fleet = new FakeFleet({
      compute: square,
      steps: () => 1000,
      sequential: true,
      interruptible: false,
    });
    const pool = deep(fleet, 2);
    const older = pool.runBatch(range(8)).catch((e: unknown) => e);
    await pause(10);
    fleet.options.steps = () => 2;
    expect(await pool.runBatch([3, 4, 5])).toEqual([9, 16, 25]);
    expect(isSuperseded(await older)).toBe(true);
    expect(fleet.alive).toHaveLength(2);
    pool.close();
  });

  it('puts back the job held behind one whose worker dies, without counting it an attempt', async () => {
    // Job 2's first attempt kills its worker while job 4 (or another) waits behind it; job 4
    // fails on its second attempt, so it must not have been counted as tried when it was lost.
    const fleet = new FakeFleet({
      compute: square,
      steps: uneven,
      sequential: true,
      fault: (job, attempt) => (job === 2 && attempt === 0 ? 'die' : undefined),
    });
    const pool = deep(fleet, 2);
    expect(await pool.runBatch(range(10))).toEqual(range(10).map(square));
    expect(pool.stats.replaced).toBe(1);
    expect(pool.stats.retried).toBe(1);
    expect(fleet.alive).toHaveLength(2);
    pool.close();
  });

  it('still gives up on a job that fails twice, and keeps serving', async () => {
    const fleet = new FakeFleet({
      compute: square,
      sequential: true,
      fault: (job) => (job === 3 ? 'throw' : undefined),
    });
    const pool = deep(fleet, 2);
    await expect(pool.runBatch(range(8))).rejects.toBeInstanceOf(JobFailedError);
    expect(await pool.runBatch([7, 8])).toEqual([49, 64]);
    pool.close();
  });
});

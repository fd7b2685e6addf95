import { describe, expect, it } from 'vitest';
import {
  JobFailedError,
  PoolClosedError,
  SupersededError,
  WorkerPool,
  isSuperseded,
} from '../../src/run/pool';
import { FakeFleet, pause } from './fake-workers';

const square = (n: number) => n * n;
/** Uneven job lengths, so jobs finish out of order. */
const uneven = (n: number) => 1 + ((n * 7) % 5);

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

describe('WorkerPool', () => {
  it.each([1, 2, 4])(
    'returns every result in job order whatever order they finish in, with %i workers',
    async (size) => {
      const fleet = new FakeFleet({ compute: square, steps: uneven });
      const pool = new WorkerPool(fleet.factory, { size });
      const arrivals: number[] = [];
      const results = await pool.runBatch(range(12), (index) => arrivals.push(index));
      expect(results).toEqual(range(12).map(square));
      expect([...arrivals].sort((a, b) => a - b)).toEqual(range(12));
      expect(fleet.workers).toHaveLength(size);
      pool.close();
    },
  );

  it('keeps every worker busy while there is work', async () => {
    const fleet = new FakeFleet({ compute: square });
    const pool = new WorkerPool(fleet.factory, { size: 4 });
    await pool.runBatch(range(16));
    expect(fleet.maxConcurrent).toBe(4);
    for (const w of fleet.workers) expect(w.ran.length).toBeGreaterThan(0);
    pool.close();
  });

  it("gives each job the worker it prefers, taking another worker's only while it has two queued", async () => {
    // Jobs as replications: r prefers worker r mod 2 (the one holding its warmed state).
    const fleet = new FakeFleet({ compute: square, steps: () => 2 });
    const pool = new WorkerPool(fleet.factory, { size: 2, affinity: (job: number) => job });
    await pool.runBatch([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(fleet.workers.map((w) => w.ran)).toEqual([
      [0, 0, 2, 2],
      [1, 1, 3, 3],
    ]);
    // Only even jobs: the second worker takes one of the first's while the first has two or
    // more queued, and leaves it the last (taking it would cost more than waiting).
    await pool.runBatch([0, 2, 4, 6]);
    expect(fleet.workers.map((w) => w.ran.slice(4))).toEqual([[0, 4, 6], [2]]);
    pool.close();
  });

  it('starts jobs in the order given', async () => {
    const fleet = new FakeFleet({ compute: square });
    const pool = new WorkerPool(fleet.factory, { size: 2 });
    await pool.runBatch([5, 3, 8, 1]);
    expect(fleet.order).toEqual([5, 3, 8, 1]);
    pool.close();
  });

  it('has at least one worker', async () => {
    const fleet = new FakeFleet({ compute: square });
    const pool = new WorkerPool(fleet.factory, { size: 0 });
    expect(pool.size).toBe(1);
    expect(await pool.runBatch([3])).toEqual([9]);
    pool.close();
  });

  it('resolves an empty batch at once', async () => {
    const fleet = new FakeFleet({ compute: square });
    const pool = new WorkerPool(fleet.factory, { size: 2 });
    expect(await pool.runBatch([])).toEqual([]);
    pool.close();
  });

  describe('when a new batch supersedes the one in flight', () => {
    it('rejects the older batch, never reports its results again, and completes the newer', async () => {
      const fleet = new FakeFleet({ compute: square, steps: () => 20 });
      const pool = new WorkerPool(fleet.factory, { size: 2 });
      const stale: number[] = [];
      let superseded = false;
      const older = pool.runBatch(range(8), (i) => {
        if (superseded) stale.push(i);
      });
      await pause(5);
      superseded = true;
      const newer = pool.runBatch([10, 11, 12]);
      await expect(older).rejects.toBeInstanceOf(SupersededError);
      expect(await newer).toEqual([100, 121, 144]);
      expect(stale).toEqual([]);
      pool.close();
    });

    it('stops the stale jobs mid-run through interrupt, keeping the same workers', async () => {
      const fleet = new FakeFleet({ compute: square, steps: () => 1000 });
      const pool = new WorkerPool(fleet.factory, { size: 2 });
      const older = pool.runBatch(range(4)).catch((e: unknown) => e);
      await pause(10);
      const newer = pool.runBatch([2], undefined);
      fleet.options.steps = () => 2;
      expect(await newer).toEqual([4]);
      expect(isSuperseded(await older)).toBe(true);
      expect(pool.stats.interrupted).toBe(2);
      expect(pool.stats.cancelledMidRun).toBe(2);
      expect(fleet.stoppedMidRun).toBe(2);
      expect(fleet.workers).toHaveLength(2);
      // Two stale runs of 1000 steps were stopped long before their end.
      expect(fleet.steps).toBeLessThan(200);
      pool.close();
    });

    it('terminates and replaces workers that cannot be interrupted', async () => {
      const fleet = new FakeFleet({ compute: square, steps: () => 1000, interruptible: false });
      const pool = new WorkerPool(fleet.factory, { size: 2 });
      const older = pool.runBatch(range(4)).catch((e: unknown) => e);
      await pause(10);
      fleet.options.steps = () => 2;
      expect(await pool.runBatch([3, 4, 5])).toEqual([9, 16, 25]);
      expect(isSuperseded(await older)).toBe(true);
      expect(pool.stats.terminated).toBe(2);
      expect(fleet.workers).toHaveLength(4);
      expect(fleet.alive).toHaveLength(2);
      expect(fleet.killedRuns).toBe(2);
      pool.close();
    });

    it('lets only the latest of many quick requests complete', async () => {
      const fleet = new FakeFleet({ compute: square, steps: () => 5 });
      const pool = new WorkerPool(fleet.factory, { size: 2 });
      const outcomes = range(10).map((k) =>
        pool.runBatch([k, k + 1]).then(
          (r) => ({ ok: true, r }),
          (e: unknown) => ({ ok: false, r: e }),
        ),
      );
      const settled = await Promise.all(outcomes);
      expect(settled.slice(0, 9).every((o) => !o.ok && isSuperseded(o.r))).toBe(true);
      expect(settled[9]).toEqual({ ok: true, r: [81, 100] });
      pool.close();
    });
  });

  describe('when a job fails', () => {
    it('replaces a worker whose job throws and runs the job again once', async () => {
      const fleet = new FakeFleet({
        compute: square,
        fault: (job, attempt) => (job === 3 && attempt === 0 ? 'throw' : undefined),
      });
      const pool = new WorkerPool(fleet.factory, { size: 2 });
      expect(await pool.runBatch(range(6))).toEqual(range(6).map(square));
      expect(pool.stats.replaced).toBe(1);
      expect(pool.stats.retried).toBe(1);
      expect(fleet.workers).toHaveLength(3);
      expect(fleet.alive).toHaveLength(2);
      pool.close();
    });

    it('replaces a worker that dies mid-job and completes the batch with the same results', async () => {
      const fleet = new FakeFleet({
        compute: square,
        steps: uneven,
        fault: (job, attempt) => (job === 2 && attempt === 0 ? 'die' : undefined),
      });
      const pool = new WorkerPool(fleet.factory, { size: 2 });
      expect(await pool.runBatch(range(8))).toEqual(range(8).map(square));
      expect(pool.stats.replaced).toBe(1);
      expect(fleet.alive).toHaveLength(2);
      pool.close();
    });

    it('replaces a worker killed from outside while it works', async () => {
      const fleet = new FakeFleet({ compute: square, steps: () => 10 });
      const pool = new WorkerPool(fleet.factory, { size: 2 });
      const batch = pool.runBatch(range(6));
      await pause(5);
      fleet.workers[0]!.crash();
      expect(await batch).toEqual(range(6).map(square));
      expect(pool.stats.replaced).toBe(1);
      expect(pool.stats.retried).toBe(1);
      pool.close();
    });

    it('gives a clear error when a job fails twice, stops the rest, and keeps serving', async () => {
      const fleet = new FakeFleet({
        compute: square,
        steps: (job) => (job === 1 ? 1 : 200),
        fault: (job) => (job === 1 ? 'throw' : undefined),
      });
      const pool = new WorkerPool(fleet.factory, {
        size: 2,
        describe: (job) => `job number ${job}`,
      });
      const failed = pool.runBatch(range(4));
      await expect(failed).rejects.toBeInstanceOf(JobFailedError);
      await expect(failed).rejects.toThrow(/job number 1 failed twice.*engine error in 1/);
      await pause(5);
      expect(fleet.completed).not.toContain(0);
      expect(fleet.stoppedMidRun).toBe(1);
      fleet.options.steps = () => 1;
      expect(await pool.runBatch([7, 8])).toEqual([49, 64]);
      pool.close();
    });

    it('gives a clear error when the worker dies on both attempts', async () => {
      const fleet = new FakeFleet({
        compute: square,
        fault: (job) => (job === 0 ? 'die' : undefined),
      });
      const pool = new WorkerPool(fleet.factory, { size: 1 });
      await expect(pool.runBatch([0])).rejects.toThrow(/failed twice.*worker crashed/);
      expect(await pool.runBatch([4])).toEqual([16]);
      pool.close();
    });

    it('replaces a worker that died while idle when work comes', async () => {
      const fleet = new FakeFleet({ compute: square });
      const pool = new WorkerPool(fleet.factory, { size: 2 });
      fleet.workers[1]!.crash();
      expect(fleet.alive).toHaveLength(1);
      expect(await pool.runBatch(range(4))).toEqual(range(4).map(square));
      expect(fleet.alive).toHaveLength(2);
      pool.close();
    });

    it('says so when no worker can be started', async () => {
      let broken = false;
      const fleet = new FakeFleet({ compute: square, failToStart: () => broken });
      const pool = new WorkerPool(fleet.factory, { size: 1 });
      broken = true;
      fleet.workers[0]!.crash();
      await expect(pool.runBatch([1])).rejects.toThrow(/could not start a worker: no threads left/);
      broken = false;
      expect(await pool.runBatch([2])).toEqual([4]);
      pool.close();
    });
  });

  it('rejects the batch in flight and later ones once closed, and stops every worker', async () => {
    const fleet = new FakeFleet({ compute: square, steps: () => 100 });
    const pool = new WorkerPool(fleet.factory, { size: 2 });
    const batch = pool.runBatch(range(4));
    await pause(2);
    pool.close();
    await expect(batch).rejects.toBeInstanceOf(PoolClosedError);
    await expect(pool.runBatch([1])).rejects.toBeInstanceOf(PoolClosedError);
    expect(fleet.alive).toHaveLength(0);
  });
});

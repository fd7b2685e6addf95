import { describe, expect, it } from 'vitest';
import { Liveness } from '../../src/run/liveness';
import { WorkerPool } from '../../src/run/pool';
import { FakeFleet, pause } from './fake-workers';

const square = (n: number) => n * n;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** Short allowances so the tests run fast: silent for 80 ms is dead. */
const liveness = { silenceMs: 80, startMs: 80, runStartMs: 80 };

describe('WorkerPool with heartbeats (silent worker deaths)', () => {
  it('replaces a worker that falls silent mid-job and reruns its job, with the same results', async () => {
    const fleet = new FakeFleet({
      compute: square,
      steps: () => 10,
      stepMs: 2,
      beats: true,
      fault: (job, attempt) => (job === 3 && attempt === 0 ? 'vanish' : undefined),
    });
    const pool = new WorkerPool(fleet.factory, { size: 2, liveness });
    const started = performance.now();
    expect(await pool.runBatch(range(8))).toEqual(range(8).map(square));
    const ms = performance.now() - started;
    expect(fleet.vanishedRuns).toBe(1);
    expect(pool.stats.silent).toBe(1);
    expect(pool.stats.retried).toBe(1);
    expect(fleet.workers).toHaveLength(3);
    // The silence was noticed within about its allowance, not after a long wait.
    expect(ms).toBeLessThan(3000);
    pool.close();
  });

  it('recovers when every worker falls silent', async () => {
    const fleet = new FakeFleet({
      compute: square,
      steps: () => 6,
      stepMs: 2,
      beats: true,
      fault: (_job, attempt) => (attempt === 0 ? 'vanish' : undefined),
    });
    const pool = new WorkerPool(fleet.factory, { size: 2, liveness });
    expect(await pool.runBatch([1, 2])).toEqual([1, 4]);
    expect(pool.stats.silent).toBe(2);
    expect(fleet.alive.filter((w) => !w.vanished)).toHaveLength(2);
    pool.close();
  });

  it('replaces a worker that falls silent while stopping a stale run, so its jobs still run', async () => {
    // Affinity: job r prefers worker r mod 2, and waits for it while it lives.
    const fleet = new FakeFleet({ compute: square, steps: () => 200, stepMs: 2, beats: true });
    const pool = new WorkerPool(fleet.factory, {
      size: 2,
      affinity: (job: number) => job,
      liveness,
    });
    const older = pool.runBatch([0, 1]).catch(() => 'superseded');
    await pause(20);
    fleet.workers[1]!.vanish();
    fleet.options.steps = () => 2;
    expect(await pool.runBatch([1, 3])).toEqual([1, 9]);
    expect(await older).toBe('superseded');
    expect(pool.stats.silent).toBe(1);
    pool.close();
  });

  it('does not take a worker whose steps are long for a dead one', async () => {
    // Each step takes 50 ms and the worker says so: its allowance is 3 × 50 = 150 ms, not 40.
    const fleet = new FakeFleet({ compute: square, steps: () => 5, stepMs: 50, beats: true });
    const pool = new WorkerPool(fleet.factory, {
      size: 1,
      liveness: { silenceMs: 40, startMs: 200, runStartMs: 200 },
    });
    expect(await pool.runBatch([2, 3])).toEqual([4, 9]);
    expect(pool.stats.silent).toBe(0);
    pool.close();
  });

  it('gives up with a clear error when the job falls silent on both attempts', async () => {
    const fleet = new FakeFleet({
      compute: square,
      steps: () => 6,
      stepMs: 2,
      beats: true,
      fault: (job) => (job === 5 ? 'vanish' : undefined),
    });
    const pool = new WorkerPool(fleet.factory, { size: 1, liveness });
    await expect(pool.runBatch([5])).rejects.toThrow(/failed twice.*fell silent/);
    fleet.options.fault = undefined;
    expect(await pool.runBatch([4])).toEqual([16]);
    pool.close();
  });
});

describe('Liveness', () => {
  it('allows silenceMs, ten times the longest reported span of the job, runStartMs while a run starts, or startMs before first word', () => {
    let now = 0;
    const book = new Liveness<object>(
      { silenceMs: 100, startMs: 1000, runStartMs: 500 },
      () => false,
      () => now,
    );
    const w = {};
    book.started(w);
    book.stop();
    now = 999;
    expect(book.silent(w)).toBe(false);
    now = 1001;
    expect(book.silent(w)).toBe(true);
    book.heard(w, 10);
    now += 100;
    expect(book.silent(w)).toBe(false);
    now += 1;
    expect(book.silent(w)).toBe(true);
    // Ten times the job's longest day (60 ms) is over three times the recent one.
    book.heard(w, 60);
    now += 600;
    expect(book.silent(w)).toBe(false);
    now += 1;
    expect(book.silent(w)).toBe(true);
    // Starting a run (told so, or given a job): runStartMs, until the first check's heartbeat.
    book.started(w);
    book.stop();
    book.heard(w, -1);
    now += 500;
    expect(book.silent(w)).toBe(false);
    now += 1;
    expect(book.silent(w)).toBe(true);
    book.heard(w, 0);
    now += 181;
    expect(book.silent(w)).toBe(true);
  });

  it('allows ten times the longest day of the job: a large run’s rare long day is not a death (the worst-case benchmark)', () => {
    let now = 0;
    const book = new Liveness<object>(
      { silenceMs: 1500, startMs: 30_000, runStartMs: 6000 },
      () => false,
      () => now,
    );
    const w = {};
    book.started(w);
    book.stop();
    book.heard(w, 0);
    // Days of 300 ms, then quicker ones that push it out of the recent spans.
    book.heard(w, 300);
    for (let i = 0; i < 6; i++) book.heard(w, 50);
    now += 2999;
    expect(book.silent(w)).toBe(false);
    now += 2;
    expect(book.silent(w)).toBe(true);
    // A new job starts from its own pace: the default station's days keep 1.5 s.
    book.started(w);
    book.stop();
    book.heard(w, 0);
    book.heard(w, 5);
    now += 1501;
    expect(book.silent(w)).toBe(true);
  });
});

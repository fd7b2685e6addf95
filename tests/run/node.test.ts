/**
 * The pool on real worker threads running the real engine.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompareProgress } from '../../src/model/contract';
import type { Scenario } from '../../src/model/scenario';
import { defaultScenario, pairedWith } from '../../src/model/scenario';
import { JobFailedError, isSuperseded } from '../../src/run/pool';
import { createNodePool } from '../../src/run/node';
import { armSilentDeathForTests } from '../../src/run/engine-worker';
import { DEFAULT_LIVENESS } from '../../src/run/liveness';
import type { SimulationPool } from '../../src/run/simulation-pool';
import { runReplication } from '../../src/sim/engine';
import { compare, summarise } from '../../src/sim/stats';
import { bits } from './bits';
import { SMALL, SMALL_HIGHER_PAY } from './fixtures/small-scenarios';

const inProcess = (s: Scenario) =>
  Array.from({ length: s.replications }, (_, r) => runReplication(s, r));

const EXPECTED = bits(compare(inProcess(SMALL), inProcess(pairedWith(SMALL, SMALL_HIGHER_PAY))));

const pools: SimulationPool[] = [];
function pool(options: Parameters<typeof createNodePool>[0]): SimulationPool {
  const p = createNodePool({ cacheScenarios: 0, ...options });
  pools.push(p);
  return p;
}

afterEach(() => {
  for (const p of pools.splice(0)) p.close();
});

describe('the Node pool', { timeout: 60_000 }, () => {
  it('gives results identical to the last bit with 1, 2 and 4 workers, and to a run in process', async () => {
    for (const size of [1, 2, 4]) {
      const p = pool({ size });
      expect(p.size).toBe(size);
      expect(bits(await p.compare(SMALL, SMALL_HIGHER_PAY))).toBe(EXPECTED);
    }
  });

  it('runs a baseline with a fit the same with 1 and 2 workers as in process, its scenario over the same fit', async () => {
    const fit = { constants: [{ id: 'hoursWanted', value: 6, logSe: 0.2 }] };
    const based = { ...SMALL, fit };
    const expected = bits(
      compare(inProcess(based), inProcess(pairedWith(based, SMALL_HIGHER_PAY))),
    );
    expect(expected).not.toBe(EXPECTED);
    for (const size of [1, 2]) {
      expect(bits(await pool({ size }).compare(based, SMALL_HIGHER_PAY))).toBe(expected);
    }
  });

  it('drops a superseded request, stopping its runs mid-run, and completes the newer one', async () => {
    const threads: Worker[] = [];
    const p = pool({ size: 2, onThread: (t) => threads.push(t) });
    // Long runs, so the workers are mid-run when the newer request comes.
    const long = { ...defaultScenario(), weeks: 104, replications: 8 };
    const longer = { ...long, params: { ...long.params, payPerHour: 25 } };
    let superseded = false;
    let lateReports = 0;
    let firstReport = () => {};
    const reported = new Promise<void>((resolve) => (firstReport = resolve));
    const olderOutcome = p
      .compare(long, longer, {
        onProgress: () => {
          if (superseded) lateReports++;
          else firstReport();
        },
      })
      .then(
        () => 'delivered',
        (e: unknown) => (isSuperseded(e) ? 'superseded' : e),
      );
    await reported;
    await new Promise((r) => setTimeout(r, 20));
    superseded = true;
    const result = await p.compare(SMALL, SMALL_HIGHER_PAY);
    expect(await olderOutcome).toBe('superseded');
    expect(bits(result)).toBe(EXPECTED);
    expect(lateReports).toBe(0);
    expect(p.workers.stats.interrupted).toBeGreaterThanOrEqual(1);
    // The engine abandoned at least one stale run part way (its Cancelled error came back).
    expect(p.workers.stats.cancelledMidRun).toBeGreaterThanOrEqual(1);
    // No worker was terminated for it: the same two threads did all the work.
    expect(threads).toHaveLength(2);
  });

  it('replaces workers killed mid-batch and completes with the same numbers', async () => {
    const threads: Worker[] = [];
    const p = pool({ size: 2, onThread: (t) => threads.push(t) });
    let killed = false;
    const reports: CompareProgress[] = [];
    const result = await p.compare(SMALL, SMALL_HIGHER_PAY, {
      onProgress: (progress) => {
        reports.push(progress);
        if (!killed) {
          killed = true;
          for (const t of threads) void t.terminate();
        }
      },
    });
    expect(killed).toBe(true);
    expect(bits(result)).toBe(EXPECTED);
    expect(p.workers.stats.replaced).toBeGreaterThanOrEqual(1);
    expect(p.workers.stats.retried).toBeGreaterThanOrEqual(1);
    expect(threads.length).toBeGreaterThan(2);
    expect(reports[reports.length - 1]!.fraction).toBe(1);
  });

  it('replaces a worker that falls silent mid-run (no event, no heartbeat) and gives the same numbers', async () => {
    const p = pool({ size: 2 });
    armSilentDeathForTests(1);
    const started = performance.now();
    const result = await p.compare(SMALL, SMALL_HIGHER_PAY);
    const ms = performance.now() - started;
    expect(bits(result)).toBe(EXPECTED);
    expect(p.workers.stats.silent).toBe(1);
    expect(p.workers.stats.retried).toBe(1);
    // Noticed after 1.5 s of silence, then rerun: well within the run's time budget.
    expect(ms).toBeGreaterThan(DEFAULT_LIVENESS.silenceMs);
    expect(ms).toBeLessThan(30_000);
  });

  it('gives a clear error when a job fails twice, and keeps serving', async () => {
    const p = pool({ size: 2 });
    const broken = { ...SMALL, params: null } as unknown as Scenario;
    const failure = p.run(broken);
    await expect(failure).rejects.toBeInstanceOf(JobFailedError);
    await expect(failure).rejects.toThrow(/replication \d+ \(seed 1, 4 weeks\) failed twice/);
    expect(bits(await p.compare(SMALL, SMALL_HIGHER_PAY))).toBe(EXPECTED);
  });

  it('runs under tsx as the headless runner does, using the workers, and exits by itself', async () => {
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
    const script = fileURLToPath(new URL('./fixtures/node-pool-cli.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(tsx, [script], { timeout: 30_000 });
    const printed = JSON.parse(stdout) as { workers: number; longRun: number[] };
    expect(printed.workers).toBe(2);
    expect(printed.longRun).toEqual(Array.from(summarise(inProcess(SMALL)).longRun.mean));
  });
});

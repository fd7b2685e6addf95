/**
 * The warm-up through the pool: each worker keeps its own warm-up cache (src/sim/warmup.ts),
 * and replication r goes to worker r modulo the size, so a comparison warms each replication
 * once and a lever change warms none. Workers here run the real engine in process, each with
 * its own cache, to count the warm-ups.
 */
import { describe, expect, it } from 'vitest';
import type { ReplicationResult } from '../../src/model/results';
import { defaultScenario, withParams, type Scenario } from '../../src/model/scenario';
import { WorkerPool, type PoolWorker } from '../../src/run/pool';
import { SimulationPool, jobAffinity, type ReplicationJob } from '../../src/run/simulation-pool';
import { WarmupCache, runReplication } from '../../src/sim/engine';

function scenario(changes: Record<string, unknown> = {}): Scenario {
  const s = withParams({ ...defaultScenario(), replications: 4, weeks: 2 }, changes);
  if (!s.ok) throw new Error(s.error);
  return s.value;
}

function inProcessPool(size: number) {
  const caches: WarmupCache[] = [];
  const factory = (): PoolWorker<ReplicationJob, ReplicationResult> => {
    const cache = new WarmupCache();
    caches.push(cache);
    return {
      run: (job) =>
        new Promise((resolve) =>
          setTimeout(() => resolve(runReplication(job.scenario, job.replication, {}, cache)), 0),
        ),
      interrupt: () => false,
      terminate: () => {},
    };
  };
  const workers = new WorkerPool(factory, { size, affinity: jobAffinity });
  const warmups = () => caches.reduce((n, c) => n + c.stats.warmups, 0);
  return { pool: new SimulationPool(workers), warmups };
}

describe('the warm-up through the pool', () => {
  it('warms each replication once for a comparison, and not again when a lever changes', async () => {
    const { pool, warmups } = inProcessPool(2);
    const base = scenario();
    await pool.compare(base, scenario({ payPerHour: 25 }));
    expect(warmups()).toBe(4);
    await pool.compare(base, scenario({ payPerHour: 19, surgeEnabled: false }));
    await pool.compare(base, scenario({ reservedShare: 0.6 }));
    expect(warmups()).toBe(4);
    // A new baseline assumption is another status quo: its replications warm up again.
    await pool.compare(scenario({ demandPerDay: 9000 }), scenario({ payPerHour: 25 }));
    expect(warmups()).toBe(8);
    pool.close();
  });
});

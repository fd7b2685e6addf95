/**
 * The BullMQ queue against the in-process pool (issue 18): jobs per second of one design
 * (a Latin hypercube of 49 points of the default station over 26 weeks, and the baseline:
 * 50 × 4 replications = 200 jobs) on the runner's Node pool with 1 and 2 threads, and
 * through a queue on Redis (Debian's redis-server, started here on a free loopback port) with
 * 1 and 2 worker processes of one thread each; the queue's overhead is its time over the
 * pool's with as many threads (target: under 10%). Every side runs the design once untimed
 * first, so threads are compiled and warm-ups cached alike; then the timed run, twice, the
 * faster kept. Last, a metro-scale Morris design's wall time estimated for 1, 10 and 100
 * machines of this machine's cores from the measured cost of a metro job.
 *
 * Needs /usr/bin/redis-server; starts and stops everything it uses.
 */
import { availableParallelism } from 'node:os';
import { type ChildProcess } from 'node:child_process';
import { redisConnection, runOnQueue, QUEUE_NAME } from '../src/cli/queue';
import { designHash } from '../src/cli/design-files';
import { METRICS } from '../src/model/metrics';
import { designPoints, planDesign, type DesignPlan } from '../src/run/design-plan';
import { jobRange, workerPoolRunner } from '../src/run/design-jobs';
import { createNodePool } from '../src/run/node';
import { runReplication, WarmupCache } from '../src/sim/engine';
import { Queue } from 'bullmq';
import { startRedis, startWorker, stop } from '../tests/cli/redis';
import { METRO, STATION } from './configs';

const quiet = { stderr: () => {}, env: {} };

function stationPlan(): DesignPlan {
  const scenario = { ...STATION, replications: 4 };
  return planDesign({
    kind: 'lhs',
    factors: [
      { id: 'payPerHour', from: 16, to: 30 },
      { id: 'applicantsPerWeek', from: 6, to: 20 },
      { id: 'noShowRate', from: 0, to: 0.1 },
    ],
    n: 49,
    levels: 4,
    metrics: METRICS.map((m) => m.id),
    period: 'whole',
    scenario,
    baseline: scenario,
  });
}

/** Seconds of the faster of two timed runs, after one untimed. */
async function best(run: () => Promise<void>): Promise<number> {
  await run();
  let fastest = Infinity;
  for (let k = 0; k < 2; k++) {
    const t = performance.now();
    await run();
    fastest = Math.min(fastest, (performance.now() - t) / 1000);
  }
  return fastest;
}

async function poolSeconds(plan: DesignPlan, size: number): Promise<number> {
  const pool = createNodePool({ size, cacheScenarios: 0 });
  try {
    const run = workerPoolRunner(pool.workers);
    return await best(() => run(plan, jobRange(0, plan.jobs), () => {}));
  } finally {
    pool.close();
  }
}

async function queueSeconds(plan: DesignPlan, url: string, workers: number): Promise<number> {
  const started: ChildProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) {
      started.push(await startWorker(url, ['--concurrency', '1']));
    }
    const hash = designHash(plan.spec);
    return await best(async () => void (await runOnQueue(url, plan, hash, quiet)));
  } finally {
    await Promise.all(started.map((w) => stop(w)));
    const q = new Queue(QUEUE_NAME, { connection: redisConnection(url) });
    await q.obliterate({ force: true });
    await q.close();
  }
}

/** Seconds of a metro job: cold (with its 26-week warm-up) and warm (warm-up cached). */
function metroJob(): { cold: number; warm: number } {
  const cache = new WarmupCache(2 * 1024 ** 3);
  const s = { ...METRO, replications: 2 };
  let t = performance.now();
  runReplication(s, 0, {}, cache);
  const cold = (performance.now() - t) / 1000;
  t = performance.now();
  runReplication(s, 0, {}, cache);
  return { cold, warm: (performance.now() - t) / 1000 };
}

/**
 * Wall time of a design of `jobs` jobs and `reps` replications on `machines` machines of
 * `cores` threads: each thread runs its share of jobs warm, and pays a cold warm-up for each
 * replication it meets (at most every replication, at most one per job).
 */
export function estimateWall(
  jobs: number,
  reps: number,
  machines: number,
  cores: number,
  job: { cold: number; warm: number },
): number {
  const threads = machines * cores;
  const share = Math.ceil(jobs / threads);
  return share * job.warm + Math.min(reps, share) * (job.cold - job.warm);
}

async function main() {
  const plan = stationPlan();
  const line = (name: string, s: number, base?: number) =>
    console.log(
      `${name.padEnd(34)} ${s.toFixed(2)} s, ${(plan.jobs / s).toFixed(1)} jobs/s` +
        (base === undefined ? '' : `, ${(100 * (s / base - 1)).toFixed(1)}% over the pool`),
    );
  console.log(
    `queue.bench: ${plan.jobs} jobs (default station, 26 weeks), ${availableParallelism()} cores`,
  );
  const pool1 = await poolSeconds(plan, 1);
  line('in-process pool, 1 thread', pool1);
  const pool2 = await poolSeconds(plan, 2);
  line('in-process pool, 2 threads', pool2);
  const redis = await startRedis();
  try {
    line('queue, 1 worker (1 thread)', await queueSeconds(plan, redis.url, 1), pool1);
    line('queue, 2 workers (1 thread each)', await queueSeconds(plan, redis.url, 2), pool2);
  } finally {
    await redis.stop();
  }
  const job = metroJob();
  const factors = 12;
  const r = 20;
  const reps = 8;
  const jobs = (designPoints('morris', r, factors) + 1) * reps;
  const cores = availableParallelism();
  console.log(
    `metro job (20,000 drivers, 52 weeks): ${job.warm.toFixed(2)} s warm, ${job.cold.toFixed(2)} s with its warm-up`,
  );
  console.log(
    `metro Morris design, ${factors} factors × ${r} trajectories, ${reps} replications = ${jobs} jobs:`,
  );
  for (const machines of [1, 10, 100]) {
    const s = estimateWall(jobs, reps, machines, cores, job);
    console.log(
      `  ${String(machines).padStart(3)} machines × ${cores} cores: about ${(s / 60).toFixed(1)} min`,
    );
  }
}

await main();

/**
 * A design's jobs through a BullMQ queue on Redis (https://docs.bullmq.io): the runner
 * (`npm run sim -- --design … --queue redis://HOST:PORT`) enqueues every job and collects
 * the results that `npm run worker` processes (src/cli/worker.ts) return, on any number of
 * machines. A job's id is the design's hash and the job's number, so a restarted runner adds
 * nothing twice and collects what was done before it stopped. A job that fails is tried
 * again (three attempts); one whose worker died is moved back to the queue by BullMQ's
 * stalled-job check (its lock runs out) and run by another worker.
 */
import { Job, Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import type { ReplicationResult } from '../model/results';
import { designJob, type DesignPlan } from '../run/design-plan';
import { decodeResult, type ResultJson } from './design-files';
import type { DesignIo } from './design-run';

/** The queue every gigsim worker serves unless told another (`--name`). */
export const QUEUE_NAME = 'gigsim';
/** Attempts of a job before the run gives up on it. */
export const JOB_ATTEMPTS = 3;

/** A job's data: what the engine runs, and where the result belongs. */
export interface QueueJobData {
  hash: string;
  job: number;
  scenario: ReturnType<typeof designJob>['scenario'];
  replication: number;
}

/** ioredis options from redis://[user:password@]HOST:PORT[/DB] (rediss: for TLS). */
export function redisConnection(url: string, worker = false): ConnectionOptions {
  const u = new URL(url);
  const db = Number(u.pathname.slice(1) || '0');
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || '6379'),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // A worker's blocking connection must wait for Redis however long (BullMQ's rule).
    ...(worker ? { maxRetriesPerRequest: null } : {}),
  };
}

export const jobId = (hash: string, j: number): string => `${hash}-${j}`;

/** Every job of the plan through the queue; resolves with all results by job number. */
export async function runOnQueue(
  url: string,
  plan: DesignPlan,
  hash: string,
  io: DesignIo,
): Promise<Map<number, ReplicationResult>> {
  const connection = redisConnection(url);
  const name = io.env.GIGSIM_QUEUE_NAME ?? QUEUE_NAME;
  const queue = new Queue<QueueJobData>(name, { connection });
  const events = new QueueEvents(name, { connection });
  const results = new Map<number, ReplicationResult>();
  const prefix = `${hash}-`;
  let failure: Error | undefined;
  let lastNews = Date.now();
  const take = (id: string, value: unknown) => {
    const j = Number(id.slice(prefix.length));
    if (results.has(j) || !(j >= 0 && j < plan.jobs)) return;
    const json = (typeof value === 'string' ? JSON.parse(value) : value) as ResultJson;
    results.set(j, decodeResult(json));
    lastNews = Date.now();
  };
  try {
    await events.waitUntilReady();
    events.on('completed', ({ jobId: id, returnvalue }) => {
      if (id.startsWith(prefix)) take(id, returnvalue);
    });
    events.on('failed', ({ jobId: id, failedReason }) => {
      if (!id.startsWith(prefix)) return;
      void Job.fromId(queue, id).then((job) => {
        if (job && job.attemptsMade >= JOB_ATTEMPTS) {
          failure ??= new Error(
            `job ${id.slice(prefix.length)} failed ${JOB_ATTEMPTS} times: ${failedReason}`,
          );
        }
      });
    });
    // What a run before this one had done (its jobs' ids are this design's), then the rest.
    await collectDone(queue, plan, hash, results, take);
    const before = results.size;
    await enqueue(queue, plan, hash);
    const progress = queueProgress(io, plan.jobs, before);
    while (results.size < plan.jobs) {
      if (failure) throw failure;
      await sleep(250);
      progress(results.size);
      // Events can be missed (a reconnect): look the missing jobs up when news stops coming.
      if (Date.now() - lastNews > 3000) {
        lastNews = Date.now();
        await collectDone(queue, plan, hash, results, take);
      }
    }
    progress(results.size, true);
    await removeJobs(queue, plan, hash);
    return results;
  } finally {
    await events.close();
    await queue.close();
  }
}

/** Adds the jobs not in the queue yet (ids already there are kept as they are). */
async function enqueue(queue: Queue<QueueJobData>, plan: DesignPlan, hash: string): Promise<void> {
  const CHUNK = 500;
  for (let start = 0; start < plan.jobs; start += CHUNK) {
    const batch = [];
    for (let j = start; j < Math.min(plan.jobs, start + CHUNK); j++) {
      const { scenario, replication } = designJob(plan, j);
      batch.push({
        name: 'replication',
        data: { hash, job: j, scenario, replication },
        opts: {
          jobId: jobId(hash, j),
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'fixed', delay: 500 },
          removeOnComplete: false,
          removeOnFail: false,
        },
      });
    }
    await queue.addBulk(batch);
  }
}

/** Looks up every job not yet collected: takes the completed, retries the failed for good. */
async function collectDone(
  queue: Queue<QueueJobData>,
  plan: DesignPlan,
  hash: string,
  results: ReadonlyMap<number, ReplicationResult>,
  take: (id: string, value: unknown) => void,
): Promise<void> {
  const missing = Array.from({ length: plan.jobs }, (_, j) => j).filter((j) => !results.has(j));
  for (let k = 0; k < missing.length; k += 500) {
    const jobs = await Promise.all(
      missing.slice(k, k + 500).map((j) => Job.fromId<QueueJobData>(queue, jobId(hash, j))),
    );
    for (const job of jobs) {
      if (!job?.id) continue;
      if (job.finishedOn && job.returnvalue != null && !job.failedReason) {
        take(job.id, job.returnvalue);
      } else if (job.failedReason && job.attemptsMade >= JOB_ATTEMPTS) {
        // Failed for good in an earlier run: this run tries it again from the start.
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      }
    }
  }
}

/** Removes the design's jobs once its results are collected. */
async function removeJobs(queue: Queue<QueueJobData>, plan: DesignPlan, hash: string) {
  for (let k = 0; k < plan.jobs; k += 500) {
    const ids = Array.from({ length: Math.min(500, plan.jobs - k) }, (_, i) => jobId(hash, k + i));
    await Promise.all(ids.map((id) => queue.remove(id).catch(() => 0)));
  }
}

/** Progress on stderr: at most every 2 s, and at the end. */
function queueProgress(io: DesignIo, total: number, before: number) {
  let last = 0;
  return (done: number, final = false) => {
    const now = Date.now();
    if (!final && now - last < 2000) return;
    last = now;
    const resumed = before > 0 ? ` (${before} done before this run)` : '';
    io.stderr(`gigsim sim: queue: ${done}/${total} jobs done${resumed}\n`);
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

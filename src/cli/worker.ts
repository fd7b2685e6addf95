/**
 * `npm run worker -- --queue redis://HOST:PORT [--concurrency N] [--name QUEUE]`: serves a
 * BullMQ queue of design jobs (src/cli/queue.ts) on N engine threads (default: one per
 * core), on any machine that reaches Redis, until stopped (SIGINT or SIGTERM finish the jobs
 * in hand, then exit). The queue's connection stays on the main thread and the engine on the
 * threads, so a long replication never holds up the job locks' renewal. A thread that dies
 * fails its job, which BullMQ tries again; a worker process that dies leaves its jobs to
 * BullMQ's stalled-job check, which hands them to another worker once their lock runs out.
 */
import { availableParallelism, hostname } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker, type Job } from 'bullmq';
import { oneLine, parseDecimal } from '../model/input-text';
import type { EngineWorker } from '../run/engine-worker';
import { startNodeWorker } from '../run/node';
import { encodeResult, type ResultJson } from './design-files';
import { readQueueUrl } from './design-flags';
import { UsageError, arg } from './flags';
import { QUEUE_NAME, redisConnection, type QueueJobData } from './queue';

export const WORKER_USAGE = `Usage: npm run -s worker -- --queue redis://HOST:PORT [options]

Runs gigsim design jobs from a BullMQ queue on Redis until stopped (Ctrl+C).

Options:
  --queue URL        Redis, redis://[user:password@]HOST:PORT[/DB]
  --concurrency N    engine threads (default: one per core)
  --name QUEUE       the queue's name (default ${QUEUE_NAME}; the runner's GIGSIM_QUEUE_NAME)
  --lock-ms MS       a job's lock (default 30000): a dead worker's job is run again after it
  --help             this text`;

export interface WorkerOptions {
  queue: string;
  concurrency: number;
  name: string;
  lockMs: number;
}

export function parseWorkerArgs(argv: readonly string[]): WorkerOptions | 'help' {
  const o: Partial<WorkerOptions> = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--help' || a === '-h') return 'help';
    const value = () => {
      const v = argv[++k];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const whole = (min: number, max: number) => {
      const t = value();
      const n = parseDecimal(t);
      if (n === undefined || !Number.isInteger(n) || n < min || n > max) {
        throw new UsageError(`${a} ${arg(t)}: expected a whole number from ${min} to ${max}`);
      }
      return n;
    };
    if (a === '--queue') o.queue = readQueueUrl(value());
    else if (a === '--concurrency') o.concurrency = whole(1, 256);
    else if (a === '--name') o.name = value();
    else if (a === '--lock-ms') o.lockMs = whole(500, 3_600_000);
    else throw new UsageError(`unknown option ${arg(a)} (see --help)`);
  }
  if (o.queue === undefined) throw new UsageError('--queue redis://HOST:PORT is required');
  return {
    queue: o.queue,
    concurrency: o.concurrency ?? Math.max(1, availableParallelism()),
    name: o.name ?? QUEUE_NAME,
    lockMs: o.lockMs ?? 30_000,
  };
}

/** N engine threads, each running one job at a time; a dead thread is replaced. */
function threads(size: number) {
  const idle: EngineWorker[] = [];
  const waiting: ((w: EngineWorker) => void)[] = [];
  let runId = 0;
  const start = (): EngineWorker => {
    const w: EngineWorker = startNodeWorker({ died: () => {}, alive: () => {} });
    return w;
  };
  for (let i = 0; i < size; i++) idle.push(start());
  const give = (w: EngineWorker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  return {
    async run(data: QueueJobData): Promise<ResultJson> {
      const w = idle.pop() ?? (await new Promise<EngineWorker>((r) => waiting.push(r)));
      try {
        const result = await w.run(
          { scenario: data.scenario, replication: data.replication },
          ++runId,
        );
        give(w);
        return encodeResult(result);
      } catch (error) {
        w.terminate();
        give(start());
        throw error;
      }
    },
    close: () => idle.forEach((w) => w.terminate()),
  };
}

/** This worker's name in the queue: host and process id. */
export function workerName(pid = process.pid): string {
  return `${hostname()}:${pid}`;
}

/** Serves the queue until a signal; resolves when the worker has closed. */
export async function serve(o: WorkerOptions, log: (line: string) => void): Promise<void> {
  const pool = threads(o.concurrency);
  let done = 0;
  const worker = new Worker<QueueJobData, ResultJson>(
    o.name,
    async (job: Job<QueueJobData>) => pool.run(job.data),
    {
      // Shown as each job's processedBy: which machine and process ran it.
      name: workerName(),
      connection: redisConnection(o.queue, true),
      concurrency: o.concurrency,
      lockDuration: o.lockMs,
      stalledInterval: Math.max(250, Math.floor(o.lockMs / 2)),
      maxStalledCount: 3,
    },
  );
  worker.on('completed', () => void done++);
  worker.on('failed', (job, error) =>
    log(`job ${job?.id ?? '?'} failed: ${oneLine(error.message)}`),
  );
  worker.on('error', (error) => log(`queue error: ${oneLine(error.message)}`));
  await worker.waitUntilReady();
  log(`serving queue "${o.name}" at ${o.queue} on ${o.concurrency} threads`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await worker.close();
  pool.close();
  log(`stopped after ${done} jobs`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const log = (line: string) => void process.stderr.write(`gigsim worker: ${line}\n`);
  try {
    const o = parseWorkerArgs(process.argv.slice(2));
    if (o === 'help') process.stdout.write(`${WORKER_USAGE}\n`);
    else await serve(o, log);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

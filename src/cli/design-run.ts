/**
 * The runner's designs: `--design sobol|morris|lhs --vary ID=FROM:TO ... --n N`. Runs the
 * design's jobs (every one, a shard's share with `--shard i/n`, or through a BullMQ queue
 * with `--queue redis://…`) and writes the design's report (design-report.ts) as JSON or CSV,
 * or a shard's file for `npm run sim -- merge` (design-merge.ts).
 */
import { availableParallelism } from 'node:os';
import type { ReplicationResult } from '../model/results';
import { checkRunBounds, describeEstimate, estimateRun, overBudget } from '../model/run-budget';
import { designReport, type DesignReport } from '../run/design-report';
import { jobRange, type DesignJobRunner } from '../run/design-jobs';
import { planDesign, shardRange, type DesignPlan } from '../run/design-plan';
import { designCsv } from '../run/design-csv';
import { designJsonText } from '../run/design-output';
import { designHash, encodeResult, specToJson, type ShardFile } from './design-files';
import { autoShard } from './design-flags';
import { UsageError } from './flags';
import type { CliOptions, DesignOptions } from './options';

/** What a design run needs from its process: streams, environment, where jobs run. */
export interface DesignIo {
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Runs jobs on `size` threads (default: a Node worker pool). */
  runner?: (
    size: number,
  ) => { run: DesignJobRunner; close(): void } | Promise<{ run: DesignJobRunner; close(): void }>;
  cores?: number;
  /** Threads of the queue's own pool; the queue runner (tests point it elsewhere). */
  queue?: (
    url: string,
    plan: DesignPlan,
    hash: string,
    io: DesignIo,
  ) => Promise<Map<number, ReplicationResult>>;
}

/** The design's output text: a report (JSON or CSV) or a shard's file (JSON). */
export async function runDesign(
  options: CliOptions,
  design: DesignOptions,
  io: DesignIo,
): Promise<string> {
  const plan = planDesign(design.spec);
  const hash = designHash(design.spec);
  if (design.queue !== undefined) {
    const queue = io.queue ?? (await import('./queue')).runOnQueue;
    const results = await queue(design.queue, plan, hash, io);
    return formatDesign(designReport(plan, results, hash), options.format);
  }
  const shard = design.shard === 'auto' ? autoShard(io.env) : design.shard;
  const { start, end } = shard
    ? shardRange(plan.jobs, shard.index, shard.count)
    : { start: 0, end: plan.jobs };
  const jobs = jobRange(start, end);
  const results = new Map<number, ReplicationResult>();
  const size = Math.max(
    1,
    Math.min(options.workers ?? io.cores ?? availableParallelism(), jobs.length),
  );
  const runner = await (io.runner ?? nodeRunner)(size);
  try {
    const progress = progressLine(io, jobs.length, options.verbose);
    await runner.run(plan, jobs, (j, r) => {
      results.set(j, r);
      progress(results.size);
    });
  } finally {
    runner.close();
  }
  if (!shard) return formatDesign(designReport(plan, results, hash), options.format);
  const file: ShardFile = {
    gigsim: 'design-shard',
    version: 1,
    hash,
    shard,
    jobs: { start, end, total: plan.jobs },
    design: specToJson(design.spec),
    results: jobs.map((job) => ({
      job,
      result: encodeResult(results.get(job) as ReplicationResult),
    })),
  };
  return `${JSON.stringify(file)}\n`;
}

export function formatDesign(report: DesignReport, format: 'json' | 'csv' | 'table'): string {
  if (format === 'table') throw new UsageError(DESIGN_TABLE);
  return format === 'csv' ? designCsv(report) : designJsonText(report);
}

/** Why a design refuses `--format table` (the lab's readable table). */
export const DESIGN_TABLE =
  "--format table is the lab's (--experiment): a design prints json or csv";

/** Reports progress on stderr at every tenth of the jobs, when asked to. */
export function progressLine(
  io: Pick<DesignIo, 'stderr'>,
  total: number,
  on: boolean,
): (done: number) => void {
  let last = -1;
  return (done) => {
    const tenth = Math.floor((10 * done) / Math.max(1, total));
    if (!on || tenth === last) return;
    last = tenth;
    io.stderr(`gigsim sim: ${done}/${total} jobs done\n`);
  };
}

async function nodeRunner(size: number) {
  const [{ createNodePool }, { workerPoolRunner }] = await Promise.all([
    import('../run/node'),
    import('../run/design-jobs'),
  ]);
  const pool = createNodePool({ size, cacheScenarios: 0 });
  return { run: workerPoolRunner(pool.workers), close: () => pool.close() };
}

/**
 * Why the design is refused (a point out of bounds, or a run over the budget without
 * --force: the share this process runs), or undefined; says the estimate with --verbose.
 */
export function checkDesignRun(
  options: CliOptions,
  design: DesignOptions,
  io: DesignIo,
): string | undefined {
  if (options.format === 'table') return DESIGN_TABLE;
  let plan: DesignPlan;
  try {
    plan = planDesign(design.spec);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  for (const [i, s] of [design.spec.baseline, ...plan.points].entries()) {
    const bound = checkRunBounds(s);
    if (!bound.ok) return i === 0 ? bound.error : `design point ${i}: ${bound.error}`;
  }
  if (design.queue !== undefined) return undefined; // the fleet's time is not this machine's
  const shards =
    design.shard === undefined ? 1 : design.shard === 'auto' ? safeCount(io) : design.shard.count;
  const jobs = Math.ceil(plan.jobs / shards);
  const threads = Math.min(options.workers ?? io.cores ?? availableParallelism(), jobs);
  const e = estimateRun(design.spec.scenario, threads, jobs / design.spec.scenario.replications);
  const over = overBudget(e);
  if (over !== undefined && !options.force) {
    return `${over}; run it anyway with --force, or in shards (--shard i/n) or on a queue (--queue)`;
  }
  if (options.verbose || e.seconds > 30 || over !== undefined) {
    io.stderr(`gigsim sim: estimate: ${describeEstimate(e)}\n`);
  }
  return undefined;
}

function safeCount(io: DesignIo): number {
  try {
    return autoShard(io.env).count;
  } catch {
    return 1;
  }
}

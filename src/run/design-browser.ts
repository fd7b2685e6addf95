/**
 * A global design run in the browser (Explore's Global design tab): its jobs on the app's
 * worker pool, the same (point, replication) jobs as the runner's (design-jobs.ts), with
 * progress and time left, then its report computed in a worker of its own
 * (workers/design.worker.ts), so the page never blocks for long: the report of a few hundred
 * points takes seconds. The results are the runner's to the last byte: the same jobs give the
 * same results wherever they run, and the same code makes the report from them.
 */
import { transfer, wrap } from 'comlink';
import { METRICS } from '../model/metrics';
import type { ReplicationResult } from '../model/results';
import { COMPARISON_BYTES, COMPARISON_BYTES_PER_WEEK, type RunPlan } from '../model/run-budget';
import { jobRange, workerPoolRunner } from './design-jobs';
import { designPoints, type DesignPlan, type DesignSpec } from './design-plan';
import type { DesignOutput } from './design-output';
import { specToJson, type DesignSpecJson } from './design-spec';
import { resultBuffers } from './engine-service';
import { ExplorerAbortError } from './explorer-runner';
import { isSuperseded } from './pool';
import type { ExplorePlan } from './sweep-grid';
import type { SimulationPool } from './simulation-pool';

/** How far a design has got. */
export interface DesignProgress {
  /** 'jobs' while its jobs run; 'report' while its report is computed. */
  readonly phase: 'jobs' | 'report';
  readonly done: number;
  readonly total: number;
  readonly fraction: number;
  /** Seconds left for the jobs, once enough of them are done to tell. */
  readonly secondsLeft?: number;
}

export interface DesignRunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DesignProgress) => void;
  /** A clock in ms (default performance.now). */
  readonly now?: () => number;
}

/** Bytes of one job's result the page keeps until the report: its weekly and period means. */
export function resultBytes(weeks: number): number {
  return 8 * METRICS.length * (weeks + 4) + 2400;
}

/**
 * Comparisons' worth of memory the page keeps for a design: every job's result until the
 * report, then the report's JSON (a point's comparison takes about twice the bytes of a
 * comparison kept on screen).
 */
function keptComparisons(points: number, replications: number, weeks: number): number {
  const perComparison = COMPARISON_BYTES + COMPARISON_BYTES_PER_WEEK * weeks;
  const jobs = (points + 1) * replications;
  return 2 * points + Math.ceil((jobs * resultBytes(weeks)) / perComparison);
}

/** What a design runs, for the run gate: its baseline and points, and what the page keeps. */
export function designRunPlan(plan: DesignPlan): ExplorePlan {
  const { weeks, replications } = plan.spec.scenario;
  return {
    baselines: [plan.baseline],
    points: plan.points,
    kept: keptComparisons(plan.points.length, replications, weeks),
    names: plan.points.map((_, i) => `design point ${i + 1}`),
  };
}

/**
 * A design's cost before its points are made (the form's estimate as it is typed): each point
 * costs what the scenario costs.
 */
export function designSketch(spec: DesignSpec): RunPlan {
  const { weeks, replications } = spec.scenario;
  const points = designPoints(spec.kind, spec.n, spec.factors.length);
  return {
    baselines: [spec.baseline],
    points: [spec.scenario],
    comparisons: points,
    kept: keptComparisons(points, replications, weeks),
  };
}

/** Progress reports at most this often while jobs complete (ms). */
const REPORT_EVERY_MS = 100;

/**
 * The time left from the time taken so far: the jobs left at the rate of those done, once at
 * least `least` jobs are done (the first ones include the workers' start and warm-ups).
 */
export function secondsLeft(
  elapsedMs: number,
  done: number,
  total: number,
  least = 2,
): number | undefined {
  if (done < least || done <= 0 || elapsedMs <= 0) return undefined;
  return ((total - done) * elapsedMs) / done / 1000;
}

/** Runs every job of `plan` on the pool's workers; the results in job order. */
export async function runDesignJobs(
  pool: SimulationPool,
  plan: DesignPlan,
  options: DesignRunOptions = {},
): Promise<ReplicationResult[]> {
  const { signal, onProgress } = options;
  const now = options.now ?? (() => performance.now());
  if (signal?.aborted) throw new ExplorerAbortError();
  const results: ReplicationResult[] = new Array<ReplicationResult>(plan.jobs);
  const start = now();
  let done = 0;
  let last = -Infinity;
  const report = () => {
    const t = now();
    const left = secondsLeft(t - start, done, plan.jobs, Math.max(2, pool.size));
    onProgress?.({
      phase: 'jobs',
      done,
      total: plan.jobs,
      fraction: done / plan.jobs,
      ...(left !== undefined ? { secondsLeft: left } : {}),
    });
    last = t;
  };
  const stop = () => void pool.workers.runBatch([]).catch(() => {});
  signal?.addEventListener('abort', stop, { once: true });
  try {
    report();
    await workerPoolRunner(pool.workers)(plan, jobRange(0, plan.jobs), (j, r) => {
      results[j] = r;
      done++;
      if (done === plan.jobs || now() - last >= REPORT_EVERY_MS) report();
    });
  } catch (error) {
    if (signal?.aborted || isSuperseded(error)) throw new ExplorerAbortError();
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  if (signal?.aborted) throw new ExplorerAbortError();
  return results;
}

interface DesignWorkerApi {
  designOutputBlobs(
    spec: DesignSpecJson,
    results: readonly ReplicationResult[],
  ): Promise<DesignOutput<Blob>>;
}

/**
 * The design's report from its results, computed in a worker of its own; the results' buffers
 * move to it (they are gone from this side after). An abort terminates the worker.
 */
export function designOutputInWorker(
  plan: DesignPlan,
  results: readonly ReplicationResult[],
  signal?: AbortSignal,
): Promise<DesignOutput<Blob>> {
  const worker = new Worker(new URL('../../workers/design.worker.ts', import.meta.url), {
    type: 'module',
    name: 'gigsim-design-report',
  });
  const api = wrap<DesignWorkerApi>(worker);
  return new Promise<DesignOutput<Blob>>((resolve, reject) => {
    const end = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      end();
      reject(new ExplorerAbortError());
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      end();
      reject(
        new Error(`the design's report worker failed: ${event.message || 'it could not start'}`),
      );
    });
    const buffers = new Set(results.flatMap(resultBuffers));
    api.designOutputBlobs(specToJson(plan.spec), transfer(results, [...buffers])).then(
      (out) => {
        end();
        resolve(out);
      },
      (error: unknown) => {
        end();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Runs the design on the pool and computes its report: what Explore's run does. */
export async function runDesignInBrowser(
  pool: SimulationPool,
  plan: DesignPlan,
  options: DesignRunOptions = {},
): Promise<DesignOutput<Blob>> {
  const results = await runDesignJobs(pool, plan, options);
  const { jobs } = plan;
  options.onProgress?.({ phase: 'report', done: jobs, total: jobs, fraction: 1 });
  return designOutputInWorker(plan, results, options.signal);
}

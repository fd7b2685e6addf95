/**
 * Where a design's jobs run: on a worker pool (the runner's threads, the browser's workers) or
 * in this thread (tests, the queue's worker threads). Each takes the job numbers of a plan and
 * hands every result back with its job number, in whatever order they finish; the report
 * (design-report.ts) orders them, so where and in what order they ran changes nothing.
 */
import type { ReplicationResult } from '../model/results';
import { runReplication, WarmupCache } from '../sim/engine';
import { designJob, type DesignPlan } from './design-plan';
import type { EngineWorkerPool } from './simulation-pool';

/** Runs jobs `jobs` of `plan`, calling `onResult(job, result)` as each one is done. */
export type DesignJobRunner = (
  plan: DesignPlan,
  jobs: readonly number[],
  onResult: (job: number, result: ReplicationResult) => void,
) => Promise<void>;

/** Jobs in this thread, one after another, with their own warm-up cache. */
export function inThreadRunner(warmups = new WarmupCache()): DesignJobRunner {
  return async (plan, jobs, onResult) => {
    for (const j of jobs) {
      const { scenario, replication } = designJob(plan, j);
      onResult(j, runReplication(scenario, replication, {}, warmups));
    }
  };
}

/** Jobs on a worker pool (one batch: it supersedes any batch in flight). */
export function workerPoolRunner(pool: EngineWorkerPool): DesignJobRunner {
  return async (plan, jobs, onResult) => {
    await pool.runBatch(
      jobs.map((j) => designJob(plan, j)),
      (i, result) => onResult(jobs[i], result),
    );
  };
}

/** The numbers start, start + 1, ..., end − 1. */
export function jobRange(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}

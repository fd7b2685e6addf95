/**
 * Replications of scenarios run on a worker pool, aggregated as they arrive.
 *
 * `compare(baseline, scenario)` runs replication r of both on the same seeds (common random
 * numbers), interleaved so that pairs complete early, and streams estimates of the paired
 * comparison as pairs complete; `run(scenario)` does the same for one scenario. Aggregation
 * is src/sim/stats.ts on results sorted by replication, so the numbers do not depend on how
 * many workers ran the jobs, nor in what order they finished.
 *
 * One request at a time: a new `compare` or `run` supersedes the one in flight, whose promise
 * rejects with SupersededError (name 'Superseded') and whose `onProgress` is never called
 * again. Callers typically ignore that error (see `isSuperseded`).
 */
import type { CompareProgress, RunProgress, SummaryProgress } from '../model/contract';
import type { Comparison, ReplicationResult, ScenarioSummary } from '../model/results';
import { pairedWith, type Scenario } from '../model/scenario';
import { compare, summarise } from '../sim/stats';
import { SupersededError, type WorkerPool } from './pool';
import { ResultCache, scenarioKey, type ReplicationStore } from './result-cache';

/** The unit of work: one replication of one scenario. */
export interface ReplicationJob {
  readonly scenario: Scenario;
  readonly replication: number;
  /** The lab's runs: a result with the lab's record only (src/model/contract.ts). */
  readonly labOnly?: true;
}

export type EngineWorkerPool = WorkerPool<ReplicationJob, ReplicationResult>;

export interface RunOptions<P> {
  /** Hears progress, with a new estimate whenever one is computed. */
  onProgress?: (progress: P) => void;
  /**
   * Stops this request when aborted, if it is still the one in flight (then it rejects with
   * SupersededError and its workers stop mid-run); a later request is never touched.
   */
  signal?: AbortSignal;
}

export interface SimulationPoolOptions {
  /** Scenarios whose results are kept for later requests (default 8; 0 turns caching off). */
  cacheScenarios?: number;
  /** Bytes of results kept at most (default 64 MiB). */
  cacheBytes?: number;
}

/** The replication numbers of a scenario: 0 .. replications − 1. */
export function replicationNumbers(s: Scenario): number[] {
  return Array.from({ length: s.replications }, (_, r) => r);
}

/**
 * The worker a job prefers: replication r on worker r modulo the pool's size, so that the
 * worker that warmed up replication r (src/sim/warmup.ts, cached in each worker) runs it
 * again for the baseline, the scenario and every later lever change.
 */
export function jobAffinity(job: ReplicationJob): number {
  return job.replication;
}

/** Names a job in error messages. */
export function describeJob(job: ReplicationJob): string {
  return `replication ${job.replication} (seed ${job.scenario.seed}, ${job.scenario.weeks} weeks)`;
}

/**
 * Whether a new estimate is worth computing with `complete` replications in hand when the
 * last one used `last`: every new one up to 16, then every eighth or so more, so that long
 * runs do not spend the main thread re-aggregating after each replication.
 */
export function worthEstimating(complete: number, last: number, total: number): boolean {
  if (complete <= last) return false;
  if (complete >= total || complete <= 16) return true;
  return complete - last >= Math.max(1, Math.floor(last / 8));
}

interface Side {
  readonly key: string;
  readonly scenario: Scenario;
  readonly store: ReplicationStore;
}

export class SimulationPool {
  private readonly cache: ResultCache;
  private request = 0;

  constructor(
    readonly workers: EngineWorkerPool,
    options: SimulationPoolOptions = {},
  ) {
    this.cache = new ResultCache(options.cacheScenarios ?? 8, options.cacheBytes);
  }

  /** Number of workers. */
  get size(): number {
    return this.workers.size;
  }

  /**
   * Compares `scenario` with `baseline`, paired replication by replication. Both must share
   * seed, weeks and replications (otherwise the pairs would not share their random draws).
   * The first estimate comes once two pairs are complete (one, for a single replication).
   */
  compare(
    baseline: Scenario,
    scenario: Scenario,
    options: RunOptions<CompareProgress> = {},
  ): Promise<Comparison> {
    const mismatch = (['seed', 'weeks', 'replications'] as const).find(
      (k) => baseline[k] !== scenario[k],
    );
    if (mismatch) {
      return this.refuse(
        `baseline and scenario must share "${mismatch}" to be paired on the same random draws ` +
          `(baseline ${baseline[mismatch]}, scenario ${scenario[mismatch]})`,
      );
    }
    // The scenario warms up under the baseline's parameters: one warmed state for both sides.
    const paired = pairedWith(baseline, scenario);
    return this.execute([baseline, paired], ([b, s]) => compare(b, s), options);
  }

  /** Replication statistics of one scenario; the first estimate once two replications are in. */
  run(scenario: Scenario, options: RunOptions<SummaryProgress> = {}): Promise<ScenarioSummary> {
    return this.execute([scenario], ([s]) => summarise(s), options);
  }

  /**
   * The weekly histories of a scenario's replications (src/sim/history.ts), in replication
   * order: what a calibration (src/run/calibrate.ts) compares with a station's history.
   */
  histories(
    scenario: Scenario,
    options: RunOptions<RunProgress<Float64Array[]>> = {},
  ): Promise<Float64Array[]> {
    return this.execute(
      [scenario],
      ([s]) => s.map((r) => r.history ?? new Float64Array(0)),
      options,
    );
  }

  /** Stops the workers; a request in flight rejects. */
  close(): void {
    this.request++;
    this.workers.close();
    this.cache.clear();
  }

  /**
   * Stops the request in flight, if any: its promise rejects with SupersededError and its
   * workers stop mid-run. The pool keeps serving later requests.
   */
  cancel(): void {
    this.request++;
    this.workers.runBatch([]).catch(() => {});
  }

  private refuse<T>(message: string): Promise<T> {
    // A refused request still supersedes the one in flight: the caller has moved on.
    this.cancel();
    return Promise.reject(new RangeError(message));
  }

  private execute<T>(
    scenarios: readonly Scenario[],
    aggregate: (lists: ReplicationResult[][]) => T,
    { onProgress, signal }: RunOptions<RunProgress<T>>,
  ): Promise<T> {
    const token = ++this.request;
    const current = () => token === this.request;
    const stop = () => {
      if (current()) this.cancel();
    };
    if (signal?.aborted) {
      this.cancel();
      return Promise.reject(new SupersededError());
    }
    signal?.addEventListener('abort', stop, { once: true });
    const reps = replicationNumbers(scenarios[0]);
    if (reps.length < 1) return this.refuse('a run needs at least one replication');

    const plan = this.plan(scenarios, reps);
    const report = progressReporter(plan, aggregate, onProgress, current);
    return this.runJobs(plan, report, current)
      .then(() => {
        if (!current()) throw new SupersededError();
        const final = aggregate(resultLists(plan, reps));
        report(final);
        return final;
      })
      .finally(() => signal?.removeEventListener('abort', stop));
  }

  /**
   * What a request needs: its sides, each scenario's side and the jobs whose results are not
   * cached yet. The cache is trimmed to keep the sides' results.
   */
  private plan(scenarios: readonly Scenario[], reps: readonly number[]): Plan {
    // Identical sides (a scenario against itself) run once and share their results.
    const sides: Side[] = [];
    const sideOf = scenarios.map((scenario) => {
      const key = scenarioKey(scenario);
      let i = sides.findIndex((s) => s.key === key);
      if (i < 0) i = sides.push({ key, scenario, store: this.cache.store(key) }) - 1;
      return i;
    });
    const keys = sides.map((s) => s.key);
    this.cache.trim(keys);
    return { reps, sides, sideOf, keys, ...pendingJobs(reps, sides) };
  }

  /**
   * Runs the plan's jobs on the workers, caching each result as it arrives and reporting
   * progress (at once when some results were cached already); resolves when all are in.
   */
  private runJobs(
    plan: Plan,
    report: () => void,
    current: () => boolean,
  ): Promise<ReplicationResult[]> {
    const { sides, jobs, jobSide, keys } = plan;
    const n = plan.reps.length;
    const batch = this.workers.runBatch(jobs, (index, result) => {
      const side = sides[jobSide[index]];
      if (result.replication !== jobs[index].replication) {
        throw new Error(
          `a worker returned replication ${result.replication} for ${jobs[index].replication}`,
        );
      }
      this.cache.add(side.key, side.store, result, keys);
      // Skip the report when the final answer is about to follow.
      if (current() && sides.some((s) => s.store.size < n)) report();
    });
    if (jobs.length > 0 && sides.some((s) => s.store.size > 0)) report();
    return batch;
  }
}

/**
 * A request's work: its distinct sides, which side each of its scenarios is (`sideOf`, in the
 * order given), and the jobs still to run with the side of each (`jobSide`).
 */
interface Plan {
  readonly reps: readonly number[];
  readonly sides: readonly Side[];
  readonly sideOf: readonly number[];
  readonly keys: readonly string[];
  readonly jobs: readonly ReplicationJob[];
  readonly jobSide: readonly number[];
}

/**
 * The replications the sides' stores lack, interleaved (baseline r, then scenario r) so that
 * pairs complete early, with the side of each job.
 */
function pendingJobs(
  reps: readonly number[],
  sides: readonly Side[],
): { jobs: ReplicationJob[]; jobSide: number[] } {
  const jobs: ReplicationJob[] = [];
  const jobSide: number[] = [];
  for (const r of reps) {
    sides.forEach((side, i) => {
      if (!side.store.has(r)) {
        jobs.push({ scenario: side.scenario, replication: r });
        jobSide.push(i);
      }
    });
  }
  return { jobs, jobSide };
}

/** Each scenario's results for the `complete` replications, in the order of the scenarios. */
function resultLists(plan: Plan, complete: readonly number[]): ReplicationResult[][] {
  return plan.sideOf.map((i) =>
    complete.map((r) => plan.sides[i].store.get(r) as ReplicationResult),
  );
}

/**
 * A request's progress reports: counts of the results in, with an estimate when one is worth
 * computing (aggregated when first read) or, when given, the final one. Silent without a
 * listener and once the request is superseded.
 */
function progressReporter<T>(
  plan: Plan,
  aggregate: (lists: ReplicationResult[][]) => T,
  onProgress: ((progress: RunProgress<T>) => void) | undefined,
  current: () => boolean,
): (final?: T) => void {
  const { reps, sides } = plan;
  const n = reps.length;
  const total = n * sides.length;
  const first = Math.min(2, n);
  let lastEstimated = 0;
  const isComplete = (r: number) => sides.every((s) => s.store.has(r));
  return (final?: T) => {
    if (!onProgress || !current()) return;
    const done = sides.reduce((sum, s) => sum + s.store.size, 0);
    const complete = reps.filter(isComplete);
    const progress: { -readonly [K in keyof RunProgress<T>]: RunProgress<T>[K] } = {
      done,
      total,
      fraction: total > 0 ? done / total : 1,
      replications: complete.length,
    };
    if (final !== undefined) {
      progress.estimate = final;
      lastEstimated = complete.length;
    } else if (complete.length >= first && worthEstimating(complete.length, lastEstimated, n)) {
      lastEstimated = complete.length;
      // Aggregated when first read: a caller that shows estimates at its own pace (the app
      // redraws at most every 150 ms) does not pay for the ones it skips.
      const results = resultLists(plan, complete);
      let estimate: T | undefined;
      Object.defineProperty(progress, 'estimate', {
        enumerable: true,
        get: () => (estimate ??= aggregate(results)),
      });
    }
    onProgress(progress);
  };
}

/**
 * The worker protocol, declared once and used by both sides: what the main thread asks an
 * engine worker to do (a request), what comes back (a result), and how a run of many
 * replications reports on its way (progress).
 *
 * The unit of work is one replication of one scenario. A comparison of a scenario with its
 * baseline is a batch of such requests, paired by replication number: baseline replication r
 * and scenario replication r share their random draws (common random numbers), so their
 * difference is measured with little noise.
 */
import type { Comparison, ReplicationResult, ScenarioSummary } from './results';
import type { Scenario } from './scenario';

/** One replication an engine worker is asked to run. */
export interface ReplicationRequest {
  readonly scenario: Scenario;
  /** Replication number; with the scenario's seed it decides every random draw. */
  readonly replication: number;
  /** Identifies this run among all the runs a pool has started (for cancellation). */
  readonly runId: number;
  /**
   * Cancellation cell in shared memory, when the page can share memory with its workers.
   * The main thread stores a `runId` in element 0 to stop that run: the worker checks the cell
   * once per simulated day and abandons the run with an error named `Cancelled`.
   * Absent where shared memory is unavailable; stale runs are then stopped by terminating the
   * worker (see src/run/pool.ts).
   */
  readonly cancel?: Int32Array;
  /**
   * The experiment lab's runs (src/run/lab.ts): the result carries the lab's daily record and
   * the ledger only, its other arrays empty. The lab reads nothing else, and a result's every
   * typed array costs its message a buffer to move (dear in Chromium: 1,000 runs a lab).
   */
  readonly labOnly?: true;
  /**
   * FOR TESTS ONLY (set by `armSilentDeathForTests` in src/run/engine-worker.ts, never by the
   * app): the worker closes itself a few days into the run without a word, as a worker that
   * dies silently would, so that tests can see the pool notice and recover.
   */
  readonly testOnlyDieSilently?: true;
}

/**
 * A worker's heartbeat, posted to the main thread beside Comlink's messages (which ignore
 * it: it has no id) while a run is going: `{ [HEARTBEAT]: span }`, where span is the longest
 * stretch in ms between two of the engine's daily checks the worker has seen, or -1 as a run
 * starts (until the engine's first check). A worker also sends one when its script has loaded.
 */
export const HEARTBEAT = 'gigsimHeartbeat';

/** A heartbeat's span, or undefined when `data` is not a heartbeat. */
export function heartbeatSpan(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, HEARTBEAT))
    return undefined;
  const span = (data as Record<string, unknown>)[HEARTBEAT];
  return typeof span === 'number' && Number.isFinite(span) ? Math.max(-1, span) : 0;
}

/**
 * What an engine worker exposes through Comlink, and nothing else. The result's typed arrays
 * cross the boundary as transferables: their buffers move, they are not copied. Among them,
 * `sums` (about 1.8 kB) carries each period's ledger sums, from which the main thread's
 * `compare` decomposes every metric's change pair by pair (src/model/why.ts).
 */
export interface EngineWorkerApi {
  runReplication(request: ReplicationRequest): ReplicationResult | Promise<ReplicationResult>;
}

/** The name of the error a run abandoned on request throws (the engine's `CancelledError`). */
export const CANCELLED = 'Cancelled';

/**
 * How far a run of many replications has got, with the current estimate once enough
 * replications are in. `done` counts results in hand, cached ones included, out of the
 * `total` the answer needs; `fraction` is `done / total`, for a progress bar.
 */
export interface RunProgress<T> {
  readonly done: number;
  readonly total: number;
  readonly fraction: number;
  /** Replications of the answer complete so far (pairs, for a comparison). */
  readonly replications: number;
  /**
   * The estimate from the complete replications (or pairs), refined as more arrive; on the
   * last report it is the final answer. Absent until the first estimate is possible.
   */
  readonly estimate?: T;
}

/** Progress of a scenario compared with its baseline. */
export type CompareProgress = RunProgress<Comparison>;

/** Progress of a single scenario's replications. */
export type SummaryProgress = RunProgress<ScenarioSummary>;

/**
 * How a part of the app other than the workspace (and the explorer, in the browser and in
 * Node) runs a comparison: on one worker pool, which serves one request at a time (a new
 * request supersedes the one in flight, whose promise then rejects with an error for which
 * `isSuperseded` from src/run/pool.ts is true).
 *
 * `signal`, when given and honoured, stops the comparison on abort: the runner supersedes its
 * run in flight, so the promise rejects (superseded). A runner may ignore it; callers that
 * pass one must still stop waiting on abort themselves (src/run/explorer-runner.ts does).
 */
export type CompareRunner = (
  baseline: Scenario,
  scenario: Scenario,
  onProgress?: (progress: CompareProgress) => void,
  signal?: AbortSignal,
) => Promise<Comparison>;

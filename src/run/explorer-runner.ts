/**
 * The plumbing every exploration shares: its options and progress reports, cancellation (the
 * AbortError it rejects with), a CompareRunner over the simulation pool that honours the abort
 * signal, and the PointRunner that runs an exploration's comparisons one after another.
 *
 * Cancellation: `{ signal }`. Aborting stops between points and also supersedes the run in
 * flight (the runner is given the signal; `poolRunner` honours it), and the call rejects at
 * once with an error named `AbortError`. A run superseded by someone else (another request on
 * the pool) counts as cancelled too.
 */
import type { CompareProgress, CompareRunner } from '../model/contract';
import type { Comparison } from '../model/results';
import type { Scenario } from '../model/scenario';
import { isSuperseded } from './pool';
import type { SimulationPool } from './simulation-pool';

export interface ExplorerProgress {
  /** Points complete. */
  readonly done: number;
  /**
   * Points planned. For goal seek, its budget (an upper bound); when the search ends sooner,
   * a last report has `total` equal to `done`.
   */
  readonly total: number;
  /** `done` plus the share of the point in flight, over `total`: for a progress bar. */
  readonly fraction: number;
  /** The point just completed (absent on reports from within a point). */
  readonly point?: Comparison;
  /** Its position in the order points run (0-based). */
  readonly index?: number;
}

export interface ExplorerOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExplorerProgress) => void;
}

/** The error an exploration rejects with when cancelled (aborted or superseded). */
export class ExplorerAbortError extends Error {
  override name = 'AbortError';
  constructor(message = 'the exploration was cancelled') {
    super(message);
  }
}

/** Whether an error means the exploration was cancelled (so the caller should stay quiet). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * A CompareRunner over a simulation pool that honours the abort signal: aborting supersedes
 * the pool's request in flight (its promise rejects, superseded) and stops its replications.
 */
export function poolRunner(pool: SimulationPool): CompareRunner {
  return (baseline, scenario, onProgress, signal) => {
    if (signal?.aborted) return Promise.reject(new ExplorerAbortError());
    return pool.compare(baseline, scenario, {
      ...(onProgress ? { onProgress } : {}),
      ...(signal ? { signal } : {}),
    });
  };
}

/** Runs a sequence of comparisons, one at a time, with progress and cancellation. */
export class PointRunner {
  done = 0;
  constructor(
    private readonly runner: CompareRunner,
    private readonly options: ExplorerOptions,
    public total: number,
  ) {}

  check(): void {
    if (this.options.signal?.aborted) throw new ExplorerAbortError();
  }

  async compare(baseline: Scenario, scenario: Scenario): Promise<Comparison> {
    this.check();
    const { signal, onProgress } = this.options;
    const inner = onProgress
      ? (p: CompareProgress) => {
          if (signal?.aborted) return;
          onProgress({
            done: this.done,
            total: this.total,
            fraction: Math.min(1, (this.done + p.fraction) / Math.max(1, this.total)),
          });
        }
      : undefined;
    let comparison: Comparison;
    try {
      comparison = await abortable(this.runner(baseline, scenario, inner, signal), signal);
    } catch (error) {
      if (isSuperseded(error)) throw new ExplorerAbortError('superseded by a newer run');
      throw error;
    }
    this.check();
    const index = this.done++;
    onProgress?.({
      done: this.done,
      total: this.total,
      fraction: Math.min(1, this.done / Math.max(1, this.total)),
      point: comparison,
      index,
    });
    return comparison;
  }
}

/** The promise, or an AbortError as soon as the signal aborts, whichever comes first. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ExplorerAbortError());
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** `scenario` with the baseline's seed, weeks and replications, so that the two pair. */
export function pairedWith(baseline: Scenario, scenario: Scenario): Scenario {
  return {
    ...scenario,
    seed: baseline.seed,
    weeks: baseline.weeks,
    replications: baseline.replications,
  };
}

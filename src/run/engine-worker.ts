/**
 * An engine worker as the pool sees it, whatever the platform: a Comlink proxy of the
 * worker's API, a way to terminate it, and, where memory can be shared, a cancellation cell.
 * The platform modules (browser.ts, node.ts) create the real worker and report its death.
 */
import type { Remote } from 'comlink';
import type { EngineWorkerApi } from '../model/contract';
import type { ReplicationResult } from '../model/results';
import { WorkerDiedError, type PoolWorker, type WorkerEvents } from './pool';
import type { ReplicationJob } from './simulation-pool';

export interface EngineEndpoint {
  readonly api: Remote<EngineWorkerApi>;
  /** Shared cancellation cell, or undefined where memory cannot be shared. */
  readonly cancel: Int32Array | undefined;
  terminate(): void;
  /** Told when the worker starts and finishes a run (Node keeps idle workers unref'd). */
  busy?(busy: boolean): void;
}

export interface EngineWorker extends PoolWorker<ReplicationJob, ReplicationResult> {
  /** The platform reports that the worker died: its run rejects and the pool hears of it. */
  die(error: Error): void;
}

/** A cancellation cell in shared memory, or undefined when this context cannot share memory. */
export function cancellationCell(canShare: boolean): Int32Array | undefined {
  return canShare && typeof SharedArrayBuffer === 'function'
    ? new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
    : undefined;
}

/** Runs still to be told to die silently (tests only; see `armSilentDeathForTests`). */
let silentDeaths = 0;

/**
 * FOR TESTS ONLY: the next `count` runs started on any engine worker close their worker a few
 * days in, without a word (no error, no message), as a worker that dies silently would. The
 * app never calls this; the page exposes it only under the `test-faults` query flag (main.ts).
 */
export function armSilentDeathForTests(count: number): void {
  silentDeaths = Math.max(0, Math.floor(count));
}

export function engineWorker(endpoint: EngineEndpoint, events: WorkerEvents): EngineWorker {
  let ended: Error | undefined;
  let pending: ((error: Error) => void) | undefined;

  const end = (error: Error) => {
    if (ended) return false;
    ended = error;
    const reject = pending;
    pending = undefined;
    reject?.(error);
    return true;
  };

  return {
    run(job, runId) {
      if (ended) return Promise.reject(ended);
      return new Promise<ReplicationResult>((resolve, reject) => {
        const settle = () => {
          pending = undefined;
          endpoint.busy?.(false);
        };
        pending = reject;
        endpoint.busy?.(true);
        endpoint.api
          .runReplication({
            scenario: job.scenario,
            replication: job.replication,
            runId,
            ...(job.labOnly ? { labOnly: true as const } : {}),
            ...(endpoint.cancel ? { cancel: endpoint.cancel } : {}),
            ...(silentDeaths > 0 && silentDeaths-- > 0 ? { testOnlyDieSilently: true } : {}),
          })
          .then(
            (result) => {
              settle();
              resolve(result);
            },
            (error: unknown) => {
              settle();
              reject(error);
            },
          );
      });
    },
    interrupt(runId) {
      if (!endpoint.cancel) return false;
      Atomics.store(endpoint.cancel, 0, runId);
      return true;
    },
    terminate() {
      if (end(new WorkerDiedError('the engine worker was terminated'))) endpoint.terminate();
    },
    die(error) {
      if (end(error)) {
        endpoint.terminate();
        events.died(error);
      }
    },
  };
}

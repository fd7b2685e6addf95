/**
 * Runs a root-cause drill's station history in a Web Worker of its own (workers/drill.worker.ts),
 * so the page stays responsive: the history takes 0.2–1.2 s on one core (one 12-week
 * replication and its warm-up), far over the 50 ms a page may block. An abort terminates the
 * worker at once; each drill gets a fresh worker, ended when its history arrives.
 */
import { wrap } from 'comlink';
import type { DrillHistory } from '../model/drills/history';
import type { Scenario } from '../model/scenario';

interface DrillWorkerApi {
  drillHistory(scenario: Scenario): Promise<DrillHistory>;
}

/** Raised when a drill's run was cancelled. */
export class DrillCancelledError extends Error {
  constructor() {
    super('the drill’s simulation was cancelled');
    this.name = 'DrillCancelledError';
  }
}

/** The history of a drill's scenario, simulated in a worker; rejects when `signal` aborts. */
export function runDrillHistory(scenario: Scenario, signal?: AbortSignal): Promise<DrillHistory> {
  const worker = new Worker(new URL('../../workers/drill.worker.ts', import.meta.url), {
    type: 'module',
    name: 'gigsim-drill',
  });
  const api = wrap<DrillWorkerApi>(worker);
  return new Promise<DrillHistory>((resolve, reject) => {
    const end = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      end();
      reject(new DrillCancelledError());
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      end();
      reject(new Error(`the drill’s worker failed: ${event.message || 'it could not start'}`));
    });
    api.drillHistory(scenario).then(
      (h) => {
        end();
        resolve(h);
      },
      (error: unknown) => {
        end();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The simulation pool in the browser: one module Web Worker per core.
 *
 * Cancellation mid-run. A busy worker cannot receive a message until its run returns, so a
 * stale run is stopped one of two ways:
 * - where the page is cross-origin isolated (served with COOP/COEP headers), through a
 *   cancellation cell in a SharedArrayBuffer that the engine checks once per simulated day:
 *   the run stops within a day's work and the worker, warm, takes the next job;
 * - everywhere else (a static build on a file server that does not send those headers; the
 *   Vite dev and preview servers do, vite.config.ts), by terminating the worker and starting
 *   a fresh one at once: just as prompt, at the price of loading the worker script again
 *   (from the HTTP cache).
 * The second needs nothing from the server, so the app works wherever it is put; the first is
 * a free improvement where the headers are present.
 *
 * A worker that dies without a word (closes itself; no error event) is noticed by its missing
 * heartbeats (src/run/liveness.ts) and replaced, its job run again, either way.
 */
import { wrap } from 'comlink';
import { heartbeatSpan, type EngineWorkerApi } from '../model/contract';
import type { ReplicationResult } from '../model/results';
import { DEFAULT_LIVENESS } from './liveness';
import { WorkerDiedError, WorkerPool, type WorkerEvents } from './pool';
import { cancellationCell, engineWorker, type EngineWorker } from './engine-worker';
import {
  SimulationPool,
  describeJob,
  jobAffinity,
  type ReplicationJob,
  type SimulationPoolOptions,
} from './simulation-pool';

/** Workers for this machine: one per logical core, at least one. */
export function browserPoolSize(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency;
  return Math.max(1, Number.isFinite(cores) ? Math.floor(cores) : 1);
}

/** Whether workers can share memory with this page (cross-origin isolation). */
export function canShareMemory(): boolean {
  return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
}

/** Starts one engine worker. */
export function startBrowserWorker(events: WorkerEvents): EngineWorker {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'gigsim-engine',
  });
  const handle = engineWorker(
    {
      api: wrap<EngineWorkerApi>(worker),
      cancel: cancellationCell(canShareMemory()),
      terminate: () => worker.terminate(),
    },
    events,
  );
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    handle.die(
      new WorkerDiedError(`the engine worker failed: ${event.message || 'it could not start'}`),
    );
  });
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const span = heartbeatSpan(event.data);
    if (span !== undefined) events.alive(span);
  });
  worker.addEventListener('messageerror', () => {
    handle.die(new WorkerDiedError('the engine worker sent a message that could not be read'));
  });
  return handle;
}

export interface BrowserPoolOptions extends SimulationPoolOptions {
  /** Workers (default: one per logical core). */
  size?: number;
}

export function createBrowserPool(options: BrowserPoolOptions = {}): SimulationPool {
  const workers = new WorkerPool<ReplicationJob, ReplicationResult>(startBrowserWorker, {
    size: options.size ?? browserPoolSize(),
    describe: describeJob,
    affinity: jobAffinity,
    liveness: DEFAULT_LIVENESS,
  });
  return new SimulationPool(workers, options);
}

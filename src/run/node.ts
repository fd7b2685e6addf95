/**
 * The simulation pool in Node, for the headless runner and tests: one worker thread per core,
 * through Comlink's Node adapter. Node always shares memory with its threads, so stale runs
 * stop through the cancellation cell, mid-run, and the worker stays warm.
 *
 * The worker entry is TypeScript (workers/engine.node.ts), bundled by esbuild into one module
 * (src/run/node-bundle.ts) that each thread loads. Idle workers do not keep the process alive:
 * a runner that forgets `close()` still exits once its last request is answered.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { heartbeatSpan, type EngineWorkerApi } from '../model/contract';
import type { ReplicationResult } from '../model/results';
import { cancellationCell, engineWorker, type EngineWorker } from './engine-worker';
import { DEFAULT_LIVENESS, type LivenessOptions } from './liveness';
import { nodeBundle } from './node-bundle';
import { WorkerDiedError, WorkerPool, type WorkerEvents } from './pool';
import {
  SimulationPool,
  describeJob,
  jobAffinity,
  type ReplicationJob,
  type SimulationPoolOptions,
} from './simulation-pool';

const ENTRY = new URL('../../workers/engine.node.ts', import.meta.url);

/** Workers for this machine: one per core the process may use, at least one. */
export function nodePoolSize(): number {
  return Math.max(1, availableParallelism());
}

/** Starts one engine worker thread; `onThread` sees the thread (tests kill it). */
export function startNodeWorker(
  events: WorkerEvents,
  onThread?: (thread: Worker) => void,
): EngineWorker {
  const thread = new Worker(nodeBundle(ENTRY), {
    execArgv: [...process.execArgv, '--enable-source-maps'],
  });
  thread.unref();
  const handle = engineWorker(
    {
      api: wrap<EngineWorkerApi>(nodeEndpoint(thread)),
      cancel: cancellationCell(true),
      terminate: () => void thread.terminate(),
      busy: (busy) => (busy ? thread.ref() : thread.unref()),
    },
    events,
  );
  thread.on('error', (error) => {
    handle.die(new WorkerDiedError(`the engine worker failed: ${error.message}`));
  });
  thread.on('messageerror', () => {
    handle.die(new WorkerDiedError('the engine worker sent a message that could not be read'));
  });
  thread.on('message', (message: unknown) => {
    const span = heartbeatSpan(message);
    if (span !== undefined) events.alive(span);
  });
  thread.on('exit', (code) => {
    handle.die(new WorkerDiedError(`the engine worker exited (code ${code})`));
  });
  onThread?.(thread);
  return handle;
}

export interface NodePoolOptions extends SimulationPoolOptions {
  /** Workers (default: one per core). */
  size?: number;
  /** Hears of every worker thread started, replacements included (for tests). */
  onThread?: (thread: Worker) => void;
  /** Heartbeat allowances (default DEFAULT_LIVENESS, 60 s to start). */
  liveness?: Partial<LivenessOptions>;
}

export function createNodePool(options: NodePoolOptions = {}): SimulationPool {
  const workers = new WorkerPool<ReplicationJob, ReplicationResult>(
    (events) => startNodeWorker(events, options.onThread),
    {
      size: options.size ?? nodePoolSize(),
      describe: describeJob,
      affinity: jobAffinity,
      // Loading a thread may take long on a loaded machine.
      liveness: { ...DEFAULT_LIVENESS, startMs: 60_000, ...options.liveness },
    },
  );
  return new SimulationPool(workers, options);
}

/**
 * A pool of workers that runs one batch of jobs at a time: pure orchestration, generic over
 * the job and its result, so it runs the same in the browser (Web Workers), in Node
 * (worker_threads) and in tests (fake workers). It knows nothing of the simulation.
 *
 * Rules:
 * - A batch runs its jobs in the order given, each on the first idle worker; with an affinity,
 *   an idle worker takes the earliest job that prefers it (a worker keeps what it computed for
 *   a job, e.g. a warmed state), and else another worker's while that one has two or more
 *   queued (or has no worker), so that a worker idles only near the end of a batch.
 * - A new batch supersedes the one in flight: the older promise rejects with SupersededError,
 *   its callbacks are never called again, and its running jobs are stopped mid-run.
 * - Stopping a running job: the pool asks its worker to interrupt it (a shared-memory flag the
 *   job checks as it goes); a worker that cannot be interrupted is terminated and replaced.
 * - Faults: a job that throws, or whose worker dies, gets its worker replaced and runs once
 *   more; a second failure rejects the batch with JobFailedError. The pool keeps serving.
 * - Silent deaths: with `liveness`, a busy worker that stops sending heartbeats (`alive`) is
 *   taken for dead (src/run/liveness.ts): terminated, replaced and its job run again, as for
 *   any other death. A worker stopping a stale run is watched too, so none is lost for good.
 */
import { Liveness, type LivenessOptions } from './liveness';

/** A worker as the pool sees it: it runs one job at a time. */
export interface PoolWorker<J, R> {
  /** Runs a job; rejects if the job throws. `runId` names this run for `interrupt`. */
  run(job: J, runId: number): Promise<R>;
  /**
   * Asks the worker to abandon run `runId` mid-run (its promise then rejects with an error
   * named 'Cancelled', or resolves if the run was already finishing). Returns false when the
   * worker cannot be interrupted; the pool then terminates it.
   */
  interrupt(runId: number): boolean;
  /** Stops the worker for good. Its pending runs may reject or never settle. */
  terminate(): void;
}

/** What a worker tells the pool on its own initiative. */
export interface WorkerEvents {
  /** The worker died (crashed, exited or was killed): it will run nothing more. */
  died(error: Error): void;
  /**
   * A heartbeat: the worker is alive and working. `span` is the longest stretch (ms) it has
   * seen between two of its checks, so slow steps are not taken for silence.
   */
  alive(span?: number): void;
}

/** Creates a worker; the pool calls it to fill the pool and to replace dead workers. */
export type WorkerFactory<J, R> = (events: WorkerEvents) => PoolWorker<J, R>;

/** The error of a request superseded by a newer one; its result is never delivered. */
export class SupersededError extends Error {
  override name = 'Superseded';
  constructor() {
    super('superseded by a newer request');
  }
}

/** The error of a batch in which a job failed twice. */
export class JobFailedError extends Error {
  override name = 'JobFailed';
  constructor(
    message: string,
    readonly failure: Error,
  ) {
    super(message);
  }
}

/** The error of a request made to (or in flight in) a pool that has been closed. */
export class PoolClosedError extends Error {
  override name = 'PoolClosed';
  constructor() {
    super('the worker pool has been closed');
  }
}

/** The error the pool reports for a worker that died during a job. */
export class WorkerDiedError extends Error {
  override name = 'WorkerDied';
}

/** Whether an error is a run abandoned on request. */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'Cancelled';
}

/** Whether an error means "a newer request took over" (so the caller should stay quiet). */
export function isSuperseded(error: unknown): boolean {
  return error instanceof Error && error.name === 'Superseded';
}

export interface PoolOptions<J> {
  /** Number of workers, at least 1. */
  size: number;
  /** Names a job in error messages, e.g. "scenario replication 3". */
  describe?: (job: J) => string;
  /** The worker a job prefers (taken modulo the size), e.g. its replication number. */
  affinity?: (job: J) => number;
  /** Watch busy workers' heartbeats and replace the silent ones (default: not watched). */
  liveness?: LivenessOptions;
}

/** Counters for tests and diagnostics. */
export interface PoolStats {
  /** Workers created, the first ones included. */
  spawned: number;
  /** Workers replaced after a fault (a failed job or a death). */
  replaced: number;
  /** Running jobs stopped through `interrupt`. */
  interrupted: number;
  /** Running jobs stopped by terminating their worker. */
  terminated: number;
  /** Stale runs that did stop mid-run (settled with a Cancelled error). */
  cancelledMidRun: number;
  /** Jobs run again after a fault. */
  retried: number;
  /** Busy workers replaced because they fell silent (no heartbeat, no event). */
  silent: number;
}

interface Batch<J, R> {
  readonly jobs: readonly J[];
  readonly results: (R | undefined)[];
  readonly queue: Task<J, R>[];
  remaining: number;
  settled: boolean;
  readonly onResult: (index: number, result: R) => void;
  readonly resolve: (results: R[]) => void;
  readonly reject: (error: Error) => void;
}

interface Task<J, R> {
  readonly batch: Batch<J, R>;
  readonly index: number;
  attempts: number;
}

interface Slot<J, R> {
  /** Undefined when the last attempt to create a worker failed. */
  worker: PoolWorker<J, R> | undefined;
  task: Task<J, R> | undefined;
  runId: number;
  /** The task was stopped (superseded or its batch failed); its outcome no longer matters. */
  stopping: boolean;
}

export class WorkerPool<J, R> {
  readonly size: number;
  readonly stats: PoolStats = {
    spawned: 0,
    replaced: 0,
    interrupted: 0,
    terminated: 0,
    cancelledMidRun: 0,
    retried: 0,
    silent: 0,
  };
  private readonly slots: Slot<J, R>[] = [];
  private readonly describe: (job: J) => string;
  private readonly affinity: ((job: J) => number) | undefined;
  private current: Batch<J, R> | undefined;
  private nextRunId = 0;
  private closed = false;
  private spawnError: Error | undefined;
  private readonly liveness: Liveness<PoolWorker<J, R>> | undefined;

  constructor(
    private readonly factory: WorkerFactory<J, R>,
    options: PoolOptions<J>,
  ) {
    this.size = Math.max(1, Math.floor(options.size));
    this.describe = options.describe ?? ((_job: J) => 'a job');
    this.affinity = options.affinity;
    this.liveness = options.liveness && new Liveness(options.liveness, (s) => this.watch(s));
    for (let i = 0; i < this.size; i++) {
      const slot: Slot<J, R> = { worker: undefined, task: undefined, runId: 0, stopping: false };
      this.slots.push(slot);
      this.spawn(slot);
    }
  }

  /** Whether a batch is in flight. */
  get busy(): boolean {
    return this.current !== undefined;
  }

  /**
   * Runs `jobs` and resolves with their results in job order. `onResult` hears each result as
   * it arrives (in completion order). Supersedes the batch in flight, if any.
   */
  runBatch(
    jobs: readonly J[],
    onResult: (index: number, result: R) => void = () => {},
  ): Promise<R[]> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    const previous = this.current;
    if (previous) this.settle(previous, new SupersededError());
    return new Promise<R[]>((resolve, reject) => {
      const batch: Batch<J, R> = {
        jobs,
        results: new Array<R | undefined>(jobs.length).fill(undefined),
        queue: [],
        remaining: jobs.length,
        settled: false,
        onResult,
        resolve,
        reject,
      };
      for (let i = 0; i < jobs.length; i++) batch.queue.push({ batch, index: i, attempts: 0 });
      this.current = batch;
      if (jobs.length === 0) {
        this.settle(batch);
        return;
      }
      this.pump();
    });
  }

  /** Stops every worker; a batch in flight rejects with PoolClosedError. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.liveness?.stop();
    if (this.current) this.settle(this.current, new PoolClosedError());
    for (const slot of this.slots) {
      const worker = slot.worker;
      slot.worker = undefined;
      slot.task = undefined;
      worker?.terminate();
    }
  }

  private spawn(slot: Slot<J, R>): void {
    let worker: PoolWorker<J, R> | undefined;
    const events: WorkerEvents = {
      died: (error) => {
        // Only news about the worker the slot holds now matters.
        if (worker !== undefined && slot.worker === worker) this.fault(slot, error);
      },
      alive: (span) => {
        if (worker !== undefined && slot.worker === worker) this.liveness?.heard(worker, span);
      },
    };
    try {
      worker = this.factory(events);
      slot.worker = worker;
      this.stats.spawned++;
      this.spawnError = undefined;
    } catch (error) {
      slot.worker = undefined;
      this.spawnError = asError(error);
    }
    slot.task = undefined;
    slot.stopping = false;
  }

  /** Gives queued jobs of the current batch to idle workers. */
  private pump(): void {
    const batch = this.current;
    if (!batch || batch.settled) return;
    this.slots.forEach((slot, index) => {
      if (batch.queue.length === 0) return;
      // Workers that died while idle are replaced here, when there is work for them.
      if (!slot.worker) this.spawn(slot);
      const task = slot.worker && !slot.task ? this.take(batch, index) : undefined;
      if (slot.worker && task) this.dispatch(slot, slot.worker, task);
    });
    if (batch.queue.length > 0 && this.slots.every((s) => !s.worker)) {
      const cause = this.spawnError ?? new Error('no worker could be started');
      this.settle(batch, new JobFailedError(`could not start a worker: ${cause.message}`, cause));
    }
  }

  /**
   * The next task for worker `index`: the earliest that prefers it; else, with an affinity,
   * the earliest of another worker's only while that worker has at least two still queued
   * (taking a job from its worker costs the thief what that worker kept for it, so near the end
   * of a batch waiting is faster); without an affinity, the earliest.
   */
  private take(batch: Batch<J, R>, index: number): Task<J, R> | undefined {
    const affinity = this.affinity;
    if (!affinity) return batch.queue.shift();
    const prefers = batch.queue.map((t) => affinity(t.batch.jobs[t.index]) % this.size);
    let k = prefers.indexOf(index);
    if (k < 0) {
      const queued = new Map<number, number>();
      for (const w of prefers) queued.set(w, (queued.get(w) ?? 0) + 1);
      k = prefers.findIndex((w) => (queued.get(w) ?? 0) >= 2 || !this.slots[w]?.worker);
      if (k < 0) return undefined;
    }
    return batch.queue.splice(k, 1)[0];
  }

  private dispatch(slot: Slot<J, R>, worker: PoolWorker<J, R>, task: Task<J, R>): void {
    const runId = ++this.nextRunId;
    slot.task = task;
    slot.runId = runId;
    slot.stopping = false;
    this.liveness?.started(worker);
    let promise: Promise<R>;
    try {
      promise = worker.run(task.batch.jobs[task.index], runId);
    } catch (error) {
      promise = Promise.reject(asError(error));
    }
    promise.then(
      (result) => {
        if (slot.worker !== worker || slot.runId !== runId) return;
        this.succeeded(slot, task, result);
      },
      (error: unknown) => {
        if (slot.worker !== worker || slot.runId !== runId) return;
        this.fault(slot, asError(error));
      },
    );
  }

  private succeeded(slot: Slot<J, R>, task: Task<J, R>, result: R): void {
    slot.task = undefined;
    slot.stopping = false;
    const batch = task.batch;
    if (!batch.settled && batch === this.current) {
      batch.results[task.index] = result;
      batch.remaining--;
      try {
        batch.onResult(task.index, result);
      } catch (error) {
        if (!batch.settled) this.settle(batch, asError(error));
      }
      if (!batch.settled && batch.remaining === 0) this.settle(batch);
    }
    this.pump();
  }

  /** A job failed or its worker died: replace the worker, run the job again or give up. */
  private fault(slot: Slot<J, R>, error: Error): void {
    const task = slot.task;
    if (task && slot.stopping && isCancelled(error)) {
      // A stale run that stopped as asked: the worker is healthy and free again.
      this.stats.cancelledMidRun++;
      slot.task = undefined;
      slot.stopping = false;
      this.pump();
      return;
    }
    const stale = !task || slot.stopping || task.batch.settled || task.batch !== this.current;
    slot.worker?.terminate();
    this.stats.replaced++;
    // A worker that died idle is replaced when work comes (pump), so a worker that cannot
    // even start does not respawn in a loop; one that failed a job is replaced at once.
    slot.worker = undefined;
    slot.task = undefined;
    slot.stopping = false;
    if (task && !this.closed) this.spawn(slot);
    if (task && !stale) {
      task.attempts++;
      if (task.attempts >= 2) {
        const what = this.describe(task.batch.jobs[task.index]);
        this.settle(
          task.batch,
          new JobFailedError(`${what} failed twice, giving up: ${error.message}`, error),
        );
      } else {
        this.stats.retried++;
        task.batch.queue.unshift(task);
      }
    }
    this.pump();
  }

  /**
   * Replaces the busy workers that fell silent; returns whether any worker is busy. A silent
   * worker stopping a stale run is replaced too, or it would hold its slot for good.
   */
  private watch(silent: (worker: PoolWorker<J, R>) => boolean): boolean {
    let busy = false;
    for (const slot of this.slots) {
      const worker = slot.worker;
      if (!worker || !slot.task) continue;
      busy = true;
      if (!silent(worker)) continue;
      this.stats.silent++;
      const seconds = (this.liveness?.options.silenceMs ?? 0) / 1000;
      this.fault(slot, new WorkerDiedError(`the engine worker fell silent (over ${seconds} s)`));
    }
    return busy;
  }

  /** Ends a batch: resolves it (no error) or rejects it, and stops its running jobs. */
  private settle(batch: Batch<J, R>, error?: Error): void {
    if (batch.settled) return;
    batch.settled = true;
    batch.queue.length = 0;
    if (this.current === batch) this.current = undefined;
    for (const slot of this.slots) {
      if (slot.task?.batch === batch && !slot.stopping) this.stop(slot);
    }
    if (error) batch.reject(error);
    else batch.resolve(batch.results as R[]);
  }

  /** Stops a running job whose outcome no longer matters. */
  private stop(slot: Slot<J, R>): void {
    const worker = slot.worker;
    if (!worker) return;
    slot.stopping = true;
    if (worker.interrupt(slot.runId)) {
      this.stats.interrupted++;
      return;
    }
    // No way to reach into a busy worker: end it, and start a fresh one for what comes next.
    this.stats.terminated++;
    worker.terminate();
    if (this.closed) slot.worker = undefined;
    else this.spawn(slot);
  }
}

function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  // Comlink rebuilds thrown errors as Error; anything else (a thrown string) is wrapped.
  return new Error(typeof error === 'string' ? error : JSON.stringify(error));
}

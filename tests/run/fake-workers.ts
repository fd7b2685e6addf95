/**
 * Fake workers for testing the pool without threads: each job runs in steps on timers (like
 * the engine's weeks), checks for interruption between steps, and can be told to throw or
 * to die. They record what they ran, so tests can see where work went and when it stopped.
 */
import type { PoolWorker, WorkerEvents, WorkerFactory } from '../../src/run/pool';

/**
 * 'throw': the job throws; 'die': the worker dies and says so; 'vanish': the worker falls
 * silent mid-job (no result, no event, no heartbeat), as a Web Worker that closes itself.
 */
export type Fault = 'throw' | 'die' | 'vanish' | undefined;

export interface FleetOptions<J, R> {
  compute: (job: J) => R;
  /** Steps a job takes (default 3). */
  steps?: (job: J) => number;
  /** Milliseconds a step takes (default 1). */
  stepMs?: number;
  /** Whether workers can be interrupted mid-run (default true). */
  interruptible?: boolean;
  /** Makes attempt `attempt` (0, 1, ...) of a job fail at its first step. */
  fault?: (job: J, attempt: number) => Fault;
  /** Makes the factory throw instead of creating a worker. */
  failToStart?: () => boolean;
  /** Whether workers send a heartbeat at every step, with the step's length as span. */
  beats?: boolean;
  /** Identifies a job for counting attempts (default: the job itself). */
  key?: (job: J) => unknown;
}

export class FakeWorker<J, R> implements PoolWorker<J, R> {
  terminated = false;
  readonly ran: J[] = [];
  private readonly cancelled = new Set<number>();
  running = 0;
  /** Fell silent: runs nothing more, says nothing. */
  vanished = false;

  constructor(
    private readonly fleet: FakeFleet<J, R>,
    private readonly events: WorkerEvents,
  ) {}

  run(job: J, runId: number): Promise<R> {
    const fleet = this.fleet;
    this.ran.push(job);
    fleet.order.push(job);
    const attempt = fleet.nextAttempt(job);
    const steps = fleet.options.steps?.(job) ?? 3;
    const stepMs = fleet.options.stepMs ?? 1;
    this.running++;
    fleet.concurrent++;
    fleet.maxConcurrent = Math.max(fleet.maxConcurrent, fleet.concurrent);
    const finish = () => {
      this.running--;
      fleet.concurrent--;
    };
    return new Promise<R>((resolve, reject) => {
      let step = 0;
      let planned: Fault;
      const tick = () => {
        if (this.terminated) {
          finish();
          fleet.killedRuns++;
          return; // like a terminated thread: the run never settles
        }
        const fault = step === 0 ? fleet.options.fault?.(job, attempt) : undefined;
        if (step === 0) planned = fault;
        // A planned silence comes halfway through the job, after some heartbeats.
        if ((planned === 'vanish' && step >= Math.floor(steps / 2)) || this.vanished) {
          finish();
          this.vanished = true;
          fleet.vanishedRuns++;
          return; // silent for good: no result, no event, no heartbeat
        }
        if (fleet.options.beats) this.events.alive(stepMs);
        if (fault === 'throw') {
          finish();
          reject(new Error(`engine error in ${String(job)}`));
          return;
        }
        if (fault === 'die') {
          finish();
          this.terminated = true;
          this.events.died(new Error('worker crashed'));
          return;
        }
        if (this.cancelled.has(runId)) {
          finish();
          fleet.stoppedMidRun++;
          const error = new Error('stopped');
          error.name = 'Cancelled';
          reject(error);
          return;
        }
        if (step >= steps) {
          finish();
          fleet.completed.push(job);
          resolve(fleet.options.compute(job));
          return;
        }
        step++;
        fleet.steps++;
        setTimeout(tick, stepMs);
      };
      setTimeout(tick, 0);
    });
  }

  interrupt(runId: number): boolean {
    if (this.fleet.options.interruptible === false) return false;
    this.cancelled.add(runId);
    return true;
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Makes the worker fall silent, as one that closed itself would: its runs never end. */
  vanish(): void {
    this.vanished = true;
  }

  /** Kills the worker from outside, as a crash would. */
  crash(): void {
    this.terminated = true;
    this.events.died(new Error('worker killed'));
  }
}

export class FakeFleet<J, R> {
  readonly workers: FakeWorker<J, R>[] = [];
  /** Jobs in the order they were started, retries included. */
  readonly order: J[] = [];
  readonly completed: J[] = [];
  steps = 0;
  concurrent = 0;
  maxConcurrent = 0;
  stoppedMidRun = 0;
  killedRuns = 0;
  vanishedRuns = 0;
  private readonly attempts = new Map<unknown, number>();

  constructor(readonly options: FleetOptions<J, R>) {}

  readonly factory: WorkerFactory<J, R> = (events) => {
    if (this.options.failToStart?.()) throw new Error('no threads left');
    const worker = new FakeWorker(this, events);
    this.workers.push(worker);
    return worker;
  };

  nextAttempt(job: J): number {
    const key = this.options.key ? this.options.key(job) : job;
    const n = this.attempts.get(key) ?? 0;
    this.attempts.set(key, n + 1);
    return n;
  }

  get alive(): FakeWorker<J, R>[] {
    return this.workers.filter((w) => !w.terminated);
  }
}

/** Waits for the timers and promises in flight to run. */
export function pause(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Signs of life from busy workers, so that a worker that dies without a word (a Web Worker
 * that closes itself, or is dropped by the browser, fires no event at all) is noticed.
 *
 * A worker running a job sends a heartbeat every few hundred milliseconds (the engine asks its
 * control once per simulated day; src/run/engine-service.ts turns that into heartbeats). The
 * pool tells this book which worker started a job and which one it heard from; a watch timer
 * runs while any job runs and names the workers silent for longer than their allowance:
 * `silenceMs`, or three times the longest stretch between two daily checks the worker reported
 * in its last few heartbeats (a huge scenario whose days take long, or a worker slowed down by
 * a loaded machine, is not mistaken for a dead one; a passing slowdown is soon forgotten), or
 * JOB_SPAN_FACTOR times the longest in its job so far (a large scenario's rare long day);
 * `runStartMs` while it sets up a run (before the engine's first check); `startMs` for a
 * worker never heard from (still loading its script).
 *
 * A main thread that was itself blocked (its timer fired late) hears heartbeats late: the
 * book then waits one more tick, for the heartbeats queued meanwhile, before it judges.
 */

export interface LivenessOptions {
  /** A busy worker silent this long (ms) since its last heartbeat is taken for dead. */
  readonly silenceMs: number;
  /** The same for a worker never heard from yet (still loading its script), ms. */
  readonly startMs: number;
  /**
   * The same for a worker setting up a run (given a job, or said it started one, and not yet
   * through its first daily check: a large scenario's state takes a while to build), ms.
   */
  readonly runStartMs: number;
}

/** What the browser and Node pools use. Heartbeats come every 250 ms (engine-service.ts). */
export const DEFAULT_LIVENESS: LivenessOptions = {
  silenceMs: 1500,
  startMs: 30_000,
  runStartMs: 6000,
};

/** Heartbeats whose reported stretches set a worker's pace (about the last second). */
const RECENT_SPANS = 4;

interface Life {
  /** When the worker was last heard from or given a job. */
  last: number;
  /** Whether it was ever heard from. */
  heard: boolean;
  /** The longest stretch between two of its checks in its recent heartbeats, ms. */
  span: number;
  /** The stretches its last RECENT_SPANS heartbeats reported. */
  spans: number[];
  /** Setting up a run: given a job and not yet through its first check. */
  starting: boolean;
  /** The longest stretch between two checks since the worker was given its job, ms. */
  jobSpan: number;
}

/**
 * A busy worker's allowance is also this many times the longest stretch between two of its
 * checks in the job so far: a large scenario's days vary tenfold (a weekly pass, a collection
 * of a heap of hundreds of MB, the drivers' arrays growing), measured 0.3 s typical and 3.4 s
 * once in a 50,000-driver replication under load, and such a spike is not a death. Small
 * scenarios' days (milliseconds) leave the allowance at silenceMs.
 */
export const JOB_SPAN_FACTOR = 10;

export class Liveness<W extends object> {
  private readonly lives = new WeakMap<W, Life>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastTick = 0;

  /**
   * `watch` is called on every tick with a test for silent workers; it returns whether any
   * job is still running (the timer stops when none is).
   */
  constructor(
    readonly options: LivenessOptions,
    private readonly watch: (silent: (worker: W) => boolean) => boolean,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * The worker was heard from; `span` is the longest stretch between its checks, ms, or
   * negative when it is starting a run.
   */
  heard(worker: W, span = 0): void {
    const life = this.life(worker);
    life.last = this.now();
    life.heard = true;
    life.starting = span < 0;
    if (span >= 0 && Number.isFinite(span)) {
      life.spans.push(span);
      if (life.spans.length > RECENT_SPANS) life.spans.shift();
      life.span = Math.max(...life.spans);
      life.jobSpan = Math.max(life.jobSpan, span);
    }
  }

  /** The worker was given a job: its silence counts from now. Starts the watch timer. */
  started(worker: W): void {
    const life = this.life(worker);
    life.last = this.now();
    life.starting = true;
    life.jobSpan = 0;
    if (this.timer !== undefined) return;
    const period = Math.max(10, this.options.silenceMs / 5);
    this.lastTick = this.now();
    this.timer = setInterval(() => this.tick(period), period);
    // In Node, an idle pool must not keep the process alive.
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Whether a busy worker has been silent for longer than its allowance. */
  silent(worker: W): boolean {
    const life = this.life(worker);
    const { silenceMs, startMs, runStartMs } = this.options;
    const allowance = !life.heard
      ? startMs
      : Math.max(
          life.starting ? runStartMs : silenceMs,
          3 * life.span,
          JOB_SPAN_FACTOR * life.jobSpan,
        );
    return this.now() - life.last > allowance;
  }

  /** Stops the watch timer. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(period: number): void {
    const now = this.now();
    const late = now - this.lastTick > period + this.options.silenceMs / 2;
    this.lastTick = now;
    // This thread was blocked: heartbeats may still wait in its queue. Judge on the next tick,
    // once they are read (a worker that beat meanwhile is then heard; a dead one is not).
    if (late) return;
    if (!this.watch((worker) => this.silent(worker))) this.stop();
  }

  private life(worker: W): Life {
    let life = this.lives.get(worker);
    if (!life) {
      life = { last: this.now(), heard: false, span: 0, spans: [], starting: false, jobSpan: 0 };
      this.lives.set(worker, life);
    }
    return life;
  }
}

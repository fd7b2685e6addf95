/**
 * Paces one run's progress reports for the page. Redrawing the metric tree and the charts for
 * every replication that finishes would take the main thread from the workers on a small
 * machine, so a report is shown at most every `interval` ms: the newest one, with the newest
 * estimate offered since the last shown once `estimateInterval` has passed since the last
 * estimate shown. The first report that offers an estimate is shown at once. An estimate is read only when shown (the pool aggregates one when it is first read).
 * No DOM: a timer and a clock.
 */
import type { RunProgress } from '../../model/contract';

/** What the page is to show of a run so far. */
export interface PacedProgress<T> {
  /** How far the run has got, 0..1. */
  readonly fraction: number;
  /** The newest estimate offered since the last one shown, if any. */
  readonly estimate: T | undefined;
  /** Whether this is the first estimate shown of the run. */
  readonly first: boolean;
}

export class ProgressPacer<T> {
  /** The newest report, and the newest that offers an estimate, not yet shown. */
  private latest: RunProgress<T> | undefined;
  private latestEstimate: RunProgress<T> | undefined;
  private lastShown = -Infinity;
  private lastEstimateShown = -Infinity;
  /** The progress last shown. */
  private fraction = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the waiting flush is due. */
  private timerDue = Infinity;
  /** Whether an estimate has been shown. */
  private estimated = false;

  /**
   * Progress is shown at most every `interval` ms; an estimate after the first at most every
   * `estimateInterval` ms (a refined estimate redraws the whole tree and its charts, a
   * progress report only its bar).
   */
  constructor(
    private readonly interval: number,
    private readonly show: (progress: PacedProgress<T>) => void,
    private readonly now: () => number = () => performance.now(),
    private readonly estimateInterval: number = interval,
  ) {}

  /** Takes a report: shown now, later with the next ones, or at once if the first estimate. */
  report(p: RunProgress<T>): void {
    this.latest = p;
    const offers = 'estimate' in p;
    if (offers) this.latestEstimate = p;
    if (!this.estimated && offers) {
      clearTimeout(this.timer);
      this.flush();
      return;
    }
    this.schedule();
  }

  /** Drops the report waiting to be shown, if any (a later report is paced afresh). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Flushes when the next report or estimate is due, unless a flush waits for then already. */
  private schedule(): void {
    const t = this.now();
    let due = Infinity;
    if (this.latest) due = this.lastShown + this.interval;
    if (this.latestEstimate) {
      due = Math.min(due, this.lastEstimateShown + this.estimateInterval);
    }
    if (due === Infinity) return;
    if (this.timer !== undefined) {
      if (this.timerDue <= due) return;
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const wait = Math.max(0, due - t);
    if (wait === 0) this.flush();
    else {
      this.timerDue = due;
      this.timer = setTimeout(() => this.flush(), wait);
    }
  }

  private flush(): void {
    this.timer = undefined;
    const t = this.now();
    const pending = this.latestEstimate;
    const estimateDue =
      pending !== undefined &&
      (!this.estimated || t - this.lastEstimateShown >= this.estimateInterval);
    const p = this.latest;
    if (!p && !estimateDue) {
      // Woken a little early by the timer: wait for the estimate's turn.
      if (pending) this.schedule();
      return;
    }
    // With no newer report, the progress shown stays where it was.
    const fraction = p ? p.fraction : this.fraction;
    this.latest = undefined;
    this.fraction = fraction;
    this.lastShown = t;
    let estimate: T | undefined;
    if (estimateDue) {
      this.latestEstimate = undefined;
      estimate = pending.estimate;
    }
    const first = estimate !== undefined && !this.estimated;
    if (estimate !== undefined) {
      this.estimated = true;
      this.lastEstimateShown = t;
    }
    this.show({ fraction, estimate, first });
    // An estimate held back for its own interval is shown when due, even with no new report.
    if (this.latestEstimate) this.schedule();
  }
}

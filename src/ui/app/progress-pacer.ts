/**
 * Paces one run's progress reports for the page. Redrawing the metric tree and the charts for
 * every replication that finishes would take the main thread from the workers on a small
 * machine, so a report is shown at most every `interval` ms: the newest one, with the newest
 * estimate offered since the last shown. The first report that offers an estimate is shown at
 * once. An estimate is read only when shown (the pool aggregates one when it is first read).
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
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether an estimate has been shown. */
  private estimated = false;

  constructor(
    private readonly interval: number,
    private readonly show: (progress: PacedProgress<T>) => void,
    private readonly now: () => number = () => performance.now(),
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
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastShown + this.interval - this.now());
    if (wait === 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Drops the report waiting to be shown, if any (a later report is paced afresh). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flush(): void {
    this.timer = undefined;
    const p = this.latest;
    if (!p) return;
    const withEstimate = this.latestEstimate;
    this.latest = undefined;
    this.latestEstimate = undefined;
    this.lastShown = this.now();
    const estimate = withEstimate?.estimate;
    const first = estimate !== undefined && !this.estimated;
    if (estimate !== undefined) this.estimated = true;
    this.show({ fraction: p.fraction, estimate, first });
  }
}

/**
 * The workspace's comparison runs on the app's pool: starting one for a pair of scenarios,
 * superseding the run before it, and streaming its estimates to the page (paced by
 * progress-pacer.ts) until the final answer. Only the latest run reports: an older run's
 * answer or error arrives after a newer one started and is dropped. Remembers which pair the
 * final answer on screen belongs to, so the app can tell whether coming back needs a rerun.
 *
 * User Timing marks (seen in the browser's performance panel; bench/browser.bench.ts reads
 * them): `gigsim:run` when a run starts, `gigsim:estimate` when its first estimate and
 * `gigsim:final` when its final answer is on the page. Only the latest run's marks are kept,
 * so memory stays flat over many runs. No DOM: the page is told through `RunView`.
 */
import type { Comparison } from '../../model/results';
import type { Scenario } from '../../model/scenario';
import { isSuperseded } from '../../run/pool';
import type { SimulationPool } from '../../run/simulation-pool';
import { ProgressPacer, type PacedProgress } from './progress-pacer';
import { sameScenario } from './view-state';

/** Shortest time between two refinements of the shown estimate, ms. */
export const ESTIMATE_INTERVAL_MS = 500;
/** Shortest time between two moves of the progress bar, ms. */
export const PROGRESS_INTERVAL_MS = 150;

const MARKS = ['gigsim:run', 'gigsim:estimate', 'gigsim:final'] as const;

/** What a run tells the page as it goes; only the latest run tells anything. */
export interface RunView {
  /** A run started: nothing of it is shown yet. */
  started(): void;
  /** How far it has got (0..1), and a newer estimate when there is one to show. */
  progressed(fraction: number, estimate: Comparison | undefined): void;
  /** The final answer. */
  finished(final: Comparison): void;
  /** It ended without an answer: `error` says why it failed; undefined when superseded. */
  ended(error: string | undefined): void;
  /** The user cancelled it; `last` is the last final answer shown before it, if any. */
  cancelled(last: Comparison | undefined): void;
  /** Resolves once the page shows what it was told. */
  rendered(): Promise<unknown>;
}

/** A baseline and the scenario compared with it. */
interface Pair {
  readonly baseline: Scenario;
  readonly scenario: Scenario;
}

export class WorkspaceRun {
  /** Counts runs: only the latest one's news reaches the page. */
  private runs = 0;
  /** Paces the latest run's progress reports. */
  private pacer: ProgressPacer<Comparison> | undefined;
  /** The pair whose final comparison is on screen, if the one shown is final. */
  private finalFor: Pair | undefined;
  private running = false;
  /** The last final answer the page was told. */
  private lastFinal: Comparison | undefined;

  constructor(private readonly view: RunView) {}

  /** Whether a run is in flight (not yet answered, failed or superseded). */
  get inFlight(): boolean {
    return this.running;
  }

  /** Whether the comparison on screen is the final answer for this pair. */
  isFinal(baseline: Scenario, scenario: Scenario): boolean {
    const f = this.finalFor;
    return (
      f !== undefined && sameScenario(f.baseline, baseline) && sameScenario(f.scenario, scenario)
    );
  }

  /** Runs the comparison of `scenario` with `baseline` on `pool`, superseding the last run. */
  async start(pool: Pick<SimulationPool, 'compare'>, baseline: Scenario, scenario: Scenario) {
    const run = ++this.runs;
    this.running = true;
    this.finalFor = undefined;
    this.view.started();
    for (const name of MARKS) performance.clearMarks(name);
    performance.mark('gigsim:run', { detail: run });
    this.pacer?.stop();
    const pacer = new ProgressPacer<Comparison>(
      PROGRESS_INTERVAL_MS,
      (p) => this.show(run, p),
      undefined,
      ESTIMATE_INTERVAL_MS,
    );
    this.pacer = pacer;
    try {
      const final = await pool.compare(baseline, scenario, {
        onProgress: (p) => pacer.report(p),
      });
      this.pacer?.stop();
      if (run !== this.runs) return; // a newer run started while this answer was on its way
      this.running = false;
      this.finalFor = { baseline, scenario };
      this.lastFinal = final;
      this.view.finished(final);
      await this.view.rendered();
      if (run === this.runs) performance.mark('gigsim:final', { detail: run });
    } catch (error) {
      this.pacer?.stop();
      if (run !== this.runs) return; // the newer run owns the page
      this.running = false;
      // Superseded by another mode's run: the workspace is idle, its comparison not final,
      // and it reruns when it is shown again.
      this.view.ended(
        isSuperseded(error) ? undefined : error instanceof Error ? error.message : String(error),
      );
    }
  }

  /**
   * Cancel: stops the run in flight on the workers (the pool supersedes it, so they stop
   * mid-run) and tells the page, which goes back to the last final answer. Also tells the page
   * when no run is in flight (lever edits still settling were cancelled).
   */
  cancel(pool: Pick<SimulationPool, 'cancel'>): void {
    if (this.running) {
      this.runs++;
      this.pacer?.stop();
      this.running = false;
      pool.cancel();
    }
    this.view.cancelled(this.lastFinal);
  }

  private show(run: number, p: PacedProgress<Comparison>): void {
    if (run !== this.runs) return;
    this.view.progressed(p.fraction, p.estimate);
    if (!p.first) return;
    void this.view.rendered().then(() => {
      if (run === this.runs) performance.mark('gigsim:estimate', { detail: run });
    });
  }
}

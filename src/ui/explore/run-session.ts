/**
 * One exploration at a time: the run in flight with its cancel switch and its progress, and
 * the last word on it ('Done.', 'Cancelled…', what went wrong, or the scenario just chosen).
 * A tool says what to run (a RunRequest); the explorer view runs it here and shows the status
 * in every tab, so a sweep keeps running, and can be cancelled, from another tab. Every run
 * passes the app's run gate first (src/ui/shared/run-gate.ts): refused with the reason, asked
 * about ("Run anyway" or Cancel) over the time budget, its estimate said when long. No DOM.
 */
import type { Comparison } from '../../model/results';
import type { Parsed } from '../../model/scenario';
import { isAbortError, type ExplorerProgress } from '../../run/explorer-runner';
import { decideRun, type GatePlan } from '../shared/run-gate';
import type { ExplorerTab } from './explorer-tabs';

export interface RunStatus {
  /** The tool whose run is in flight, if any. */
  readonly running: ExplorerTab | undefined;
  /** The run's progress, once it reports. */
  readonly progress: ExplorerProgress | undefined;
  /** The last word: 'Done.', 'Cancelled…' or the scenario just chosen. */
  readonly message: string;
  /** What went wrong, shown as an alert; empty when nothing did. */
  readonly error: string;
  /** The run gate's question ("… would take about 8 min …"), waiting for Run anyway or Cancel. */
  readonly asking: string;
  /** The run's estimate, said while a long run goes. */
  readonly note: string;
}

export const IDLE: RunStatus = {
  running: undefined,
  progress: undefined,
  message: '',
  error: '',
  asking: '',
  note: '',
};

/** What a run is given: the signal that cancels it and where it reports its progress. */
export interface RunOptions {
  readonly signal: AbortSignal;
  readonly onProgress: (progress: ExplorerProgress) => void;
}

/** A tool's run: runs the exploration and keeps its answer; rejects to report an error. */
export type RunJob = (options: RunOptions) => Promise<void>;

export interface RunRequest {
  /** The tool asking (its run button's `data-explorer-run`). */
  readonly what: ExplorerTab;
  /** The run, or why the tool's form cannot run (shown as the error). */
  readonly job: Parsed<RunJob>;
  /** What it will run, for the run gate (the tool's `…Plan` in src/run), with its words. */
  readonly plan?: () => GatePlan;
  /** Given each point as it completes (a sweep draws its points as they come). */
  readonly onPoint?: (point: Comparison) => void;
}

export class RunSession {
  private controller: AbortController | undefined;
  private current: RunStatus = IDLE;
  /** The request the gate asked about, until Run anyway or Cancel. */
  private pending: RunRequest | undefined;

  /**
   * `changed` is told each new status; `workers`, the threads runs go on (the tab's pool when
   * unset), for the gate's estimate.
   */
  constructor(
    private readonly changed: (status: RunStatus) => void = () => undefined,
    private readonly workers?: number,
  ) {}

  get status(): RunStatus {
    return this.current;
  }

  /**
   * Runs the request unless a run is in flight: clears the last word, then ends with 'Done.',
   * 'Cancelled. …' or the error. A form that cannot run says why without starting.
   */
  async run(request: RunRequest, anyway = false): Promise<void> {
    if (this.current.running) return;
    this.pending = undefined;
    this.update({ error: '', message: '', asking: '', note: '' });
    if (request.job.ok && request.plan && !this.admit(request, request.plan, anyway)) return;
    const controller = new AbortController();
    this.controller = controller;
    const live = () => this.controller === controller;
    const onProgress = (progress: ExplorerProgress) => {
      if (!live()) return;
      this.update({ progress });
      if (progress.point) request.onPoint?.(progress.point);
    };
    try {
      if (!request.job.ok) throw new RangeError(request.job.error);
      this.update({ running: request.what, progress: undefined });
      await request.job.value({ signal: controller.signal, onProgress });
      if (live()) this.update({ message: 'Done.' });
    } catch (error) {
      if (!live()) return;
      if (isAbortError(error)) {
        this.update({ message: 'Cancelled. Change the settings or run again.' });
      } else {
        this.update({ error: errorText(error) });
      }
    } finally {
      if (live()) {
        this.controller = undefined;
        this.update({ running: undefined, progress: undefined, note: '' });
      }
    }
  }

  /**
   * Whether the gate lets the request run now; if not, says why (a refusal as the error, a
   * question to answer with Run anyway or Cancel).
   */
  private admit(request: RunRequest, plan: () => GatePlan, anyway: boolean): boolean {
    let planned: GatePlan;
    try {
      planned = plan();
    } catch (error) {
      this.update({ error: errorText(error) });
      return false;
    }
    const d = decideRun(planned, anyway, false, this.workers);
    if (d.start) {
      this.update({ note: d.note });
      return true;
    }
    if (d.label) {
      this.pending = request;
      this.update({ asking: d.notice });
    } else {
      this.update({ error: d.notice });
    }
    return false;
  }

  /** Runs the request the gate asked about, over the time budget. */
  runAnyway(): Promise<void> {
    const request = this.pending;
    return request ? this.run(request, true) : Promise.resolve();
  }

  /** Cancels the run in flight, or the question about one (nothing runs). */
  cancel(): void {
    if (this.pending) {
      this.pending = undefined;
      this.update({
        asking: '',
        message: 'Cancelled: nothing ran. Change the settings or run again.',
      });
    }
    this.controller?.abort();
  }

  /** Sets the last word. */
  say(message: string): void {
    this.update({ message });
  }

  /** Shows what went wrong. */
  fail(error: string): void {
    this.update({ error });
  }

  private update(change: Partial<RunStatus>): void {
    this.current = { ...this.current, ...change };
    this.changed(this.current);
  }
}

/** An error's message, or the thrown value as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the comparisons of the scenarios presentation mode or the workspace's pins show, one
 * after the other (the pool serves one request at a time and caches replications), and keeps
 * where each stands for the columns to show. A newer pass, or the mode closing, stops an older one from reporting.
 * A Lit reactive controller: its host redraws whenever a run moves on.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Scenario } from '../../model/scenario';
import { GO, decideRun, type RunDecision } from './run-gate';
import type { CompareRunner } from './runner';
import { failureText, pairKey, withRun, type Column, type SlideRun } from './scenario-runs';

/** A column whose run was cancelled. */
const CANCELLED: SlideRun = { state: 'failed', error: 'cancelled; press “Run again”' };

/** How the run gate's messages name a pass of `n` comparisons. */
export type PassWords = (n: number) => { readonly what: string; readonly fewer: string };

/** Presentation mode's words: the columns shown. */
export const COLUMN_WORDS: PassWords = (n) => ({
  what: n === 1 ? 'This scenario' : `These ${n} scenarios`,
  fewer: 'columns shown, replications or weeks',
});

/** Whether runs are going on. */
export type RunnerState = 'running' | 'idle';

export class SlideRunner implements ReactiveController {
  private runs: ReadonlyMap<string, SlideRun> = new Map();
  /** Counts the passes: a pass whose number is no longer the latest stops. */
  private generation = 0;
  /** Aborts the pass in flight (its comparison stops on the workers). */
  private abort: AbortController | undefined;
  /**
   * The run gate's word on the last pass (src/ui/shared/run-gate.ts): why it did not start,
   * with "Run anyway" when it was only over the time budget, or its estimate while it runs.
   */
  decision: RunDecision = GO;

  /** `onState` hears when a pass starts running and when it is done. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onState: (state: RunnerState) => void,
    private readonly words: PassWords = COLUMN_WORDS,
  ) {
    host.addController(this);
  }

  /** Where the comparison of `scenario` against `baseline` stands, if it was ever asked for. */
  runOf(baseline: Scenario, scenario: Scenario): SlideRun | undefined {
    return this.runs.get(pairKey(baseline, scenario));
  }

  /**
   * Runs the comparisons of `slides` that are not in hand, one after the other, once the run
   * gate lets them (`allowed`: the user said to run them anyway, over the time budget).
   */
  async run(
    runner: CompareRunner | undefined,
    baseline: Scenario,
    slides: readonly Column[],
    allowed = false,
  ): Promise<void> {
    const generation = ++this.generation;
    if (!runner) return;
    const todo = slides.filter((s) => this.runOf(baseline, s.scenario)?.state !== 'done');
    this.decision = GO;
    if (todo.length === 0) {
      this.onState('idle');
      return;
    }
    if (!this.gate(baseline, todo, allowed)) return;
    this.onState('running');
    this.abort = new AbortController();
    for (const s of todo) this.set(pairKey(baseline, s.scenario), { state: 'queued' });
    for (const slide of todo) {
      if (generation !== this.generation) return;
      if (!(await this.runOne(runner, baseline, slide, generation))) return;
    }
    if (generation === this.generation) this.onState('idle');
  }

  /**
   * Cancel: the pass in flight stops (on the workers too); the columns it had not finished
   * say they were cancelled, those done keep their numbers. A later pass runs them again.
   */
  cancel(): void {
    this.generation++;
    this.decision = GO;
    this.abort?.abort();
    this.abort = undefined;
    const next = new Map(this.runs);
    for (const [key, run] of next) {
      if (run.state === 'running' || run.state === 'queued') next.set(key, CANCELLED);
    }
    this.runs = next;
    this.onState('idle');
    this.host.requestUpdate();
  }

  /** Whether the gate lets the pass start; if not, its columns say so and nothing runs. */
  private gate(baseline: Scenario, todo: readonly Column[], allowed: boolean): boolean {
    const points = todo.map((s) => s.scenario);
    const names = todo.map((s) => `the scenario “${s.name}”`);
    const plan = { baselines: [baseline], points, names, ...this.words(points.length) };
    this.decision = decideRun(plan, allowed, false);
    if (this.decision.start) return true;
    const error = this.decision.label
      ? 'over the time budget: see the note above'
      : 'refused: see the note above';
    for (const s of todo) this.set(pairKey(baseline, s.scenario), { state: 'failed', error });
    this.onState('idle');
    return false;
  }

  /** Runs in flight stop reporting. */
  hostDisconnected(): void {
    this.generation++;
  }

  /**
   * Stops the pass in flight: it reports no more, and a comparison it was running goes back to
   * queued (another run is taking the pool over). The next `run` picks up what is not done.
   */
  stop(): void {
    this.generation++;
  }

  /** Runs one slide's comparison; false when a newer pass has taken over. */
  private async runOne(
    runner: CompareRunner,
    baseline: Scenario,
    slide: Column,
    generation: number,
  ): Promise<boolean> {
    const key = pairKey(baseline, slide.scenario);
    this.set(key, { state: 'running', progress: 0 });
    try {
      const comparison = await runner(
        baseline,
        slide.scenario,
        (p) => {
          if (generation === this.generation) {
            this.set(key, { state: 'running', progress: p.fraction });
          }
        },
        this.abort?.signal,
      );
      this.set(key, { state: 'done', comparison });
      return true;
    } catch (error) {
      if (generation !== this.generation) {
        // A newer pass owns the state; it reruns this slide if it is still shown.
        if (this.runs.get(key)?.state === 'running') this.set(key, { state: 'queued' });
        return false;
      }
      this.set(key, { state: 'failed', error: failureText(error) });
      return true;
    }
  }

  private set(key: string, run: SlideRun): void {
    this.runs = withRun(this.runs, key, run);
    this.host.requestUpdate();
  }
}

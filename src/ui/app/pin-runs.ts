/**
 * The workspace's pins: adding one (`addPin`, pure), the note on pins a link dropped
 * (`droppedNotice`), and running their comparisons on the app's pool (`PinRuns`). The pool serves one request at a time, so pins run only while the
 * workspace's own comparison is done (`sync` with `active`); a lever moving stops them, and
 * they pick up where they were once the workspace is idle again (the result cache keeps every
 * replication already run). They pass the run gate as every run does (src/ui/shared/run-gate.ts):
 * pins over the tab's budget do not run, and say why.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Parsed, Scenario } from '../../model/scenario';
import type { CompareRunner } from '../shared/runner';
import { SlideRunner } from '../shared/scenario-runner';
import { MAX_PINS, pairKey, type Pin, type SlideRun } from '../shared/scenario-runs';
import { alignSettings, sameScenario } from './view-state';

const PIN_LETTERS = 'ABCDEFGH';

/** The pins on `current`'s run settings (seed, weeks, replications), as they are compared. */
export function pinsOn(pins: readonly Pin[], current: Scenario): Pin[] {
  return pins.map((p) => ({ name: p.name, scenario: alignSettings(p.scenario, current) }));
}

/** `pins` with `scenario` pinned last under the first free name, or why it cannot be. */
export function addPin(pins: readonly Pin[], scenario: Scenario): Parsed<Pin[]> {
  if (pins.length >= MAX_PINS) {
    return { ok: false, error: `${MAX_PINS} scenarios are pinned already: unpin one first` };
  }
  const same = pinsOn(pins, scenario).find((p) => sameScenario(p.scenario, scenario));
  if (same) return { ok: false, error: `This scenario is pinned already, as ${same.name}.` };
  const names = new Set(pins.map((p) => p.name));
  const letter = [...PIN_LETTERS].find((l) => !names.has(`Pin ${l}`)) ?? String(pins.length + 1);
  return { ok: true, value: [...pins, { name: `Pin ${letter}`, scenario }] };
}

/** What a link whose pins were dropped says (the rest of the link is shown), or "". */
export function droppedNotice(dropped: readonly string[] = []): string {
  return dropped.length > 0 ? `Part of this link could not be used: ${dropped.join('; ')}.` : '';
}

/** Runs the pins' comparisons against the baseline while the workspace lets them. */
export class PinRuns {
  private readonly runner: SlideRunner;
  /** What the pass in flight runs ("" when stopped). */
  private running = '';

  constructor(host: ReactiveControllerHost) {
    this.runner = new SlideRunner(
      host,
      () => undefined,
      (n) => ({
        what: n === 1 ? 'The pinned scenario' : `The ${n} pinned scenarios`,
        fewer: 'pins, replications or weeks',
      }),
    );
  }

  /** Why the pins did not run (the run gate's refusal or question), or "". */
  get notice(): string {
    return this.runner.decision.notice;
  }

  /** Runs what is not done of `pins` against `baseline` while `active`; else stops. */
  sync(active: boolean, run: CompareRunner, baseline: Scenario, pins: readonly Pin[]): void {
    if (!active || pins.length === 0) {
      this.stop();
      return;
    }
    const key = pins.map((p) => pairKey(baseline, p.scenario)).join('\n');
    if (key === this.running) return;
    this.running = key;
    void this.runner.run(run, baseline, pins);
  }

  /** Stops the pass in flight (another run takes the pool). */
  stop(): void {
    if (this.running === '') return;
    this.running = '';
    this.runner.stop();
  }

  runOf(baseline: Scenario, scenario: Scenario): SlideRun | undefined {
    return this.runner.runOf(baseline, scenario);
  }
}

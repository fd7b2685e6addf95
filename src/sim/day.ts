/**
 * One simulated day: every phase in order, and the week's tallies on its last day. Shared by
 * the run (src/sim/engine.ts) and its warm-up (src/sim/warmup.ts).
 */
import { weekday } from './calendar';
import { churn, frustration } from './churn';
import { claim } from './claim';
import { dropDeparted } from './compact';
import { gatherCandidates } from './candidates';
import { entry } from './entry';
import { execute } from './packages';
import { demandAndPlan } from './plan';
import type { SimState } from './state';
import { noteSurge } from './supply';
import { weekEnd } from './tallies';

/** Thrown when a run is stopped through `RunControl.shouldStop`. */
export class CancelledError extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'Cancelled';
  }
}

export interface RunControl {
  /**
   * Asked once per simulated day (a cheap call: the worker also sends its heartbeats from
   * it); returning true stops the run with CancelledError.
   */
  shouldStop?: () => boolean;
}

/**
 * Day `d` (negative in the warm-up): every phase in order, the week's tallies on Sunday; on a
 * Monday first, the drivers who left may be dropped from the slots (src/sim/compact.ts).
 */
export function day(s: SimState, d: number): void {
  if (weekday(d) === 0) dropDeparted(s);
  entry(s, d);
  demandAndPlan(s, d);
  gatherCandidates(s, d);
  claim(s, d);
  execute(s, d);
  frustration(s, d);
  churn(s, d);
  if (weekday(d) === 6) {
    noteSurge(s, d);
    weekEnd(s, d);
  }
}

/** Runs days `from` to `to` − 1 (from a Monday), asking `control` each day whether to stop. */
export function runDays(s: SimState, from: number, to: number, control: RunControl): void {
  for (let d = from; d < to; d++) {
    if (control.shouldStop?.()) throw new CancelledError();
    day(s, d);
  }
}

/**
 * What a replay (issue 19) will cost before it is asked of the worker: one replication of the
 * baseline and one of the scenario, run to the week's end (warm-up included), and the week's
 * record of every active driver, check and block, kept twice (worker, then page). A replay
 * whose estimate is over the tab's budget is refused with the figures, as the run gate refuses
 * a run (src/ui/shared/run-gate.ts).
 */
import {
  MEMORY_BUDGET_BYTES,
  WORKER_START_SECONDS,
  describeBytes,
  describeSeconds,
  estimateRun,
} from './run-budget';
import type { Scenario } from './scenario';

/** Bytes a replay keeps per active driver and day: the rows, about 2 checks and 1/3 block each. */
export const REPLAY_BYTES_PER_DRIVER_DAY = 180;
/** A replay above this is refused: the page would hold both sides' weeks and draw them. */
export const REPLAY_MEMORY_BUDGET = Math.min(MEMORY_BUDGET_BYTES, 1024 * 1024 * 1024) / 2;

export interface ReplayEstimate {
  readonly seconds: number;
  readonly bytes: number;
  readonly activeDrivers: number;
  /** Why the replay is refused, or undefined when it may run. */
  readonly refusal: string | undefined;
}

export function estimateReplay(
  baseline: Scenario,
  scenario: Scenario,
  week: number,
): ReplayEstimate {
  const sides = [baseline, scenario].map((s) =>
    estimateRun({ ...s, replications: 1, weeks: Math.max(1, Math.min(s.weeks, week)) }, 1),
  );
  const activeDrivers = Math.max(...sides.map((e) => e.activeDrivers));
  const record = sides.reduce(
    (b, e) => b + e.activeDrivers * 7 * REPLAY_BYTES_PER_DRIVER_DAY * 2,
    0,
  );
  const bytes = Math.max(...sides.map((e) => e.bytes)) + record;
  const seconds = sides.reduce(
    (t, e) => t + e.seconds - WORKER_START_SECONDS,
    WORKER_START_SECONDS,
  );
  const refusal =
    bytes > REPLAY_MEMORY_BUDGET
      ? `This replay would need about ${describeBytes(bytes)} (about ${Math.round(activeDrivers).toLocaleString('en-US')} active drivers a day, every one recorded for a week), over the ${describeBytes(REPLAY_MEMORY_BUDGET)} a replay may use in this tab; replay a smaller market (fewer drivers at start, lower demand).`
      : undefined;
  return { seconds, bytes, activeDrivers, refusal };
}

/** "about 4 s, 120 MB" for the loading message. */
export function describeReplay(e: ReplayEstimate): string {
  return `about ${describeSeconds(e.seconds)}, ${describeBytes(e.bytes)}`;
}

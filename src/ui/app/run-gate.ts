/**
 * Whether the workspace may start a run, from what the scenario would cost (issue 14's
 * resource limits, the same bounds and estimate as the runner's, src/model/run-budget.ts):
 *
 * - `refuse`: what the parameters produce crosses a hard bound (applicants a week, drivers
 *   signed up), or the run would need more memory than a tab should take; the message names
 *   the parameters to change, and nothing runs.
 * - `ask`: the run would take longer than the tab's time budget; the page says how long and
 *   runs it only when the user says so (and it can be cancelled at any time).
 * - `go`, with the estimate said when the run is long enough for it to matter.
 *
 * Pure: no DOM.
 */
import {
  checkRunBounds,
  describeBytes,
  describeEstimate,
  describeSeconds,
  estimateRun,
} from '../../model/run-budget';
import type { Scenario } from '../../model/scenario';

/** A run estimated over this many seconds is asked about before it starts. */
export const TAB_TIME_BUDGET_SECONDS = 120;
/** Most memory the workers of a tab may take (DESIGN.md: the largest run under 1 GB). */
export const TAB_MEMORY_BUDGET_BYTES = 1024 * 1024 * 1024;
/** A run estimated over this many seconds has its estimate said while it runs. */
export const SAY_ESTIMATE_SECONDS = 10;

export type RunGate =
  | { readonly kind: 'go'; readonly note?: string }
  | { readonly kind: 'ask'; readonly message: string }
  | { readonly kind: 'refuse'; readonly message: string };

/**
 * The gate for comparing `scenario` with `baseline` on `workers` threads. Both sides are
 * checked against the bounds; the estimate counts both (the baseline is often cached, so it
 * errs long).
 */
export function runGate(baseline: Scenario, scenario: Scenario, workers: number): RunGate {
  for (const [side, s] of [
    ['scenario', scenario],
    ['baseline', baseline],
  ] as const) {
    const bounds = checkRunBounds(s);
    if (!bounds.ok) return { kind: 'refuse', message: `The ${side} cannot run: ${bounds.error}.` };
  }
  const e = estimateRun(scenario, workers, 2);
  if (e.bytes > TAB_MEMORY_BUDGET_BYTES) {
    return {
      kind: 'refuse',
      message:
        `This run would need about ${describeBytes(e.bytes)} of memory, over the ` +
        `${describeBytes(TAB_MEMORY_BUDGET_BYTES)} a browser tab should take (about ` +
        `${Math.round(e.driversSignedUp).toLocaleString('en-US')} drivers signed up in a ` +
        `replication): lower initialDrivers, applicantsPerWeek or weeks, or run it with the ` +
        `headless runner (npm run sim).`,
    };
  }
  if (e.seconds > TAB_TIME_BUDGET_SECONDS) {
    return {
      kind: 'ask',
      message:
        `This run would take ${describeEstimate(e)}, over the ` +
        `${describeSeconds(TAB_TIME_BUDGET_SECONDS)} this tab runs without asking. Fewer ` +
        `replications or weeks make it shorter.`,
    };
  }
  if (e.seconds > SAY_ESTIMATE_SECONDS) {
    return { kind: 'go', note: `This run: ${describeEstimate(e)}. Cancel stops it at any time.` };
  }
  return { kind: 'go' };
}

/** What the workspace does with a run: start it (saying a long run's estimate) or not, and why. */
export interface RunDecision {
  readonly start: boolean;
  /** Why it did not start (the notice above the numbers), or "". */
  readonly notice: string;
  /** The notice's button: "Run anyway" for a run asked about, "Run again", or "" for none. */
  readonly label: string;
  /** The estimate said while a long run goes, or "". */
  readonly note: string;
}

/**
 * The workspace's decision for a pair: `allowed` when the user already said to run it anyway;
 * `hasLast` when numbers of an earlier run are on screen (they stay, marked as such).
 */
export function decideRun(
  baseline: Scenario,
  scenario: Scenario,
  workers: number,
  allowed: boolean,
  hasLast: boolean,
): RunDecision {
  const gate = runGate(baseline, scenario, workers);
  if (gate.kind === 'go')
    return { start: true, notice: '', label: 'Run again', note: gate.note ?? '' };
  if (gate.kind === 'ask' && allowed)
    return { start: true, notice: '', label: 'Run again', note: '' };
  const last = hasLast ? ' The numbers shown are from the last complete run.' : '';
  return {
    start: false,
    notice: gate.message + last,
    label: gate.kind === 'ask' ? 'Run anyway' : '',
    note: '',
  };
}

/**
 * Whether a run may start, from what it would cost (issue 14's resource limits, the same
 * bounds and estimate as the runner's, src/model/run-budget.ts). One gate for every run the app
 * starts: the workspace's pair and its pins, each explorer tool (sweep, trade-off, grid,
 * sensitivity, goal seek), presentation mode's columns and a practice round. Each says what it
 * will run as a `GatePlan` (the plans of the explorer's tools are built beside their runs, in
 * src/run/sweep-grid.ts, sensitivity.ts and goal-seek.ts), and:
 *
 * - `refuse`: what the parameters of one of its scenarios produce crosses a hard bound
 *   (applicants a week, drivers signed up), or the run would need more memory than a tab should
 *   take; the message names the scenario and the parameters to change, and nothing runs.
 * - `ask`: the run would take longer than the tab's time budget; the page says how long and
 *   runs it only when the user says so ("Run anyway"; it can be cancelled at any time).
 * - `go`, with the estimate said when the run is long enough for it to matter.
 *
 * Pure: no DOM.
 */
import {
  checkRunBounds,
  describeBytes,
  describePlan,
  describeSeconds,
  estimatePlan,
  type RunPlan,
} from '../../model/run-budget';
import type { Scenario } from '../../model/scenario';
import { browserPoolSize } from '../../run/browser';

/** A run estimated over this many seconds is asked about before it starts. */
export const TAB_TIME_BUDGET_SECONDS = 120;
/** Most memory a tab may take, its workers and the page (DESIGN.md: the largest run under 1 GB). */
export const TAB_MEMORY_BUDGET_BYTES = 1024 * 1024 * 1024;
/**
 * The page's own share of the tab's memory besides the workers' runs (the renderer process:
 * Blink, the page's V8 heap and code). bench/worst-case.bench.ts measured the tab's renderer
 * at 1.0 GB resident when the workers' estimate alone was 1,010 MB: the page's share was left
 * out. Counted here, the largest run the gate lets through stays under the budget.
 */
export const TAB_PAGE_BYTES = 200 * 1024 * 1024;
/** A run estimated over this many seconds has its estimate said while it runs. */
export const SAY_ESTIMATE_SECONDS = 10;

/** What a run will simulate, and how its messages name it. */
export interface GatePlan extends RunPlan {
  /** The run, as its messages start: "This run", "This sweep", "This round". */
  readonly what: string;
  /** What there could be fewer of: "replications or weeks", "points, replications or weeks". */
  readonly fewer: string;
  /** Each point's name in a refusal, in order: "the sweep's point payPerHour 60". */
  readonly names?: readonly string[];
}

export type RunGate =
  | { readonly kind: 'go'; readonly note?: string }
  | { readonly kind: 'ask'; readonly message: string; readonly note: string }
  | { readonly kind: 'refuse'; readonly message: string };

/** The plan of one comparison: `scenario` against `baseline`. */
export function pairPlan(
  baseline: Scenario,
  scenario: Scenario,
  what = 'This run',
  fewer = 'replications or weeks',
): GatePlan {
  return { baselines: [baseline], points: [scenario], what, fewer, names: ['the scenario'] };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The first scenario of the plan whose parameters cross a hard bound, and why. */
function outOfBounds(plan: GatePlan): string | undefined {
  const named: [string, Scenario][] = [
    ...plan.points.map((s, i): [string, Scenario] => [
      plan.names?.[i] ?? (plan.points.length === 1 ? 'the scenario' : `scenario ${i + 1}`),
      s,
    ]),
    ...plan.baselines.map((s): [string, Scenario] => ['the baseline', s]),
  ];
  for (const [name, s] of named) {
    const bounds = checkRunBounds(s);
    if (!bounds.ok) return `${capital(name)} cannot run: ${bounds.error}.`;
  }
  return undefined;
}

/** The gate for `plan` on `workers` threads. */
export function runGate(plan: GatePlan, workers: number): RunGate {
  const bounds = outOfBounds(plan);
  if (bounds) return { kind: 'refuse', message: bounds };
  const e = estimatePlan(plan, workers);
  const { what, fewer } = plan;
  const tabBytes = e.bytes + TAB_PAGE_BYTES;
  if (tabBytes > TAB_MEMORY_BUDGET_BYTES) {
    const kept = e.keptBytes >= 1024 * 1024 ? ` and ${describeBytes(e.keptBytes)} of results` : '';
    return {
      kind: 'refuse',
      message:
        `${what} would need about ${describeBytes(tabBytes)} of memory, over the ` +
        `${describeBytes(TAB_MEMORY_BUDGET_BYTES)} a browser tab should take (about ` +
        `${Math.round(e.driversSignedUp).toLocaleString('en-US')} drivers signed up in a ` +
        `replication${kept}): lower initialDrivers, applicantsPerWeek or weeks, or fewer ` +
        `${fewer}, or run it with the headless runner (npm run sim).`,
    };
  }
  const note = `${what}: ${describePlan(e)}. Cancel stops it at any time.`;
  if (e.seconds > TAB_TIME_BUDGET_SECONDS) {
    return {
      kind: 'ask',
      note,
      message:
        `${what} would take ${describePlan(e)}, over the ` +
        `${describeSeconds(TAB_TIME_BUDGET_SECONDS)} this tab runs without asking. Fewer ` +
        `${fewer} make it shorter.`,
    };
  }
  if (e.seconds > SAY_ESTIMATE_SECONDS) {
    return { kind: 'go', note };
  }
  return { kind: 'go' };
}

/** What a mode does with a run: start it (saying a long run's estimate) or not, and why. */
export interface RunDecision {
  readonly start: boolean;
  /** Why it did not start (the notice above the numbers), or "". */
  readonly notice: string;
  /** The notice's button: "Run anyway" for a run asked about, "Run again", or "" for none. */
  readonly label: string;
  /** The estimate said while a long run goes, or "". */
  readonly note: string;
}

/** A run that starts without a word. */
export const GO: RunDecision = { start: true, notice: '', label: 'Run again', note: '' };

/**
 * The decision for `plan`: `allowed` when the user already said to run it anyway; `hasLast`
 * when numbers of an earlier run are on screen (they stay, marked as such). `workers`: the
 * tab's pool by default.
 */
export function decideRun(
  plan: GatePlan,
  allowed: boolean,
  hasLast: boolean,
  workers = browserPoolSize(),
): RunDecision {
  const gate = runGate(plan, workers);
  if (gate.kind === 'go') return { ...GO, note: gate.note ?? '' };
  if (gate.kind === 'ask' && allowed) return { ...GO, note: gate.note };
  const last = hasLast ? ' The numbers shown are from the last complete run.' : '';
  return {
    start: false,
    notice: gate.message + last,
    label: gate.kind === 'ask' ? 'Run anyway' : '',
    note: '',
  };
}

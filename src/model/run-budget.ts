/**
 * What a run will cost, before it runs, and the bounds no run may cross.
 *
 * Each parameter is checked against its own range (params-*.ts), but some combinations of valid
 * values cannot run: applicant inflow grows as (net pay / outside wage)^supplyElasticity, so
 * `payPerHour=60 outsideWage=5 supplyElasticity=3 applicantsPerWeek=5000` asks for about 400
 * million applicants a week. Three things here:
 *
 * 1. `checkRunBounds`: hard bounds on what the parameters produce (applicants a week, drivers
 *    signed up over the run), checked before a run, with a message naming the parameters to
 *    change. A run over them is refused, whatever the budget.
 * 2. `estimateRun`: the run's time and memory from the scenario (drivers × days ×
 *    replications, calibrated against the headless runner), for the runner and the app to say
 *    before a run and to ask (or refuse) over a budget (`overBudget`); `estimatePlan` sums it
 *    over a run of many comparisons (a sweep, a grid, goal seek, presentation mode's columns)
 *    and adds the results the page keeps.
 * 3. `RunawayError` and `runawayMessage`: the engine's guard (src/sim/entry.ts) stops a run
 *    whose sign-ups pass MAX_DRIVERS anyway (entry can grow during a run as pay and word of
 *    mouth move) with a message naming the cause.
 *
 * Pure: no engine import; `applicantsPerWeekAtStart` repeats the engine's formula
 * (src/sim/state.ts `applicantRate`, src/sim/blocks.ts `offeredNet`), checked equal in
 * tests/model/run-budget.test.ts.
 */
import type { Params } from './params';
import type { Parsed, Scenario } from './scenario';

/** Weeks of warm-up simulated before week 1 (src/sim/constants.ts WARMUP_WEEKS). */
export const WARMUP_WEEKS = 26;
/** Most drivers one replication may sign up (warm-up included): about 400 MB of state. */
export const MAX_DRIVERS = 2_000_000;
/** Most applicants a week a scenario may expect at its start. */
export const MAX_APPLICANTS_PER_WEEK = 100_000;
/**
 * Most applicants the engine takes in one day: a week's bound, which no run within the bounds
 * reaches even at a recruitment peak with word of mouth at its most.
 */
export const MAX_APPLICANTS_PER_DAY = MAX_APPLICANTS_PER_WEEK;

/** Bytes of engine state per driver signed up (src/sim/drivers.ts: 28 typed arrays). */
export const BYTES_PER_DRIVER = 190;
/** Bytes per active driver (active list and the day's candidate arrays, with growth room). */
export const BYTES_PER_ACTIVE = 260;
/** Bytes of a worker besides its run (the engine's code, its warm-up cache, the heap). */
export const WORKER_BASE_BYTES = 90 * 1024 * 1024;
/**
 * Seconds per active driver-day in a runner's worker thread, per replication besides, and to
 * start a worker. Measured in-process (tsx, one thread) on this project's shared 2-core
 * machine under load: the default station 0.8 s a cold replication of 26 weeks (warm-up
 * included), a 20,000-driver metro 35 ms a day, 50,000 drivers 63 ms a day; about 1.5 µs a
 * driver-day under a load average of 17, so 0.4 µs leaves room on a quiet machine (the bench
 * measures 0.1 µs bundled). An estimate, not a promise: within a factor of about 3.
 */
export const SECONDS_PER_DRIVER_DAY = 4e-7;
export const SECONDS_PER_REPLICATION = 0.02;
export const WORKER_START_SECONDS = 1.5;

/**
 * How far sign-ups can run above applicantsPerWeekAtStart × (1 + wordOfMouth / 2): the
 * recruitment ramp before the peaks, and drivers hearing of realised pay above the advertised
 * (surge, peak premium) while the pool is short. Measured with the engine: 1.19× over the
 * first 4 weeks of the largest scenario the gate let through before this factor (50,000
 * drivers, 200,000 packages a day, 5,000 applicants a week, $25), 1.28× in the peak weeks of
 * a 2,000-driver station, and 1.51× over the whole of that largest scenario's first
 * replication, which its estimate of 1.54 M sign-ups had let through and which ran into
 * MAX_DRIVERS after 800 days (bench/worst-case.bench.ts). With this factor the estimate bounds
 * them all, so a run the gate lets through does not meet the engine's guard.
 */
export const SIGNUP_HEADROOM = 1.6;

/** The default budgets: a run estimated over them is asked about (app) or refused (runner). */
export const TIME_BUDGET_SECONDS = 10 * 60;
export const MEMORY_BUDGET_BYTES = 2 * 1024 * 1024 * 1024;

/** The net hourly pay of a block of the default length (src/sim/blocks.ts `offeredNet`). */
export function advertisedNet(p: Params): number {
  const len = Math.max(1, p.blockHours);
  const load = p.loadMinutes / 60;
  const vehiclePerHour = (p.vehicleCostPerMile * p.milesPerHour * Math.max(0, len - load)) / len;
  return p.payPerHour + p.tipsPerHour - vehiclePerHour;
}

/**
 * Applicants a week at the start of a run, before word of mouth and the recruitment ramp:
 * applicantsPerWeek × (net pay / outside wage)^supplyElasticity (the engine's applicantRate × 7).
 */
export function applicantsPerWeekAtStart(p: Params): number {
  return (
    p.applicantsPerWeek *
    Math.pow(Math.max(0, advertisedNet(p)) / p.outsideWage, p.supplyElasticity)
  );
}

/** What a run is expected to take. */
export interface RunEstimate {
  /** Applicants a week at most: at the start, word of mouth at its most, with SIGNUP_HEADROOM. */
  readonly applicantsPerWeek: number;
  /** Drivers one replication signs up, warm-up included (its state grows with them). */
  readonly driversSignedUp: number;
  /** Active drivers on a typical day (at most the pool cap). */
  readonly activeDrivers: number;
  /** Days one replication simulates, warm-up included. */
  readonly days: number;
  /** Wall-clock seconds on `workers` threads. */
  readonly seconds: number;
  /** Peak bytes of memory, all workers together. */
  readonly bytes: number;
  readonly workers: number;
}

/** The run's cost on `workers` threads (jobs: replications × scenarios run). */
export function estimateRun(s: Scenario, workers = 1, scenarios = 1): RunEstimate {
  const p = s.params;
  const days = (WARMUP_WEEKS + s.weeks) * 7;
  const applicantsPerWeek =
    applicantsPerWeekAtStart(p) * (1 + 0.5 * p.wordOfMouth) * SIGNUP_HEADROOM;
  const entrants = (applicantsPerWeek * days) / 7;
  const driversSignedUp = p.initialDrivers + entrants;
  // Of those who apply, activationShare start; over the run about half of them are at work
  // on a day (the others not yet in, or gone). Demand bounds the pool: drivers without blocks
  // leave, and about one driver works a day per 10 packages (so 2 per 10 look). A rough mean.
  const grown = p.initialDrivers + 0.5 * entrants * p.activationShare;
  const fed = Math.max(p.initialDrivers, p.demandPerDay / 2);
  const activeDrivers = Math.min(p.poolCap > 0 ? p.poolCap : Infinity, grown, fed);
  const jobs = s.replications * scenarios;
  const threads = Math.max(1, Math.min(workers, jobs));
  const perReplication = SECONDS_PER_REPLICATION + SECONDS_PER_DRIVER_DAY * activeDrivers * days;
  const seconds = WORKER_START_SECONDS + Math.ceil(jobs / threads) * perReplication;
  const perWorker =
    WORKER_BASE_BYTES +
    BYTES_PER_DRIVER * 1.3 * driversSignedUp +
    BYTES_PER_ACTIVE * 2 * activeDrivers +
    60 * 8 * days;
  return {
    applicantsPerWeek,
    driversSignedUp,
    activeDrivers,
    days,
    seconds,
    bytes: threads * perWorker,
    workers: threads,
  };
}

/**
 * Bytes the page keeps for each comparison it holds (three summaries and the paired
 * differences, each a mean and an interval per metric and week): measured 28 kB plus 2.2 kB a
 * week (tsx, 1 to 104 weeks), with room for the objects around them.
 */
export const COMPARISON_BYTES = 32 * 1024;
export const COMPARISON_BYTES_PER_WEEK = 2.5 * 1024;

/**
 * What a run of one or more comparisons will simulate, for its estimate: the workspace's pair,
 * an explorer's sweep, grid, sensitivity or goal seek, presentation mode's columns, a practice
 * round. The pool runs one comparison at a time and caches the baseline's replications, so the
 * baselines run once each and every comparison after that runs its own scenario.
 */
export interface RunPlan {
  /** The scenarios the points are compared with, each run once. */
  readonly baselines: readonly Scenario[];
  /**
   * The scenarios compared with a baseline, in the order run; when `comparisons` is larger, a
   * sample standing for them all (goal seek's corners for its budget of runs).
   */
  readonly points: readonly Scenario[];
  /** Comparisons the run makes (default: one per point). */
  readonly comparisons?: number;
  /** Comparisons whose results the page keeps at once (default: all it makes). */
  readonly kept?: number;
}

/** A plan's cost: time summed over its runs, memory at its largest run plus the results kept. */
export interface PlanEstimate extends RunEstimate {
  /** Scenario runs: the baselines, then one per comparison. */
  readonly runs: number;
  /** Replications of each run (the largest among them). */
  readonly replications: number;
  /** Bytes of the comparisons' results the page keeps (within `bytes`). */
  readonly keptBytes: number;
}

/** The plan's cost on `workers` threads (each comparison one after the other). */
export function estimatePlan(plan: RunPlan, workers = 1): PlanEstimate {
  const comparisons = plan.comparisons ?? plan.points.length;
  const busy = (s: Scenario) => estimateRun(s, workers).seconds - WORKER_START_SECONDS;
  const mean = (xs: readonly number[]) =>
    xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
  const seconds =
    WORKER_START_SECONDS +
    plan.baselines.reduce((t, s) => t + busy(s), 0) +
    comparisons * mean(plan.points.map(busy));
  const all = [...plan.baselines, ...plan.points];
  const each = all.map((s) => estimateRun(s, workers));
  const largest = each.reduce<RunEstimate | undefined>(
    (a, e) => (a && a.bytes >= e.bytes ? a : e),
    undefined,
  );
  const weeks = Math.max(0, ...all.map((s) => s.weeks));
  const keptBytes =
    (plan.kept ?? comparisons) * (COMPARISON_BYTES + COMPARISON_BYTES_PER_WEEK * weeks);
  const base: RunEstimate = largest ?? {
    applicantsPerWeek: 0,
    driversSignedUp: 0,
    activeDrivers: 0,
    days: 0,
    seconds: 0,
    bytes: 0,
    workers: 0,
  };
  return {
    ...base,
    seconds,
    bytes: base.bytes + keptBytes,
    runs: plan.baselines.length + comparisons,
    replications: Math.max(0, ...all.map((s) => s.replications)),
    keptBytes,
  };
}

const count = (n: number): string =>
  n >= 1e9
    ? `${(n / 1e9).toPrecision(3)} billion`
    : Math.round(n).toLocaleString('en-US', { maximumFractionDigits: 0 });

const INFLOW_LEVERS =
  'lower applicantsPerWeek, supplyElasticity, payPerHour or tipsPerHour, or raise outsideWage';

/** Why the applicants a scenario asks for cannot run (the parameters behind them named). */
function inflowWhy(p: Params): string {
  const net = Math.max(0, advertisedNet(p));
  return (
    `applicantsPerWeek ${p.applicantsPerWeek} × (net pay $${net.toFixed(2)}/h ÷ ` +
    `outsideWage $${p.outsideWage}/h)^supplyElasticity ${p.supplyElasticity}`
  );
}

/**
 * The run if what its parameters produce stays within the hard bounds, else a message that
 * says what would run away and names the parameters to change.
 */
export function checkRunBounds(s: Scenario): Parsed<RunEstimate> {
  const e = estimateRun(s);
  const p = s.params;
  if (e.applicantsPerWeek > MAX_APPLICANTS_PER_WEEK) {
    return {
      ok: false,
      error:
        `the scenario asks for about ${count(e.applicantsPerWeek)} applicants a week ` +
        `(${inflowWhy(p)}), over the ${count(MAX_APPLICANTS_PER_WEEK)} a run can take: ${INFLOW_LEVERS}`,
    };
  }
  if (e.driversSignedUp > MAX_DRIVERS) {
    return {
      ok: false,
      error:
        `the scenario would sign up about ${count(e.driversSignedUp)} drivers over its ` +
        `${e.days / 7} weeks (warm-up included; initialDrivers ${p.initialDrivers}, about ` +
        `${count(e.applicantsPerWeek)} applicants a week), over the ${count(MAX_DRIVERS)} a ` +
        `run can hold: fewer weeks, or ${INFLOW_LEVERS}`,
    };
  }
  return { ok: true, value: e };
}

/** Why an estimate is over a budget, or undefined when within both. */
export function overBudget(
  e: RunEstimate,
  seconds = TIME_BUDGET_SECONDS,
  bytes = MEMORY_BUDGET_BYTES,
): string | undefined {
  const over: string[] = [];
  if (e.seconds > seconds)
    over.push(`about ${describeSeconds(e.seconds)} (budget ${describeSeconds(seconds)})`);
  if (e.bytes > bytes)
    over.push(`about ${describeBytes(e.bytes)} of memory (budget ${describeBytes(bytes)})`);
  return over.length === 0 ? undefined : `the run would take ${over.join(' and ')}`;
}

export function describeSeconds(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toPrecision(2)} h`;
}

export function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb < 1024 ? `${Math.ceil(mb)} MB` : `${(mb / 1024).toPrecision(2)} GB`;
}

/** The estimate in one line: "about 40 s and 300 MB on 2 threads (…)". */
export function describeEstimate(e: RunEstimate): string {
  return (
    `about ${describeSeconds(e.seconds)} and ${describeBytes(e.bytes)} on ${e.workers} ` +
    `thread${e.workers === 1 ? '' : 's'} (about ${count(e.activeDrivers)} active drivers × ` +
    `${e.days} days a replication, warm-up included)`
  );
}

/**
 * A plan's estimate in one line: "about 40 s and 300 MB on 2 threads (11 runs of 16
 * replications, about 1,200 active drivers × 238 days each, warm-up included)".
 */
export function describePlan(e: PlanEstimate): string {
  return (
    `about ${describeSeconds(e.seconds)} and ${describeBytes(e.bytes)} on ${e.workers} ` +
    `thread${e.workers === 1 ? '' : 's'} (${count(e.runs)} scenario run${e.runs === 1 ? '' : 's'} ` +
    `of ${e.replications} replication${e.replications === 1 ? '' : 's'}, about ` +
    `${count(e.activeDrivers)} active drivers × ${e.days} days each, warm-up included)`
  );
}

/** A run the engine stopped because its sign-ups ran away (the message names the cause). */
export class RunawayError extends Error {
  override name = 'RunawayError';
}

/** The engine guard's message: on which day, how many, and the parameters to change. */
export function runawayMessage(p: Params, day: number, signedUp: number, arrivals: number): string {
  const when = day < 0 ? `warm-up day ${day + WARMUP_WEEKS * 7 + 1}` : `day ${day + 1}`;
  const why =
    arrivals > MAX_APPLICANTS_PER_DAY
      ? `over the ${count(MAX_APPLICANTS_PER_DAY)} a run can take in a day`
      : `taking the drivers signed up past ${count(MAX_DRIVERS)} (${count(signedUp)} so far)`;
  return (
    `the run stopped on ${when}: ${count(arrivals)} applicants in one day, ${why}; applicant ` +
    `inflow runs away as pay and word of mouth rise (${inflowWhy(p)}): ${INFLOW_LEVERS}`
  );
}

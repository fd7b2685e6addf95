/**
 * The engine: one replication of a scenario, simulated day by day (MODEL.md section 3).
 *
 * Each day: entry and onboarding, demand, planning from the forecast, release of blocks in
 * waves (reserved, open, surge), first-come claiming by drivers, no-shows, station wait,
 * routes at each driver's own productivity with failed attempts and overruns, pay and cost,
 * learning, beliefs, churn and deactivation. Packages are counts; drivers are typed arrays.
 *
 * Pure and seeded: no DOM, no clock, no unseeded randomness. Every draw is keyed by
 * (replication, day, purpose, driver or item), see src/sim/random.ts. A run starts from the
 * steady state of a warm-up (src/sim/warmup.ts), shared by a baseline and its scenarios and
 * cached per engine instance. Each phase of the day is a small function in its own module over
 * one typed-array state (src/sim/state.ts), so the JIT optimises each on its own; src/sim/day.ts
 * runs them in order.
 */
import type { ReplicationResult } from '../model/results';
import type { Scenario } from '../model/scenario';
import { changeDay, handOver } from './change';
import { runDays, type RunControl } from './day';
import { labRecord } from './lab-record';
import { buildResult } from './result';
import { SimState } from './state';
import { runSwitchback } from './switchback';
import { closeLedger } from './tallies';
import { drawnScenario } from './fit-draw';
import { WarmupCache, takeOver, warmState } from './warmup';

export { CancelledError, type RunControl } from './day';
export { WarmupCache, warmupKey, type WarmupStats } from './warmup';

/** The behavioural constants, importable from the engine as before (listed on the model page). */
export {
  APPLY_SLACK,
  DAILY_WANT,
  FRUSTRATION_SMOOTHING,
  GOOD_STANDING_BLOCKS,
  GOOD_STANDING_STRIKES,
  HOURS_OVERSHOOT,
  HOURS_SPREAD,
  INITIAL_RES_Z,
  INITIAL_TENURE_DAYS,
  NO_SHOW_LEAD_BASE,
  NO_SHOW_LEAD_SLOPE,
  NO_SHOW_SPREAD,
  OVERRUN_SMOOTHING,
  PRODUCTIVITY_SPREAD,
  QUEUE_HOURS_PER_OVERLOAD,
  SPEED_SPREAD,
  STRIKE_DAYS,
  WINDOW_EARLIEST,
  WINDOW_MEDIAN_HOURS,
  WINDOW_SPREAD,
  WINDOW_START_RANGE,
} from './constants';

/**
 * The warmed states of this engine instance (one per worker thread): a lever change reruns no
 * warm-up. Bounded in bytes (src/sim/warmup.ts).
 */
export const sharedWarmups = new WarmupCache();

/**
 * Simulates replication `rep` of a scenario and returns its final state (record, drivers): from
 * the warmed state of its warm-up parameters (`scenario.warmup`, its baseline's in a
 * comparison, else its own; taken from `warmups` when cached there), weeks 1 to
 * `scenario.weeks` under the scenario's own parameters (with a fit, its fitted constants drawn
 * for the replication, src/sim/fit-draw.ts).
 */
export function simulate(
  given: Scenario,
  rep: number,
  control: RunControl = {},
  warmups: WarmupCache = sharedWarmups,
): SimState {
  const scenario = drawnScenario(given, rep);
  const warm = warmState(scenario, rep, control, warmups);
  // Room for the warmed drivers from the start: a typed array's allocation is dear in Chromium.
  let s = new SimState(scenario, rep, 0, warm.count);
  takeOver(s, warm);
  const switchDay = changeDay(scenario);
  if (scenario.experiment?.design === 'switchback') {
    s = runSwitchback(s, scenario, rep, control);
  } else if (switchDay !== undefined) {
    // A change mid-run (src/sim/change.ts): the days before it, then a state for the new levers.
    runDays(s, 0, switchDay, control);
    s = handOver(s, scenario, rep);
    runDays(s, switchDay, s.days, control);
  } else runDays(s, 0, s.days, control);
  closeLedger(s);
  return s;
}

/**
 * Simulates replication `rep` of a scenario (see `simulate`) and returns its results; with
 * `labOnly`, a run with an experiment returns its lab record and ledger only (the lab's runs).
 */
export function runReplication(
  given: Scenario,
  rep: number,
  control: RunControl & { labOnly?: boolean } = {},
  warmups: WarmupCache = sharedWarmups,
): ReplicationResult {
  const scenario = drawnScenario(given, rep);
  const s = simulate(scenario, rep, control, warmups);
  if (control.labOnly && scenario.experiment) {
    // One empty buffer behind every array the lab does not read (a message moves it once).
    const none = new Float64Array(0);
    const lab = labRecord(s, scenario);
    s.release();
    return {
      replication: rep,
      weeks: scenario.weeks,
      weekly: none,
      shortRun: none,
      longRun: none,
      peak: none,
      whole: none,
      startWeek: scenario.params.startWeek,
      periods: new Uint8Array(none.buffer),
      pool: none,
      earnings: none,
      ledger: s.ledger,
      lab,
    };
  }
  const result = buildResult(scenario, rep, s.rec, s.dr, s.ledger);
  // The lab's daily record, for runs with an experiment only (src/sim/lab-record.ts).
  if (scenario.experiment) result.lab = labRecord(s, scenario);
  s.release(); // the result holds copies only: the next run reuses the memory
  return result;
}

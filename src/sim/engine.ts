/**
 * The engine: one replication of a scenario, simulated day by day (MODEL.md section 3).
 *
 * Each day: entry and onboarding, demand, planning from the forecast, release of blocks in
 * waves (reserved, open, surge), first-come claiming by drivers, no-shows, station wait,
 * routes at each driver's own productivity with failed attempts and overruns, pay and cost,
 * learning, beliefs, churn and deactivation. Packages are counts; drivers are typed arrays.
 *
 * Pure and seeded: no DOM, no clock, no unseeded randomness. Every draw is keyed by
 * (replication, day, purpose, driver or item), see src/sim/random.ts. Each phase of the day is
 * a small function in its own module over one typed-array state (src/sim/state.ts), so the JIT
 * optimises each on its own; this module runs the days in order.
 */
import type { ReplicationResult } from '../model/results';
import type { Scenario } from '../model/scenario';
import { churn, frustration } from './churn';
import { claim } from './claim';
import { gatherCandidates } from './candidates';
import { entry, seedInitialPool } from './entry';
import { execute } from './packages';
import { demandAndPlan } from './plan';
import { buildResult } from './result';
import { SimState } from './state';
import { closeLedger, weekEnd } from './tallies';

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

/** Thrown when a run is stopped through `RunControl.shouldStop`. */
export class CancelledError extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'Cancelled';
  }
}

export interface RunControl {
  /** Asked once per simulated week; returning true stops the run with CancelledError. */
  shouldStop?: () => boolean;
}

/** One simulated day: every phase in order, and the week's tallies on its last day. */
function day(s: SimState, d: number): void {
  entry(s, d);
  demandAndPlan(s, d);
  gatherCandidates(s, d);
  claim(s, d);
  execute(s, d);
  frustration(s, d);
  churn(s, d);
  if (d % 7 === 6) weekEnd(s, d);
}

/** Simulates replication `rep` of a scenario and returns its final state (record, drivers). */
export function simulate(scenario: Scenario, rep: number, control: RunControl = {}): SimState {
  const s = new SimState(scenario, rep);
  seedInitialPool(s);
  for (let d = 0; d < s.days; d++) {
    if (d % 7 === 0 && control.shouldStop?.()) throw new CancelledError();
    day(s, d);
  }
  closeLedger(s);
  return s;
}

/** Simulates replication `rep` of a scenario. */
export function runReplication(
  scenario: Scenario,
  rep: number,
  control: RunControl = {},
): ReplicationResult {
  const s = simulate(scenario, rep, control);
  return buildResult(scenario, rep, s.rec, s.dr, s.ledger);
}

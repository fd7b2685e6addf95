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
import { gatherCandidates } from './candidates';
import { claim } from './claim';
import { FRUSTRATION_SMOOTHING, P, STRIKE_DECAY, WANTS } from './constants';
import { ACTIVE, CHURNED, DEACTIVATED } from './drivers';
import { entry, seedInitialPool } from './entry';
import { gini } from './measure';
import { execute } from './packages';
import { demandAndPlan } from './plan';
import { uniform } from './random';
import { F } from './record';
import { buildResult } from './result';
import { at, dayStream, SimState } from './state';

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

/** Drivers who wanted work: search time, and frustration for those who got none. */
function frustration(s: SimState, d: number): void {
  const { dr, cand, candFlags, candType } = s;
  const late = d >= s.lateFrom;
  const searchH = s.searchH;
  let searching = 0;
  let wanted = 0;
  let frustrated = 0;
  for (let c = 0; c < s.nc; c++) {
    const fl = candFlags[c];
    const got = candType[c] !== -1;
    if ((fl & WANTS) === 0 && !got) continue;
    searching++;
    if ((fl & WANTS) === 0) continue;
    const i = cand[c];
    wanted++;
    const miss = got ? 0 : 1;
    frustrated += miss;
    dr.frustration[i] =
      (1 - FRUSTRATION_SMOOTHING) * dr.frustration[i] + FRUSTRATION_SMOOTHING * miss;
    if (miss && late) dr.timeLate[i] += searchH;
  }
  s.rec[at(s, F.searchHours, d)] = searching * searchH;
  s.rec[at(s, F.wantedDays, d)] = wanted;
  s.rec[at(s, F.frustratedDays, d)] = frustrated;
}

/** Step 9: strikes fade; repeated no-shows deactivate; dissatisfaction raises churn. */
function churn(s: SimState, d: number): void {
  const { p, dr } = s;
  const { state, strikes, activeDay, res, belief, frustration, overrunAvg } = dr;
  const sChurn = dayStream(s, d, P.churn);
  const baseChurn = p.baseChurn;
  const gapChurn = p.wageGapChurn;
  const frustChurn = p.frustrationChurn;
  const overChurn = p.overrunChurn;
  const toDeactivate = p.strikesToDeactivate;
  let happy = 0;
  let churned = 0;
  let deactivated = 0;
  let youngExposure = 0;
  let youngExits = 0;
  // Survivors are compacted in place, so the active list stays in index order.
  const activeList = s.activeList;
  const nActive = s.activeCount;
  let kept = 0;
  for (let k = 0; k < nActive; k++) {
    const i = activeList[k];
    const st = strikes[i] * STRIKE_DECAY;
    strikes[i] = st;
    const young = d - activeDay[i] < 90;
    if (young) youngExposure++;
    if (st >= toDeactivate) {
      state[i] = DEACTIVATED;
      deactivated++;
      if (young) youngExits++;
      continue;
    }
    const r = res[i];
    const gap = r > belief[i] ? (r - belief[i]) / r : 0;
    const hazard =
      baseChurn + gapChurn * gap + frustChurn * frustration[i] + overChurn * overrunAvg[i];
    if (uniform(sChurn, i) * 7 < hazard) {
      state[i] = CHURNED;
      churned++;
      if (young) youngExits++;
      continue;
    }
    if (gap === 0 && frustration[i] < 0.5) happy++;
    activeList[kept++] = i;
  }
  s.activeCount = kept;
  s.happyShare = s.activeCount > 0 ? happy / s.activeCount : 0.5;
  const rec = s.rec;
  rec[at(s, F.churned, d)] = churned;
  rec[at(s, F.deactivated, d)] = deactivated;
  rec[at(s, F.youngExposure, d)] = youngExposure;
  rec[at(s, F.youngExits, d)] = youngExits;
  rec[at(s, F.active, d)] = s.activeCount;
}

/** The week's Gini of paid hours over drivers active at its end or who worked in it. */
function weekEnd(s: SimState, d: number): void {
  const { dr } = s;
  if (s.hoursScratch.length < dr.count) s.hoursScratch = new Float64Array(dr.capacity);
  const { state, hoursWeek, workedWeek } = dr;
  const scratch = s.hoursScratch;
  let n = 0;
  for (let i = 0; i < dr.count; i++) {
    if (state[i] === ACTIVE || workedWeek[i] === 1) scratch[n++] = hoursWeek[i];
    hoursWeek[i] = 0;
    workedWeek[i] = 0;
  }
  s.rec[at(s, F.gini, d)] = gini(scratch.subarray(0, n));
}

/** The run's closing ledger: packages outstanding, drivers by state, the drivers' earnings. */
function closeLedger(s: SimState): void {
  const { dr, ledger } = s;
  ledger.outstanding = s.backlog;
  ledger.agents = dr.count;
  for (let i = 0; i < dr.count; i++) {
    ledger.byState[dr.state[i] as 0 | 1 | 2 | 3 | 4]++;
    ledger.driverEarnings += dr.earned[i];
  }
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

/** Simulates replication `rep` of a scenario. */
export function runReplication(
  scenario: Scenario,
  rep: number,
  control: RunControl = {},
): ReplicationResult {
  const s = new SimState(scenario, rep);
  seedInitialPool(s);
  for (let d = 0; d < s.days; d++) {
    if (d % 7 === 0 && control.shouldStop?.()) throw new CancelledError();
    day(s, d);
  }
  closeLedger(s);
  return buildResult(scenario, rep, s.rec, s.dr, s.ledger);
}

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
import { SLOT_STARTS } from './blocks';
import { gatherCandidates } from './candidates';
import { claim } from './claim';
import {
  FRUSTRATION_SMOOTHING,
  OVERRUN_SMOOTHING,
  P,
  QUEUE_HOURS_PER_OVERLOAD,
  STRIKE_DECAY,
  SUM,
  WANTS,
} from './constants';
import { ACTIVE, CHURNED, DEACTIVATED } from './drivers';
import { entry, seedInitialPool } from './entry';
import { gini } from './measure';
import { demandAndPlan } from './plan';
import { stochasticRound, uniform } from './random';
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

/**
 * Step 7a: no-shows (a no-show's type is kept as -2 - t) and the station queue per start
 * slot. Returns the route capacity of the blocks that are worked.
 */
function noShowsAndQueue(s: SimState, d: number): number {
  const { dr, bt, candType, cand, slotWorked } = s;
  const sNoShow = dayStream(s, d, P.noShow);
  slotWorked.fill(0);
  let capacity = 0;
  let worked = 0;
  let noShows = 0;
  for (let c = 0; c < s.nc; c++) {
    const t = candType[c];
    if (t < 0) continue;
    const i = cand[c];
    if (uniform(sNoShow, i) < dr.noShowP[i] * s.leadNoShow) {
      candType[c] = -2 - t;
      dr.strikes[i] += 1;
      dr.hoursWeek[i] -= bt.len[t];
      noShows++;
      continue;
    }
    slotWorked[bt.slot[t]]++;
    capacity += bt.cap[t];
    worked++;
  }
  for (let k = 0; k < SLOT_STARTS.length; k++) {
    s.slotWait[k] =
      s.load + QUEUE_HOURS_PER_OVERLOAD * Math.max(0, slotWorked[k] / s.p.loadingPerHalfHour - 1);
  }
  s.rec[at(s, F.noShows, d)] = noShows;
  s.rec[at(s, F.blocksWorked, d)] = worked;
  return capacity;
}

/**
 * Step 7b and 8: routes are loaded (backlog first) up to the capacity that showed up, each
 * driver delivers at their own productivity, overruns or returns packages, and is paid.
 * Returns the packages delivered.
 */
function routes(s: SimState, d: number, loaded: number, capacity: number): number {
  const { bt, candType } = s;
  const rho = capacity > 0 ? loaded / capacity : 0;
  let remainder = loaded;
  for (let c = 0; c < s.nc; c++) {
    const t = candType[c];
    if (t >= 0) remainder -= Math.floor(bt.cap[t] * rho);
  }
  const sFail = dayStream(s, d, P.fail);
  const late = d >= s.lateFrom;
  s.routeSums.fill(0);
  let delivered = 0;
  for (let c = 0; c < s.nc; c++) {
    const t = candType[c];
    if (t < 0) continue;
    const cap = bt.cap[t];
    let route = Math.floor(cap * rho);
    if (remainder > 0 && route < cap) {
      route++;
      remainder--;
    }
    delivered += workBlock(s, c, route, sFail, late);
  }
  recordRoutes(s, d);
  return delivered;
}

/**
 * Candidate c works their block with a route of `route` packages: time, overrun, returns and
 * failed attempts, then pay; learning by doing and the memory of overruns. Returns the
 * packages delivered.
 */
function workBlock(s: SimState, c: number, route: number, sFail: number, late: boolean): number {
  const { p, dr, bt } = s;
  const sums = s.routeSums;
  const i = s.cand[c];
  const t = s.candType[c];
  const len = bt.len[t];
  const done = dr.blocksDone[i];
  const experience = done >= p.learningBlocks ? 1 : done / p.learningBlocks;
  const learnFloor = s.learnFloor;
  const prod = p.productivity * dr.prodMult[i] * (learnFloor + (1 - learnFloor) * experience);
  const wait = s.slotWait[bt.slot[t]];
  const needed = wait + route / prod;
  const maxOverrun = p.maxOverrunHours;
  let returned = 0;
  let overrun = 0;
  let time = needed;
  if (needed > len) {
    overrun = needed - len < maxOverrun ? needed - len : maxOverrun;
    time = len + overrun;
    if (needed - len > maxOverrun) {
      returned = Math.min(route, Math.round((needed - len - maxOverrun) * prod));
    }
  } else {
    sums[SUM.idleHours] += len - needed;
  }
  const attempted = route - returned;
  const failed = stochasticRound(attempted * p.failedAttemptRate, uniform(sFail, i));
  payBlock(s, c, len, time, wait, late);
  sums[SUM.workHours] += time;
  sums[SUM.overrunHours] += overrun;
  sums[SUM.attempted] += attempted;
  sums[SUM.failed] += failed;
  sums[SUM.returned] += returned;
  if (route > p.safePace * (len - wait > 0.25 ? len - wait : 0.25)) sums[SUM.unsafeBlocks]++;
  dr.blocksDone[i] = done + 1;
  dr.overrunAvg[i] = (1 - OVERRUN_SMOOTHING) * dr.overrunAvg[i] + OVERRUN_SMOOTHING * overrun;
  return attempted - failed;
}

/**
 * Candidate c is paid for a block of `len` hours that took `time` hours, `wait` of them at the
 * station; their earnings, the hours below the wage floor and their belief about earnings.
 */
function payBlock(
  s: SimState,
  c: number,
  len: number,
  time: number,
  wait: number,
  late: boolean,
): void {
  const { p, dr } = s;
  const sums = s.routeSums;
  const i = s.cand[c];
  const base = p.payPerHour * len;
  const surge = p.payPerHour * (s.candMult[c] - 1) * len;
  const tips = p.tipsPerHour * len;
  const net = base + surge + tips - s.vehiclePerRouteHour * (time > wait ? time - wait : 0);
  sums[SUM.payBase] += base;
  sums[SUM.paySurge] += surge;
  sums[SUM.payTips] += tips;
  sums[SUM.netEarnings] += net;
  sums[SUM.paidHours] += len;
  if (net < p.wageFloor * time) sums[SUM.belowFloorHours] += time;
  if (late) {
    dr.netLate[i] += net;
    dr.timeLate[i] += time + s.searchH;
  }
  dr.earned[i] += base + surge + tips;
  dr.workedWeek[i] = 1;
  const alpha = p.beliefSmoothing;
  dr.belief[i] = (1 - alpha) * dr.belief[i] + alpha * (net / (time + s.searchH));
}

/** The day's route sums into the record, and the drivers' pay into the operator's ledger. */
function recordRoutes(s: SimState, d: number): void {
  const { rec, routeSums: sums } = s;
  rec[at(s, F.payBase, d)] = sums[SUM.payBase];
  rec[at(s, F.paySurge, d)] = sums[SUM.paySurge];
  rec[at(s, F.payTips, d)] = sums[SUM.payTips];
  rec[at(s, F.netEarnings, d)] = sums[SUM.netEarnings];
  rec[at(s, F.paidHours, d)] = sums[SUM.paidHours];
  rec[at(s, F.workHours, d)] = sums[SUM.workHours];
  rec[at(s, F.idleHours, d)] = sums[SUM.idleHours];
  rec[at(s, F.overrunHours, d)] = sums[SUM.overrunHours];
  rec[at(s, F.attempted, d)] = sums[SUM.attempted];
  rec[at(s, F.failed, d)] = sums[SUM.failed];
  rec[at(s, F.returned, d)] = sums[SUM.returned];
  rec[at(s, F.belowFloorHours, d)] = sums[SUM.belowFloorHours];
  rec[at(s, F.unsafeBlocks, d)] = sums[SUM.unsafeBlocks];
  s.ledger.operatorDriverPay += sums[SUM.payBase] + sums[SUM.paySurge] + sums[SUM.payTips];
}

/**
 * Steps 6–8 for packages: what showed up is loaded (backlog first), the rest goes to the
 * fallback carrier within its capacity or rolls over late; deliveries split into on time
 * and late in proportion to what was loaded; marketplace packages are left off first in
 * proportion to the first-party priority.
 */
function execute(s: SimState, d: number): void {
  const { p, rec } = s;
  const capacity = noShowsAndQueue(s, d);
  const fresh = s.fresh;
  const backlog = s.backlog;
  const loaded = Math.min(backlog + fresh, capacity);
  const backlogLoaded = Math.min(backlog, loaded);
  const freshLoaded = loaded - backlogLoaded;
  const freshUnloaded = fresh - freshLoaded;
  const toFallback = Math.min(freshUnloaded, s.fallbackDaily);
  const rolledFresh = freshUnloaded - toFallback;
  const delivered = routes(s, d, loaded, capacity);
  const backlogDelivered = loaded > 0 ? Math.round((delivered * backlogLoaded) / loaded) : 0;
  const onTime = delivered - backlogDelivered;
  const freshRouteMiss = freshLoaded - onTime;
  s.backlog = backlog - backlogLoaded + rolledFresh + (loaded - delivered);

  const sellers = s.sellers;
  const share = fresh > 0 ? sellers / fresh : 0;
  const q = Math.min(1, share + p.firstPartyPriority * (1 - share));
  const sellerUnloaded = Math.min(sellers, Math.round(freshUnloaded * q));
  const sellerFallback =
    freshUnloaded > 0 ? Math.round((toFallback * sellerUnloaded) / freshUnloaded) : 0;
  const sellerLoaded = sellers - sellerUnloaded;
  const sellerRouteMiss =
    freshLoaded > 0 ? Math.round((freshRouteMiss * sellerLoaded) / freshLoaded) : 0;
  rec[at(s, F.onTime, d)] = onTime;
  rec[at(s, F.sellerOnTime, d)] = sellers - (sellerUnloaded - sellerFallback) - sellerRouteMiss;
  rec[at(s, F.fallback, d)] = toFallback;
  rec[at(s, F.lateDelivered, d)] = backlogDelivered;
  rec[at(s, F.missed, d)] = rolledFresh + freshRouteMiss;
  rec[at(s, F.fallbackCost, d)] = toFallback * p.fallbackCostPerPackage;
  rec[at(s, F.overheadCost, d)] = rec[at(s, F.blocksWorked, d)] * p.stationOverheadPerBlock;
  s.ledger.deliveredOnTime += onTime;
  s.ledger.deliveredLate += backlogDelivered;
  s.ledger.fallback += toFallback;
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

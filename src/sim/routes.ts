/**
 * Routes (MODEL.md steps 7b and 8): the packages loaded are shared over the blocks worked in
 * proportion to their capacity; each driver delivers at their own productivity (learning by
 * doing), overruns or brings packages back, has some attempts fail, and is paid; their
 * beliefs about earnings and memory of overruns follow. The day's sums go to the record.
 *
 * Three passes over the day's candidates, each a tight loop with its sums in local variables
 * (no call per block): share the packages, drive the routes, pay the drivers.
 */
import { OVERRUN_SMOOTHING, P } from './constants';
import { stochasticRound, uniform } from './random';
import { F } from './record';
import { at, dayStream, type SimState } from './state';

/**
 * Step 7b and 8: routes are loaded (backlog first) up to the capacity that showed up, each
 * driver delivers at their own productivity, overruns or returns packages, and is paid.
 * Returns the packages delivered.
 */
export function routes(s: SimState, d: number, loaded: number, capacity: number): number {
  shareRoutes(s, loaded, capacity);
  const delivered = driveRoutes(s, d);
  payRoutes(s, d);
  return delivered;
}

/**
 * Each worked block's route (`candRoute`): its share of the packages loaded in proportion to
 * its capacity, rounded down, and one more package each for the first blocks with room until
 * the remainder is gone.
 */
function shareRoutes(s: SimState, loaded: number, capacity: number): void {
  const { bt, candType, candRoute } = s;
  const rho = capacity > 0 ? loaded / capacity : 0;
  let remainder = loaded;
  for (let c = 0; c < s.nc; c++) {
    const t = candType[c];
    if (t >= 0) remainder -= Math.floor(bt.cap[t] * rho);
  }
  for (let c = 0; c < s.nc; c++) {
    const t = candType[c];
    if (t < 0) continue;
    const cap = bt.cap[t];
    let route = Math.floor(cap * rho);
    if (remainder > 0 && route < cap) {
      route++;
      remainder--;
    }
    candRoute[c] = route;
  }
}

/**
 * Each driver drives their route: station wait, then packages at their own productivity,
 * overrunning the block up to a limit and bringing the rest back; some attempts fail. Sets
 * the hours each took (`candTime`), learning by doing and the memory of overruns; records
 * the day's hours and packages and returns the packages delivered.
 */
function driveRoutes(s: SimState, d: number): number {
  const { p, dr, bt, cand, candType, candRoute, candTime, slotWait, rec } = s;
  const sFail = dayStream(s, d, P.fail);
  const productivity = p.productivity;
  const learningBlocks = p.learningBlocks;
  const maxOverrun = p.maxOverrunHours;
  const learnFloor = s.learnFloor;
  let delivered = 0;
  let workHours = 0;
  let idleHours = 0;
  let overrunHours = 0;
  let attemptedSum = 0;
  let failedSum = 0;
  let returnedSum = 0;
  let unsafe = 0;
  for (let c = 0; c < s.nc; c++) {
    const t = candType[c];
    if (t < 0) continue;
    const i = cand[c];
    const len = bt.len[t];
    const route = candRoute[c];
    const done = dr.blocksDone[i];
    const experience = done >= learningBlocks ? 1 : done / learningBlocks;
    const prod = productivity * dr.prodMult[i] * (learnFloor + (1 - learnFloor) * experience);
    const wait = slotWait[bt.slot[t]];
    const needed = wait + route / prod;
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
      idleHours += len - needed;
    }
    const attempted = route - returned;
    const failed = stochasticRound(attempted * p.failedAttemptRate, uniform(sFail, i));
    delivered += attempted - failed;
    candTime[c] = time;
    workHours += time;
    overrunHours += overrun;
    attemptedSum += attempted;
    failedSum += failed;
    returnedSum += returned;
    if (route > p.safePace * (len - wait > 0.25 ? len - wait : 0.25)) unsafe++;
    dr.blocksDone[i] = done + 1;
    dr.overrunAvg[i] = (1 - OVERRUN_SMOOTHING) * dr.overrunAvg[i] + OVERRUN_SMOOTHING * overrun;
  }
  rec[at(s, F.workHours, d)] = workHours;
  rec[at(s, F.idleHours, d)] = idleHours;
  rec[at(s, F.overrunHours, d)] = overrunHours;
  rec[at(s, F.attempted, d)] = attemptedSum;
  rec[at(s, F.failed, d)] = failedSum;
  rec[at(s, F.returned, d)] = returnedSum;
  rec[at(s, F.unsafeBlocks, d)] = unsafe;
  return delivered;
}

/**
 * Each driver is paid for their block (base, surge, tips) less the vehicle cost of the route
 * hours; their earnings, the hours below the wage floor and their belief about what an hour
 * of this work earns. Records the day's pay and adds it to the operator's ledger.
 */
function payRoutes(s: SimState, d: number): void {
  const { p, dr, bt, cand, candType, candMult, candTime, slotWait, rec } = s;
  const payPerHour = p.payPerHour;
  const tipsPerHour = p.tipsPerHour;
  const vehiclePerRouteHour = s.vehiclePerRouteHour;
  const alpha = p.beliefSmoothing;
  const searchH = s.searchH;
  const late = d >= s.lateFrom;
  let payBase = 0;
  let paySurge = 0;
  let payTips = 0;
  let netSum = 0;
  let paidHours = 0;
  let belowFloor = 0;
  for (let c = 0; c < s.nc; c++) {
    const t = candType[c];
    if (t < 0) continue;
    const i = cand[c];
    const len = bt.len[t];
    const time = candTime[c];
    const wait = slotWait[bt.slot[t]];
    const base = payPerHour * len;
    const surge = payPerHour * (candMult[c] - 1) * len;
    const tips = tipsPerHour * len;
    const net = base + surge + tips - vehiclePerRouteHour * (time > wait ? time - wait : 0);
    payBase += base;
    paySurge += surge;
    payTips += tips;
    netSum += net;
    paidHours += len;
    if (net < p.wageFloor * time) belowFloor += time;
    if (late) {
      dr.netLate[i] += net;
      dr.timeLate[i] += time + searchH;
    }
    dr.earned[i] += base + surge + tips;
    dr.workedWeek[i] = 1;
    dr.belief[i] = (1 - alpha) * dr.belief[i] + alpha * (net / (time + searchH));
  }
  rec[at(s, F.payBase, d)] = payBase;
  rec[at(s, F.paySurge, d)] = paySurge;
  rec[at(s, F.payTips, d)] = payTips;
  rec[at(s, F.netEarnings, d)] = netSum;
  rec[at(s, F.paidHours, d)] = paidHours;
  rec[at(s, F.belowFloorHours, d)] = belowFloor;
  s.ledger.operatorDriverPay += payBase + paySurge + payTips;
}

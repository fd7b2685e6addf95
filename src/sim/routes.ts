/**
 * Routes (MODEL.md steps 7b and 8): the packages loaded are shared over the blocks worked in
 * proportion to their capacity; each driver delivers at their own productivity (learning by
 * doing), overruns or brings packages back, has some attempts fail, and is paid; their
 * beliefs about earnings and memory of overruns follow. The day's sums go to the record.
 *
 * Tight loops over the day's workers (`SimState.workers`), their sums in local variables, no
 * call per block: the drive, then the pay.
 */
import { OVERRUN_SMOOTHING, P } from './constants';
import { NO_DAY } from './drivers';
import { tallyDelivered, tallyPay, treatedPair } from './experiment';
import { stochasticRound, uniform } from './random';
import { F } from './record';
import { at, dayStream, type SimState } from './state';

/**
 * Step 7b and 8: routes are loaded (today's packages first) up to the capacity that showed up, each
 * driver delivers at their own productivity, overruns or returns packages, and is paid.
 * Returns the packages delivered.
 */
export function routes(s: SimState, d: number, loaded: number, capacity: number): number {
  const rho = capacity > 0 ? loaded / capacity : 0;
  const delivered = driveRoutes(s, d, rho, routeRemainder(s, loaded, rho));
  payRoutes(s, d);
  firstBlocks(s, d);
  return delivered;
}

/** Workers on their first block of the run; those who signed up in it count in the funnel. */
function firstBlocks(s: SimState, d: number): void {
  const { cand, workers } = s;
  const { firstBlockDay, signupDay } = s.dr;
  const none = NO_DAY; // imports read in the loop, as locals (docs/ARCHITECTURE.md)
  let first = 0;
  let days = 0;
  for (let k = 0; k < s.nWorkers; k++) {
    const i = cand[workers[k]];
    if (firstBlockDay[i] !== none) continue;
    firstBlockDay[i] = d;
    if (signupDay[i] === none) continue;
    first++;
    days += d - signupDay[i];
  }
  s.rec[at(s, F.firstBlocks, d)] = first;
  s.rec[at(s, F.firstBlockDays, d)] = days;
}

/**
 * Each block's route is its share of the packages loaded, in proportion to its capacity
 * (`rho` the ratio), rounded down: the packages left over, which go one each to the first
 * blocks with room.
 */
function routeRemainder(s: SimState, loaded: number, rho: number): number {
  const { bt, candType, workers } = s;
  let remainder = loaded;
  for (let k = 0; k < s.nWorkers; k++) remainder -= Math.floor(bt.cap[candType[workers[k]]] * rho);
  return remainder;
}

/**
 * Each worker drives their route: station wait, then packages at their own productivity,
 * overrunning the block up to a limit and bringing the rest back; some attempts fail. Sets
 * the hours each took (`candTime`), learning by doing and the memory of overruns; records
 * the day's hours and packages and returns the packages delivered.
 */
// Longer than the usual 60 lines: the loop's invariant reads as locals (docs/ARCHITECTURE.md,
// "Hot loops read locals").
// eslint-disable-next-line max-lines-per-function
function driveRoutes(s: SimState, d: number, rho: number, remainder: number): number {
  const { p, dr, bt, cand, candType, candTime, slotWait, workers, rec, learnFloor } = s;
  const sFail = dayStream(s, d, P.fail);
  const { productivity, learningBlocks, maxOverrunHours: maxOverrun } = p;
  const { failedAttemptRate, safePace } = p;
  const { key, blocksDone, prodMult, overrunAvg } = dr;
  const { len: lens, cap: caps, slot: slots } = bt;
  const { nWorkers, xSplit } = s;
  // Imports read in the loop, as locals (docs/ARCHITECTURE.md, "Hot loops read locals").
  const draw = uniform;
  const smoothing = OVERRUN_SMOOTHING;
  let workHours = 0;
  let idleHours = 0;
  let overrunHours = 0;
  let attemptedSum = 0;
  let failedSum = 0;
  let returnedSum = 0;
  let unsafe = 0;
  for (let k = 0; k < nWorkers; k++) {
    const c = workers[k];
    const t = candType[c];
    const i = cand[c];
    const len = lens[t];
    const cap = caps[t];
    let route = Math.floor(cap * rho);
    if (remainder > 0 && route < cap) {
      route++;
      remainder--;
    }
    const done = blocksDone[i];
    const experience = done >= learningBlocks ? 1 : done / learningBlocks;
    const prod = productivity * prodMult[i] * (learnFloor + (1 - learnFloor) * experience);
    const wait = slotWait[slots[t]];
    const needed = wait + route / prod;
    const over = needed > len;
    const overrun = over ? (needed - len < maxOverrun ? needed - len : maxOverrun) : 0;
    const time = over ? len + overrun : needed;
    const returned =
      needed - len > maxOverrun
        ? Math.min(route, Math.round((needed - len - maxOverrun) * prod))
        : 0;
    if (!over) idleHours += len - needed;
    const attempted = route - returned;
    const failed = stochasticRound(attempted * failedAttemptRate, draw(sFail, key[i]));
    if (xSplit !== 0) tallyDelivered(s, d, i, t, attempted - failed);
    candTime[c] = time;
    workHours += time;
    overrunHours += overrun;
    attemptedSum += attempted;
    failedSum += failed;
    returnedSum += returned;
    if (route > safePace * (len - wait > 0.25 ? len - wait : 0.25)) unsafe++;
    blocksDone[i] = done + 1;
    overrunAvg[i] = (1 - smoothing) * overrunAvg[i] + smoothing * overrun;
  }
  rec[at(s, F.workHours, d)] = workHours;
  rec[at(s, F.idleHours, d)] = idleHours;
  rec[at(s, F.overrunHours, d)] = overrunHours;
  rec[at(s, F.attempted, d)] = attemptedSum;
  rec[at(s, F.failed, d)] = failedSum;
  rec[at(s, F.returned, d)] = returnedSum;
  rec[at(s, F.unsafeBlocks, d)] = unsafe;
  return attemptedSum - failedSum; // the packages delivered
}

/**
 * Each worker is paid for their block (base, surge, tips) less the vehicle cost of the route
 * hours; their earnings, the hours below the wage floor and their belief about what an hour
 * of this work earns. Records the day's pay and adds it to the operator's ledger.
 */
function payRoutes(s: SimState, d: number): void {
  const { p, dr, bt, cand, candType, candMult, candTime, slotWait, workers, rec } = s;
  const { tipsPerHour, beliefSmoothing: alpha, wageFloor } = p;
  const { netLate, timeLate, earned, workedWeek, belief } = dr;
  const { len: lens, slot: slots } = bt;
  const { nWorkers, xSplit } = s;
  const payPerHour = s.payToday;
  const vehiclePerRouteHour = s.vehiclePerRouteHour;
  const searchH = s.searchHDay;
  const late = s.lateDays[d] === 1;
  // The belief is a time-weighted average of net hourly: a block of `blockHours` weighs alpha.
  const beliefPerHour = alpha / Math.max(1, p.blockHours);
  let payBase = 0;
  let paySurge = 0;
  let payTips = 0;
  let netSum = 0;
  let paidHours = 0;
  let belowFloor = 0;
  for (let k = 0; k < nWorkers; k++) {
    const c = workers[k];
    const t = candType[c];
    const i = cand[c];
    const len = lens[t];
    const time = candTime[c];
    const wait = slotWait[slots[t]];
    // A split: a treated driver on a treated block is paid the treatment (experiment.ts).
    const pay = xSplit !== 0 && treatedPair(s, i, t) ? payPerHour + s.xPayDelta : payPerHour;
    const base = pay * len;
    const surge = pay * (candMult[c] - 1) * len;
    const tips = tipsPerHour * len;
    const net = base + surge + tips - vehiclePerRouteHour * (time > wait ? time - wait : 0);
    payBase += base;
    paySurge += surge;
    payTips += tips;
    netSum += net;
    paidHours += len;
    if (net < wageFloor * time) belowFloor += time;
    if (late) {
      netLate[i] += net;
      timeLate[i] += time + searchH;
    }
    earned[i] += base + surge + tips;
    workedWeek[i] = 1;
    const hours = time + searchH;
    const weight = beliefPerHour * hours < 1 ? beliefPerHour * hours : 1;
    belief[i] += weight * (net / hours - belief[i]);
    if (xSplit !== 0) tallyPay(s, d, i, net, time, len);
  }
  rec[at(s, F.payBase, d)] = payBase;
  rec[at(s, F.paySurge, d)] = paySurge;
  rec[at(s, F.payTips, d)] = payTips;
  rec[at(s, F.netEarnings, d)] = netSum;
  rec[at(s, F.paidHours, d)] = paidHours;
  rec[at(s, F.belowFloorHours, d)] = belowFloor;
  s.ledger.operatorDriverPay += payBase + paySurge + payTips;
}

/**
 * Routes (MODEL.md steps 7b and 8): the packages loaded are shared over the blocks worked in
 * proportion to their capacity; each driver delivers at their own productivity (learning by
 * doing), overruns or brings packages back, has some attempts fail, and is paid; their
 * beliefs about earnings and memory of overruns follow. The day's sums go to the record.
 */
import { OVERRUN_SMOOTHING, P, SUM } from './constants';
import { stochasticRound, uniform } from './random';
import { F } from './record';
import { at, dayStream, type SimState } from './state';

/**
 * Step 7b and 8: routes are loaded (backlog first) up to the capacity that showed up, each
 * driver delivers at their own productivity, overruns or returns packages, and is paid.
 * Returns the packages delivered.
 */
export function routes(s: SimState, d: number, loaded: number, capacity: number): number {
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

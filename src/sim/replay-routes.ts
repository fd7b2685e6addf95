/**
 * What a replayed day's routes and churn were, driver by driver (issue 19), worked out again
 * after the phases from the same state and the same draws as src/sim/routes.ts and
 * src/sim/churn.ts, which keep only the day's sums. tests/sim/replay.test.ts checks that these
 * add up to the run's record exactly, so a change to those phases that is not mirrored here
 * fails there.
 */
import { NEWCOMER_CHURN, NEWCOMER_DAYS, P, STRIKE_DECAY } from './constants';
import { stochasticRound, uniform } from './random';
import { dayStream, type SimState } from './state';

/** Per candidate entry who worked a block: the route and what became of it. */
export interface RouteSheet {
  route: Int32Array;
  delivered: Int32Array;
  failed: Int32Array;
  returned: Int32Array;
  overrun: Float64Array;
  pay: Float64Array;
  surgePay: Float64Array;
  net: Float64Array;
}

/** Blocks done before today's, per candidate entry with a block (taken before `execute`). */
export function blocksDoneBefore(s: SimState): Float64Array {
  const done = new Float64Array(s.nc);
  for (let c = 0; c < s.nc; c++) if (s.candType[c] >= 0) done[c] = s.dr.blocksDone[s.cand[c]];
  return done;
}

/**
 * The routes of the day's workers (`SimState.workers`, after `execute`), as routes.ts drove
 * and paid them: `backlog` the packages waiting before loading, `done` from blocksDoneBefore.
 */
export function routeSheet(
  s: SimState,
  d: number,
  backlog: number,
  done: Float64Array,
): RouteSheet {
  const n = s.nc;
  const sheet: RouteSheet = {
    route: new Int32Array(n),
    delivered: new Int32Array(n),
    failed: new Int32Array(n),
    returned: new Int32Array(n),
    overrun: new Float64Array(n),
    pay: new Float64Array(n),
    surgePay: new Float64Array(n),
    net: new Float64Array(n),
  };
  const { p, dr, bt, cand, candType, candTime, slotWait, workers } = s;
  let capacity = 0;
  for (let k = 0; k < s.nWorkers; k++) capacity += bt.cap[candType[workers[k]]];
  const loaded = Math.min(backlog + s.fresh, capacity);
  const rho = capacity > 0 ? loaded / capacity : 0;
  let remainder = loaded;
  for (let k = 0; k < s.nWorkers; k++) remainder -= Math.floor(bt.cap[candType[workers[k]]] * rho);
  const sFail = dayStream(s, d, P.fail);
  const extra = new Map<number, number>();
  for (let k = 0; k < s.nWorkers; k++) {
    const c = workers[k];
    const t = candType[c];
    const i = cand[c];
    const len = bt.len[t];
    const cap = bt.cap[t];
    let route = Math.floor(cap * rho);
    if (remainder > 0 && route < cap) {
      route++;
      remainder--;
    }
    const before = done[c] + (extra.get(i) ?? 0);
    extra.set(i, (extra.get(i) ?? 0) + 1);
    const experience = before >= p.learningBlocks ? 1 : before / p.learningBlocks;
    const prod = p.productivity * dr.prodMult[i] * (s.learnFloor + (1 - s.learnFloor) * experience);
    const wait = slotWait[bt.slot[t]];
    const needed = wait + route / prod;
    const over = needed > len;
    const overrun = over ? Math.min(needed - len, p.maxOverrunHours) : 0;
    const returned =
      needed - len > p.maxOverrunHours
        ? Math.min(route, Math.round((needed - len - p.maxOverrunHours) * prod))
        : 0;
    const attempted = route - returned;
    const failed = stochasticRound(attempted * p.failedAttemptRate, uniform(sFail, dr.key[i]));
    sheet.route[c] = route;
    sheet.returned[c] = returned;
    sheet.failed[c] = failed;
    sheet.delivered[c] = attempted - failed;
    sheet.overrun[c] = overrun;
    payOf(s, c, len, candTime[c], wait, sheet);
  }
  return sheet;
}

/** Block pay as routes.ts `payRoutes` computes it (the same expressions, the same doubles). */
function payOf(s: SimState, c: number, len: number, time: number, wait: number, out: RouteSheet) {
  const payPerHour = s.payToday;
  const base = payPerHour * len;
  const surge = payPerHour * (s.candMult[c] - 1) * len;
  const tips = s.p.tipsPerHour * len;
  out.pay[c] = base + surge + tips;
  out.surgePay[c] = surge;
  out.net[c] = base + surge + tips - s.vehiclePerRouteHour * (time > wait ? time - wait : 0);
}

/**
 * Each row's chance of quitting today and its draw, as churn.ts weighs them (after the day's
 * frustration, before `churn`): chance 1 when strikes deactivate the driver.
 */
export function quitChances(
  s: SimState,
  d: number,
  rows: readonly number[],
): { chance: Float64Array; draw: Float64Array } {
  const { p, dr } = s;
  const chance = new Float64Array(rows.length);
  const draw = new Float64Array(rows.length);
  const sChurn = dayStream(s, d, P.churn);
  const newcomer = NEWCOMER_CHURN * NEWCOMER_DAYS;
  rows.forEach((i, r) => {
    draw[r] = uniform(sChurn, s.dr.key[i]);
    if (dr.strikes[i] * STRIKE_DECAY >= p.strikesToDeactivate) {
      chance[r] = 1;
      return;
    }
    const tenure = d - dr.activeDay[i];
    const res = dr.res[i];
    const gap = res > dr.belief[i] ? (res - dr.belief[i]) / res : 0;
    const hazard =
      (p.baseChurn +
        p.wageGapChurn * gap +
        p.frustrationChurn * dr.frustration[i] +
        p.overrunChurn * dr.overrunAvg[i]) *
      (1 + newcomer / (NEWCOMER_DAYS + (tenure > 0 ? tenure : 0)));
    chance[r] = hazard / 7;
  });
  return { chance, draw };
}

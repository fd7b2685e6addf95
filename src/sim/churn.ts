/**
 * The end of a driver's day (MODEL.md step 9): the search time and frustration of those who
 * wanted work, strikes fading, deactivation for repeated no-shows, and churn driven by the
 * gap between asking wage and believed earnings, frustration and overruns.
 */
import {
  FRUSTRATION_SMOOTHING,
  NEWCOMER_CHURN,
  NEWCOMER_DAYS,
  P,
  REALISED_DAYS,
  STRIKE_DECAY,
  WANTS,
} from './constants';
import { CHURNED, DEACTIVATED } from './drivers';
import { tallyChurn, treatedActive } from './experiment';
import { uniform } from './random';
import { F } from './record';
import { at, dayStream, type SimState } from './state';

/**
 * Drivers who wanted work: search time, and frustration for those who got none; a day without
 * a block adds its search hours at $0 to the driver's belief about what the work nets an hour.
 */
export function frustration(s: SimState, d: number): void {
  const { dr, cand, candFlags, candType } = s;
  const late = s.lateDays[d] === 1;
  const searchH = s.searchHDay;
  // The belief is a time-weighted average: a block of `blockHours` weighs `beliefSmoothing`.
  const decay = 1 - Math.min(1, (s.p.beliefSmoothing * searchH) / Math.max(1, s.p.blockHours));
  let searching = 0;
  let wanted = 0;
  let frustrated = 0;
  let noFit = 0;
  // Imports read in the loop, as locals (docs/ARCHITECTURE.md, "Hot loops read locals").
  const wants = WANTS;
  const smoothing = FRUSTRATION_SMOOTHING;
  const nc = s.nc;
  // Which length groups pay a candidate's asking wage at release (the first wave's net pay):
  // the five groups' nets and types as locals (docs/ARCHITECTURE.md, "The length groups in
  // locals").
  const { groupNet, groupMask } = s;
  const n0 = groupNet[0];
  const n1 = groupNet[1];
  const n2 = groupNet[2];
  const n3 = groupNet[3];
  const n4 = groupNet[4];
  const m0 = groupMask[0];
  const m1 = groupMask[1];
  const m2 = groupMask[2];
  const m3 = groupMask[3];
  const m4 = groupMask[4];
  for (let c = 0; c < nc; c++) {
    const fl = candFlags[c];
    const got = candType[c] !== -1;
    if ((fl & wants) === 0 && !got) continue;
    searching++;
    if ((fl & wants) === 0) continue;
    const i = cand[c];
    wanted++;
    const miss = got ? 0 : 1;
    frustrated += miss;
    dr.frustration[i] = (1 - smoothing) * dr.frustration[i] + smoothing * miss;
    if (miss) {
      dr.belief[i] *= decay;
      if (late) dr.timeLate[i] += searchH;
      const r = s.candR[c];
      const pays = (n0 >= r ? m0 : 0) | (n1 >= r ? m1 : 0) | (n2 >= r ? m2 : 0);
      if ((s.candFit[c] & s.plannedMask & (pays | (n3 >= r ? m3 : 0) | (n4 >= r ? m4 : 0))) === 0) {
        noFit++;
      }
    }
  }
  const rec = s.rec;
  rec[at(s, F.searchHours, d)] = searching * searchH;
  rec[at(s, F.wantedDays, d)] = wanted;
  rec[at(s, F.frustratedDays, d)] = frustrated;
  rec[at(s, F.noFitDays, d)] = noFit;
  const hours = rec[at(s, F.workHours, d)] + searching * searchH;
  if (hours > 0) {
    const today = rec[at(s, F.netEarnings, d)] / hours;
    s.realisedNet += (today - s.realisedNet) / REALISED_DAYS;
  }
}

/**
 * Active driver-days and exits by tenure band (days 0-29, 30-89, 90-364, and longer), for the
 * life-table estimates of 90-day retention and one-year survival (src/sim/measure.ts).
 */
const EXPOSURE = new Float64Array(4);
const EXITS = new Float64Array(4);
const DEACTIVATIONS = new Float64Array(4);

/** Step 9: strikes fade; repeated no-shows deactivate; dissatisfaction raises churn. */
export function churn(s: SimState, d: number): void {
  const { p, dr } = s;
  const { key, state, strikes, activeDay, res, belief, frustration, overrunAvg, exitDay } = dr;
  const sChurn = dayStream(s, d, P.churn);
  const { baseChurn, wageGapChurn, frustrationChurn, overrunChurn, strikesToDeactivate } = p;
  let happy = 0;
  let churned = 0;
  let deactivated = 0;
  // Imports and module constants read in the loop, as locals (docs/ARCHITECTURE.md).
  const exposure = EXPOSURE;
  const exits = EXITS;
  const deactivations = DEACTIVATIONS;
  const draw = uniform;
  const decay = STRIKE_DECAY;
  const newcomer = NEWCOMER_CHURN * NEWCOMER_DAYS;
  const newcomerDays = NEWCOMER_DAYS;
  exposure.fill(0);
  exits.fill(0);
  deactivations.fill(0);
  // Survivors are compacted in place, so the active list stays in index order.
  const activeList = s.activeList;
  const nActive = s.activeCount;
  let kept = 0;
  const xBefore = s.xSplit === 0 ? 0 : treatedActive(s); // a split's (experiment.ts)
  for (let k = 0; k < nActive; k++) {
    const i = activeList[k];
    const st = strikes[i] * decay;
    strikes[i] = st;
    const tenure = d - activeDay[i];
    const band = tenure < 30 ? 0 : tenure < 90 ? 1 : tenure < 365 ? 2 : 3;
    exposure[band]++;
    if (st >= strikesToDeactivate) {
      state[i] = DEACTIVATED;
      exitDay[i] = d;
      deactivated++;
      exits[band]++;
      deactivations[band]++;
      continue;
    }
    // Each array read once (a read after a store to another array is not merged with the first).
    const r = res[i];
    const b = belief[i];
    const f = frustration[i];
    const gap = r > b ? (r - b) / r : 0;
    const hazard =
      (baseChurn + wageGapChurn * gap + frustrationChurn * f + overrunChurn * overrunAvg[i]) *
      (1 + newcomer / (newcomerDays + (tenure > 0 ? tenure : 0)));
    if (draw(sChurn, key[i]) * 7 < hazard) {
      state[i] = CHURNED;
      exitDay[i] = d;
      churned++;
      exits[band]++;
      continue;
    }
    if (gap === 0 && f < 0.5) happy++;
    activeList[kept++] = i;
  }
  s.activeCount = kept;
  s.happyShare = s.activeCount > 0 ? happy / s.activeCount : 0.5;
  recordChurn(s, d, churned, deactivated, xBefore);
}

/**
 * The day's exits and, by tenure band, exposure and exits (EXPOSURE, EXITS) to the record; in a
 * split, the treated drivers' (src/sim/experiment.ts; `xBefore` those active before churn).
 */
function recordChurn(
  s: SimState,
  d: number,
  churned: number,
  deactivated: number,
  xBefore: number,
): void {
  if (s.xSplit !== 0) tallyChurn(s, d, xBefore);
  const rec = s.rec;
  rec[at(s, F.churned, d)] = churned;
  rec[at(s, F.deactivated, d)] = deactivated;
  for (let b = 0; b < 3; b++) {
    rec[at(s, F.tenureExposure0 + 2 * b, d)] = EXPOSURE[b];
    rec[at(s, F.tenureExposure0 + 2 * b + 1, d)] = EXITS[b];
    rec[at(s, F.tenureDeactivated0 + b, d)] = DEACTIVATIONS[b];
  }
  rec[at(s, F.active, d)] = s.activeCount;
}

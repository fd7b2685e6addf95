/**
 * The end of a driver's day (MODEL.md step 9): the search time and frustration of those who
 * wanted work, strikes fading, deactivation for repeated no-shows, and churn driven by the
 * gap between asking wage and believed earnings, frustration and overruns.
 */
import { FRUSTRATION_SMOOTHING, P, STRIKE_DECAY, WANTS } from './constants';
import { CHURNED, DEACTIVATED } from './drivers';
import { uniform } from './random';
import { F } from './record';
import { at, dayStream, type SimState } from './state';

/** Drivers who wanted work: search time, and frustration for those who got none. */
export function frustration(s: SimState, d: number): void {
  const { dr, cand, candFlags, candType } = s;
  const late = s.lateDays[d] === 1;
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
export function churn(s: SimState, d: number): void {
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

/**
 * Labour supply (MODEL.md step 5a): how much work a driver looks for at the pay they expect.
 * A driver's asking wage is the net hourly at which they look on DAILY_WANT of their free
 * weekdays and want their `hoursWanted` a week; both move smoothly with the ratio of the pay
 * they expect (the offered net pay, raised by the surge premium of the past week) to their
 * asking wage, with constant elasticities (LOOK_ELASTICITY, HOURS_ELASTICITY). With the
 * extensive margin (a driver takes a block only when it pays their asking wage of the day),
 * the pool's hours offered respond to pay with an elasticity of about 1.2 (Angrist, Caldwell
 * & Hall 2021), the same for cuts and raises.
 *
 * Also the day's search time, which grows with competition for blocks (Hall, Horton &
 * Knoepfle 2023).
 */
import {
  DAILY_WANT,
  HOURS_ELASTICITY,
  LOOK_ELASTICITY,
  LOOK_MAX,
  SEARCH_MAX_MULT,
  SEARCH_MIN_MULT,
  SEARCH_POWER,
  SEARCH_REF_RATIO,
  SEARCH_SMOOTHING_DAYS,
} from './constants';
import { driverArm } from './experiment';
import { F } from './record';
import { at, type SimState } from './state';

/** Sets driver i's daily look probability, weekly hours wanted and hours per free weekday. */
export function supplyResponse(s: SimState, i: number): void {
  const dr = s.dr;
  const expected = s.xSplit === 0 ? s.expectedNet : s.expectedNet + s.xShift * driverArm(s, i);
  const ratio = expected / dr.res[i];
  const lr = Math.log(ratio > 1e-3 ? ratio : 1e-3);
  dr.lookP[i] = Math.min(LOOK_MAX, DAILY_WANT * Math.exp(LOOK_ELASTICITY * lr));
  const target = Math.min(60, dr.hoursWanted[i] * Math.exp(HOURS_ELASTICITY * lr));
  dr.hoursTarget[i] = target;
  dr.dayHours[i] = target / popcount(dr.dayMask[i]);
}

/**
 * At the end of each week (day `d` its Sunday): the surge pay drivers saw in it, as a share of
 * base pay, which raises the pay they expect next week. Kept in the state, so a run that takes
 * over a warmed state starts from the warm-up's last week.
 */
export function noteSurge(s: SimState, d: number): void {
  let base = 0;
  let surge = 0;
  for (let k = d - 6; k <= d; k++) {
    base += s.rec[at(s, F.payBase, k)];
    surge += s.rec[at(s, F.paySurge, k)];
  }
  s.surgeSeen = base > 0 ? surge / base : 0;
}

/**
 * At the start of each week: the pay drivers expect (the offered net pay plus last week's
 * surge premium as a share of base pay) and every active driver's supply at that pay.
 */
export function updateSupply(s: SimState): void {
  s.expectedNet = s.baseNet + s.p.payPerHour * s.surgeSeen;
  const list = s.activeList;
  for (let k = 0; k < s.activeCount; k++) supplyResponse(s, list[k]);
}

/**
 * Today's unpaid search time per driver looking (hours): `searchMinutes` scaled by the
 * competition for blocks, the drivers wanting a block per block offered smoothed over about
 * a week (SEARCH_SMOOTHING_DAYS), relative to the default point.
 */
export function searchTime(s: SimState, wanting: number, offered: number): number {
  const q = wanting / (offered > 0 ? offered : 1);
  s.competition += (q - s.competition) / SEARCH_SMOOTHING_DAYS;
  const mult = Math.pow(s.competition / SEARCH_REF_RATIO, SEARCH_POWER);
  return (
    s.searchH *
    (mult < SEARCH_MIN_MULT ? SEARCH_MIN_MULT : mult > SEARCH_MAX_MULT ? SEARCH_MAX_MULT : mult)
  );
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n > 0 ? n : 1;
}

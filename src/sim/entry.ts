/**
 * Drivers entering the pool (MODEL.md step 1): a new driver's fixed attributes, the initial
 * pool, and each day's applicants, waitlist under the pool cap and end of onboarding.
 */
import {
  ACTIVATION_GRACE_DAYS,
  HOURS_SPREAD,
  INITIAL_TENURE_DAYS,
  NO_SHOW_SPREAD,
  P,
  PRODUCTIVITY_SPREAD,
  REALISED_REF,
  SPEED_SPREAD,
  WINDOW_EARLIEST,
  WINDOW_MEDIAN_HOURS,
  WINDOW_SPREAD,
  WINDOW_START_RANGE,
} from './constants';
import {
  MAX_APPLICANTS_PER_DAY,
  MAX_DRIVERS,
  RunawayError,
  runawayMessage,
} from '../model/run-budget';
import type { BlockTypes } from './blocks';
import { ACTIVE, APPLICANT, CHURNED, NO_DAY, ONBOARDING } from './drivers';
import { normalQuantile, poissonQuantile, uniform } from './random';
import { F } from './record';
import { at, dayStream, type SimState } from './state';
import { supplyResponse } from './supply';

/**
 * Draws the fixed attributes of the next driver (same number, same draws, in every scenario)
 * into the next slot; returns the slot.
 */
export function createDriver(s: SimState, initial: boolean): number {
  const { p, dr, streams } = s;
  dr.reserve(1);
  const i = dr.count++;
  const id = dr.created++;
  dr.key[i] = id;
  const uRes = uniform(streams[P.res], id);
  const z = normalQuantile(uRes * (initial ? s.initialResQ : s.applicantResQ));
  dr.res[i] = p.outsideWage * Math.exp(p.outsideWageSpread * z);
  const hours = Math.min(
    60,
    Math.max(
      2,
      p.hoursWanted * Math.exp(HOURS_SPREAD * normalQuantile(uniform(streams[P.hours], id))),
    ),
  );
  dr.hoursWanted[i] = hours;
  dr.dayMask[i] = availableDays(s, id, hours);
  drawWindow(s, i, id);
  dr.speed[i] =
    p.checksPerHour * Math.exp(SPEED_SPREAD * normalQuantile(uniform(streams[P.speed], id)));
  dr.prodMult[i] = Math.exp(PRODUCTIVITY_SPREAD * normalQuantile(uniform(streams[P.prod], id)));
  dr.noShowP[i] = Math.min(
    0.9,
    (p.noShowRate * Math.exp(NO_SHOW_SPREAD * normalQuantile(uniform(streams[P.noShowP], id)))) /
      s.noShowNorm,
  );
  dr.belief[i] = s.baseNet;
  dr.signupDay[i] = NO_DAY;
  dr.firstBlockDay[i] = NO_DAY;
  dr.exitDay[i] = -2;
  supplyResponse(s, i);
  return i;
}

/** Driver number `id`'s available weekdays, more for more hours wanted: a weekday bit mask. */
function availableDays(s: SimState, id: number, hours: number): number {
  const k = Math.min(7, Math.max(1, Math.round(hours / 3.5) + 1));
  const dayU = s.dayScratch;
  for (let w = 0; w < 7; w++) dayU[w] = uniform(s.streams[P.days], id * 7 + w);
  return smallestDays(dayU, k);
}

/** The k weekdays with the smallest draws (ties to the earlier day), as a bit mask. */
export function smallestDays(draws: Float64Array, k: number): number {
  let mask = 0;
  for (let j = 0; j < k; j++) {
    let best = -1;
    let bestU = 2;
    for (let w = 0; w < 7; w++) {
      if (mask & (1 << w)) continue;
      const u = draws[w];
      if (u < bestU) {
        bestU = u;
        best = w;
      }
    }
    mask |= 1 << best;
  }
  return mask;
}

/** The daily availability window of driver number `id` in slot i, and the types that fit it. */
function drawWindow(s: SimState, i: number, id: number): void {
  const { dr, streams } = s;
  const ws = WINDOW_EARLIEST + WINDOW_START_RANGE * Math.pow(uniform(streams[P.winStart], id), 1.6);
  const wl = Math.min(
    16,
    Math.max(
      2,
      WINDOW_MEDIAN_HOURS *
        Math.exp(WINDOW_SPREAD * normalQuantile(uniform(streams[P.winLen], id))),
    ),
  );
  const end = Math.min(24, ws + wl);
  dr.winStart[i] = ws;
  dr.winEnd[i] = end;
  dr.winFit[i] = windowFit(s.bt, ws, end);
}

/** The block types that start and end within a window, as a bit mask over types. */
export function windowFit(bt: BlockTypes, start: number, end: number): number {
  let fit = 0;
  for (let t = 0; t < bt.count; t++) {
    if (bt.start[t] >= start && bt.end[t] <= end) fit |= 1 << t;
  }
  return fit;
}

/**
 * The pool at the start of the warm-up (src/sim/warmup.ts): active drivers with tenures spread
 * over the past two years.
 */
export function seedInitialPool(s: SimState): void {
  const { p, dr } = s;
  const sTenure = s.streams[P.tenure];
  for (let n = 0; n < p.initialDrivers; n++) {
    const i = createDriver(s, true);
    const tenure = Math.floor(uniform(sTenure, dr.key[i]) * INITIAL_TENURE_DAYS);
    dr.state[i] = ACTIVE;
    dr.exitDay[i] = -1;
    s.activeList[n] = i;
    dr.activeDay[i] = s.firstDay - tenure;
    dr.blocksDone[i] = Math.min(10 * p.learningBlocks, (tenure / 7) * 2.5);
  }
  s.waitPtr = p.initialDrivers;
  s.onboardPtr = p.initialDrivers;
  s.activeCount = p.initialDrivers;
}

/**
 * Today's expected applicants: the base rate times the recruiting ramp, times the realised net
 * hourly of current drivers (search time included, smoothed; relative to its default ratio to
 * the advertised pay) over the outside wage to the supply elasticity, times word of mouth from
 * satisfied drivers. Each factor's running product is recorded for the decomposition of a
 * change in applicants (src/model/why.ts).
 */
function arrivalRate(s: SimState, d: number): number {
  const p = s.p;
  const ramp = recruiting(s, d);
  const base = p.applicantsPerWeek / 7;
  const heard = Math.max(0, s.realisedNet / REALISED_REF) / p.outsideWage;
  const paid = base * Math.pow(heard, p.supplyElasticity);
  const wom = Math.max(0, 1 + p.wordOfMouth * (s.happyShare - 0.5));
  const rate = paid * wom * ramp;
  s.rec[at(s, F.applicantsBase, d)] = base;
  s.rec[at(s, F.applicantsRamped, d)] = base * ramp;
  s.rec[at(s, F.applicantsPaid, d)] = paid * ramp;
  s.rec[at(s, F.applicantsExpected, d)] = rate;
  return rate;
}

/**
 * The recruitment ramp's multiplier of applicant intake today (ramp.ts); an operator with
 * applicants already waiting for a place under the pool cap does not recruit more.
 */
function recruiting(s: SimState, d: number): number {
  // No ramp during the warm-up (negative days), which has no calendar peaks.
  return s.waitPtr < s.dr.count || d < 0 ? 1 : s.recruitWeek[(d / 7) | 0];
}

/** Step 1: applicants arrive, the waitlist moves under the pool cap, onboarding ends. */
export function entry(s: SimState, d: number): void {
  const { p, dr } = s;
  s.rec[at(s, F.activeStart, d)] = s.activeCount;
  const arrivals = poissonQuantile(arrivalRate(s, d), uniform(dayStream(s, d, P.arrivals), 0));
  closeCohort(s, d);
  // The guard of src/model/run-budget.ts: sign-ups that run away stop the run, named.
  if (arrivals > MAX_APPLICANTS_PER_DAY || dr.created + arrivals > MAX_DRIVERS) {
    throw new RunawayError(runawayMessage(p, d, dr.created, arrivals));
  }
  for (let a = 0; a < arrivals; a++) {
    const i = createDriver(s, false);
    dr.state[i] = APPLICANT;
    dr.signupDay[i] = d;
  }
  s.rec[at(s, F.applicants, d)] = arrivals;
  while (
    s.waitPtr < dr.count &&
    (p.poolCap === 0 || s.activeCount + s.onboardingCount < p.poolCap)
  ) {
    dr.state[s.waitPtr] = ONBOARDING;
    dr.onboardEnd[s.waitPtr] = d + p.onboardingDays;
    s.onboardingCount++;
    s.waitPtr++;
  }
  const sAct = s.streams[P.activation];
  while (s.onboardPtr < s.waitPtr && dr.onboardEnd[s.onboardPtr] <= d) {
    const i = s.onboardPtr++;
    s.onboardingCount--;
    if (uniform(sAct, dr.key[i]) < p.activationShare) {
      dr.state[i] = ACTIVE;
      dr.activeDay[i] = d;
      dr.exitDay[i] = -1;
      if (s.activeList.length <= s.activeCount) s.growActiveList();
      s.activeList[s.activeCount++] = i;
      s.rec[at(s, F.joined, d)] += 1;
    } else {
      dr.state[i] = CHURNED;
    }
  }
}

/**
 * The sign-up cohort whose activation window closes today: the applicants of the day
 * `onboardingDays + ACTIVATION_GRACE_DAYS` ago, and how many of them have worked a first block
 * since (by the end of yesterday). A cohort is counted once, on the day its window closes, so
 * the activation rate over any days is free of right-censoring. Drivers are numbered in order
 * of sign-up, so a pointer walks them once over the run.
 */
export function closeCohort(s: SimState, d: number): void {
  const { dr } = s;
  const { signupDay, firstBlockDay } = dr;
  const closing = d - s.p.onboardingDays - ACTIVATION_GRACE_DAYS;
  let k = s.cohortPtr;
  let applicants = 0;
  let activated = 0;
  for (; k < dr.count && signupDay[k] <= closing; k++) {
    if (signupDay[k] !== closing) continue;
    applicants++;
    if (firstBlockDay[k] !== NO_DAY) activated++;
  }
  s.cohortPtr = k;
  s.rec[at(s, F.cohortApplicants, d)] = applicants;
  s.rec[at(s, F.cohortActivated, d)] = activated;
}

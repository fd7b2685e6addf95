/**
 * The day's candidates (MODEL.md step 5a): the active drivers free today who look for a
 * block, each with today's asking wage, flags (wants work at the base pay, free at short
 * notice, in good standing) and the block types that fit their window and their week.
 */
import {
  ACCEPT_SHARE,
  GOOD,
  GOOD_STANDING_BLOCKS,
  GOOD_STANDING_STRIKES,
  HOURS_OVERSHOOT,
  MAX_BLOCKS_PER_DAY,
  NOISE_LEVELS,
  P,
  SURGE_FREE,
  WANTS,
} from './constants';
import { weekday } from './calendar';
import { driverArm } from './experiment';
import { uniform } from './random';
import { F } from './record';
import { at, dayStream, type SimState } from './state';
import { searchTime, updateSupply } from './supply';

/**
 * Step 5a: the active drivers who look for a block today, with today's asking wage; the
 * hours offered at the offered pay (record `hoursOffered`) and today's search time.
 */
// Longer than the usual 60 lines: one pass over the active drivers, its loop-invariant reads
// as locals (docs/ARCHITECTURE.md, "Hot loops read locals" and "The length groups in locals").
// eslint-disable-next-line max-lines-per-function
export function gatherCandidates(s: SimState, d: number): void {
  const { dr } = s;
  if (s.cand.length < MAX_BLOCKS_PER_DAY * s.activeList.length) s.growCandidates();
  if (weekday(d) === 0) updateSupply(s);
  const sWant = dayStream(s, d, P.want);
  const sNoise = dayStream(s, d, P.noise);
  const sShort = dayStream(s, d, P.shortNotice);
  const dayBit = 1 << weekday(d);
  const noise = s.noiseTable;
  const baseNet = s.baseNetToday;
  const minLen = s.minLen;
  const { key, dayMask, hoursTarget, hoursWeek, res, strikes, blocksDone, winFit, lookP } = dr;
  const dayHours = dr.dayHours;
  const { cand, candR, candFlags, candType, candFailMult, candFit, candAvail } = s;
  const { activeList, activeCount: nActive } = s;
  let nc = 0;
  let offered = 0;
  let wanting = 0;
  // Drivers not looking today who would be free if a surge drew them in (surge-supply.ts):
  // noted here, in the same pass, so the surge draw need not scan the whole pool again.
  const sFree = dayStream(s, d, P.surgeFree);
  const { idle, xSplit, xShift } = s;
  let nIdle = 0;
  // Imports read in the loop, as locals: see "Hot loops read locals" in docs/ARCHITECTURE.md.
  const draw = uniform;
  const free = SURGE_FREE;
  const accept = ACCEPT_SHARE;
  const levels = NOISE_LEVELS;
  const overshoot = HOURS_OVERSHOOT;
  const wants = WANTS;
  const good = GOOD;
  const okStrikes = GOOD_STANDING_STRIKES;
  const okBlocks = GOOD_STANDING_BLOCKS;
  // The five length groups' hours and types, as locals (`lengthMask` written out below; see
  // docs/ARCHITECTURE.md, "The length groups in locals").
  const { groupLen, groupMask } = s;
  const l0 = groupLen[0];
  const l1 = groupLen[1];
  const l2 = groupLen[2];
  const l3 = groupLen[3];
  const l4 = groupLen[4];
  const m0 = groupMask[0];
  const m1 = groupMask[1];
  const m2 = groupMask[2];
  const m3 = groupMask[3];
  const m4 = groupMask[4];
  for (let k = 0; k < nActive; k++) {
    const i = activeList[k];
    const id = key[i]; // draws are keyed by the driver's number, not the slot
    if ((dayMask[i] & dayBit) === 0 || draw(sWant, id) >= lookP[i]) {
      if (draw(sFree, id) < free) idle[nIdle++] = i;
      continue;
    }
    const r = accept * res[i] * noise[(draw(sNoise, id) * levels) | 0];
    // In a split, the pay a driver weighs is their own arm's (src/sim/experiment.ts).
    const rb = xSplit === 0 ? r : r - xShift * driverArm(s, i);
    // Hours offered: what the driver would work today at the offered pay, whatever the
    // hours they already have this week (demand caps those, not the offer).
    if (rb <= baseNet) offered += dayHours[i];
    const hw = hoursWeek[i];
    if (hw > 0 && hoursTarget[i] - hw < overshoot * minLen) continue;
    let flags = rb <= baseNet ? wants : 0;
    if (flags === wants) wanting++;
    if (strikes[i] < okStrikes && blocksDone[i] >= okBlocks) flags |= good;
    cand[nc] = i;
    candR[nc] = r;
    candFlags[nc] = flags;
    candType[nc] = -1;
    candFailMult[nc] = 0;
    // Free for a block offered h hours ahead while below `availability(h)` (blocks.ts).
    candAvail[nc] = draw(sShort, id);
    // Read here, in index order, rather than later in the random order of app checks.
    let fit = winFit[i];
    if (hw > 0) {
      const left = (hoursTarget[i] - hw) / overshoot;
      const lengths = (l0 <= left ? m0 : 0) | (l1 <= left ? m1 : 0) | (l2 <= left ? m2 : 0);
      fit &= lengths | (l3 <= left ? m3 : 0) | (l4 <= left ? m4 : 0);
    }
    candFit[nc] = fit;
    nc++;
  }
  s.nc = nc;
  s.nIdle = nIdle;
  s.rec[at(s, F.hoursOffered, d)] = offered;
  s.searchHDay = searchTime(s, wanting, s.rec[at(s, F.blocksOffered, d)]);
}

/**
 * The block types no longer than `left` hours (a block fits the week while at least part of
 * it is within the hours wanted). With the driver's window mask (`Drivers.winFit`, types
 * that start and end within the window) this gives the types that fit their day: for one
 * start slot both conditions hold for the shortest few lengths, so the two masks combine
 * by AND.
 */
export function lengthMask(s: SimState, left: number): number {
  const { groupLen, groupMask } = s;
  let fit = 0;
  for (let g = 0; g < groupLen.length; g++) if (groupLen[g] <= left) fit |= groupMask[g];
  return fit;
}

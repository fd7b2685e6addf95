/**
 * The day's candidates (MODEL.md step 5a): the active drivers free today who look for a
 * block, each with today's asking wage, flags (wants work at the base pay, free at short
 * notice, in good standing) and the block types that fit their window and their week.
 */
import {
  DAILY_WANT,
  GOOD,
  GOOD_STANDING_BLOCKS,
  GOOD_STANDING_STRIKES,
  HOURS_OVERSHOOT,
  NOISE_LEVELS,
  P,
  SHORT_OK,
  WANTS,
} from './constants';
import { SLOT_STARTS } from './blocks';
import { weekday } from './calendar';
import { uniform } from './random';
import { dayStream, type SimState } from './state';

/** Step 5a: the active drivers who look for a block today, with today's asking wage. */
export function gatherCandidates(s: SimState, d: number): void {
  const { dr } = s;
  if (s.cand.length < dr.count) s.growCandidates();
  const sWant = dayStream(s, d, P.want);
  const sNoise = dayStream(s, d, P.noise);
  const sShort = dayStream(s, d, P.shortNotice);
  const dayBit = 1 << weekday(d);
  const noise = s.noiseTable;
  const shortShare = s.p.shortNoticeShare;
  const baseNet = s.baseNet;
  const minLen = s.minLen;
  const { dayMask, hoursWanted, hoursWeek, res, strikes, blocksDone, winFit } = dr;
  const { cand, candR, candFlags, candType, candFailMult, candFit } = s;
  const activeList = s.activeList;
  const nActive = s.activeCount;
  let nc = 0;
  for (let k = 0; k < nActive; k++) {
    const i = activeList[k];
    if ((dayMask[i] & dayBit) === 0) continue;
    const hw = hoursWeek[i];
    if (hw > 0 && hoursWanted[i] - hw < HOURS_OVERSHOOT * minLen) continue;
    if (uniform(sWant, i) >= DAILY_WANT) continue;
    const r = res[i] * noise[(uniform(sNoise, i) * NOISE_LEVELS) | 0];
    let flags = r <= baseNet ? WANTS : 0;
    if (uniform(sShort, i) < shortShare) flags |= SHORT_OK;
    if (strikes[i] < GOOD_STANDING_STRIKES && blocksDone[i] >= GOOD_STANDING_BLOCKS) {
      flags |= GOOD;
    }
    cand[nc] = i;
    candR[nc] = r;
    candFlags[nc] = flags;
    candType[nc] = -1;
    candFailMult[nc] = 0;
    // Read here, in index order, rather than later in the random order of app checks.
    candFit[nc] =
      hw > 0 ? winFit[i] & lengthMask(s, (hoursWanted[i] - hw) / HOURS_OVERSHOOT) : winFit[i];
    nc++;
  }
  s.nc = nc;
}

/**
 * The block types no longer than `left` hours (a block fits the week while at least part of
 * it is within the hours wanted). With the driver's window mask (`Drivers.winFit`, types
 * that start and end within the window) this gives the types that fit their day: for one
 * start slot both conditions hold for the shortest few lengths, so the two masks combine
 * by AND.
 */
export function lengthMask(s: SimState, left: number): number {
  const S = SLOT_STARTS.length;
  let fit = 0;
  for (let g = 0; g < s.groups; g++) if (s.bt.len[g * S] <= left) fit |= s.groupMask[g];
  return fit;
}

/**
 * Showing up (MODEL.md step 7a): drivers who claimed a block show up or not (a no-show is a
 * strike, and the hours go back to their week), and the station's loading queue per start
 * slot sets how long those who came wait before they can leave.
 */
import { QUEUE_HOURS_PER_OVERLOAD, P, RESERVED, RESERVED_NO_SHOW } from './constants';
import { SLOT_STARTS } from './blocks';
import { uniform } from './random';
import { F } from './record';
import { lengthGroup, tallySlots } from './slices';
import { at, dayStream, type SimState } from './state';

/**
 * Step 7a: no-shows (a no-show's type is kept as -2 - t; a reserved block, committed, is
 * no-showed RESERVED_NO_SHOW as often) and the station queue per start slot; lists the day's
 * workers. Returns the route capacity of the blocks that are worked.
 */
export function noShowsAndQueue(s: SimState, d: number): number {
  const { dr, bt, candType, cand, slotWorked, workers } = s;
  const sNoShow = dayStream(s, d, P.noShow);
  slotWorked.fill(0);
  let capacity = 0;
  let worked = 0;
  let noShows = 0;
  let noShowCapacity = 0;
  // Imports read in the loop, as locals (docs/ARCHITECTURE.md, "Hot loops read locals").
  const draw = uniform;
  const reserved = RESERVED;
  const reservedNoShow = RESERVED_NO_SHOW;
  const { candFlags, leadNoShow, nc } = s;
  const { key, noShowP, strikes, hoursWeek } = dr;
  const { len, cap, slot } = bt;
  for (let c = 0; c < nc; c++) {
    const t = candType[c];
    if (t < 0) continue;
    const i = cand[c];
    const commit = (candFlags[c] & reserved) !== 0 ? reservedNoShow : 1;
    if (draw(sNoShow, key[i]) < noShowP[i] * leadNoShow * commit) {
      candType[c] = -2 - t;
      strikes[i] += 1;
      hoursWeek[i] -= len[t];
      noShows++;
      noShowCapacity += cap[t];
      s.rec[at(s, F.noShowLen0 + lengthGroup(t), d)]++;
      continue;
    }
    slotWorked[slot[t]]++;
    capacity += cap[t];
    workers[worked++] = c;
  }
  s.nWorkers = worked;
  for (let k = 0; k < SLOT_STARTS.length; k++) {
    s.slotWait[k] =
      s.load + QUEUE_HOURS_PER_OVERLOAD * Math.max(0, slotWorked[k] / s.p.loadingPerHalfHour - 1);
  }
  tallySlots(s, d);
  s.rec[at(s, F.noShows, d)] = noShows;
  s.rec[at(s, F.noShowCapacity, d)] = noShowCapacity;
  s.rec[at(s, F.blocksWorked, d)] = worked;
  return capacity;
}

/**
 * Release and claiming (MODEL.md steps 4 to 6): the day's blocks go out in waves (reserved,
 * open, surge); in each wave the drivers who check the app are sorted into time buckets, and
 * first come, first served, each claims the longest open block that fits and pays enough, and
 * further blocks back to back when their day and week leave room.
 */
import { BUCKETS, EXTRA, GOOD, HOURS_OVERSHOOT, MAX_BLOCKS_PER_DAY, P } from './constants';
import { LENGTH_GROUPS } from './blocks';
import { RESERVED, SURGE_ONLY, SURGE_RECRUIT_HOURS, WANTS } from './constants';
import { lengthMask } from './candidates';
import { bestTreatedNet, driverArm, tallyClaimed, tallyOffered, treatedPays } from './experiment';
import { uniformBits } from './random';
import { NEG_LOG_TABLE, checkInBucket } from './check-in';
import { F } from './record';
import { tallyLengths, waveKind } from './slices';
import { at, dayStream, type SimState } from './state';
import { drawSurgeRecruits } from './surge-supply';

/** Steps 4–6: release waves and first-come claiming; returns nothing, records the fill. */
export function claim(s: SimState, d: number): void {
  const release = s.waves[s.waves[0].reservedOnly && s.waves.length > 1 ? 1 : 0].time;
  s.ncLooking = s.nc;
  s.surgeDrawn = 0;
  s.nLive = 0;
  s.liveEnd = 0;
  let claimed = 0;
  let surged = 0;
  let ttf = 0;
  const capacityBefore = openCapacity(s);
  if (s.xSplit !== 0) tallyOffered(s, d);
  for (let w = 0; w < s.waves.length; w++) {
    const n = orderWave(s, d, w);
    if (n === 0) continue;
    const wave = s.waves[w];
    const scale = BUCKETS / wave.duration;
    const from = wave.reservedOnly ? wave.time : release;
    const before = claimed;
    for (let b = 0; b < BUCKETS; b++) {
      const got = claimBucket(s, w, b);
      claimed += got;
      ttf += got * (wave.time - from + (b + 0.5) / scale);
      if (s.nOpen === 0) break;
    }
    if (wave.mult > 1) surged += claimed - before;
    s.rec[at(s, F.claimedWave0 + waveKind(s, w), d)] += claimed - before;
    if (s.waveTap !== null) s.waveTap(s, d, w); // a replay records the wave (replay.ts)
  }
  s.rec[at(s, F.blocksClaimed, d)] = claimed;
  s.rec[at(s, F.blocksSurged, d)] = surged;
  s.rec[at(s, F.timeToFillSum, d)] = ttf;
  const need = s.rec[at(s, F.needCapacity, d)];
  const unfilled = openCapacity(s);
  const covered = capacityBefore - unfilled;
  s.rec[at(s, F.needCovered, d)] = covered < need ? covered : need;
  s.rec[at(s, F.plannedCapacity, d)] = capacityBefore;
  s.rec[at(s, F.unfilledCapacity, d)] = unfilled;
  tallyLengths(s, d, F.unfilledLen0, s.typeOpen);
  tallyClaims(s, d);
  if (s.xSplit !== 0) tallyClaimed(s, d);
}

/** Route capacity of the blocks still unclaimed. */
function openCapacity(s: SimState): number {
  let c = 0;
  for (let t = 0; t < s.bt.count; t++) c += s.typeOpen[t] * s.bt.cap[t];
  return c;
}

/** Records the blocks claimed by drivers drawn in by surge and the further blocks of a day. */
function tallyClaims(s: SimState, d: number): void {
  let recruits = 0;
  let extra = 0;
  for (let c = s.ncLooking; c < s.nc; c++) {
    if (s.candType[c] < 0) continue;
    if ((s.candFlags[c] & SURGE_ONLY) !== 0) recruits++;
    if ((s.candFlags[c] & EXTRA) !== 0) extra++;
  }
  s.rec[at(s, F.surgeRecruits, d)] = recruits;
  s.rec[at(s, F.backToBack, d)] = extra;
}

/**
 * The block types with blocks left in wave w's pool (sets `nOpen` and `openMask`); returns
 * the best net pay among them (-Infinity when none is open).
 */
function openTypes(s: SimState, w: number): number {
  const T = s.bt.count;
  const pool = s.waves[w].reservedOnly ? s.typeReserved : s.typeOpen;
  const netRow = w * T;
  let nOpen = 0;
  let open = 0;
  let bestNet = -Infinity;
  for (let t = 0; t < T; t++) {
    if (pool[t] <= 0) continue;
    nOpen++;
    open |= 1 << t;
    if (s.waveNet[netRow + t] > bestNet) bestNet = s.waveNet[netRow + t];
  }
  s.nOpen = nOpen;
  s.openMask = open;
  return bestNet;
}

/**
 * Finds the open types of wave w and sorts the drivers who check during the wave into
 * buckets by when they check (first come, first served). A driver for whom no open type
 * both fits and pays enough is not bucketed: they would find nothing whenever they checked,
 * since blocks only go in the wave. The first surged wave within SURGE_RECRUIT_HOURS of the
 * start that has blocks left draws in drivers who were not looking today (surge-supply.ts).
 * Returns how many types are open (0: none).
 */
// Longer than the usual 60 lines, kept whole: with its loop moved to a function of its own, a
// quarter metro ran 2.5% more instructions (docs/ARCHITECTURE.md, "The length groups in
// locals").
// eslint-disable-next-line max-lines-per-function
function orderWave(s: SimState, d: number, w: number): number {
  const bestNet = openWave(s, d, w);
  if (s.nOpen === 0) return 0;
  const wave = s.waves[w];
  const open = s.openMask;
  const { head, tail, cand, candR, candFlags, candType, candFailMult, candNext, live } = s;
  const { candFit, candChoice, candAvail, groupMask, groupNet, xSplit } = s;
  const { speed, key } = s.dr;
  const required = wave.reservedOnly ? GOOD : 0;
  const { mult, duration, avail } = wave;
  const scale = BUCKETS / duration;
  const sDelay = dayStream(s, d, P.delay + w);
  // Imports read in the loop, as locals (docs/ARCHITECTURE.md, "Hot loops read locals").
  const bits = uniformBits;
  const bucketOf = checkInBucket;
  const logTable = NEG_LOG_TABLE;
  const lastBucket = BUCKETS - 1;
  // The five length groups' net pay in this wave and their types, as locals: read from the
  // arrays in the loop, they cost ten array reads a candidate (docs/ARCHITECTURE.md, "The
  // length groups in locals").
  const row = w * LENGTH_GROUPS;
  const n0 = groupNet[row];
  const n1 = groupNet[row + 1];
  const n2 = groupNet[row + 2];
  const n3 = groupNet[row + 3];
  const n4 = groupNet[row + 4];
  const m0 = groupMask[0];
  const m1 = groupMask[1];
  const m2 = groupMask[2];
  const m3 = groupMask[3];
  const m4 = groupMask[4];
  const total = extendLive(s);
  let kept = 0;
  // In a split, treated drivers weigh the treated types at the treatment's pay.
  const bestTreated = xSplit === 0 ? bestNet : bestTreatedNet(s, w, bestNet);
  for (let k = 0; k < total; k++) {
    const c = live[k];
    // A candidate who claimed, or whom no block fits today, is dropped for the later waves.
    if (candType[c] >= 0 || candFailMult[c] === Infinity) continue;
    live[kept++] = c;
    const r = candR[c];
    const armD = xSplit === 0 ? 0 : driverArm(s, cand[c]);
    if (r > (armD === 0 ? bestNet : bestTreated) || candFailMult[c] >= mult) continue;
    if ((candFlags[c] & required) !== required || candAvail[c] >= avail) continue;
    if ((candFit[c] & open) === 0) {
      // No open block fits them, now or later today (the open pool only shrinks).
      if (!wave.reservedOnly) candFailMult[c] = Infinity;
      continue;
    }
    let pays =
      (n0 >= r ? m0 : 0) |
      (n1 >= r ? m1 : 0) |
      (n2 >= r ? m2 : 0) |
      (n3 >= r ? m3 : 0) |
      (n4 >= r ? m4 : 0);
    if (armD !== 0) pays = treatedPays(s, w, r, pays);
    const choice = candFit[c] & pays;
    if ((choice & open) === 0) {
      // Nothing now, nor in a later wave at this pay; a miss in the reserved wave does not
      // count, the open wave adds blocks.
      if (!wave.reservedOnly) candFailMult[c] = mult;
      continue;
    }
    candChoice[c] = choice;
    const i = cand[c];
    const b = bucketOf(bits(sDelay, key[i]), speed[i], duration, scale, lastBucket, logTable);
    if (b < 0) continue;
    candNext[c] = -1;
    if (head[b] === -1) head[b] = c;
    else candNext[tail[b]] = c;
    tail[b] = c;
  }
  s.nLive = kept;
  return s.nOpen;
}

/**
 * Opens wave w: its open types (`openTypes`), the drivers a surge draws in if it is the first
 * surged wave near the start with blocks left (surge-supply.ts), and empty buckets. Returns
 * the best net pay open (-Infinity when none is open).
 */
function openWave(s: SimState, d: number, w: number): number {
  const bestNet = openTypes(s, w);
  if (s.nOpen === 0) return bestNet;
  const wave = s.waves[w];
  if (wave.mult > 1 && wave.time >= -SURGE_RECRUIT_HOURS && s.surgeDrawn === 0) {
    drawSurgeRecruits(s, d, w);
  }
  s.head.fill(-1);
  s.tail.fill(-1);
  return bestNet;
}

/** Adds the candidates added since the last wave to the live list; returns its length. */
function extendLive(s: SimState): number {
  let total = s.nLive;
  for (let c = s.liveEnd; c < s.nc; c++) s.live[total++] = c;
  s.liveEnd = s.nc;
  return total;
}

/**
 * The drivers of one bucket claim, in order, the longest open block that fits their day and
 * week and pays at least their asking wage (the lowest bit of their choice mask still open),
 * then further blocks back to back while their day and week leave room.
 */
function claimBucket(s: SimState, w: number, b: number): number {
  const wave = s.waves[w];
  const { candType, candMult, candNext, candFailMult, candChoice, candFlags } = s;
  const { after, before } = s.bt;
  let got = 0;
  for (let c = s.head[b]; c !== -1 && s.openMask !== 0; c = candNext[c]) {
    const choice = candChoice[c] & s.openMask;
    if (choice === 0) {
      // The open wave adds blocks at the same pay, so a miss in the reserved wave does not count.
      if (!wave.reservedOnly) candFailMult[c] = wave.mult;
      continue;
    }
    const t = take(s, c, choice, wave.reservedOnly);
    candType[c] = t;
    candMult[c] =
      s.xSplit !== 0 && (s.xTypes & (1 << t)) !== 0 && driverArm(s, s.cand[c]) === 1
        ? s.xMultT[w]
        : wave.mult;
    if (wave.reservedOnly) candFlags[c] |= RESERVED;
    // Further blocks only when one is open just after or before it, which is seldom.
    got +=
      (candChoice[c] & s.openMask & (after[t] | before[t])) === 0 ? 1 : 1 + backToBack(s, c, t);
  }
  return got;
}

/** Takes the longest block type in `choice` for candidate c from the wave's pool. */
function take(s: SimState, c: number, choice: number, reservedOnly: boolean): number {
  const t = 31 - Math.clz32(choice & -choice);
  s.typeOpen[t]--;
  if (reservedOnly) s.typeReserved[t]--;
  if ((reservedOnly ? s.typeReserved[t] : s.typeOpen[t]) <= 0) {
    s.openMask &= ~(1 << t);
    s.nOpen--;
  }
  s.dr.hoursWeek[s.cand[c]] += s.bt.len[t];
  return t;
}

/**
 * Candidate c, who just claimed type t, claims further blocks in the same wave that start
 * after the last one ends or end before the first one starts, fit their window, pay enough
 * and fit the hours left this week, up to MAX_BLOCKS_PER_DAY; each is a new candidate entry
 * (flag EXTRA) for the same driver. Returns how many it claimed.
 */
function backToBack(s: SimState, c: number, t: number): number {
  const i = s.cand[c];
  const { dr, bt } = s;
  let first = t;
  let last = t;
  let n = 0;
  while (n + 1 < MAX_BLOCKS_PER_DAY && s.openMask !== 0) {
    // The cheaper test first: an open block before the first or after the last is seldom.
    const next = s.candChoice[c] & s.openMask & (bt.after[last] | bt.before[first]);
    if (next === 0) break;
    const left = (dr.hoursTarget[i] - dr.hoursWeek[i]) / HOURS_OVERSHOOT;
    if (left < s.minLen) break;
    const fits = next & lengthMask(s, left);
    if (fits === 0) break;
    const e = s.nc++;
    s.cand[e] = i;
    s.candR[e] = s.candR[c];
    s.candFlags[e] = (s.candFlags[c] & ~WANTS) | EXTRA;
    s.candFailMult[e] = s.candMult[c];
    s.candMult[e] = s.candMult[c];
    s.candFit[e] = 0;
    s.candChoice[e] = 0;
    s.candAvail[e] = 1;
    const u = take(s, e, fits, (s.candFlags[c] & RESERVED) !== 0);
    s.candType[e] = u;
    if (bt.start[u] >= bt.end[last]) last = u;
    else first = u;
    n++;
  }
  return n;
}

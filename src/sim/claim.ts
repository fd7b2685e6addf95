/**
 * Release and claiming (MODEL.md steps 4 to 6): the day's blocks go out in waves (reserved,
 * open, surge); in each wave the drivers who check the app are sorted into time buckets, and
 * first come, first served, each claims the longest open block that fits and pays enough.
 */
import { BUCKETS, GOOD, P, SHORT_OK } from './constants';
import { uniform } from './random';
import { F } from './record';
import { at, dayStream, type SimState } from './state';

/** Steps 4–6: release waves and first-come claiming; returns nothing, records the fill. */
export function claim(s: SimState, d: number): void {
  const release = s.waves[0].time;
  let claimed = 0;
  let surged = 0;
  let ttf = 0;
  const capacityBefore = openCapacity(s);
  for (let w = 0; w < s.waves.length; w++) {
    const n = orderWave(s, d, w);
    if (n === 0) continue;
    const wave = s.waves[w];
    const scale = BUCKETS / wave.duration;
    const before = claimed;
    for (let b = 0; b < BUCKETS; b++) {
      const got = claimBucket(s, w, b);
      claimed += got;
      ttf += got * (wave.time - release + (b + 0.5) / scale);
      if (s.nOpen === 0) break;
    }
    if (wave.mult > 1) surged += claimed - before;
  }
  s.rec[at(s, F.blocksClaimed, d)] = claimed;
  s.rec[at(s, F.blocksSurged, d)] = surged;
  s.rec[at(s, F.timeToFillSum, d)] = ttf;
  const need = s.rec[at(s, F.needCapacity, d)];
  const covered = capacityBefore - openCapacity(s);
  s.rec[at(s, F.needCovered, d)] = covered < need ? covered : need;
}

/** Route capacity of the blocks still unclaimed. */
function openCapacity(s: SimState): number {
  let c = 0;
  for (let t = 0; t < s.bt.count; t++) c += s.typeOpen[t] * s.bt.cap[t];
  return c;
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
 * since blocks only go in the wave. Returns how many types are open (0: nothing to do).
 */
function orderWave(s: SimState, d: number, w: number): number {
  const bestNet = openTypes(s, w);
  if (s.nOpen === 0) return 0;
  const wave = s.waves[w];
  const open = s.openMask;
  const { head, tail, cand, candR, candFlags, candType, candFailMult, candNext } = s;
  const { candFit, candChoice, groupMask, groupNet } = s;
  const G = s.groups;
  const groupRow = w * G;
  const speed = s.dr.speed;
  head.fill(-1);
  tail.fill(-1);
  const required = wave.reservedOnly ? GOOD : 0;
  const shortNotice = wave.shortNotice;
  const mult = wave.mult;
  const duration = wave.duration;
  const scale = BUCKETS / duration;
  const sDelay = dayStream(s, d, P.delay + w);
  for (let c = 0; c < s.nc; c++) {
    if (candType[c] >= 0) continue;
    const r = candR[c];
    if (r > bestNet || candFailMult[c] >= mult) continue;
    const fl = candFlags[c];
    if ((fl & required) !== required) continue;
    if (shortNotice && (fl & SHORT_OK) === 0) continue;
    let pays = 0;
    for (let g = 0; g < G; g++) if (groupNet[groupRow + g] >= r) pays |= groupMask[g];
    const choice = candFit[c] & pays;
    if ((choice & open) === 0) {
      // Nothing now, nor in a later wave at this pay; a miss in the reserved wave does not
      // count, the open wave adds blocks.
      if (!wave.reservedOnly) candFailMult[c] = mult;
      continue;
    }
    candChoice[c] = choice;
    const i = cand[c];
    const delay = -Math.log(uniform(sDelay, i)) / speed[i];
    if (delay >= duration) continue;
    const b = Math.min(BUCKETS - 1, Math.floor(delay * scale));
    candNext[c] = -1;
    if (head[b] === -1) head[b] = c;
    else candNext[tail[b]] = c;
    tail[b] = c;
  }
  return s.nOpen;
}

/**
 * The drivers of one bucket claim, in order, the longest open block that fits their day and
 * week and pays at least their asking wage (the lowest bit of their choice mask still open).
 */
function claimBucket(s: SimState, w: number, b: number): number {
  const wave = s.waves[w];
  const bt = s.bt;
  const pool = wave.reservedOnly ? s.typeReserved : s.typeOpen;
  const hoursWeek = s.dr.hoursWeek;
  const { cand, candType, candMult, candNext, candFailMult, candChoice } = s;
  let open = s.openMask;
  let got = 0;
  for (let c = s.head[b]; c !== -1 && open !== 0; c = candNext[c]) {
    const choice = candChoice[c] & open;
    if (choice === 0) {
      // The open wave adds blocks at the same pay, so a miss in the reserved wave does not count.
      if (!wave.reservedOnly) candFailMult[c] = wave.mult;
      continue;
    }
    const t = 31 - Math.clz32(choice & -choice);
    s.typeOpen[t]--;
    if (wave.reservedOnly) s.typeReserved[t]--;
    if (pool[t] <= 0) {
      open &= ~(1 << t);
      s.nOpen--;
    }
    candType[c] = t;
    candMult[c] = wave.mult;
    hoursWeek[cand[c]] += bt.len[t];
    got++;
  }
  s.openMask = open;
  return got;
}

/**
 * A split experiment inside one market (docs/MODEL.md "The experiment lab"): the treatment's
 * pay and surge for a share of drivers, of each day's block types, or both. A run without an
 * experiment never comes here beyond one test of `SimState.xSplit` per phase.
 *
 * Who is treated is drawn from the experiment's own streams, keyed by its assignment seed and
 * not by the replication: a re-randomisation changes the assignment only, and every other draw
 * of the market stays the same (common random numbers).
 *
 * The treated tallies go to `SimState.xRec` (X_ROWS rows of one value per day); the control's
 * are the day's totals in the record less these.
 */
import type { Experiment } from '../model/experiment';
import type { Params } from '../model/params';
import { offerWaves } from './blocks';
import { ATTRIBUTE_DAY, P } from './constants';
import { streamKey, uniform } from './random';
import type { SimState } from './state';
import { lengthGroups, waveNetTable } from './tables';

/** The slot of `SimState.streams` that holds the driver assignment's key. */
export const X_SLOT = 16;

/** Splits: none, drivers, blocks, both (`SimState.xSplit`). */
export const SPLIT_NONE = 0;
export const SPLIT_DRIVERS = 1;
export const SPLIT_BLOCKS = 2;
export const SPLIT_BOTH = 3;

/**
 * The treated tallies of a day, by row of `SimState.xRec`: by the driver's arm (packages
 * delivered, net earnings, work hours, paid hours, active drivers at the day's end, exits) and
 * by the block's arm (blocks offered, claimed by their start, packages delivered on them).
 */
export const X = {
  delivered: 0,
  net: 1,
  work: 2,
  paid: 3,
  active: 4,
  exits: 5,
  offered: 6,
  claimed: 7,
  deliveredOnBlocks: 8,
} as const;
export const X_ROWS = 9;

/** The assignment key of an experiment (independent of the replication). */
export function assignmentKey(x: Experiment): number {
  return streamKey(x.assignmentSeed >>> 0, ATTRIBUTE_DAY, P.xAssign);
}

/** Whether a switchback's first window is treated (drawn from the assignment key). */
export function switchbackStartsTreated(x: Experiment): boolean {
  return uniform(assignmentKey(x), 0) < 0.5;
}

/** Sets up a split in a new state (called by its constructor); a switchback is not a split. */
export function setupSplit(s: SimState, x: Experiment | undefined, days: number): void {
  // Nobody treated (the lab's all-control and all-treated runs): no split, the lab's record only.
  if (!x || x.design === 'switchback' || x.share === 0) return;
  s.xSplit =
    x.design === 'driver' ? SPLIT_DRIVERS : x.design === 'block' ? SPLIT_BLOCKS : SPLIT_BOTH;
  s.xShare = x.share;
  s.streams[X_SLOT] = assignmentKey(x);
  const p = s.p;
  const pT: Params = { ...p, ...x.treatment };
  const wavesT = offerWaves(pT);
  s.xMultT = Float64Array.from(wavesT, (w) => w.mult);
  // The treatment's waves have the control's times (a split treats pay and surge only, which
  // set the waves' pay, not their times): the tables line up wave by wave.
  if (wavesT.length !== s.waves.length) throw new Error('a split cannot change the offer waves');
  s.waveNetTOff = waveNetTable(pT, wavesT, s.bt);
  const peakT = { ...pT, payPerHour: pT.payPerHour * (1 + p.peakPayPremium) };
  s.waveNetTPeak = waveNetTable(peakT, wavesT, s.bt);
  const W = s.waves.length;
  s.groupNetTOff = lengthGroups(s.bt, s.waveNetTOff, W).net;
  s.groupNetTPeak = lengthGroups(s.bt, s.waveNetTPeak, W).net;
  s.waveNetT = s.waveNetTOff;
  s.groupNetT = s.groupNetTOff;
  s.xPayDeltaOff = pT.payPerHour - p.payPerHour;
  s.xPayDelta = s.xPayDeltaOff;
  // What a driver expects the treatment adds to a typical block's net hourly: all of it for a
  // treated driver in a driver split, the treated share of blocks otherwise.
  const typeShare = s.xSplit === SPLIT_DRIVERS ? 1 : x.share;
  s.xShift = s.xPayDeltaOff * typeShare;
  s.xRec = new Float64Array(X_ROWS * days);
  // The drivers' arms, drawn once for the room the run starts with (past it, drawn each time).
  const key = s.streams[X_SLOT];
  s.xArm = new Uint8Array(s.dr.capacity);
  for (let i = 0; i < s.xArm.length; i++) s.xArm[i] = uniform(key, i) < x.share ? 1 : 0;
}

/** 1 when driver i is treated (every driver may be in a block split), else 0. */
export function driverArm(s: SimState, i: number): number {
  if (s.xSplit === SPLIT_BLOCKS) return 1;
  const id = s.dr.key[i]; // the arm goes with the driver's number, not the slot
  if (id < s.xArm.length) return s.xArm[id];
  return uniform(s.streams[X_SLOT], id) < s.xShare ? 1 : 0;
}

/** Today's treated block types and the treated pay tables (peak or not); from plan.ts. */
export function planSplit(s: SimState, d: number, peak: boolean): void {
  const all = (1 << s.bt.count) - 1;
  if (s.xSplit === SPLIT_DRIVERS) s.xTypes = all;
  else {
    const key = streamKey(s.streams[X_SLOT], d, P.xBlocks);
    let mask = 0;
    for (let t = 0; t < s.bt.count; t++) if (uniform(key, t) < s.xShare) mask |= 1 << t;
    s.xTypes = mask;
  }
  s.waveNetT = peak ? s.waveNetTPeak : s.waveNetTOff;
  s.groupNetT = peak ? s.groupNetTPeak : s.groupNetTOff;
  s.xPayDelta = s.xPayDeltaOff * (peak ? 1 + s.p.peakPayPremium : 1);
}

/** The best net pay among wave w's open block types for a treated driver. */
export function bestTreatedNet(s: SimState, w: number, bestNet: number): number {
  const T = s.bt.count;
  let best = bestNet;
  for (let t = 0; t < T; t++) {
    if ((s.openMask & s.xTypes & (1 << t)) === 0) continue;
    const net = s.waveNetT[w * T + t];
    if (net > best) best = net;
  }
  return best;
}

/**
 * The block types (of `control`, those that pay a control driver enough) that pay treated
 * driver asking `r` enough in wave w: the treated types at the treatment's pay.
 */
export function treatedPays(s: SimState, w: number, r: number, control: number): number {
  const G = s.groups;
  let pays = 0;
  for (let g = 0; g < G; g++) if (s.groupNetT[w * G + g] >= r) pays |= s.groupMask[g];
  return (control & ~s.xTypes) | (pays & s.xTypes);
}

/** Notes the day's blocks offered by arm (before claiming) in the treated tallies. */
export function tallyOffered(s: SimState, d: number): void {
  let offered = 0;
  for (let t = 0; t < s.bt.count; t++) if ((s.xTypes & (1 << t)) !== 0) offered += s.typeOpen[t];
  s.xRec[X.offered * s.days + d] = offered;
}

/** Notes the treated blocks claimed by their start (after claiming). */
export function tallyClaimed(s: SimState, d: number): void {
  let open = 0;
  for (let t = 0; t < s.bt.count; t++) if ((s.xTypes & (1 << t)) !== 0) open += s.typeOpen[t];
  s.xRec[X.claimed * s.days + d] = s.xRec[X.offered * s.days + d] - open;
}

/** Whether driver i is paid the treatment on block type t. */
export function treatedPair(s: SimState, i: number, t: number): boolean {
  return (s.xTypes & (1 << t)) !== 0 && driverArm(s, i) === 1;
}

/** Adds a worker's packages delivered to the treated tallies, by driver and by block. */
export function tallyDelivered(s: SimState, d: number, i: number, t: number, n: number): void {
  const { xRec, days } = s;
  xRec[X.delivered * days + d] += driverArm(s, i) * n;
  if ((s.xTypes & (1 << t)) !== 0) xRec[X.deliveredOnBlocks * days + d] += n;
}

/** Adds a worker's net pay, hours and block hours to the treated driver tallies. */
export function tallyPay(
  s: SimState,
  d: number,
  i: number,
  net: number,
  time: number,
  len: number,
): void {
  if (driverArm(s, i) === 0) return;
  const { xRec, days } = s;
  xRec[X.net * days + d] += net;
  xRec[X.work * days + d] += time;
  xRec[X.paid * days + d] += len;
}

/** The treated drivers among the active list. */
export function treatedActive(s: SimState): number {
  let n = 0;
  for (let k = 0; k < s.activeCount; k++) n += driverArm(s, s.activeList[k]);
  return n;
}

/** After churn: treated drivers active at the day's end, and those who left (of `before`). */
export function tallyChurn(s: SimState, d: number, before: number): void {
  const after = treatedActive(s);
  s.xRec[X.active * s.days + d] = after;
  s.xRec[X.exits * s.days + d] = before - after;
}

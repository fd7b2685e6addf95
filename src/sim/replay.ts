/**
 * Replays (issue 19): a week of one replication, recorded agent by agent. The engine is
 * deterministic, so a replay runs the replication again from its warmed state to the week
 * asked for, day by day as a run does (src/sim/engine.ts `simulate`), and records the week's
 * days with the same phases in the same order (src/sim/day.ts), reading the state between
 * them (src/sim/replay-tape.ts). Ordinary runs are untouched: the only hook in the phases is
 * `SimState.waveTap`, null but here, asked once per offer wave.
 */
import type { ReplayDay, ReplayWeek } from '../model/replay';
import { BLOCK_EXTRA, BLOCK_NO_SHOW, BLOCK_RESERVED, DEACTIVATED, QUIT } from '../model/replay';
import { STAYED, TOTALS, T_ } from '../model/replay';
import type { Scenario } from '../model/scenario';
import { SLOT_STARTS } from './blocks';
import { weekday } from './calendar';
import { changeDay, handOver } from './change';
import { churn, frustration } from './churn';
import { claim } from './claim';
import { dropDeparted } from './compact';
import { gatherCandidates } from './candidates';
import { EXTRA, RESERVED } from './constants';
import { CancelledError, day, type RunControl } from './day';
import * as lifecycle from './drivers';
import { sharedWarmups } from './engine';
import { entry } from './entry';
import { execute } from './packages';
import { F as FIELD } from './record';
import { demandAndPlan } from './plan';
import { DayTape } from './replay-tape';
import { blocksDoneBefore, quitChances, routeSheet, type RouteSheet } from './replay-routes';
import { SimState } from './state';
import { noteSurge } from './supply';
import { weekEnd } from './tallies';
import { takeOver, warmState, type WarmupCache } from './warmup';
import { drawnScenario } from './fit-draw';

/**
 * Week `week` (1-based) of replication `rep` of a scenario, recorded day by day; the run
 * stops at the week's end. Throws CancelledError when `control` asks to stop.
 */
export function replayWeek(
  given: Scenario,
  rep: number,
  week: number,
  control: RunControl = {},
  warmups: WarmupCache = sharedWarmups,
): ReplayWeek {
  const scenario = drawnScenario(given, rep);
  const weeks = Math.max(1, Math.min(scenario.weeks, Math.floor(week)));
  const warm = warmState(scenario, rep, control, warmups);
  let s = new SimState(scenario, rep);
  takeOver(s, warm);
  const from = (weeks - 1) * 7;
  const switchDay = changeDay(scenario);
  const days: ReplayDay[] = [];
  for (let d = 0; d < from + 7; d++) {
    if (control.shouldStop?.()) throw new CancelledError();
    if (d === switchDay) s = handOver(s, scenario, rep);
    if (d < from) day(s, d);
    else days.push(recordDay(s, d, rep));
  }
  return { week: weeks, replication: rep, days };
}

/** Day `d` as src/sim/day.ts runs it, recorded. */
export function recordDay(s: SimState, d: number, rep: number): ReplayDay {
  if (weekday(d) === 0) dropDeparted(s);
  entry(s, d);
  const backlogStart = s.backlog;
  demandAndPlan(s, d);
  gatherCandidates(s, d);
  const tape = new DayTape(s, d, backlogStart);
  s.waveTap = tape.wave;
  try {
    claim(s, d);
  } finally {
    s.waveTap = null;
  }
  const done = blocksDoneBefore(s);
  execute(s, d);
  const sheet = routeSheet(s, d, backlogStart, done);
  frustration(s, d);
  const quit = quitChances(s, d, tape.rows);
  churn(s, d);
  if (weekday(d) === 6) {
    noteSurge(s, d);
    weekEnd(s, d);
  }
  return pack(s, rep, tape, sheet, quit);
}

function pack(
  s: SimState,
  rep: number,
  tape: DayTape,
  sheet: RouteSheet,
  quit: { chance: Float64Array; draw: Float64Array },
): ReplayDay {
  const { dr, bt } = s;
  const rows = Int32Array.from(tape.rows);
  const outcome = new Uint8Array(rows.length);
  rows.forEach((i, r) => {
    const st = dr.state[i];
    outcome[r] =
      st === lifecycle.CHURNED ? QUIT : st === lifecycle.DEACTIVATED ? DEACTIVATED : STAYED;
  });
  const blocks = blockTable(s, tape, sheet);
  return {
    day: tape.d,
    replication: rep,
    totals: totals(s, tape),
    typeStart: Float64Array.from(bt.start),
    typeLen: Float64Array.from(bt.len),
    typeCap: Int32Array.from(bt.cap),
    planned: tape.planned,
    reserved: tape.reserved,
    waveTime: Float64Array.from(s.waves, (w) => w.time),
    waveDuration: Float64Array.from(s.waves, (w) => w.duration),
    waveMult: Float64Array.from(s.waves, (w) => w.mult),
    waveKind: tape.waveKind,
    released: tape.released,
    slotStart: new Float64Array(SLOT_STARTS),
    slotWorked: Int32Array.from(s.slotWorked),
    slotWait: Float64Array.from(s.slotWait),
    driver: Int32Array.from(rows, (i) => dr.key[i]), // numbers, not slots: the same driver
    flags: Uint8Array.from(tape.flags),
    asking: Float64Array.from(tape.asking),
    res: Float64Array.from(rows, (i) => dr.res[i]),
    winStart: Float64Array.from(rows, (i) => dr.winStart[i]),
    winEnd: Float64Array.from(rows, (i) => dr.winEnd[i]),
    tenure: Int32Array.from(rows, (i) => tape.d - dr.activeDay[i]),
    beliefBefore: Float64Array.from(tape.beliefBefore),
    beliefAfter: Float64Array.from(rows, (i) => dr.belief[i]),
    quitChance: quit.chance,
    quitDraw: quit.draw,
    outcome,
    hoursWeekBefore: Float64Array.from(tape.hoursWeekBefore),
    checkRow: Int32Array.from(tape.checkRow),
    checkWave: Int8Array.from(tape.checkWave),
    checkTime: Float64Array.from(tape.checkTime),
    checkBlock: Int32Array.from(tape.checkEntry, (c) => (c < 0 ? -1 : blocks.indexOf[c])),
    ...blocks.table,
  };
}

/** The day's totals (src/model/replay.ts TOTALS). */
function totals(s: SimState, tape: DayTape): Float64Array {
  const out = new Float64Array(TOTALS.length);
  const { bt, candType, workers, slotWait } = s;
  let capacity = 0;
  let loadingEnd: number = SLOT_STARTS[SLOT_STARTS.length - 1];
  for (let k = 0; k < s.nWorkers; k++) {
    const t = candType[workers[k]];
    capacity += bt.cap[t];
    loadingEnd = Math.max(loadingEnd, bt.start[t] + slotWait[bt.slot[t]]);
  }
  const rec = (field: number) => s.rec[field * s.days + tape.d - s.firstDay];
  out[T_.fresh] = s.fresh;
  out[T_.backlogStart] = tape.backlogStart;
  out[T_.loaded] = Math.min(tape.backlogStart + s.fresh, capacity);
  out[T_.fallback] = rec(FIELD.fallback);
  out[T_.agedOut] = rec(FIELD.agedOut);
  out[T_.backlogEnd] = s.backlog;
  out[T_.payPerHour] = s.payToday;
  out[T_.loadingEnd] = loadingEnd;
  return out;
}

type BlockColumns = Pick<
  ReplayDay,
  | 'blockRow'
  | 'blockType'
  | 'blockWave'
  | 'blockTime'
  | 'blockMult'
  | 'blockFlags'
  | 'blockHours'
  | 'blockRoute'
  | 'blockDelivered'
  | 'blockFailed'
  | 'blockReturned'
  | 'blockOverrun'
  | 'blockPay'
  | 'blockSurgePay'
  | 'blockNet'
>;

/** The day's blocks claimed, in candidate order (the order routes are loaded and paid in). */
function blockTable(
  s: SimState,
  tape: DayTape,
  sheet: RouteSheet,
): { table: BlockColumns; indexOf: Int32Array } {
  const entries: number[] = [];
  const indexOf = new Int32Array(s.nc).fill(-1);
  for (let c = 0; c < s.nc; c++) {
    if (s.candType[c] === -1) continue;
    indexOf[c] = entries.length;
    entries.push(c);
  }
  const col = <A extends Float64Array | Int32Array>(
    make: new (n: number) => A,
    f: (c: number) => number,
  ): A => {
    const a = new make(entries.length);
    entries.forEach((c, k) => (a[k] = f(c)));
    return a;
  };
  const type = (c: number) => (s.candType[c] >= 0 ? s.candType[c] : -2 - s.candType[c]);
  const flags = (c: number) =>
    (s.candFlags[c] & EXTRA ? BLOCK_EXTRA : 0) |
    (s.candFlags[c] & RESERVED ? BLOCK_RESERVED : 0) |
    (s.candType[c] < -1 ? BLOCK_NO_SHOW : 0);
  const table: BlockColumns = {
    blockRow: col(Int32Array, (c) => tape.rowOf[s.cand[c]]),
    blockType: Int16Array.from(entries, type),
    blockWave: Int8Array.from(entries, (c) => tape.claimWave[c]),
    blockTime: col(Float64Array, (c) => tape.claimTime[c]),
    blockMult: col(Float64Array, (c) => s.candMult[c]),
    blockFlags: Uint8Array.from(entries, flags),
    blockHours: col(Float64Array, (c) => (s.candType[c] >= 0 ? s.candTime[c] : 0)),
    blockRoute: col(Int32Array, (c) => sheet.route[c]),
    blockDelivered: col(Int32Array, (c) => sheet.delivered[c]),
    blockFailed: col(Int32Array, (c) => sheet.failed[c]),
    blockReturned: col(Int32Array, (c) => sheet.returned[c]),
    blockOverrun: col(Float64Array, (c) => sheet.overrun[c]),
    blockPay: col(Float64Array, (c) => sheet.pay[c]),
    blockSurgePay: col(Float64Array, (c) => sheet.surgePay[c]),
    blockNet: col(Float64Array, (c) => sheet.net[c]),
  };
  return { table, indexOf };
}

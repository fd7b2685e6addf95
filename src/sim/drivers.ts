/**
 * Drivers as struct-of-arrays: one typed array per attribute, indexed by slot, allocated once
 * per run (and grown by a quarter in the rare run that outgrows its estimate). A slot holds a
 * driver numbered in order of creation (`key`); the drivers who left are dropped now and then
 * and the others move down, keeping their order (src/sim/compact.ts). Driver number n in a
 * baseline and in a scenario draws the same attributes and the same daily numbers (common
 * random numbers): every draw is keyed by the number, never by the slot.
 */

import { MAX_DRIVERS } from '../model/run-budget';
import { float64, int32, recycle, uint8 } from './buffers';

/**
 * How much the drivers' arrays grow when a run outgrows them. Doubling left the largest run
 * the app lets through (1.5 million drivers signed up) holding room for 2.4 million, about
 * 465 MB a worker where 290 MB are used, twice over in a tab's two workers (issue 14: the tab's
 * memory stays under 1 GB). A quarter keeps the room within the estimate's slack
 * (src/model/run-budget.ts); the copies it costs are rare and cheap beside a run's days.
 */
export const GROWTH = 1.25;

/** Lifecycle states, as stored in `Drivers.state`. */
export const APPLICANT = 0; // waiting for a place under the pool cap
export const ONBOARDING = 1;
export const ACTIVE = 2;
export const CHURNED = 3; // quit, or dropped out during onboarding
export const DEACTIVATED = 4;

/** A day number that stands for "none": no sign-up in the run, or no block worked yet. */
export const NO_DAY = -0x80000000;

/**
 * What the run's closing tallies read of a driver (src/sim/tallies.ts, result.ts,
 * behaviour-checks.ts), by driver number: written when a driver who left is dropped from the
 * slots (`Drivers.drop`), and for the drivers still in a slot by `Drivers.byNumber` at the end.
 */
export class Departed {
  /** Driver numbers with room. */
  room = 0;
  state = new Uint8Array(0);
  activeDay = new Int32Array(0);
  exitDay = new Int32Array(0);
  earned = new Float64Array(0);
  netLate = new Float64Array(0);
  timeLate = new Float64Array(0);

  /** Every array, by name (carried from a warm-up into its runs, src/sim/warmup.ts). */
  arrays(): [string, Uint8Array | Int32Array | Float64Array][] {
    return Object.entries(this).filter((e): e is [string, Uint8Array | Int32Array | Float64Array] =>
      ArrayBuffer.isView(e[1]),
    );
  }

  /**
   * Room for driver numbers below n, growing by a quarter (GROWTH) when needed, on spare
   * memory (src/sim/buffers.ts) as the slots' arrays.
   */
  reserve(n: number): void {
    if (n <= this.room) return;
    const room = Math.max(n, Math.ceil(this.room * GROWTH) + 64);
    const old = this.arrays().map(([, a]) => a);
    this.state = moved(this.state, uint8(room));
    this.activeDay = moved(this.activeDay, int32(room));
    this.exitDay = moved(this.exitDay, int32(room));
    this.earned = moved(this.earned, float64(room));
    this.netLate = moved(this.netLate, float64(room));
    this.timeLate = moved(this.timeLate, float64(room));
    this.room = room;
    recycle(old);
  }

  /** Hands the arrays back for later runs (src/sim/buffers.ts). */
  release(): void {
    recycle(this.arrays().map(([, a]) => a));
    this.state = new Uint8Array(0);
    this.activeDay = new Int32Array(0);
    this.exitDay = new Int32Array(0);
    this.earned = new Float64Array(0);
    this.netLate = new Float64Array(0);
    this.timeLate = new Float64Array(0);
    this.room = 0;
  }
}

/** `to` with `from` copied in. */
function moved<T extends Uint8Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export class Drivers {
  /** Slots in use: the drivers held, from 0 (src/sim/compact.ts drops those who left). */
  count = 0;
  /** Drivers created so far in the run and its warm-up: the next driver's number. */
  created = 0;
  capacity: number;
  /**
   * The driver's number (in order of creation) in each slot: every draw of a driver is keyed
   * by it (src/sim/random.ts), so dropping the drivers who left changes no draw.
   */
  key: Int32Array;
  state: Uint8Array;
  /** Reservation wage, $/h net. */
  res: Float64Array;
  hoursWanted: Float64Array;
  /** Bit k set when the driver is available on weekday k (0 Monday). */
  dayMask: Uint8Array;
  winStart: Float64Array;
  winEnd: Float64Array;
  /** Bit t set when block type t starts and ends within the driver's daily window. */
  winFit: Int32Array;
  /** App checks per hour. */
  speed: Float64Array;
  prodMult: Float64Array;
  noShowP: Float64Array;
  /** Day the driver became active (negative for the initial pool); day onboarding ends. */
  activeDay: Int32Array;
  onboardEnd: Int32Array;
  blocksDone: Float64Array;
  strikes: Float64Array;
  belief: Float64Array;
  frustration: Float64Array;
  overrunAvg: Float64Array;
  hoursWeek: Float64Array;
  /** Net earnings and hours spent over the last weeks, for the earnings distribution. */
  netLate: Float64Array;
  timeLate: Float64Array;
  /** Everything the driver was paid over the run (the driver's own account). */
  earned: Float64Array;
  /** Whether the driver worked this week (for the Gini of hours). */
  workedWeek: Uint8Array;
  /** Day the driver signed up (NO_DAY for the initial pool, who signed up before the run). */
  signupDay: Int32Array;
  /** Day of the first block the driver worked in the run (NO_DAY none yet). */
  firstBlockDay: Int32Array;
  /**
   * Labour supply at the pay the driver expects (src/sim/supply.ts): the probability of
   * looking for work on a free weekday, the weekly hours wanted, and those hours per
   * available weekday (the hours offered on a day they look and the pay suits them).
   */
  lookP: Float64Array;
  hoursTarget: Float64Array;
  dayHours: Float64Array;
  /** Day the driver left the pool (-1 still active, -2 never active). */
  exitDay: Int32Array;
  /** The drivers dropped from the slots, by number (not one of the slots' arrays). */
  readonly gone = new Departed();

  constructor(capacity: number) {
    this.capacity = capacity;
    this.key = int32(capacity);
    this.state = uint8(capacity);
    this.res = float64(capacity);
    this.hoursWanted = float64(capacity);
    this.dayMask = uint8(capacity);
    this.winStart = float64(capacity);
    this.winEnd = float64(capacity);
    this.winFit = int32(capacity);
    this.speed = float64(capacity);
    this.prodMult = float64(capacity);
    this.noShowP = float64(capacity);
    this.activeDay = int32(capacity);
    this.onboardEnd = int32(capacity);
    this.blocksDone = float64(capacity);
    this.strikes = float64(capacity);
    this.belief = float64(capacity);
    this.frustration = float64(capacity);
    this.overrunAvg = float64(capacity);
    this.hoursWeek = float64(capacity);
    this.netLate = float64(capacity);
    this.timeLate = float64(capacity);
    this.workedWeek = uint8(capacity);
    this.earned = float64(capacity);
    this.signupDay = int32(capacity);
    this.firstBlockDay = int32(capacity);
    this.lookP = float64(capacity);
    this.hoursTarget = float64(capacity);
    this.dayHours = float64(capacity);
    this.exitDay = int32(capacity);
  }

  /** Every per-driver array. */
  arrays(): (Float64Array | Int32Array | Uint8Array)[] {
    return Object.values(this).filter((v): v is Float64Array | Int32Array | Uint8Array =>
      ArrayBuffer.isView(v),
    );
  }

  /**
   * Every driver of the run by number, for the closing tallies: the dropped drivers' values and
   * those of the drivers still in a slot, `created` of them (the run is over: nothing reads the
   * slots' values into the `gone` arrays later).
   */
  byNumber(): Departed {
    const { gone, key } = this;
    gone.reserve(this.created);
    for (let i = 0; i < this.count; i++) keep(gone, key[i], this, i);
    return gone;
  }

  /**
   * Drops the drivers who left (churned, deactivated, dropped out of onboarding) among the
   * slots below `limit`, keeping what the closing tallies read of them in `gone`; the others
   * move down in order. Returns the new slot of each old slot below `count` (-1 dropped).
   */
  drop(limit: number): Int32Array {
    const { gone, key, state } = this;
    const n = this.count;
    const to = new Int32Array(n);
    gone.reserve(this.created);
    let next = 0;
    for (let i = 0; i < n; i++) {
      if (i < limit && state[i] >= CHURNED) {
        keep(gone, key[i], this, i);
        to[i] = -1;
      } else to[i] = next++;
    }
    let first = 0;
    while (first < n && to[first] === first) first++;
    // One loop per element type: a loop over arrays of three types would be megamorphic.
    for (const a of this.arrays()) {
      if (a instanceof Float64Array) moveFloat64(a, to, first, n);
      else if (a instanceof Int32Array) moveInt32(a, to, first, n);
      else moveUint8(a, to, first, n);
      a.fill(0, next, n);
    }
    this.count = next;
    return to;
  }

  /** Hands the arrays back for later runs (src/sim/buffers.ts); the drivers are gone after. */
  release(): void {
    recycle(this.arrays());
    this.gone.release();
    this.count = 0;
  }

  /**
   * Makes room for `extra` more drivers, growing the arrays by a quarter (GROWTH) when needed,
   * never past the most a run may sign up (the entry guard stops a run there).
   */
  reserve(extra: number): void {
    const need = this.count + extra;
    if (need <= this.capacity) return;
    const cap = Math.max(need, Math.min(Math.ceil(this.capacity * GROWTH) + 64, MAX_DRIVERS + 64));
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.key = grow(this.key);
    this.state = grow(this.state);
    this.res = grow(this.res);
    this.hoursWanted = grow(this.hoursWanted);
    this.dayMask = grow(this.dayMask);
    this.winStart = grow(this.winStart);
    this.winEnd = grow(this.winEnd);
    this.winFit = grow(this.winFit);
    this.speed = grow(this.speed);
    this.prodMult = grow(this.prodMult);
    this.noShowP = grow(this.noShowP);
    this.activeDay = grow(this.activeDay);
    this.onboardEnd = grow(this.onboardEnd);
    this.blocksDone = grow(this.blocksDone);
    this.strikes = grow(this.strikes);
    this.belief = grow(this.belief);
    this.frustration = grow(this.frustration);
    this.overrunAvg = grow(this.overrunAvg);
    this.hoursWeek = grow(this.hoursWeek);
    this.netLate = grow(this.netLate);
    this.timeLate = grow(this.timeLate);
    this.workedWeek = grow(this.workedWeek);
    this.earned = grow(this.earned);
    this.signupDay = grow(this.signupDay);
    this.firstBlockDay = grow(this.firstBlockDay);
    this.lookP = grow(this.lookP);
    this.hoursTarget = grow(this.hoursTarget);
    this.dayHours = grow(this.dayHours);
    this.exitDay = grow(this.exitDay);
    this.capacity = cap;
  }
}

/** Moves a[i] to a[to[i]] for the slots from `first` on that are kept (to[i] >= 0). */
function moveFloat64(a: Float64Array, to: Int32Array, first: number, n: number): void {
  for (let i = first; i < n; i++) if (to[i] >= 0) a[to[i]] = a[i];
}

/** As `moveFloat64`. */
function moveInt32(a: Int32Array, to: Int32Array, first: number, n: number): void {
  for (let i = first; i < n; i++) if (to[i] >= 0) a[to[i]] = a[i];
}

/** As `moveFloat64`. */
function moveUint8(a: Uint8Array, to: Int32Array, first: number, n: number): void {
  for (let i = first; i < n; i++) if (to[i] >= 0) a[to[i]] = a[i];
}

/** Writes what the closing tallies read of the driver in slot i under their number `id`. */
function keep(gone: Departed, id: number, dr: Drivers, i: number): void {
  gone.state[id] = dr.state[i];
  gone.activeDay[id] = dr.activeDay[i];
  gone.exitDay[id] = dr.exitDay[i];
  gone.earned[id] = dr.earned[i];
  gone.netLate[id] = dr.netLate[i];
  gone.timeLate[id] = dr.timeLate[i];
}

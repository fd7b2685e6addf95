/**
 * Drivers as struct-of-arrays: one typed array per attribute, indexed by driver number,
 * allocated once per run (and grown by a quarter in the rare run that outgrows its estimate).
 * Driver i in a baseline and driver i in a scenario draw the same attributes (common random
 * numbers): attributes are keyed by the driver's number, never by creation order of draws.
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

export class Drivers {
  count = 0;
  capacity: number;
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

  constructor(capacity: number) {
    this.capacity = capacity;
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

  /** Hands the arrays back for later runs (src/sim/buffers.ts); the drivers are gone after. */
  release(): void {
    recycle(this.arrays());
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

/**
 * The replay of a simulated week (issue 19): what the engine records, agent by agent, when a
 * run asks for it (src/sim/replay.ts), as typed arrays that cross from the worker as
 * transferables. One `ReplayDay` per day of the week; the view plays one day and follows one
 * driver through the week.
 *
 * Time on a replay day is one number, τ (hours): the offers go out before the blocks start, at
 * hours relative to each block's start (τ < 0: the engine offers every start slot's blocks in
 * the same waves, at the same lead), and the operating day runs on the clock (τ ≥ 0, hours
 * after midnight: blocks start at 6:00 and later).
 */

/** Row flags (`ReplayDay.flags`): what a driver active on the day did. */
export const ROW_LOOKING = 1; // looked for a block today (a candidate)
export const ROW_WANTS = 2; // would work today at the offered base pay
export const ROW_SURGE = 4; // not looking, drawn in by surge pay
export const ROW_GOOD = 8; // in good standing (offered reserved blocks)

/** Block flags (`ReplayDay.blockFlags`). */
export const BLOCK_EXTRA = 1; // a further block claimed back to back
export const BLOCK_RESERVED = 2; // claimed in the reserved wave
export const BLOCK_NO_SHOW = 4; // claimed, not worked

/** A driver's outcome at the end of the day (`ReplayDay.outcome`). */
export const STAYED = 0;
export const QUIT = 1;
export const DEACTIVATED = 2;

/** The day's totals (`ReplayDay.totals`), by index. */
export const TOTALS = [
  'fresh', // packages due today
  'backlogStart', // late packages waiting at the station at the start of the day
  'loaded', // packages loaded onto routes
  'fallback', // fresh packages no route could take, handed to the fallback carrier
  'agedOut', // late packages that waited the longest, handed to the fallback carrier
  'backlogEnd', // packages waiting at the station at the end of the day
  'payPerHour', // today's base pay per block hour (peak premium included)
  'loadingEnd', // clock hour the last route left the station (or the last slot's start)
] as const;
export type TotalId = (typeof TOTALS)[number];
export const T_ = Object.fromEntries(TOTALS.map((f, i) => [f, i])) as Record<TotalId, number>;

export interface ReplayDay {
  /** The run's day number (0 the Monday of week 1) and the scenario's replication. */
  readonly day: number;
  readonly replication: number;
  readonly totals: Float64Array;
  // Block types (longest first) and the day's plan.
  readonly typeStart: Float64Array;
  readonly typeLen: Float64Array;
  readonly typeCap: Int32Array;
  /** Blocks planned of each type, and of those reserved for drivers in good standing. */
  readonly planned: Int32Array;
  readonly reserved: Int32Array;
  // Offer waves, in order: τ they go out, how long they last, pay multiplier, record kind.
  readonly waveTime: Float64Array;
  readonly waveDuration: Float64Array;
  readonly waveMult: Float64Array;
  /** 0 reserved, 1 open release, 2 to 5 re-offers 24, 6, 3, 1 h before (record `claimedWave`). */
  readonly waveKind: Int8Array;
  /** Blocks in the wave's pool when it went out, at [w × types + t]. */
  readonly released: Int32Array;
  // The station by start slot.
  readonly slotStart: Float64Array;
  readonly slotWorked: Int32Array;
  /** Hours each driver of the slot waited at the station before leaving (loading included). */
  readonly slotWait: Float64Array;
  // Drivers active on the day (rows), in driver order.
  readonly driver: Int32Array;
  readonly flags: Uint8Array;
  /** Today's asking wage, net $/h (0 when not looking), and the reservation wage. */
  readonly asking: Float64Array;
  readonly res: Float64Array;
  readonly winStart: Float64Array;
  readonly winEnd: Float64Array;
  /** Days since the driver became active. */
  readonly tenure: Int32Array;
  /** Belief of what an hour of this work nets ($/h), at the start and at the end of the day. */
  readonly beliefBefore: Float64Array;
  readonly beliefAfter: Float64Array;
  /** The day's chance of quitting (the churn hazard over 7) and the draw it was met with. */
  readonly quitChance: Float64Array;
  readonly quitDraw: Float64Array;
  readonly outcome: Uint8Array;
  /** Hours of blocks claimed this week before today. */
  readonly hoursWeekBefore: Float64Array;
  // App checks: each time a driver looked at an offer wave's blocks.
  readonly checkRow: Int32Array;
  readonly checkWave: Int8Array;
  readonly checkTime: Float64Array;
  /** The block claimed at this check (index into the blocks), -1 found none that suited. */
  readonly checkBlock: Int32Array;
  // Blocks claimed, in the engine's order (the order routes are loaded in).
  readonly blockRow: Int32Array;
  readonly blockType: Int16Array;
  readonly blockWave: Int8Array;
  readonly blockTime: Float64Array;
  readonly blockMult: Float64Array;
  readonly blockFlags: Uint8Array;
  /** Hours on the block: station wait, route and overrun (0 for a no-show). */
  readonly blockHours: Float64Array;
  readonly blockRoute: Int32Array;
  readonly blockDelivered: Int32Array;
  readonly blockFailed: Int32Array;
  readonly blockReturned: Int32Array;
  readonly blockOverrun: Float64Array;
  /** Base, surge and tips paid; and net of the vehicle cost of the route hours. */
  readonly blockPay: Float64Array;
  readonly blockSurgePay: Float64Array;
  readonly blockNet: Float64Array;
}

/** A replay of week `week` (1-based) of one replication: its seven days. */
export interface ReplayWeek {
  readonly week: number;
  readonly replication: number;
  readonly days: readonly ReplayDay[];
}

/** What a replay asks of the engine. */
export interface ReplayRequest {
  readonly week: number;
  readonly replication: number;
}

/** The distinct buffers behind a replay's typed arrays, for transfer. */
export function replayBuffers(week: ReplayWeek): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const day of week.days) {
    for (const value of Object.values(day)) {
      if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) out.add(value.buffer);
    }
  }
  return [...out];
}

/** How many rows, checks and blocks a replay day holds. */
export function replaySize(day: ReplayDay): { rows: number; checks: number; blocks: number } {
  return { rows: day.driver.length, checks: day.checkRow.length, blocks: day.blockRow.length };
}

/** The index of the wave out at τ (-1 before the first and after the last). */
export function waveAt(day: ReplayDay, tau: number): number {
  for (let w = 0; w < day.waveTime.length; w++) {
    const from = day.waveTime[w];
    if (tau >= from && tau < from + day.waveDuration[w]) return w;
  }
  return -1;
}

/**
 * One driver's week in a replay (issue 19): day by day, whether they looked for work, the
 * offers they checked, the blocks they claimed and missed, hours, pay, station wait and unpaid
 * overruns, their belief of what an hour of this work nets, and the day's chance of quitting
 * that decided whether they stayed. And the pickers: a typical driver who quit this week and a
 * typical one who stayed (the median by hours worked among each).
 */
import {
  BLOCK_NO_SHOW,
  DEACTIVATED,
  QUIT,
  ROW_LOOKING,
  ROW_SURGE,
  ROW_WANTS,
  type ReplayDay,
  type ReplayWeek,
} from './replay';

export interface StoryBlock {
  readonly start: number;
  readonly end: number;
  readonly mult: number;
  /** Claimed at τ (hours before the start, negative). */
  readonly claimedAt: number;
  readonly noShow: boolean;
  readonly hours: number;
  readonly wait: number;
  readonly overrun: number;
  readonly delivered: number;
  readonly returned: number;
  readonly pay: number;
  readonly net: number;
}

export interface StoryDay {
  readonly day: number;
  /** False when the driver was not active that day (not yet, or gone). */
  readonly active: boolean;
  readonly looked: boolean;
  readonly wanted: boolean;
  readonly surge: boolean;
  readonly asking: number;
  readonly checks: number;
  /** Checks that found no open block that fitted and paid enough. */
  readonly missed: number;
  readonly blocks: readonly StoryBlock[];
  readonly beliefAfter: number;
  readonly quitChance: number;
  readonly outcome: 'stayed' | 'quit' | 'deactivated';
}

export interface DriverStory {
  readonly driver: number;
  readonly res: number;
  readonly winStart: number;
  readonly winEnd: number;
  readonly tenure: number;
  readonly beliefStart: number;
  readonly days: readonly StoryDay[];
  /** Week totals: hours on blocks, pay, unpaid overrun hours, station wait hours. */
  readonly hours: number;
  readonly pay: number;
  readonly overrun: number;
  readonly wait: number;
}

/** The row of `driver` on a day, -1 when not active on it (rows are in driver order). */
export function rowOf(day: ReplayDay, driver: number): number {
  let lo = 0;
  let hi = day.driver.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = day.driver[mid];
    if (v === driver) return mid;
    if (v < driver) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function storyDay(day: ReplayDay, r: number): StoryDay {
  if (r < 0) {
    return {
      day: day.day,
      active: false,
      looked: false,
      wanted: false,
      surge: false,
      asking: 0,
      checks: 0,
      missed: 0,
      blocks: [],
      beliefAfter: NaN,
      quitChance: NaN,
      outcome: 'stayed',
    };
  }
  let checks = 0;
  let missed = 0;
  for (let k = 0; k < day.checkRow.length; k++) {
    if (day.checkRow[k] !== r) continue;
    checks++;
    if (day.checkBlock[k] < 0) missed++;
  }
  const blocks: StoryBlock[] = [];
  for (let k = 0; k < day.blockRow.length; k++) {
    if (day.blockRow[k] === r) blocks.push(storyBlock(day, k));
  }
  const fl = day.flags[r];
  const o = day.outcome[r];
  return {
    day: day.day,
    active: true,
    looked: (fl & (ROW_LOOKING | ROW_SURGE)) !== 0,
    wanted: (fl & ROW_WANTS) !== 0,
    surge: (fl & ROW_SURGE) !== 0,
    asking: day.asking[r],
    checks,
    missed,
    blocks,
    beliefAfter: day.beliefAfter[r],
    quitChance: day.quitChance[r],
    outcome: o === QUIT ? 'quit' : o === DEACTIVATED ? 'deactivated' : 'stayed',
  };
}

function storyBlock(day: ReplayDay, k: number): StoryBlock {
  const t = day.blockType[k];
  const start = day.typeStart[t];
  const noShow = (day.blockFlags[k] & BLOCK_NO_SHOW) !== 0;
  const slot = day.slotStart.indexOf(start);
  return {
    start,
    end: start + day.typeLen[t],
    mult: day.blockMult[k],
    claimedAt: day.blockTime[k],
    noShow,
    hours: day.blockHours[k],
    wait: noShow ? 0 : day.slotWait[slot < 0 ? 0 : slot],
    overrun: day.blockOverrun[k],
    delivered: day.blockDelivered[k],
    returned: day.blockReturned[k],
    pay: day.blockPay[k],
    net: day.blockNet[k],
  };
}

/** `driver`'s week, or undefined when they were active on none of its days. */
export function driverStory(week: ReplayWeek, driver: number): DriverStory | undefined {
  const rows = week.days.map((d) => rowOf(d, driver));
  const first = rows.findIndex((r) => r >= 0);
  if (first < 0) return undefined;
  const d0 = week.days[first];
  const r0 = rows[first];
  const days = week.days.map((d, k) => storyDay(d, rows[k]));
  const blocks = days.flatMap((d) => d.blocks);
  const sum = (f: (b: StoryBlock) => number) => blocks.reduce((a, b) => a + f(b), 0);
  return {
    driver,
    res: d0.res[r0],
    winStart: d0.winStart[r0],
    winEnd: d0.winEnd[r0],
    tenure: d0.tenure[r0],
    beliefStart: d0.beliefBefore[r0],
    days,
    hours: sum((b) => b.hours),
    pay: sum((b) => b.pay),
    overrun: sum((b) => b.overrun),
    wait: sum((b) => b.wait),
  };
}

/**
 * A typical driver who quit during the week and one who stayed through it having worked: the
 * median by hours on blocks this week among each (undefined when there is none).
 */
export function typicalDrivers(week: ReplayWeek): { quit?: number; stayed?: number } {
  const hours = new Map<number, number>();
  const quit = new Set<number>();
  for (const day of week.days) {
    for (let k = 0; k < day.blockRow.length; k++) {
      const i = day.driver[day.blockRow[k]];
      hours.set(i, (hours.get(i) ?? 0) + day.blockHours[k]);
    }
    for (let r = 0; r < day.driver.length; r++)
      if (day.outcome[r] === QUIT) quit.add(day.driver[r]);
  }
  const last = week.days[week.days.length - 1];
  const stayed: number[] = [];
  for (let r = 0; r < last.driver.length; r++) {
    const i = last.driver[r];
    if (last.outcome[r] === 0 && (hours.get(i) ?? 0) > 0) stayed.push(i);
  }
  return { quit: median([...quit], hours), stayed: median(stayed, hours) };
}

function median(drivers: number[], hours: Map<number, number>): number | undefined {
  if (drivers.length === 0) return undefined;
  const sorted = drivers.sort((a, b) => (hours.get(a) ?? 0) - (hours.get(b) ?? 0) || a - b);
  return sorted[(sorted.length - 1) >> 1];
}

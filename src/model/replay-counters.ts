/**
 * A replay's counters at any moment τ of its day (src/model/replay.ts), computed from the
 * recorded events alone: blocks open, claimed and surged, the surge level, drivers still
 * looking, the station queue, routes under way, packages delivered and left, pay. At the end
 * of the day they equal the run's daily record for that day and replication exactly
 * (tests/sim/replay.test.ts). One pass over the day's blocks and rows, into a counters object
 * the caller keeps (no allocation per frame).
 */
import { BLOCK_EXTRA, BLOCK_NO_SHOW, ROW_WANTS, T_, type ReplayDay } from './replay';
import { QUIT, DEACTIVATED, waveAt } from './replay';

export interface ReplayCounters {
  /** The offer wave out at τ (-1 none) and its pay multiplier (1 none or no surge). */
  wave: number;
  surge: number;
  /** Blocks planned for the day. */
  offered: number;
  /** Blocks out and unclaimed: in the wave's pool now, or after the offers, left to fallback. */
  open: number;
  claimed: number;
  /** Claimed at a surged rate. */
  surged: number;
  /** Drivers who want work at the offered pay: all of them, and those without a block yet. */
  wanting: number;
  looking: number;
  /** Blocks whose start has come and whose driver did not show up. */
  noShows: number;
  /** Drivers waiting at the station to load, and out on their routes. */
  queue: number;
  onRoute: number;
  delivered: number;
  /** Packages not yet delivered nor handed to the fallback carrier. */
  packagesLeft: number;
  /** Pay (base, surge, tips) and net earnings of the blocks finished by τ. */
  pay: number;
  net: number;
  /** Hours on blocks finished by τ, and of those unpaid past the block end. */
  workHours: number;
  overrunHours: number;
  quit: number;
  deactivated: number;
}

export function emptyCounters(): ReplayCounters {
  return {
    wave: -1,
    surge: 1,
    offered: 0,
    open: 0,
    claimed: 0,
    surged: 0,
    wanting: 0,
    looking: 0,
    noShows: 0,
    queue: 0,
    onRoute: 0,
    delivered: 0,
    packagesLeft: 0,
    pay: 0,
    net: 0,
    workHours: 0,
    overrunHours: 0,
    quit: 0,
    deactivated: 0,
  };
}

/** The hour the day's last route ends (the replay's end). */
export function dayEnd(day: ReplayDay): number {
  let end = day.totals[T_.loadingEnd];
  for (let k = 0; k < day.blockRow.length; k++) {
    const t = day.blockType[k];
    end = Math.max(end, day.typeStart[t] + day.blockHours[k]);
  }
  return Math.ceil(end);
}

/** The counters at τ (Infinity: the end of the day), written into `out`. */
export function countersAt(
  day: ReplayDay,
  tau: number,
  out: ReplayCounters = emptyCounters(),
): ReplayCounters {
  const T = day.typeStart.length;
  const w = waveAt(day, tau);
  out.wave = w;
  out.surge = w < 0 ? 1 : day.waveMult[w];
  let offered = 0;
  for (let t = 0; t < T; t++) offered += day.planned[t];
  out.offered = offered;
  let wanting = 0;
  for (let r = 0; r < day.flags.length; r++) if (day.flags[r] & ROW_WANTS) wanting++;
  out.wanting = wanting;
  blockCounters(day, tau, w, out);
  let quit = 0;
  let deactivated = 0;
  if (tau >= 24) {
    for (let r = 0; r < day.outcome.length; r++) {
      if (day.outcome[r] === QUIT) quit++;
      else if (day.outcome[r] === DEACTIVATED) deactivated++;
    }
  }
  out.quit = quit;
  out.deactivated = deactivated;
  const handed =
    tau >= day.totals[T_.loadingEnd] ? day.totals[T_.fallback] + day.totals[T_.agedOut] : 0;
  out.packagesLeft = day.totals[T_.fresh] + day.totals[T_.backlogStart] - out.delivered - handed;
  return out;
}

/** The counters that come from the blocks: claims, the station, routes, pay. */
function blockCounters(day: ReplayDay, tau: number, w: number, out: ReplayCounters): void {
  let claimed = 0;
  let surged = 0;
  let claimedInWave = 0;
  let got = 0;
  let noShows = 0;
  let queue = 0;
  let onRoute = 0;
  let delivered = 0;
  let pay = 0;
  let net = 0;
  let workHours = 0;
  let overrunHours = 0;
  for (let k = 0; k < day.blockRow.length; k++) {
    const fl = day.blockFlags[k];
    if (day.blockTime[k] <= tau) {
      claimed++;
      if (day.blockMult[k] > 1) surged++;
      if (day.blockWave[k] === w) claimedInWave++;
      if ((fl & BLOCK_EXTRA) === 0 && day.flags[day.blockRow[k]] & ROW_WANTS) got++;
    }
    const start = day.typeStart[day.blockType[k]];
    if (tau < start) continue;
    if (fl & BLOCK_NO_SHOW) {
      noShows++;
      continue;
    }
    const hours = day.blockHours[k];
    const leave = start + day.slotWait[slotOf(day, start)];
    if (tau < leave) queue++;
    else if (tau < start + hours) {
      onRoute++;
      const share = (tau - leave) / (start + hours - leave);
      delivered += Math.floor(day.blockDelivered[k] * share);
    } else {
      delivered += day.blockDelivered[k];
      pay += day.blockPay[k];
      net += day.blockNet[k];
      workHours += hours;
      overrunHours += day.blockOverrun[k];
    }
  }
  out.open = openAt(day, tau, w, claimedInWave, claimed, out.offered);
  out.claimed = claimed;
  out.surged = surged;
  out.noShows = noShows;
  out.queue = queue;
  out.onRoute = onRoute;
  out.delivered = delivered;
  out.pay = pay;
  out.net = net;
  out.looking = out.wanting - got;
  out.workHours = workHours;
  out.overrunHours = overrunHours;
}

/** Blocks out and unclaimed at τ: in wave w's pool, or after the offers, left unfilled. */
function openAt(
  day: ReplayDay,
  tau: number,
  w: number,
  claimedInWave: number,
  claimed: number,
  offered: number,
): number {
  const T = day.typeStart.length;
  if (w < 0) return tau >= 0 ? offered - claimed : 0;
  let open = -claimedInWave;
  for (let t = 0; t < T; t++) open += day.released[w * T + t];
  return open;
}

/** The start slot of a block starting at `start`. */
function slotOf(day: ReplayDay, start: number): number {
  for (let k = 0; k < day.slotStart.length; k++) if (day.slotStart[k] === start) return k;
  return 0;
}

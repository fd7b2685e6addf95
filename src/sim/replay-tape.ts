/**
 * The tape of one replayed day (issue 19): the drivers active on it, their app checks and
 * claims wave by wave, and the blocks' routes and pay, gathered between the day's phases by
 * src/sim/replay.ts. Only the claim phase is watched from inside (`SimState.waveTap`, once per
 * offer wave); everything else is read from the state the phases leave, or worked out again
 * from the same draws (src/sim/replay-routes.ts). Ordinary runs never build one.
 */
import { BUCKETS, EXTRA, GOOD, P, SURGE_ONLY, WANTS } from './constants';
import { uniform } from './random';
import { waveKind } from './slices';
import { dayStream, type SimState } from './state';
import { ROW_GOOD, ROW_LOOKING, ROW_SURGE, ROW_WANTS } from '../model/replay';

export class DayTape {
  readonly d: number;
  readonly backlogStart: number;
  /** Row of each driver (-1 not active today). */
  readonly rowOf: Int32Array;
  readonly rows: number[] = [];
  readonly flags: number[] = [];
  readonly asking: number[] = [];
  readonly beliefBefore: number[] = [];
  readonly hoursWeekBefore: number[] = [];
  readonly planned: Int32Array;
  readonly reserved: Int32Array;
  readonly released: Int32Array;
  readonly waveKind: Int8Array;
  /** Per candidate entry: the wave and τ of its claim (-1 / NaN: none). */
  claimWave = new Int8Array(0);
  claimTime = new Float64Array(0);
  readonly checkRow: number[] = [];
  readonly checkWave: number[] = [];
  readonly checkTime: number[] = [];
  /** The candidate entry whose claim the check made (-1 none). */
  readonly checkEntry: number[] = [];
  /** Candidate entries already seen (those after it are new: surge recruits, further blocks). */
  private seen = 0;

  /** A tape for day `d`, taken after the day's candidates are gathered. */
  constructor(s: SimState, d: number, backlogStart: number) {
    this.d = d;
    this.backlogStart = backlogStart;
    const T = s.bt.count;
    this.planned = Int32Array.from(s.typeOpen);
    this.reserved = Int32Array.from(s.typeReserved);
    this.released = new Int32Array(s.waves.length * T);
    this.waveKind = Int8Array.from(s.waves.map((_, w) => waveKind(s, w)));
    this.rowOf = new Int32Array(s.dr.capacity).fill(-1);
    const { belief, hoursWeek } = s.dr;
    for (let k = 0; k < s.activeCount; k++) {
      const i = s.activeList[k];
      this.rowOf[i] = this.rows.length;
      this.rows.push(i);
      this.flags.push(0);
      this.asking.push(0);
      this.beliefBefore.push(belief[i]);
      this.hoursWeekBefore.push(hoursWeek[i]);
    }
    for (let c = 0; c < s.nc; c++) this.candidate(s, c);
    this.seen = s.nc;
    this.claimWave = new Int8Array(s.cand.length).fill(-1);
    this.claimTime = new Float64Array(s.cand.length).fill(NaN);
  }

  /** Notes candidate entry c (looking today, or drawn in by surge pay). */
  private candidate(s: SimState, c: number): void {
    const r = this.rowOf[s.cand[c]];
    const fl = s.candFlags[c];
    let flags = fl & SURGE_ONLY ? ROW_SURGE : ROW_LOOKING;
    if (fl & WANTS) flags |= ROW_WANTS;
    if (fl & GOOD) flags |= ROW_GOOD;
    this.flags[r] |= flags;
    this.asking[r] = s.candR[c];
  }

  /**
   * Wave w is over (called by claim.ts through `SimState.waveTap`): every driver it bucketed
   * checked the app at their own delay; those who claimed, and the further blocks they took,
   * are noted with the time; the wave's pool as it went out is what is left plus its claims.
   */
  readonly wave = (s: SimState, d: number, w: number): void => {
    const wave = s.waves[w];
    const T = s.bt.count;
    const { cand, candType, candFlags, candNext, head } = s;
    for (let c = this.seen; c < s.nc; c++) if ((candFlags[c] & EXTRA) === 0) this.candidate(s, c);
    const sDelay = dayStream(s, d, P.delay + w);
    const when = new Map<number, number>();
    const claimed = new Int32Array(T);
    for (let b = 0; b < BUCKETS; b++) {
      for (let c = head[b]; c !== -1; c = candNext[c]) {
        const i = cand[c];
        const tau = wave.time - Math.log(uniform(sDelay, s.dr.key[i])) / s.dr.speed[i];
        const got = candType[c] >= 0;
        if (got) {
          this.claimWave[c] = w;
          this.claimTime[c] = tau;
          claimed[candType[c]]++;
          when.set(i, tau);
        }
        this.checkRow.push(this.rowOf[i]);
        this.checkWave.push(w);
        this.checkTime.push(tau);
        this.checkEntry.push(got ? c : -1);
      }
    }
    for (let c = this.seen; c < s.nc; c++) {
      if ((candFlags[c] & EXTRA) === 0 || candType[c] < 0) continue;
      this.claimWave[c] = w;
      this.claimTime[c] = when.get(cand[c]) ?? wave.time;
      claimed[candType[c]]++;
    }
    const pool = wave.reservedOnly ? s.typeReserved : s.typeOpen;
    for (let t = 0; t < T; t++) this.released[w * T + t] = pool[t] + claimed[t];
    this.seen = s.nc;
  };
}

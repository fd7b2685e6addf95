/**
 * The engine: one replication of a scenario, simulated day by day (MODEL.md section 3).
 *
 * Each day: entry and onboarding, demand, planning from the forecast, release of blocks in
 * waves (reserved, open, surge), first-come claiming by drivers, no-shows, station wait,
 * routes at each driver's own productivity with failed attempts and overruns, pay and cost,
 * learning, beliefs, churn and deactivation. Packages are counts; drivers are typed arrays.
 *
 * Pure and seeded: no DOM, no clock, no unseeded randomness. Every draw is keyed by
 * (replication, day, purpose, driver or item), see src/sim/random.ts. Each phase of the day is
 * a small method, so the JIT optimises each on its own.
 */
import type { Params } from '../model/params';
import type { Ledger, ReplicationResult } from '../model/results';
import type { Scenario } from '../model/scenario';
import {
  blockTypes,
  offerWaves,
  offeredNet,
  SLOT_STARTS,
  type BlockTypes,
  type Wave,
} from './blocks';
import { demandMultiplier } from './calendar';
import { ACTIVE, APPLICANT, CHURNED, DEACTIVATED, Drivers, ONBOARDING } from './drivers';
import { gini } from './measure';
import {
  normalCdf,
  normalQuantile,
  poissonQuantile,
  replicationKey,
  stochasticRound,
  streamKey,
  uniform,
} from './random';
import { F, newRecord } from './record';
import { buildResult } from './result';
import { LONG_RUN_WEEKS } from '../model/results';
import {
  APPLY_SLACK,
  BUCKETS,
  DAILY_WANT,
  FRUSTRATION_SMOOTHING,
  GOOD,
  GOOD_STANDING_BLOCKS,
  GOOD_STANDING_STRIKES,
  HOURS_OVERSHOOT,
  HOURS_SPREAD,
  INITIAL_RES_Z,
  INITIAL_TENURE_DAYS,
  NOISE_LEVELS,
  NO_SHOW_LEAD_BASE,
  NO_SHOW_LEAD_SLOPE,
  NO_SHOW_SPREAD,
  OVERRUN_SMOOTHING,
  P,
  PRODUCTIVITY_SPREAD,
  QUEUE_HOURS_PER_OVERLOAD,
  SHORT_OK,
  SPEED_SPREAD,
  STRIKE_DECAY,
  WANTS,
  WINDOW_EARLIEST,
  WINDOW_MEDIAN_HOURS,
  WINDOW_SPREAD,
  WINDOW_START_RANGE,
} from './constants';

/** The behavioural constants, importable from the engine as before (listed on the model page). */
export {
  APPLY_SLACK,
  DAILY_WANT,
  FRUSTRATION_SMOOTHING,
  GOOD_STANDING_BLOCKS,
  GOOD_STANDING_STRIKES,
  HOURS_OVERSHOOT,
  HOURS_SPREAD,
  INITIAL_RES_Z,
  INITIAL_TENURE_DAYS,
  NO_SHOW_LEAD_BASE,
  NO_SHOW_LEAD_SLOPE,
  NO_SHOW_SPREAD,
  OVERRUN_SMOOTHING,
  PRODUCTIVITY_SPREAD,
  QUEUE_HOURS_PER_OVERLOAD,
  SPEED_SPREAD,
  STRIKE_DAYS,
  WINDOW_EARLIEST,
  WINDOW_MEDIAN_HOURS,
  WINDOW_SPREAD,
  WINDOW_START_RANGE,
} from './constants';

/** Thrown when a run is stopped through `RunControl.shouldStop`. */
export class CancelledError extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'Cancelled';
  }
}

export interface RunControl {
  /** Asked once per simulated week; returning true stops the run with CancelledError. */
  shouldStop?: () => boolean;
}

class Simulation {
  readonly p: Params;
  readonly days: number;
  /**
   * The replication's key (at 0) and its attribute streams (at their purpose). They are kept
   * in a typed array, not as fields: a field's representation would follow the key's value
   * (small integer or not) and change from one replication to the next, and each change
   * deoptimises every method of the class.
   */
  readonly streams = new Uint32Array(32);
  readonly rec: Float64Array;
  readonly dr: Drivers;
  readonly bt: BlockTypes;
  readonly waves: Wave[];
  /** Net hourly pay weighed for type t in wave w, at [w * types + t]. */
  readonly waveNet: Float64Array;
  readonly typeOpen: Int32Array;
  readonly typeReserved: Int32Array;
  /** Bit t set: block type t still has blocks in the wave's pool (types are at most 31). */
  openMask = 0;
  /**
   * Block types come in groups of one length (longest first), one type per start slot; net
   * pay depends on the length only, so a wave's net pay is kept per group.
   */
  readonly groups: number;
  readonly groupMask: Int32Array;
  readonly groupNet: Float64Array;

  readonly slotWorked: Int32Array;
  readonly slotWait: Float64Array;
  readonly head = new Int32Array(BUCKETS);
  readonly tail = new Int32Array(BUCKETS);
  readonly ledger: Ledger = {
    demand: 0,
    deliveredOnTime: 0,
    deliveredLate: 0,
    fallback: 0,
    outstanding: 0,
    driverEarnings: 0,
    operatorDriverPay: 0,
    agents: 0,
    byState: [0, 0, 0, 0, 0],
  };
  // derived constants
  readonly load: number;
  readonly baseNet: number;
  readonly minLen: number;
  readonly searchH: number;
  readonly leadNoShow: number;
  readonly fallbackDaily: number;
  readonly learnFloor: number;
  readonly lateFrom: number;
  readonly applicantRate: number;
  readonly initialResQ: number;
  readonly applicantResQ: number;
  readonly noShowNorm: number;
  /** Daily multipliers of the asking wage: lognormal quantiles at (k + 0.5) / NOISE_LEVELS. */
  readonly noiseTable: Float64Array;
  // state carried from day to day
  waitPtr: number;
  onboardPtr: number;
  activeCount: number;
  onboardingCount = 0;
  happyShare = 0.5;
  backlog = 0;
  // today's candidates (drivers looking for work), reallocated only when the pool outgrows them
  nc = 0;
  /** Indices of the active drivers, in increasing order (the first activeCount entries). */
  activeList: Int32Array;
  cand = new Int32Array(0);
  candR = new Float64Array(0);
  candFlags = new Uint8Array(0);
  candType = new Int16Array(0);
  candMult = new Float64Array(0);
  candNext = new Int32Array(0);
  /** Highest pay multiplier at which a candidate found nothing today (0 before any look). */
  candFailMult = new Float64Array(0);
  /** Per candidate: bit t set when block type t fits their window and their week today. */
  candFit = new Int32Array(0);
  /** Per candidate, set for the wave being claimed: the types that fit and pay enough. */
  candChoice = new Int32Array(0);
  hoursScratch = new Float64Array(0);
  /** A new driver's draws for the seven weekdays. */
  readonly dayScratch = new Float64Array(7);
  // today's flows, shared between phases
  fresh = 0;
  sellers = 0;

  constructor(scenario: Scenario, rep: number) {
    // A fresh object of one fixed shape per run: parameter objects built key by key (or sent
    // through postMessage) can be dictionary-mode, which would deoptimise every hot method.
    const p = JSON.parse(JSON.stringify(scenario.params)) as Params;
    this.p = p;
    this.days = scenario.weeks * 7;
    this.streams[0] = replicationKey(scenario.seed, rep);
    this.rec = newRecord(this.days);
    this.bt = blockTypes(p);
    this.waves = offerWaves(p);
    const T = this.bt.count;
    this.waveNet = new Float64Array(this.waves.length * T);
    this.waves.forEach((wave, w) => {
      for (let t = 0; t < T; t++)
        this.waveNet[w * T + t] = offeredNet(p, wave.mult, this.bt.len[t]);
    });
    this.typeOpen = new Int32Array(T);
    this.typeReserved = new Int32Array(T);
    if (T > 31) throw new Error(`at most 31 block types fit a bit mask, got ${T}`);
    const S = SLOT_STARTS.length;
    this.groups = T / S;
    this.groupMask = new Int32Array(this.groups);
    this.groupNet = new Float64Array(this.waves.length * this.groups);
    for (let g = 0; g < this.groups; g++) {
      for (let k = 0; k < S; k++) {
        const t = g * S + k;
        if (this.bt.len[t] !== this.bt.len[g * S]) throw new Error('block types out of order');
        this.groupMask[g] |= 1 << t;
      }
      for (let w = 0; w < this.waves.length; w++) {
        this.groupNet[w * this.groups + g] = this.waveNet[w * T + g * S];
      }
    }
    this.slotWorked = new Int32Array(SLOT_STARTS.length);
    this.slotWait = new Float64Array(SLOT_STARTS.length);

    this.load = p.loadMinutes / 60;
    this.baseNet = offeredNet(p, 1, Math.max(1, p.blockHours));
    this.minLen = this.bt.len[T - 1];
    this.searchH = p.searchMinutes / 60;
    this.leadNoShow = NO_SHOW_LEAD_BASE + NO_SHOW_LEAD_SLOPE * p.releaseLeadDays;
    this.fallbackDaily = Math.round(p.fallbackCapacity * p.demandPerDay);
    this.learnFloor = 1 / (1 + p.learningGain);
    this.lateFrom = Math.max(0, this.days - LONG_RUN_WEEKS * 7);
    this.applicantRate =
      (p.applicantsPerWeek / 7) *
      Math.pow(Math.max(0, this.baseNet) / p.outsideWage, p.supplyElasticity);
    this.initialResQ = normalCdf(INITIAL_RES_Z);
    this.applicantResQ =
      p.outsideWageSpread > 0
        ? normalCdf(
            Math.log((APPLY_SLACK * Math.max(1e-9, this.baseNet)) / p.outsideWage) /
              p.outsideWageSpread,
          )
        : 1;
    this.noShowNorm = Math.exp((NO_SHOW_SPREAD * NO_SHOW_SPREAD) / 2);
    this.noiseTable = new Float64Array(NOISE_LEVELS);
    for (let k = 0; k < NOISE_LEVELS; k++) {
      this.noiseTable[k] = Math.exp(p.wageNoise * normalQuantile((k + 0.5) / NOISE_LEVELS));
    }

    const expectedEntrants = this.applicantRate * (1 + 0.5 * p.wordOfMouth) * this.days;
    this.dr = new Drivers(Math.ceil(p.initialDrivers + 1.3 * expectedEntrants + 64));
    for (const purpose of [
      P.res,
      P.hours,
      P.days,
      P.winStart,
      P.winLen,
      P.speed,
      P.prod,
      P.noShowP,
      P.tenure,
      P.activation,
    ]) {
      this.streams[purpose] = streamKey(this.key, -1, purpose);
    }

    this.activeList = new Int32Array(Math.max(64, p.initialDrivers * 2));
    this.growCandidates();

    const sTenure = this.streams[P.tenure];
    for (let n = 0; n < p.initialDrivers; n++) {
      const i = this.createDriver(true);
      const tenure = Math.floor(uniform(sTenure, i) * INITIAL_TENURE_DAYS);
      this.dr.state[i] = ACTIVE;
      this.activeList[n] = i;
      this.dr.activeDay[i] = -tenure;
      this.dr.blocksDone[i] = Math.min(10 * p.learningBlocks, (tenure / 7) * 2.5);
    }
    this.waitPtr = p.initialDrivers;
    this.onboardPtr = p.initialDrivers;
    this.activeCount = p.initialDrivers;
  }

  get key(): number {
    return this.streams[0];
  }

  at(field: number, d: number): number {
    return field * this.days + d;
  }

  /** Draws the fixed attributes of driver i (same i, same draws, in every scenario). */
  createDriver(initial: boolean): number {
    const { p, dr } = this;
    dr.reserve(1);
    const i = dr.count++;
    const uRes = uniform(this.streams[P.res], i);
    const z = normalQuantile(uRes * (initial ? this.initialResQ : this.applicantResQ));
    dr.res[i] = p.outsideWage * Math.exp(p.outsideWageSpread * z);
    const hours = Math.min(
      60,
      Math.max(
        2,
        p.hoursWanted * Math.exp(HOURS_SPREAD * normalQuantile(uniform(this.streams[P.hours], i))),
      ),
    );
    dr.hoursWanted[i] = hours;
    // Available weekdays: the k days with the smallest keyed draws.
    const k = Math.min(7, Math.max(1, Math.round(hours / 3.5) + 1));
    const dayU = this.dayScratch;
    for (let w = 0; w < 7; w++) dayU[w] = uniform(this.streams[P.days], i * 7 + w);
    let mask = 0;
    for (let j = 0; j < k; j++) {
      let best = -1;
      let bestU = 2;
      for (let w = 0; w < 7; w++) {
        if (mask & (1 << w)) continue;
        const u = dayU[w];
        if (u < bestU) {
          bestU = u;
          best = w;
        }
      }
      mask |= 1 << best;
    }
    dr.dayMask[i] = mask;
    const ws =
      WINDOW_EARLIEST + WINDOW_START_RANGE * Math.pow(uniform(this.streams[P.winStart], i), 1.6);
    const wl = Math.min(
      16,
      Math.max(
        2,
        WINDOW_MEDIAN_HOURS *
          Math.exp(WINDOW_SPREAD * normalQuantile(uniform(this.streams[P.winLen], i))),
      ),
    );
    dr.winStart[i] = ws;
    dr.winEnd[i] = Math.min(24, ws + wl);
    let winFit = 0;
    for (let t = 0; t < this.bt.count; t++) {
      if (this.bt.start[t] >= ws && this.bt.end[t] <= dr.winEnd[i]) winFit |= 1 << t;
    }
    dr.winFit[i] = winFit;
    dr.speed[i] =
      p.checksPerHour * Math.exp(SPEED_SPREAD * normalQuantile(uniform(this.streams[P.speed], i)));
    dr.prodMult[i] = Math.exp(
      PRODUCTIVITY_SPREAD * normalQuantile(uniform(this.streams[P.prod], i)),
    );
    dr.noShowP[i] = Math.min(
      0.9,
      (p.noShowRate *
        Math.exp(NO_SHOW_SPREAD * normalQuantile(uniform(this.streams[P.noShowP], i)))) /
        this.noShowNorm,
    );
    dr.belief[i] = this.baseNet;
    return i;
  }

  /** Step 1: applicants arrive, the waitlist moves under the pool cap, onboarding ends. */
  entry(d: number): void {
    const { p, dr } = this;
    const wom = Math.max(0, 1 + p.wordOfMouth * (this.happyShare - 0.5));
    const arrivals = poissonQuantile(
      this.applicantRate * wom,
      uniform(streamKey(this.key, d, P.arrivals), 0),
    );
    for (let a = 0; a < arrivals; a++) dr.state[this.createDriver(false)] = APPLICANT;
    while (
      this.waitPtr < dr.count &&
      (p.poolCap === 0 || this.activeCount + this.onboardingCount < p.poolCap)
    ) {
      dr.state[this.waitPtr] = ONBOARDING;
      dr.onboardEnd[this.waitPtr] = d + p.onboardingDays;
      this.onboardingCount++;
      this.waitPtr++;
    }
    const sAct = this.streams[P.activation];
    while (this.onboardPtr < this.waitPtr && dr.onboardEnd[this.onboardPtr] <= d) {
      const i = this.onboardPtr++;
      this.onboardingCount--;
      if (uniform(sAct, i) < p.activationShare) {
        dr.state[i] = ACTIVE;
        dr.activeDay[i] = d;
        if (this.activeList.length <= this.activeCount) this.growActiveList();
        this.activeList[this.activeCount++] = i;
        this.rec[this.at(F.joined, d)] += 1;
      } else {
        dr.state[i] = CHURNED;
      }
    }
  }

  /** Steps 2 and 3: today's volume, and blocks planned from the forecast plus the backlog. */
  demandAndPlan(d: number): void {
    const { p, bt } = this;
    const mult = demandMultiplier(d, p.startWeek, p.peakIntensity, p.demandTrend);
    const forecast = p.demandPerDay * mult;
    const err = p.forecastError * normalQuantile(uniform(streamKey(this.key, d, P.demand), 0));
    const fresh = Math.max(0, Math.round(forecast * Math.max(0.05, 1 + err)));
    this.fresh = fresh;
    this.sellers = stochasticRound(
      fresh * p.sellerShare,
      uniform(streamKey(this.key, d, P.seller), 0),
    );
    this.rec[this.at(F.demand, d)] = fresh;
    this.rec[this.at(F.sellerDemand, d)] = this.sellers;
    this.ledger.demand += fresh;

    const need = Math.max(0, (forecast + this.backlog) * (1 + p.capacityBuffer));
    const sPlan = streamKey(this.key, d, P.planRound);
    let offered = 0;
    for (let t = 0; t < bt.count; t++) {
      const n = stochasticRound((need * bt.weight[t]) / bt.cap[t], uniform(sPlan, t));
      this.typeOpen[t] = n;
      this.typeReserved[t] = Math.floor(n * p.reservedShare);
      offered += n;
    }
    this.rec[this.at(F.blocksOffered, d)] = offered;
  }

  /** Step 5a: the active drivers who look for a block today, with today's asking wage. */
  gatherCandidates(d: number): void {
    const { dr } = this;
    if (this.cand.length < dr.count) this.growCandidates();
    const sWant = streamKey(this.key, d, P.want);
    const sNoise = streamKey(this.key, d, P.noise);
    const sShort = streamKey(this.key, d, P.shortNotice);
    const dayBit = 1 << (d % 7);
    const noise = this.noiseTable;
    const shortShare = this.p.shortNoticeShare;
    const baseNet = this.baseNet;
    const minLen = this.minLen;
    const { dayMask, hoursWanted, hoursWeek, res, strikes, blocksDone, winFit } = dr;
    const { cand, candR, candFlags, candType, candFailMult, candFit } = this;
    const activeList = this.activeList;
    const nActive = this.activeCount;
    let nc = 0;
    for (let k = 0; k < nActive; k++) {
      const i = activeList[k];
      if ((dayMask[i] & dayBit) === 0) continue;
      const hw = hoursWeek[i];
      if (hw > 0 && hoursWanted[i] - hw < HOURS_OVERSHOOT * minLen) continue;
      if (uniform(sWant, i) >= DAILY_WANT) continue;
      const r = res[i] * noise[(uniform(sNoise, i) * NOISE_LEVELS) | 0];
      let flags = r <= baseNet ? WANTS : 0;
      if (uniform(sShort, i) < shortShare) flags |= SHORT_OK;
      if (strikes[i] < GOOD_STANDING_STRIKES && blocksDone[i] >= GOOD_STANDING_BLOCKS) {
        flags |= GOOD;
      }
      cand[nc] = i;
      candR[nc] = r;
      candFlags[nc] = flags;
      candType[nc] = -1;
      candFailMult[nc] = 0;
      // Read here, in index order, rather than later in the random order of app checks.
      candFit[nc] =
        hw > 0 ? winFit[i] & this.lengthMask((hoursWanted[i] - hw) / HOURS_OVERSHOOT) : winFit[i];
      nc++;
    }
    this.nc = nc;
  }

  growActiveList(): void {
    const list = new Int32Array(Math.max(64, this.activeList.length * 2));
    list.set(this.activeList);
    this.activeList = list;
  }

  /**
   * The block types no longer than `left` hours (a block fits the week while at least part of
   * it is within the hours wanted). With the driver's window mask (`Drivers.winFit`, types
   * that start and end within the window) this gives the types that fit their day: for one
   * start slot both conditions hold for the shortest few lengths, so the two masks combine
   * by AND.
   */
  lengthMask(left: number): number {
    const S = SLOT_STARTS.length;
    let fit = 0;
    for (let g = 0; g < this.groups; g++) if (this.bt.len[g * S] <= left) fit |= this.groupMask[g];
    return fit;
  }

  /** Sizes the per-candidate arrays to the drivers' capacity (at the start and as entry grows). */
  growCandidates(): void {
    const cap = this.dr.capacity;
    this.cand = new Int32Array(cap);
    this.candR = new Float64Array(cap);
    this.candFlags = new Uint8Array(cap);
    this.candType = new Int16Array(cap);
    this.candMult = new Float64Array(cap);
    this.candNext = new Int32Array(cap);
    this.candFailMult = new Float64Array(cap);
    this.candFit = new Int32Array(cap);
    this.candChoice = new Int32Array(cap);
    this.hoursScratch = new Float64Array(cap);
  }

  /** Steps 4–6: release waves and first-come claiming; returns nothing, records the fill. */
  claim(d: number): void {
    const release = this.waves[0].time;
    let claimed = 0;
    let surged = 0;
    let ttf = 0;
    for (let w = 0; w < this.waves.length; w++) {
      const n = this.orderWave(d, w);
      if (n === 0) continue;
      const wave = this.waves[w];
      const scale = BUCKETS / wave.duration;
      const before = claimed;
      for (let b = 0; b < BUCKETS; b++) {
        const got = this.claimBucket(w, b);
        claimed += got;
        ttf += got * (wave.time - release + (b + 0.5) / scale);
        if (this.nOpen === 0) break;
      }
      if (wave.mult > 1) surged += claimed - before;
    }
    this.rec[this.at(F.blocksClaimed, d)] = claimed;
    this.rec[this.at(F.blocksSurged, d)] = surged;
    this.rec[this.at(F.timeToFillSum, d)] = ttf;
  }

  nOpen = 0;

  /**
   * Finds the open types of wave w and sorts the drivers who check during the wave into
   * buckets by when they check (first come, first served). A driver for whom no open type
   * both fits and pays enough is not bucketed: they would find nothing whenever they checked,
   * since blocks only go in the wave. Returns how many types are open (0: nothing to do).
   */
  orderWave(d: number, w: number): number {
    const wave = this.waves[w];
    const T = this.bt.count;
    const pool = wave.reservedOnly ? this.typeReserved : this.typeOpen;
    const netRow = w * T;
    let nOpen = 0;
    let open = 0;
    let bestNet = -Infinity;
    for (let t = 0; t < T; t++) {
      if (pool[t] <= 0) continue;
      nOpen++;
      open |= 1 << t;
      if (this.waveNet[netRow + t] > bestNet) bestNet = this.waveNet[netRow + t];
    }
    this.nOpen = nOpen;
    this.openMask = open;
    if (nOpen === 0) return 0;
    const { head, tail, cand, candR, candFlags, candType, candFailMult, candNext } = this;
    const { candFit, candChoice, groupMask, groupNet } = this;
    const G = this.groups;
    const groupRow = w * G;
    const speed = this.dr.speed;
    head.fill(-1);
    tail.fill(-1);
    const required = wave.reservedOnly ? GOOD : 0;
    const shortNotice = wave.shortNotice;
    const mult = wave.mult;
    const duration = wave.duration;
    const scale = BUCKETS / duration;
    const sDelay = streamKey(this.key, d, P.delay + w);
    for (let c = 0; c < this.nc; c++) {
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
    return nOpen;
  }

  /**
   * The drivers of one bucket claim, in order, the longest open block that fits their day and
   * week and pays at least their asking wage (the lowest bit of their choice mask still open).
   */
  claimBucket(w: number, b: number): number {
    const wave = this.waves[w];
    const bt = this.bt;
    const pool = wave.reservedOnly ? this.typeReserved : this.typeOpen;
    const hoursWeek = this.dr.hoursWeek;
    const { cand, candType, candMult, candNext, candFailMult, candChoice } = this;
    let open = this.openMask;
    let got = 0;
    for (let c = this.head[b]; c !== -1 && open !== 0; c = candNext[c]) {
      const choice = candChoice[c] & open;
      if (choice === 0) {
        // The open wave adds blocks at the same pay, so a miss in the reserved wave does not count.
        if (!wave.reservedOnly) candFailMult[c] = wave.mult;
        continue;
      }
      const t = 31 - Math.clz32(choice & -choice);
      this.typeOpen[t]--;
      if (wave.reservedOnly) this.typeReserved[t]--;
      if (pool[t] <= 0) {
        open &= ~(1 << t);
        this.nOpen--;
      }
      candType[c] = t;
      candMult[c] = wave.mult;
      hoursWeek[cand[c]] += bt.len[t];
      got++;
    }
    this.openMask = open;
    return got;
  }

  /**
   * Step 7a: no-shows (a no-show's type is kept as -2 - t) and the station queue per start
   * slot. Returns the route capacity of the blocks that are worked.
   */
  noShowsAndQueue(d: number): number {
    const { dr, bt, candType, cand, slotWorked } = this;
    const sNoShow = streamKey(this.key, d, P.noShow);
    slotWorked.fill(0);
    let capacity = 0;
    let worked = 0;
    let noShows = 0;
    for (let c = 0; c < this.nc; c++) {
      const t = candType[c];
      if (t < 0) continue;
      const i = cand[c];
      if (uniform(sNoShow, i) < dr.noShowP[i] * this.leadNoShow) {
        candType[c] = -2 - t;
        dr.strikes[i] += 1;
        dr.hoursWeek[i] -= bt.len[t];
        noShows++;
        continue;
      }
      slotWorked[bt.slot[t]]++;
      capacity += bt.cap[t];
      worked++;
    }
    for (let s = 0; s < SLOT_STARTS.length; s++) {
      this.slotWait[s] =
        this.load +
        QUEUE_HOURS_PER_OVERLOAD * Math.max(0, slotWorked[s] / this.p.loadingPerHalfHour - 1);
    }
    this.rec[this.at(F.noShows, d)] = noShows;
    this.rec[this.at(F.blocksWorked, d)] = worked;
    return capacity;
  }

  /**
   * Step 7b and 8: routes are loaded (backlog first) up to the capacity that showed up, each
   * driver delivers at their own productivity, overruns or returns packages, and is paid.
   * Returns the packages delivered.
   */
  routes(d: number, loaded: number, capacity: number): number {
    const { p, dr, bt, candType, cand, candMult, slotWait } = this;
    const rho = capacity > 0 ? loaded / capacity : 0;
    let remainder = loaded;
    for (let c = 0; c < this.nc; c++) {
      const t = candType[c];
      if (t >= 0) remainder -= Math.floor(bt.cap[t] * rho);
    }
    const sFail = streamKey(this.key, d, P.fail);
    const payPerHour = p.payPerHour;
    const tipsPerHour = p.tipsPerHour;
    const vehiclePerRouteHour = p.vehicleCostPerMile * p.milesPerHour;
    const productivity = p.productivity;
    const learningBlocks = p.learningBlocks;
    const maxOverrun = p.maxOverrunHours;
    const failRate = p.failedAttemptRate;
    const wageFloor = p.wageFloor;
    const safePace = p.safePace;
    const alpha = p.beliefSmoothing;
    const learnFloor = this.learnFloor;
    const searchH = this.searchH;
    const late = d >= this.lateFrom;
    let delivered = 0;
    let payBase = 0;
    let paySurge = 0;
    let payTips = 0;
    let netSum = 0;
    let paidHours = 0;
    let workHours = 0;
    let idleHours = 0;
    let overrunHours = 0;
    let attemptedSum = 0;
    let failedSum = 0;
    let returnedSum = 0;
    let belowFloor = 0;
    let unsafe = 0;
    for (let c = 0; c < this.nc; c++) {
      const t = candType[c];
      if (t < 0) continue;
      const i = cand[c];
      const len = bt.len[t];
      const cap = bt.cap[t];
      let route = Math.floor(cap * rho);
      if (remainder > 0 && route < cap) {
        route++;
        remainder--;
      }
      const done = dr.blocksDone[i];
      const experience = done >= learningBlocks ? 1 : done / learningBlocks;
      const prod = productivity * dr.prodMult[i] * (learnFloor + (1 - learnFloor) * experience);
      const wait = slotWait[bt.slot[t]];
      const needed = wait + route / prod;
      let returned = 0;
      let overrun = 0;
      let time = needed;
      if (needed > len) {
        overrun = needed - len < maxOverrun ? needed - len : maxOverrun;
        time = len + overrun;
        if (needed - len > maxOverrun) {
          returned = Math.min(route, Math.round((needed - len - maxOverrun) * prod));
        }
      } else {
        idleHours += len - needed;
      }
      const attempted = route - returned;
      const failed = stochasticRound(attempted * failRate, uniform(sFail, i));
      delivered += attempted - failed;
      const base = payPerHour * len;
      const surge = payPerHour * (candMult[c] - 1) * len;
      const tips = tipsPerHour * len;
      const net = base + surge + tips - vehiclePerRouteHour * (time > wait ? time - wait : 0);
      payBase += base;
      paySurge += surge;
      payTips += tips;
      if (late) {
        dr.netLate[i] += net;
        dr.timeLate[i] += time + searchH;
      }
      dr.earned[i] += base + surge + tips;
      netSum += net;
      paidHours += len;
      workHours += time;
      overrunHours += overrun;
      attemptedSum += attempted;
      failedSum += failed;
      returnedSum += returned;
      if (net < wageFloor * time) belowFloor += time;
      if (route > safePace * (len - wait > 0.25 ? len - wait : 0.25)) unsafe++;
      // learning by doing, beliefs about earnings, memory of overruns
      dr.blocksDone[i] = done + 1;
      dr.workedWeek[i] = 1;
      dr.belief[i] = (1 - alpha) * dr.belief[i] + alpha * (net / (time + searchH));
      dr.overrunAvg[i] = (1 - OVERRUN_SMOOTHING) * dr.overrunAvg[i] + OVERRUN_SMOOTHING * overrun;
    }
    const rec = this.rec;
    rec[this.at(F.payBase, d)] = payBase;
    rec[this.at(F.paySurge, d)] = paySurge;
    rec[this.at(F.payTips, d)] = payTips;
    rec[this.at(F.netEarnings, d)] = netSum;
    rec[this.at(F.paidHours, d)] = paidHours;
    rec[this.at(F.workHours, d)] = workHours;
    rec[this.at(F.idleHours, d)] = idleHours;
    rec[this.at(F.overrunHours, d)] = overrunHours;
    rec[this.at(F.attempted, d)] = attemptedSum;
    rec[this.at(F.failed, d)] = failedSum;
    rec[this.at(F.returned, d)] = returnedSum;
    rec[this.at(F.belowFloorHours, d)] = belowFloor;
    rec[this.at(F.unsafeBlocks, d)] = unsafe;
    this.ledger.operatorDriverPay += payBase + paySurge + payTips;
    return delivered;
  }

  /**
   * Steps 6–8 for packages: what showed up is loaded (backlog first), the rest goes to the
   * fallback carrier within its capacity or rolls over late; deliveries split into on time
   * and late in proportion to what was loaded; marketplace packages are left off first in
   * proportion to the first-party priority.
   */
  execute(d: number): void {
    const { p, rec } = this;
    const capacity = this.noShowsAndQueue(d);
    const fresh = this.fresh;
    const backlog = this.backlog;
    const loaded = Math.min(backlog + fresh, capacity);
    const backlogLoaded = Math.min(backlog, loaded);
    const freshLoaded = loaded - backlogLoaded;
    const freshUnloaded = fresh - freshLoaded;
    const toFallback = Math.min(freshUnloaded, this.fallbackDaily);
    const rolledFresh = freshUnloaded - toFallback;
    const delivered = this.routes(d, loaded, capacity);
    const backlogDelivered = loaded > 0 ? Math.round((delivered * backlogLoaded) / loaded) : 0;
    const onTime = delivered - backlogDelivered;
    const freshRouteMiss = freshLoaded - onTime;
    this.backlog = backlog - backlogLoaded + rolledFresh + (loaded - delivered);

    const sellers = this.sellers;
    const share = fresh > 0 ? sellers / fresh : 0;
    const q = Math.min(1, share + p.firstPartyPriority * (1 - share));
    const sellerUnloaded = Math.min(sellers, Math.round(freshUnloaded * q));
    const sellerFallback =
      freshUnloaded > 0 ? Math.round((toFallback * sellerUnloaded) / freshUnloaded) : 0;
    const sellerLoaded = sellers - sellerUnloaded;
    const sellerRouteMiss =
      freshLoaded > 0 ? Math.round((freshRouteMiss * sellerLoaded) / freshLoaded) : 0;
    rec[this.at(F.onTime, d)] = onTime;
    rec[this.at(F.sellerOnTime, d)] = sellers - (sellerUnloaded - sellerFallback) - sellerRouteMiss;
    rec[this.at(F.fallback, d)] = toFallback;
    rec[this.at(F.lateDelivered, d)] = backlogDelivered;
    rec[this.at(F.missed, d)] = rolledFresh + freshRouteMiss;
    rec[this.at(F.fallbackCost, d)] = toFallback * p.fallbackCostPerPackage;
    rec[this.at(F.overheadCost, d)] = rec[this.at(F.blocksWorked, d)] * p.stationOverheadPerBlock;
    this.ledger.deliveredOnTime += onTime;
    this.ledger.deliveredLate += backlogDelivered;
    this.ledger.fallback += toFallback;
  }

  /** Drivers who wanted work: search time, and frustration for those who got none. */
  frustration(d: number): void {
    const { dr, cand, candFlags, candType } = this;
    const late = d >= this.lateFrom;
    const searchH = this.searchH;
    let searching = 0;
    let wanted = 0;
    let frustrated = 0;
    for (let c = 0; c < this.nc; c++) {
      const fl = candFlags[c];
      const got = candType[c] !== -1;
      if ((fl & WANTS) === 0 && !got) continue;
      searching++;
      if ((fl & WANTS) === 0) continue;
      const i = cand[c];
      wanted++;
      const miss = got ? 0 : 1;
      frustrated += miss;
      dr.frustration[i] =
        (1 - FRUSTRATION_SMOOTHING) * dr.frustration[i] + FRUSTRATION_SMOOTHING * miss;
      if (miss && late) dr.timeLate[i] += searchH;
    }
    this.rec[this.at(F.searchHours, d)] = searching * searchH;
    this.rec[this.at(F.wantedDays, d)] = wanted;
    this.rec[this.at(F.frustratedDays, d)] = frustrated;
  }

  /** Step 9: strikes fade; repeated no-shows deactivate; dissatisfaction raises churn. */
  churn(d: number): void {
    const { p, dr } = this;
    const { state, strikes, activeDay, res, belief, frustration, overrunAvg } = dr;
    const sChurn = streamKey(this.key, d, P.churn);
    const baseChurn = p.baseChurn;
    const gapChurn = p.wageGapChurn;
    const frustChurn = p.frustrationChurn;
    const overChurn = p.overrunChurn;
    const toDeactivate = p.strikesToDeactivate;
    let happy = 0;
    let churned = 0;
    let deactivated = 0;
    let youngExposure = 0;
    let youngExits = 0;
    // Survivors are compacted in place, so the active list stays in index order.
    const activeList = this.activeList;
    const nActive = this.activeCount;
    let kept = 0;
    for (let k = 0; k < nActive; k++) {
      const i = activeList[k];
      const s = strikes[i] * STRIKE_DECAY;
      strikes[i] = s;
      const young = d - activeDay[i] < 90;
      if (young) youngExposure++;
      if (s >= toDeactivate) {
        state[i] = DEACTIVATED;
        deactivated++;
        if (young) youngExits++;
        continue;
      }
      const r = res[i];
      const gap = r > belief[i] ? (r - belief[i]) / r : 0;
      const hazard =
        baseChurn + gapChurn * gap + frustChurn * frustration[i] + overChurn * overrunAvg[i];
      if (uniform(sChurn, i) * 7 < hazard) {
        state[i] = CHURNED;
        churned++;
        if (young) youngExits++;
        continue;
      }
      if (gap === 0 && frustration[i] < 0.5) happy++;
      activeList[kept++] = i;
    }
    this.activeCount = kept;
    this.happyShare = this.activeCount > 0 ? happy / this.activeCount : 0.5;
    const rec = this.rec;
    rec[this.at(F.churned, d)] = churned;
    rec[this.at(F.deactivated, d)] = deactivated;
    rec[this.at(F.youngExposure, d)] = youngExposure;
    rec[this.at(F.youngExits, d)] = youngExits;
    rec[this.at(F.active, d)] = this.activeCount;
  }

  /** The week's Gini of paid hours over drivers active at its end or who worked in it. */
  weekEnd(d: number): void {
    const { dr } = this;
    if (this.hoursScratch.length < dr.count) this.hoursScratch = new Float64Array(dr.capacity);
    const { state, hoursWeek, workedWeek } = dr;
    const scratch = this.hoursScratch;
    let n = 0;
    for (let i = 0; i < dr.count; i++) {
      if (state[i] === ACTIVE || workedWeek[i] === 1) scratch[n++] = hoursWeek[i];
      hoursWeek[i] = 0;
      workedWeek[i] = 0;
    }
    this.rec[this.at(F.gini, d)] = gini(scratch.subarray(0, n));
  }

  day(d: number): void {
    this.entry(d);
    this.demandAndPlan(d);
    this.gatherCandidates(d);
    this.claim(d);
    this.execute(d);
    this.frustration(d);
    this.churn(d);
    if (d % 7 === 6) this.weekEnd(d);
  }

  closeLedger(): void {
    const { dr, ledger } = this;
    ledger.outstanding = this.backlog;
    ledger.agents = dr.count;
    for (let i = 0; i < dr.count; i++) {
      ledger.byState[dr.state[i] as 0 | 1 | 2 | 3 | 4]++;
      ledger.driverEarnings += dr.earned[i];
    }
  }
}

/** Simulates replication `rep` of a scenario. */
export function runReplication(
  scenario: Scenario,
  rep: number,
  control: RunControl = {},
): ReplicationResult {
  const sim = new Simulation(scenario, rep);
  for (let d = 0; d < sim.days; d++) {
    if (d % 7 === 0 && control.shouldStop?.()) throw new CancelledError();
    sim.day(d);
  }
  sim.closeLedger();
  return buildResult(scenario, rep, sim.rec, sim.dr, sim.ledger);
}

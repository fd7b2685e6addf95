/**
 * The engine's state for one replication: the drivers, the day's plan, candidates and record,
 * and the quantities derived from the parameters, in typed arrays allocated once per run.
 *
 * One class, every field assigned in the constructor, so that every run's state has one shape
 * and the phases of the day (functions over this state, one module each) stay monomorphic: a
 * change of shape between runs would deoptimise them all.
 */
import type { Params } from '../model/params';
import type { Ledger } from '../model/results';
import type { Scenario } from '../model/scenario';
import {
  SLOT_STARTS,
  blockTypes,
  offerWaves,
  offeredNet,
  type BlockTypes,
  type Wave,
} from './blocks';
import {
  APPLY_SLACK,
  ATTRIBUTE_DAY,
  BUCKETS,
  INITIAL_RES_Z,
  MAX_BLOCKS_PER_DAY,
  MAX_WAIT_DAYS,
  NO_SHOW_LEAD_BASE,
  NO_SHOW_LEAD_SLOPE,
  NO_SHOW_SPREAD,
  P,
  REALISED_REF,
  SEARCH_REF_RATIO,
} from './constants';
import { float64, int16, int32, recycle, uint8 } from './buffers';
import { Drivers } from './drivers';
import { setupSplit } from './experiment';
import { peakWeeks, recruitmentRamp } from './ramp';
import { normalCdf } from '../model/normal';
import { replicationKey, streamKey } from './random';
import { longRunDays } from '../model/periods';
import { MAX_DRIVERS, SIGNUP_HEADROOM } from '../model/run-budget';
import { newRecord } from './record';
import { lengthGroups, noiseTable, waveNetTable } from './tables';

/**
 * The drivers a run's arrays hold room for: its starting drivers and its expected sign-ups. A
 * run's sign-ups run above the estimate by up to the run budget's SIGNUP_HEADROOM (the
 * recruitment ramp, word of mouth, realised pay heard): room for them, so that its arrays are
 * not regrown mid-run (1.3 left the metro one regrowth short). A warm-up (`startDrivers` < 0,
 * from the initial pool) has no ramp and keeps 1.3.
 */
function roomFor(s: SimState, weeks: number, startDrivers: number): number {
  const p = s.p;
  const ramp = s.recruitWeek.reduce((a, b) => a + b, 0) / Math.max(1, weeks);
  const expectedEntrants = s.applicantRate * ramp * (1 + 0.5 * p.wordOfMouth) * s.days;
  return startDrivers < 0
    ? driverRoom(p.initialDrivers, expectedEntrants, 1.3)
    : driverRoom(startDrivers, expectedEntrants, SIGNUP_HEADROOM);
}

/**
 * The purposes of the draws fixed at a driver's creation (keyed by driver, not by day), on
 * streams keyed at ATTRIBUTE_DAY, a day no run nor warm-up reaches.
 */
export const ATTRIBUTE_PURPOSES = [
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
] as const;

/**
 * The first value of the state's fields that hold fractions: a double, not a small integer.
 * V8 gives a field the representation of its first value; a field that starts as a small
 * integer (0) and later takes a fraction changes the object's hidden class, and with it
 * started (measured with `node --trace-deopt` on the metro) a daily phase's optimised code
 * deoptimising at its first store to the state after its loop on every call ("wrong map",
 * `churn` or `payRoutes`), in every process (docs/ARCHITECTURE.md). Each field is set to its
 * real starting value in the constructor.
 */
const DOUBLE = Number.NaN;

/** An empty ledger whose sums are doubles from the start (see DOUBLE). */
function emptyLedger(): Ledger {
  const ledger: Ledger = {
    openingBacklog: DOUBLE,
    openingActive: DOUBLE,
    demand: DOUBLE,
    deliveredOnTime: DOUBLE,
    deliveredLate: DOUBLE,
    fallback: DOUBLE,
    outstanding: DOUBLE,
    driverEarnings: DOUBLE,
    operatorDriverPay: DOUBLE,
    agents: DOUBLE,
    byState: [0, 0, 0, 0, 0],
  };
  ledger.openingBacklog = 0;
  ledger.openingActive = 0;
  ledger.demand = 0;
  ledger.deliveredOnTime = 0;
  ledger.deliveredLate = 0;
  ledger.fallback = 0;
  ledger.outstanding = 0;
  ledger.driverEarnings = 0;
  ledger.operatorDriverPay = 0;
  ledger.agents = 0;
  return ledger;
}

export class SimState {
  readonly p: Params;
  readonly days: number;
  /** The first simulated day: 0 for a run, negative for its warm-up (src/sim/warmup.ts). */
  readonly firstDay: number;
  /**
   * The replication's key (at 0) and its attribute streams (at their purpose). They are kept
   * in a typed array, not as fields: a field's representation would follow the key's value
   * (small integer or not) and change from one replication to the next, and each change
   * deoptimises every function that reads the state.
   */
  readonly streams = new Uint32Array(32);
  /** The daily record (src/sim/record.ts): field f on day d at [f * days + d]. */
  readonly rec: Float64Array;
  readonly dr: Drivers;
  readonly bt: BlockTypes;
  readonly waves: Wave[];
  /** Net hourly pay weighed for type t in wave w, at [w * types + t], today (peak or not). */
  waveNet: Float64Array;
  /** Today's blocks of each type still unclaimed, and of those the reserved ones. */
  readonly typeOpen: Int32Array;
  readonly typeReserved: Int32Array;
  /** Bit t set: block type t still has blocks in the wave's pool (types are at most 31). */
  openMask = 0;
  /** How many block types still have blocks in the wave's pool. */
  nOpen = 0;
  /** The groups of block types of one length (src/sim/tables.ts `lengthGroups`). */
  readonly groups: number;
  readonly groupMask: Int32Array;
  readonly groupLen: Float64Array;
  groupNet: Float64Array;
  /** The two sets of wave net tables: off-peak, and in peak weeks (with `peakPayPremium`). */
  readonly waveNetOff: Float64Array;
  readonly groupNetOff: Float64Array;
  readonly waveNetPeak: Float64Array;
  readonly groupNetPeak: Float64Array;
  /** Per simulated week: 1 in a calendar peak week; the applicant intake multiplier (ramp). */
  readonly peakWeek: Uint8Array;
  readonly recruitWeek: Float64Array;
  /** Today's base pay per block hour and net of a typical block (peak premium included). */
  payToday = 0.5;
  baseNetToday = 0.5;

  /** Per start slot: blocks worked today, and the station wait (h) before loading. */
  readonly slotWorked: Int32Array;
  readonly slotWait: Float64Array;
  /** Per time bucket of a wave: the first and last candidate checking in it. */
  readonly head = new Int32Array(BUCKETS);
  readonly tail = new Int32Array(BUCKETS);
  readonly ledger: Ledger = emptyLedger();
  // derived constants
  readonly load: number;
  readonly baseNet: number;
  readonly minLen: number;
  readonly searchH: number;
  readonly leadNoShow: number;
  readonly fallbackDaily: number;
  readonly learnFloor: number;
  /** Vehicle cost per route hour. */
  readonly vehiclePerRouteHour: number;
  /** 1 on the days of the long-run weeks (src/sim/periods.ts), where late earnings count. */
  readonly lateDays: Uint8Array;
  readonly applicantRate: number;
  readonly initialResQ: number;
  readonly applicantResQ: number;
  readonly noShowNorm: number;
  /** Daily multipliers of the asking wage: lognormal quantiles at (k + 0.5) / NOISE_LEVELS. */
  readonly noiseTable: Float64Array;
  // state carried from day to day
  waitPtr = 0;
  onboardPtr = 0;
  activeCount = 0;
  onboardingCount = 0;
  happyShare = 0.5;
  /**
   * The first driver whose sign-up cohort has not closed yet (src/sim/entry.ts `closeCohort`);
   * carried from the warm-up so that the drivers who left before it may be dropped from the
   * run's first Monday (src/sim/compact.ts).
   */
  cohortPtr = 0;
  /** Bit t set when block type t has blocks in today's plan. */
  plannedMask = 0;
  /** Net hourly drivers expect: the offered net pay plus last week's surge premium. */
  expectedNet = DOUBLE;
  /** Last week's surge pay as a share of base pay. */
  surgeSeen = DOUBLE;
  /** Today's unpaid search time (h) per driver looking (src/sim/supply.ts `searchTime`). */
  searchHDay = DOUBLE;
  /** Drivers wanting a block per block offered, smoothed over about a week. */
  competition = DOUBLE;
  /** Realised net hourly of current drivers (search included), smoothed: word of mouth. */
  realisedNet = DOUBLE;
  /** Packages waiting at the station by age: [a] have waited a + 1 days (up to MAX_WAIT_DAYS). */
  readonly backlogAge = new Float64Array(MAX_WAIT_DAYS);
  // today's candidates (drivers looking for work), reallocated only when the pool outgrows them
  nc = 0;
  /** Indices of the active drivers, in increasing order (the first activeCount entries). */
  activeList: Int32Array;
  /** Per candidate: the driver, and today's asking wage (net $/h). */
  cand = new Int32Array(0);
  candR = new Float64Array(0);
  /** The candidates who looked for work today (before surge recruits and further blocks). */
  ncLooking = 0;
  /** Whether today's drivers not looking were drawn in by surge pay yet (0 or 1). */
  surgeDrawn = 0;
  /** Per candidate: WANTS, GOOD, RESERVED, SURGE_ONLY, EXTRA (src/sim/constants.ts). */
  candFlags = new Uint8Array(0);
  /** Per candidate: free for a block offered h hours ahead while below `availability(h)`. */
  candAvail = new Float64Array(0);
  /** Per candidate: the block type claimed (-1 none yet; -2 - t a no-show for type t). */
  candType = new Int16Array(0);
  /** Per candidate: the pay multiplier of the wave they claimed in. */
  candMult = new Float64Array(0);
  /** Per candidate: the next candidate in the same time bucket of the wave (-1 the last). */
  candNext = new Int32Array(0);
  /** Highest pay multiplier at which a candidate found nothing today (0 before any look). */
  candFailMult = new Float64Array(0);
  /** Per candidate: bit t set when block type t fits their window and their week today. */
  candFit = new Int32Array(0);
  /** Per candidate, set for the wave being claimed: the types that fit and pay enough. */
  candChoice = new Int32Array(0);
  /**
   * The candidates a later wave may still offer a block to (not claimed, not ruled out for
   * the day), in increasing order: the first `nLive` entries, covering candidates below
   * `liveEnd`; those from `liveEnd` to `nc` were added since (claim.ts).
   */
  live = new Int32Array(0);
  nLive = 0;
  liveEnd = 0;
  /**
   * Active drivers not looking for work today whose draw makes them free if surge pay draws
   * them in (the first `nIdle` entries, in index order; candidates.ts, surge-supply.ts).
   */
  idle = new Int32Array(0);
  nIdle = 0;
  /** The candidates who work a block today (who claimed one and showed up), in order. */
  workers = new Int32Array(0);
  nWorkers = 0;
  /** Per candidate who works a block: the hours it took. */
  candTime = new Float64Array(0);
  hoursScratch = new Float64Array(0);
  /** A new driver's draws for the seven weekdays. */
  readonly dayScratch = new Float64Array(7);
  // today's flows, shared between phases
  fresh = 0;
  sellers = 0;
  /**
   * Told of each offer wave once its claiming is done (src/sim/claim.ts): set only while a
   * replay records a day (src/sim/replay.ts), null in every ordinary run.
   */
  waveTap: ((s: SimState, d: number, w: number) => void) | null = null;
  // A split experiment (src/sim/experiment.ts); xSplit 0 (none) leaves every phase as before.
  /** 0 none, 1 drivers, 2 block types, 3 both. */
  xSplit = 0;
  /** Share of drivers and of a day's block types treated. */
  xShare = 0;
  /** Bit t set: block type t is treated today. */
  xTypes = 0;
  /** The treatment's pay per hour less the control's: today's, and off-peak. */
  xPayDelta = 0;
  xPayDeltaOff = 0;
  /** What a treated driver expects the treatment to add to an hour's net pay. */
  xShift = 0;
  /** The treatment's pay multiplier per wave. */
  xMultT: Float64Array = new Float64Array(0);
  /** The treatment's wave and group net tables, as `waveNet`, `groupNet` (today's, off, peak). */
  waveNetT: Float64Array = new Float64Array(0);
  groupNetT: Float64Array = new Float64Array(0);
  waveNetTOff: Float64Array = new Float64Array(0);
  waveNetTPeak: Float64Array = new Float64Array(0);
  groupNetTOff: Float64Array = new Float64Array(0);
  groupNetTPeak: Float64Array = new Float64Array(0);
  /** Per driver: 1 treated (drawn at setup for the drivers' first room). */
  xArm: Uint8Array = new Uint8Array(0);
  /** The treated tallies, X_ROWS rows of one value per day (src/sim/experiment.ts `X`). */
  xRec: Float64Array = new Float64Array(0);

  /**
   * A run's state before its first day, with no drivers yet (see `seedInitialPool`, and
   * src/sim/warmup.ts for a run that takes over a warmed state). A warm-up's state starts at
   * `firstDay` < 0 and runs to day -1. `startDrivers`: the drivers it will hold before its
   * first day (a run: the warmed state's sign-ups, src/sim/warmup.ts), so that their arrays
   * are allocated once with room for the run's sign-ups, not regrown as the run goes.
   */
  constructor(scenario: Scenario, rep: number, firstDay = 0, startDrivers = -1) {
    // A fresh object of one fixed shape per run: parameter objects built key by key (or sent
    // through postMessage) can be dictionary-mode, which would deoptimise every hot function.
    const p = JSON.parse(JSON.stringify(scenario.params)) as Params;
    this.p = p;
    this.days = scenario.weeks * 7;
    this.firstDay = firstDay;
    this.streams[0] = replicationKey(scenario.seed, rep);
    for (const purpose of ATTRIBUTE_PURPOSES) {
      this.streams[purpose] = streamKey(this.streams[0], ATTRIBUTE_DAY, purpose);
    }
    this.rec = newRecord(this.days);
    this.bt = blockTypes(p);
    this.waves = offerWaves(p);
    const T = this.bt.count;
    this.waveNetOff = waveNetTable(p, this.waves, this.bt);
    const peakP = { ...p, payPerHour: p.payPerHour * (1 + p.peakPayPremium) };
    this.waveNetPeak = waveNetTable(peakP, this.waves, this.bt);
    this.typeOpen = new Int32Array(T);
    this.typeReserved = new Int32Array(T);
    const groups = lengthGroups(this.bt, this.waveNetOff, this.waves.length);
    this.groups = groups.count;
    this.groupMask = groups.mask;
    this.groupLen = groups.len;
    this.groupNetOff = groups.net;
    this.groupNetPeak = lengthGroups(this.bt, this.waveNetPeak, this.waves.length).net;
    this.waveNet = this.waveNetOff;
    this.groupNet = this.groupNetOff;
    this.peakWeek = peakWeeks(p, scenario.weeks);
    this.recruitWeek = recruitmentRamp(p, scenario.weeks);
    this.slotWorked = new Int32Array(SLOT_STARTS.length);
    this.slotWait = new Float64Array(SLOT_STARTS.length);

    this.load = p.loadMinutes / 60;
    this.baseNet = offeredNet(p, 1, Math.max(1, p.blockHours));
    this.payToday = p.payPerHour;
    this.baseNetToday = this.baseNet;
    this.minLen = this.bt.len[T - 1];
    this.searchH = p.searchMinutes / 60;
    this.surgeSeen = 0;
    this.searchHDay = this.searchH;
    this.competition = SEARCH_REF_RATIO;
    this.expectedNet = this.baseNet;
    this.realisedNet = REALISED_REF * this.baseNet;
    this.leadNoShow = NO_SHOW_LEAD_BASE + NO_SHOW_LEAD_SLOPE * p.releaseLeadDays;
    this.fallbackDaily = Math.round(p.fallbackCapacity * p.demandPerDay);
    this.learnFloor = 1 / (1 + p.learningGain);
    this.vehiclePerRouteHour = p.vehicleCostPerMile * p.milesPerHour;
    this.lateDays = longRunDays(p.startWeek, scenario.weeks);
    this.applicantRate =
      (p.applicantsPerWeek / 7) *
      Math.pow(Math.max(0, this.baseNet) / p.outsideWage, p.supplyElasticity);
    this.initialResQ = normalCdf(INITIAL_RES_Z);
    this.applicantResQ = applicantCut(p, this.baseNet);
    this.noShowNorm = Math.exp((NO_SHOW_SPREAD * NO_SHOW_SPREAD) / 2);
    this.noiseTable = noiseTable(p.wageNoise);

    this.dr = new Drivers(roomFor(this, scenario.weeks, startDrivers));
    this.activeList = new Int32Array(Math.max(64, p.initialDrivers * 2));
    this.growCandidates();
    setupSplit(this, scenario.experiment, this.days);
  }

  /**
   * Sizes the per-candidate arrays to the active list's room, with room for each active
   * driver's blocks of a day (at the start and as the pool grows).
   */
  growCandidates(): void {
    recycle(this.candidateArrays());
    const cap = MAX_BLOCKS_PER_DAY * this.activeList.length;
    this.cand = int32(cap);
    this.candR = float64(cap);
    this.candFlags = uint8(cap);
    this.candAvail = float64(cap);
    this.candType = int16(cap);
    this.candMult = float64(cap);
    this.candNext = int32(cap);
    this.candFailMult = float64(cap);
    this.candFit = int32(cap);
    this.candChoice = int32(cap);
    this.live = int32(cap);
    this.idle = int32(this.activeList.length);
    this.workers = int32(cap);
    this.candTime = float64(cap);
    this.hoursScratch = float64(this.dr.capacity);
  }

  /** The per-candidate arrays and the weekly scratch (`growCandidates`). */
  private candidateArrays(): (Float64Array | Int32Array | Int16Array | Uint8Array)[] {
    return [
      this.cand,
      this.candR,
      this.candFlags,
      this.candAvail,
      this.candType,
      this.candMult,
      this.candNext,
      this.candFailMult,
      this.candFit,
      this.candChoice,
      this.live,
      this.idle,
      this.workers,
      this.candTime,
      this.hoursScratch,
    ];
  }

  /**
   * Hands the drivers' and candidates' arrays back for later runs of this thread
   * (src/sim/buffers.ts), once nothing reads this state any more: its result built, or its
   * warmed state copied out.
   */
  release(): void {
    this.dr.release();
    recycle(this.candidateArrays());
  }

  /** Packages waiting at the station, whatever their age. */
  get backlog(): number {
    let total = 0;
    for (let a = 0; a < this.backlogAge.length; a++) total += this.backlogAge[a];
    return total;
  }

  /** Doubles the room of the active list. */
  growActiveList(): void {
    const list = new Int32Array(Math.max(64, this.activeList.length * 2));
    list.set(this.activeList);
    this.activeList = list;
  }
}

/**
 * The quantile of the outside-wage distribution below which applicants' reservation wages are
 * drawn: people asking more than APPLY_SLACK times the advertised net pay do not apply.
 */
export function applicantCut(p: Params, baseNet: number): number {
  return p.outsideWageSpread > 0
    ? normalCdf(
        Math.log((APPLY_SLACK * Math.max(1e-9, baseNet)) / p.outsideWage) / p.outsideWageSpread,
      )
    : 1;
}

/**
 * The drivers' first room: the `initial` drivers of the first day (the seeded pool, or the
 * warmed state a run takes over) and the sign-ups expected over the days with a `headroom`, a
 * quarter million sign-ups at most, growing by a quarter (src/sim/drivers.ts `GROWTH`) up to
 * the run's bound (src/model/run-budget.ts, where a run that needs more stops), so a runaway
 * scenario stops on its first day without allocating for billions of drivers.
 */
function driverRoom(initial: number, expectedEntrants: number, headroom: number): number {
  const room = Math.min(
    initial + 256 * 1024,
    MAX_DRIVERS + 64,
    initial + headroom * expectedEntrants + 64,
  );
  return Math.ceil(room);
}

/** Index of record field `field` on day `d` in `s.rec` (the record starts at `s.firstDay`). */
export function at(s: SimState, field: number, d: number): number {
  return field * s.days + d - s.firstDay;
}

/**
 * The key of today's stream for a purpose (src/sim/random.ts `streamKey`), as a signed 32-bit
 * integer: the same bits to `uniform`, which reads it with ^, and a small integer to V8 in the
 * hot loops, where an unsigned key above 2^31 is a boxed number checked and unboxed at each draw.
 */
export function dayStream(s: SimState, d: number, purpose: number): number {
  return streamKey(s.streams[0], d, purpose) | 0;
}

/**
 * The warm-up (docs/MODEL.md "Warm-up"): before week 1, WARMUP_WEEKS of days numbered -182 to
 * -1 run from the seeded pool under the status quo (the warm-up parameters: a comparison's
 * baseline's, a lone run's own) without calendar peaks or demand trend, so that every run
 * starts from a steady state. The run then takes over the warmed state in a state built for
 * its own parameters (block types, waves and tables from its levers), which apply from week 1.
 *
 * The warmed state depends only on the seed, the replication and the warm-up parameters, so
 * a baseline and its scenarios share it: it is kept as a compact snapshot (typed arrays) in a
 * small least-recently-used cache per engine instance, and a lever change reruns no warm-up.
 */
import type { Params } from '../model/params';
import { warmupParams, type Scenario } from '../model/scenario';
import { WARMUP_WEEKS } from './constants';
import { runDays, type RunControl } from './day';
import { dropDeparted } from './compact';
import { seedInitialPool, windowFit } from './entry';
import { SimState } from './state';

type Typed = Uint8Array | Int16Array | Int32Array | Float64Array;

/** The warm-up's days: -WARMUP_DAYS (a Monday) to -1 (a Sunday). */
export const WARMUP_DAYS = WARMUP_WEEKS * 7;

/**
 * The SimState fields carried from the warm-up into the run, beside every typed array of
 * `Drivers` (copied whatever they are). A new field of SimState that carries state from one
 * day to the next (not one derived from the parameters, nor the day's scratch) must be added
 * here, or runs would start it afresh at week 1: tests/sim/warmup.test.ts checks the list.
 */
export const CARRIED_FIELDS = [
  'waitPtr',
  'onboardPtr',
  'cohortPtr',
  'activeCount',
  'onboardingCount',
  'happyShare',
  'backlogAge',
  'activeList',
  // drivers' sense of the market (src/sim/supply.ts, churn.ts): surge seen last week,
  // competition for blocks, realised net hourly heard by word of mouth
  'surgeSeen',
  'competition',
  'realisedNet',
] as const satisfies readonly (keyof SimState)[];

/**
 * Per-driver arrays that are accounts of the run itself, zeroed when a run takes over (the
 * earnings the drivers made in the warm-up are not the run's). The weekly ones (hours this
 * week) are zero anyway: the warm-up ends on a Sunday.
 */
export const RUN_ACCOUNTS = ['earned', 'netLate', 'timeLate'] as const;

/**
 * A warmed state: the drivers' arrays cut to the slots in use, the closing tallies' values of
 * the drivers dropped (by number, `created` of them), and the carried fields.
 */
export interface WarmSnapshot {
  readonly count: number;
  readonly created: number;
  readonly drivers: readonly (readonly [string, Typed])[];
  readonly gone: readonly (readonly [string, Typed])[];
  readonly carried: readonly (readonly [string, number | Typed])[];
  /** Bytes held by the snapshot's arrays. */
  readonly bytes: number;
}

/**
 * The warm-up's parameters for a scenario's warm-up parameters: the same, without calendar
 * peaks or demand trend (and the start week, which then no longer matters, fixed).
 */
export function steadyParams(p: Params): Params {
  return { ...p, peakIntensity: 0, demandTrend: 0, startWeek: 1 };
}

/** The cache key of a warmed state: seed, replication and the warm-up's parameters, sorted. */
export function warmupKey(scenario: Scenario, rep: number): string {
  const p = steadyParams(warmupParams(scenario)) as unknown as Record<string, number | boolean>;
  const sorted = Object.keys(p)
    .sort()
    .map((id) => `${id}=${String(p[id])}`);
  return `${scenario.seed}/${rep}/${WARMUP_WEEKS}/${sorted.join(',')}`;
}

/** Runs the warm-up of replication `rep` of a scenario and returns its final state. */
export function warmUp(scenario: Scenario, rep: number, control: RunControl = {}): WarmSnapshot {
  const warm: Scenario = {
    version: 1,
    seed: scenario.seed,
    weeks: WARMUP_WEEKS,
    replications: 1,
    params: steadyParams(warmupParams(scenario)),
  };
  const s = new SimState(warm, rep, -WARMUP_DAYS);
  seedInitialPool(s);
  runDays(s, -WARMUP_DAYS, 0, control);
  dropDeparted(s); // as the run's first Monday would: a smaller snapshot
  const warmed = snapshot(s);
  s.release(); // its arrays copied out, for the run's own state
  return warmed;
}

/**
 * The state a run takes over: every typed array of the drivers, and the carried fields; copies,
 * or with `views` the state's own arrays (subarrays, for a take-over at once: a hand-over
 * mid-run, src/sim/change.ts, which then allocates nothing).
 */
export function snapshot(s: SimState, views = false): WarmSnapshot {
  const { dr } = s;
  let bytes = 0;
  const drivers: [string, Typed][] = [];
  for (const [key, value] of Object.entries(dr)) {
    if (!ArrayBuffer.isView(value)) continue;
    const copy = views
      ? (value as Typed).subarray(0, dr.count)
      : (value as Typed).slice(0, dr.count);
    bytes += copy.byteLength;
    drivers.push([key, copy]);
  }
  const gone: [string, Typed][] = [];
  for (const [key, value] of dr.gone.arrays()) {
    const n = Math.min(dr.created, value.length);
    const copy = views ? value.subarray(0, n) : value.slice(0, n);
    bytes += copy.byteLength;
    gone.push([key, copy]);
  }
  const fields = s as unknown as Record<string, number | Typed>;
  const carried = CARRIED_FIELDS.map((key): [string, number | Typed] => {
    const value = fields[key] as number | Typed;
    if (typeof value === 'number') return [key, value];
    const copy = views ? value : value.slice();
    bytes += copy.byteLength;
    return [key, copy];
  });
  return { count: dr.count, created: dr.created, drivers, gone, carried, bytes };
}

/**
 * A run's state `s` (built for its own parameters, no drivers yet) takes over a warmed state:
 * the drivers' arrays and the carried fields copied in, what depends on the levers (which
 * block types fit each driver's window) recomputed, the run's own accounts zeroed, and the
 * ledger opened with the warmed backlog and pool as opening stock.
 */
export function takeOver(s: SimState, warm: WarmSnapshot): void {
  const { dr } = s;
  dr.count = 0;
  dr.reserve(warm.count);
  const arrays = dr as unknown as Record<string, Typed>;
  for (const [key, values] of warm.drivers) {
    const target = arrays[key];
    if (!target) throw new Error(`the warmed state has drivers' "${key}", the run has none`);
    target.set(values);
    target.fill(0, values.length);
  }
  dr.count = warm.count;
  dr.created = warm.created;
  // Room by number for the warmed drivers and as many sign-ups as the slots have room for.
  dr.gone.reserve(warm.created + dr.capacity - warm.count);
  const gone = dr.gone as unknown as Record<string, Typed>;
  for (const [key, values] of warm.gone) {
    gone[key].set(values);
    gone[key].fill(0, values.length);
  }
  for (const key of RUN_ACCOUNTS) {
    arrays[key]?.fill(0);
    gone[key].fill(0);
  }
  for (let i = 0; i < dr.count; i++) dr.winFit[i] = windowFit(s.bt, dr.winStart[i], dr.winEnd[i]);
  const fields = s as unknown as Record<string, number | Typed>;
  for (const [key, value] of warm.carried) {
    const target = fields[key];
    if (typeof value === 'number') fields[key] = value;
    else if (target && typeof target !== 'number' && target.length >= value.length) {
      target.fill(0);
      target.set(value);
    } else fields[key] = value.slice();
  }
  // The candidates' arrays grow with the active list on the first day (candidates.ts), the
  // weekly scratch with the drivers (tallies.ts): nothing to reallocate here.
  s.ledger.openingBacklog = s.backlog;
  s.ledger.openingActive = s.activeCount;
}

/** Counters of a warm-up cache, for tests and diagnostics. */
export interface WarmupStats {
  /** Warm-ups run (cache misses). */
  warmups: number;
  /** Runs that took over a cached warmed state. */
  hits: number;
  /** Snapshots dropped to keep the cache within its bytes. */
  evicted: number;
}

/**
 * Warmed states by key (`warmupKey`), least recently used first out, within `maxBytes`. A
 * snapshot holds about 170 bytes a driver in a slot and 33 a driver dropped (src/sim/compact.ts):
 * the default station's (948 drivers in slots, 1,259 created by week 1) 0.22 MB, a metro's
 * (20,000 at the start; 26,710 in slots, 34,282 created by week 1) 6.0 MB, so the default 64 MiB
 * keeps ten metro snapshots: a worker's share of a 16-replication comparison with two workers.
 */
export class WarmupCache {
  readonly stats: WarmupStats = { warmups: 0, hits: 0, evicted: 0 };
  private readonly entries = new Map<string, WarmSnapshot>();
  private held = 0;

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  /** Bytes held by the cached snapshots. */
  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached snapshot for `key`, marked as most recently used. */
  get(key: string): WarmSnapshot | undefined {
    const warm = this.entries.get(key);
    if (warm) {
      this.entries.delete(key);
      this.entries.set(key, warm);
    }
    return warm;
  }

  /** Keeps a snapshot, dropping the least recently used ones beyond the bytes allowed. */
  put(key: string, warm: WarmSnapshot): void {
    if (this.maxBytes <= 0) return;
    const old = this.entries.get(key);
    if (old) this.held -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, warm);
    this.held += warm.bytes;
    for (const [k, w] of this.entries) {
      if (this.held <= this.maxBytes || this.entries.size <= 1) break;
      this.entries.delete(k);
      this.held -= w.bytes;
      this.stats.evicted++;
    }
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }
}

/** The warmed state of replication `rep` of a scenario: from `cache`, or warmed up and kept. */
export function warmState(
  scenario: Scenario,
  rep: number,
  control: RunControl,
  cache: WarmupCache,
): WarmSnapshot {
  const key = warmupKey(scenario, rep);
  const cached = cache.get(key);
  if (cached) {
    cache.stats.hits++;
    return cached;
  }
  const warm = warmUp(scenario, rep, control);
  cache.stats.warmups++;
  cache.put(key, warm);
  return warm;
}

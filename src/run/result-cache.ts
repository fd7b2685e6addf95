/**
 * Replication results of recent scenarios, so that moving a lever reruns only the scenario:
 * the baseline's replications (and those of a scenario visited a moment ago) are already in
 * hand. Results depend only on the scenario and the replication number, so a cached result is
 * the very result a worker would return. Bounded by scenarios and by bytes, least recently
 * used first out, so memory stays flat however many runs are made.
 */
import type { ReplicationResult } from '../model/results';
import type { Scenario } from '../model/scenario';
import { fitKey } from '../model/scenario-fit';

/** Results of one scenario by replication number. */
export type ReplicationStore = Map<number, ReplicationResult>;

/** A canonical text for a scenario: equal texts mean equal scenarios, whatever the key order. */
export function scenarioKey(s: Scenario): string {
  const key: unknown[] = [s.version, s.seed, s.weeks, s.replications, sortedParams(s.params)];
  // The warm-up's parameters (a scenario paired with a baseline) change the results too.
  if (s.warmup) key.push(sortedParams(s.warmup));
  // So does a change mid-run (the practice drills').
  if (s.change) key.push([s.change.week, sortedParams(s.change.params as Scenario['params'])]);
  // And a fit, whose constants each replication draws (src/sim/fit-draw.ts).
  if (s.fit) key.push(['fit', fitKey(s.fit)]);
  return JSON.stringify(key);
}

function sortedParams(p: Scenario['params'] | undefined): [string, number | boolean][] {
  const params = (p ?? {}) as unknown as Record<string, number | boolean>;
  return Object.keys(params)
    .sort()
    .map((id): [string, number | boolean] => [id, params[id] as number | boolean]);
}

/** Bytes held by a result's arrays (the ledger's few numbers are ignored). */
export function resultBytes(r: ReplicationResult): number {
  return (
    r.weekly.byteLength +
    r.shortRun.byteLength +
    r.longRun.byteLength +
    r.peak.byteLength +
    r.whole.byteLength +
    r.periods.byteLength +
    r.pool.byteLength +
    r.earnings.byteLength +
    (r.sums?.byteLength ?? 0) +
    (r.history?.byteLength ?? 0)
  );
}

interface Entry {
  readonly store: ReplicationStore;
  bytes: number;
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    /** Most scenarios kept; 0 turns the cache off. */
    readonly maxScenarios = 8,
    /** Most bytes of results kept (the scenarios in use are kept whatever their size). */
    readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get scenarios(): number {
    return this.entries.size;
  }

  get bytes(): number {
    let total = 0;
    for (const e of this.entries.values()) total += e.bytes;
    return total;
  }

  /**
   * The store of a scenario, created empty if need be, and marked as most recently used.
   * With the cache off, a fresh store that nobody else sees.
   */
  store(key: string): ReplicationStore {
    if (this.maxScenarios <= 0) return new Map();
    let entry = this.entries.get(key);
    if (entry) this.entries.delete(key);
    else entry = { store: new Map(), bytes: 0 };
    this.entries.set(key, entry);
    return entry.store;
  }

  /** Records a result in a store obtained from `store(key)`, then trims the cache. */
  add(
    key: string,
    store: ReplicationStore,
    result: ReplicationResult,
    keep: readonly string[],
  ): void {
    const had = store.get(result.replication);
    store.set(result.replication, result);
    const entry = this.entries.get(key);
    if (!entry || entry.store !== store) return;
    entry.bytes += resultBytes(result) - (had ? resultBytes(had) : 0);
    this.trim(keep);
  }

  /** Drops least recently used scenarios, never those in `keep`, until within bounds. */
  trim(keep: readonly string[] = []): void {
    for (const [key] of this.entries) {
      if (this.entries.size <= this.maxScenarios && this.bytes <= this.maxBytes) return;
      if (!keep.includes(key)) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

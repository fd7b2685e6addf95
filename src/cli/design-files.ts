/**
 * A design's files: the spec as JSON (full parameters, so a later change of defaults cannot
 * change what a shard meant), its hash (SHA-256 of that JSON: shard files and queue job ids
 * carry it; the spec's JSON is src/run/design-spec.ts), and one job's result as JSON with its typed arrays as base64 of their bytes, so
 * that a result read back is the very same numbers (NaN included). Node only.
 */
import { createHash } from 'node:crypto';
import { EARNINGS_BINS, type Ledger, type ReplicationResult } from '../model/results';
import type { DesignSpec } from '../run/design-plan';
import { DESIGN_HASH_DIGITS, specToJson, type DesignSpecJson } from '../run/design-spec';

export { specFromJson, specToJson, type DesignSpecJson } from '../run/design-spec';

/** The design's hash: SHA-256 of its spec's JSON, 16 hex digits. */
export function designHash(spec: DesignSpec): string {
  return createHash('sha256')
    .update(JSON.stringify(specToJson(spec)))
    .digest('hex')
    .slice(0, DESIGN_HASH_DIGITS);
}

const FLOAT_FIELDS = [
  'weekly',
  'shortRun',
  'longRun',
  'peak',
  'whole',
  'pool',
  'earnings',
] as const;

export interface ResultJson {
  replication: number;
  weeks: number;
  startWeek: number;
  ledger: Ledger;
  periods: string;
  sums?: string;
  /** Each Float64Array of the result, base64 of its little-endian bytes. */
  arrays: Record<(typeof FLOAT_FIELDS)[number], string>;
}

const b64 = (a: Float64Array | Uint8Array): string =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function floats(text: unknown, what: string): Float64Array {
  if (typeof text !== 'string') throw new Error(`a result lacks its ${what}`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 8 !== 0) throw new Error(`a result's ${what} is cut short`);
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

export function encodeResult(r: ReplicationResult): ResultJson {
  const arrays = Object.fromEntries(
    FLOAT_FIELDS.map((f) => [f, b64(r[f])]),
  ) as ResultJson['arrays'];
  return {
    replication: r.replication,
    weeks: r.weeks,
    startWeek: r.startWeek,
    ledger: r.ledger,
    periods: b64(r.periods),
    ...(r.sums ? { sums: b64(r.sums) } : {}),
    arrays,
  };
}

export function decodeResult(j: ResultJson): ReplicationResult {
  if (!j || typeof j !== 'object' || !j.arrays) throw new Error('a result is not one');
  const a = j.arrays;
  const result: ReplicationResult = {
    replication: j.replication,
    weeks: j.weeks,
    weekly: floats(a.weekly, 'weekly values'),
    shortRun: floats(a.shortRun, 'short run'),
    longRun: floats(a.longRun, 'long run'),
    peak: floats(a.peak, 'peak'),
    whole: floats(a.whole, 'whole run'),
    startWeek: j.startWeek,
    periods: new Uint8Array(Buffer.from(j.periods, 'base64')),
    pool: floats(a.pool, 'pool'),
    earnings: floats(a.earnings, 'earnings'),
    ledger: j.ledger,
    ...(j.sums !== undefined ? { sums: floats(j.sums, 'sums') } : {}),
  };
  if (result.earnings.length !== EARNINGS_BINS || result.periods.length !== result.weeks) {
    throw new Error('a result does not fit its weeks');
  }
  return result;
}

/** A shard's file: its design, which share of the jobs it ran, and their results. */
export interface ShardFile {
  gigsim: 'design-shard';
  version: 1;
  hash: string;
  shard: { index: number; count: number };
  jobs: { start: number; end: number; total: number };
  design: DesignSpecJson;
  results: { job: number; result: ResultJson }[];
}

/**
 * A design's files: the spec as JSON (full parameters, so a later change of defaults cannot
 * change what a shard meant), its hash (SHA-256 of that JSON: shard files and queue job ids
 * carry it), and one job's result as JSON with its typed arrays as base64 of their bytes, so
 * that a result read back is the very same numbers (NaN included). Node only.
 */
import { createHash } from 'node:crypto';
import type { MetricId } from '../model/metrics';
import { EARNINGS_BINS, type Ledger, type ReplicationResult } from '../model/results';
import { parseScenario, type Scenario } from '../model/scenario';
import { checkDesign, type DesignSpec } from '../run/design-plan';

/** A scenario as a design file keeps it: every parameter. */
function scenarioJson(s: Scenario) {
  return {
    version: s.version,
    seed: s.seed,
    weeks: s.weeks,
    replications: s.replications,
    params: s.params,
  };
}

export type DesignSpecJson = ReturnType<typeof specToJson>;

export function specToJson(spec: DesignSpec) {
  return {
    kind: spec.kind,
    factors: spec.factors.map((f) => ({ id: f.id, from: f.from, to: f.to })),
    n: spec.n,
    levels: spec.levels,
    metrics: [...spec.metrics],
    period: spec.period,
    scenario: scenarioJson(spec.scenario),
    baseline: scenarioJson(spec.baseline),
  };
}

/** The spec a file holds; throws an Error naming what is wrong. */
export function specFromJson(json: unknown): DesignSpec {
  const j = json as Partial<DesignSpecJson> | null;
  if (!j || typeof j !== 'object' || !Array.isArray(j.factors) || !Array.isArray(j.metrics)) {
    throw new Error('it holds no design');
  }
  const scenario = parseScenario(j.scenario);
  const baseline = parseScenario(j.baseline);
  if (!scenario.ok) throw new Error(`its design's scenario: ${scenario.error}`);
  if (!baseline.ok) throw new Error(`its design's baseline: ${baseline.error}`);
  const spec = {
    kind: j.kind,
    factors: j.factors,
    n: j.n,
    levels: j.levels,
    metrics: j.metrics as MetricId[],
    period: j.period,
    scenario: scenario.value,
    baseline: baseline.value,
  } as DesignSpec;
  const refused = checkDesign(spec);
  if (refused !== undefined) throw new Error(`its design: ${refused}`);
  return spec;
}

/** The design's hash: SHA-256 of its spec's JSON, 16 hex digits. */
export function designHash(spec: DesignSpec): string {
  return createHash('sha256')
    .update(JSON.stringify(specToJson(spec)))
    .digest('hex')
    .slice(0, 16);
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

/**
 * A design's spec as its files keep it (full parameters, so a later change of defaults cannot
 * change what a shard meant), read back with its checks, and its hash: the first 16 hex digits
 * of the SHA-256 of that JSON, which shard files, queue job ids and reports carry. Shared by
 * the runner (src/cli/design-files.ts) and the browser's designs (design-output.ts); the hash
 * here uses Web Crypto, which Node and the browser both have. Pure but for that digest.
 */
import type { MetricId } from '../model/metrics';
import { parseScenario, type Scenario } from '../model/scenario';
import { checkDesign, type DesignSpec } from './design-plan';

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

/** Digits of the design's hash. */
export const DESIGN_HASH_DIGITS = 16;

/**
 * The design's hash through Web Crypto (the same digits as the runner's `designHash`), or
 * undefined where Web Crypto's digest is missing (a page served over plain http from another
 * host than localhost): the report then carries no hash.
 */
export async function designDigest(spec: DesignSpec): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const bytes = new TextEncoder().encode(JSON.stringify(specToJson(spec)));
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex.slice(0, DESIGN_HASH_DIGITS);
}

/**
 * A design's report file as Explore loads it (the runner's JSON, merged or not): checked for
 * what the view reads, and one metric's indices as bars to draw, largest first. Pure.
 */
import type { Parsed } from '../model/scenario';
import type { DesignReport, IndexReport } from './design-report';

/** One factor's indices of a metric, as the chart draws them. */
export interface IndexBar {
  id: string;
  label: string;
  /** The factor's range, with its unit: "16 to 30 $/h". */
  range: string;
  /** The index the bars are sorted by (Sobol: total; Morris: μ*; LHS: ρ). */
  main: IndexReport;
  /** The second index drawn beside it (Sobol: first-order; Morris: σ). */
  second?: IndexReport;
}

/** What the chart calls the design's indices. */
export function indexNames(kind: DesignReport['design']['kind']): {
  main: string;
  second?: string;
} {
  if (kind === 'sobol') return { main: 'Total index', second: 'First-order index' };
  if (kind === 'morris')
    return { main: 'μ* (mean absolute effect)', second: 'σ (spread of the effect)' };
  return { main: 'Rank correlation ρ' };
}

/** Reads a design report file's JSON; a message says what is wrong otherwise. */
export function readDesignFile(json: unknown): Parsed<DesignReport> {
  const r = json as Partial<DesignReport> | null;
  const bad = (why: string): Parsed<DesignReport> => ({
    ok: false,
    error: `this file is not a gigsim design report (${why}); make one with npm run sim -- --design … or merge`,
  });
  if (!r || typeof r !== 'object') return bad('not a JSON object');
  if (r.gigsim === ('design-shard' as string)) {
    return {
      ok: false,
      error:
        'this is one shard of a design: merge the shards first (npm run sim -- merge shard-*.json)',
    };
  }
  if (r.gigsim !== 'design' || r.version !== 1) return bad('"gigsim" is not "design"');
  const d = r.design;
  if (!d || !Array.isArray(d.factors) || !['sobol', 'morris', 'lhs'].includes(d.kind)) {
    return bad('no design');
  }
  if (!Array.isArray(r.indices) || !Array.isArray(r.guardrails) || !Array.isArray(r.table)) {
    return bad('no indices, guardrails or table');
  }
  for (const m of r.indices) {
    if (typeof m?.metric !== 'string' || !Array.isArray(m.factors)) return bad('a malformed index');
  }
  return { ok: true, value: r as DesignReport };
}

const num = (x: number | null | undefined): number => (typeof x === 'number' ? x : Number.NaN);

/** A metric's indices as bars, sorted by the main index (largest first; no value last). */
export function indexBars(
  report: Pick<DesignReport, 'design' | 'indices'>,
  metric: string,
): IndexBar[] {
  const entry = report.indices.find((i) => i.metric === metric);
  if (!entry) return [];
  const kind = report.design.kind;
  const bars = entry.factors.map((f): IndexBar => {
    const def = report.design.factors.find((x) => x.id === f.id);
    const range = def ? `${def.from} to ${def.to}${def.unit ? ` ${def.unit}` : ''}` : '';
    const none: IndexReport = { value: null, low: null, high: null };
    const main = (kind === 'sobol' ? f.total : kind === 'morris' ? f.muStar : f.rho) ?? none;
    const second = kind === 'sobol' ? f.first : kind === 'morris' ? f.sigma : undefined;
    return { id: f.id, label: f.label, range, main, ...(second ? { second } : {}) };
  });
  const key = (b: IndexBar) => {
    const v = Math.abs(num(b.main.value));
    return Number.isFinite(v) ? v : -1;
  };
  return bars.sort((a, b) => key(b) - key(a));
}

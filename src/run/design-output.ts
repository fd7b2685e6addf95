/**
 * A design's report made from its jobs' results, as the runner writes it, for a page that ran
 * the design itself: the report's JSON text (byte for byte the runner's `--format json`), its
 * CSV (the runner's `--format csv`) and what Explore shows (the report without its per-point
 * comparisons, which only the files need). The browser computes it in a worker of its own
 * (workers/design.worker.ts, started by design-browser.ts): a design of a few hundred points
 * takes a second or more, far over what the page may block.
 */
import type { ReplicationResult } from '../model/results';
import { designCsv } from './design-csv';
import { planDesign } from './design-plan';
import { designReport, type DesignReport } from './design-report';
import { designDigest, specFromJson, type DesignSpecJson } from './design-spec';

/** What Explore shows of a design's report: all of it but the per-point comparisons. */
export type DesignView = Omit<DesignReport, 'points'> & { points?: DesignReport['points'] };

export interface DesignOutput<T = string> {
  readonly view: DesignView;
  /** The report as the runner's JSON (`npm run sim -- --design … --format json`). */
  readonly json: T;
  /** The report as the runner's CSV (`--format csv`). */
  readonly csv: T;
}

/** The report's JSON text, as the runner writes it. */
export function designJsonText(report: DesignReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The report of the design `spec` from every job's result (`results[j]`: job j's). */
export async function designOutput(
  spec: DesignSpecJson,
  results: readonly ReplicationResult[],
): Promise<DesignOutput> {
  const s = specFromJson(spec);
  const plan = planDesign(s);
  if (results.length !== plan.jobs) {
    throw new Error(`the design has ${plan.jobs} jobs but ${results.length} results came`);
  }
  const hash = await designDigest(s);
  const report = designReport(plan, new Map(results.map((r, j) => [j, r])), hash);
  const view: DesignView = { ...report };
  delete view.points;
  return { view, json: designJsonText(report), csv: designCsv(report) };
}

/**
 * The same, its files as Blobs (the report worker's answer): a Blob crosses to the page as a
 * handle, where the files' text (some 80 kB a point) would be copied into the page's heap.
 */
export async function designOutputBlobs(
  spec: DesignSpecJson,
  results: readonly ReplicationResult[],
): Promise<DesignOutput<Blob>> {
  const out = await designOutput(spec, results);
  return {
    view: out.view,
    json: new Blob([out.json], { type: 'application/json' }),
    csv: new Blob([out.csv], { type: 'text/csv' }),
  };
}

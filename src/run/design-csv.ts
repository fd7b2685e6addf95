/**
 * A design's report as tidy CSV: the single-run report's rows (src/model/report.ts) for every
 * point, led by the point's number and one column per factor holding its value there, as the
 * sweep's CSV is. The design table, the indices and the breach rates are in the JSON.
 */
import { pointsCsv } from '../model/sweep-report';
import type { DesignReport } from './design-report';

export function designCsv(report: DesignReport): string {
  const ids = report.design.factors.map((f) => f.id);
  return pointsCsv(report, ['point', ...ids], (p) => [p.point, ...ids.map((id) => p.values[id])]);
}

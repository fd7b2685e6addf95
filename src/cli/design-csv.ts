/**
 * A design's report as tidy CSV: the single-run report's rows (src/model/report.ts) for every
 * point, led by the point's number and one column per factor holding its value there, as the
 * sweep's CSV is. The design table, the indices and the breach rates are in the JSON.
 */
import { CSV_HEADER, reportCsv } from '../model/report';
import type { DesignReport } from '../run/design-report';

export function designCsv(report: DesignReport): string {
  const ids = report.design.factors.map((f) => f.id);
  const lines = [['point', ...ids, ...CSV_HEADER].join(',')];
  for (const p of report.points) {
    const rows = reportCsv({
      gigsim: 'results',
      version: 1,
      weeks: report.weeks,
      replications: report.replications,
      scenario: report.scenario,
      baseline: report.baseline,
      periods: p.periods,
      metrics: p.metrics,
      pool: {},
    })
      .trimEnd()
      .split('\n');
    const lead = [p.point, ...ids.map((id) => p.values[id])].join(',');
    for (const row of rows.slice(1)) lines.push(`${lead},${row}`);
  }
  return `${lines.join('\n')}\n`;
}

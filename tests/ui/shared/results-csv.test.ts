import { describe, expect, it } from 'vitest';
import { METRIC_BY_ID, METRICS } from '../../../src/model/metrics';
import { CSV_HEADER } from '../../../src/model/report';
import { defaultScenario, withParams } from '../../../src/model/scenario';
import { formatMetric, shownNumber } from '../../../src/ui/shared/format';
import { csvHeaderLines, leversLine, resultsCsv } from '../../../src/ui/shared/results-csv';
import type { ExportContext } from '../../../src/ui/shared/export-context';
import { comparison } from '../present/comparison-fixture';

const scenario = (() => {
  const r = withParams(defaultScenario(), { payPerHour: 19.8 });
  if (!r.ok) throw new Error(r.error);
  return r.value;
})();

const CONTEXT: ExportContext = {
  name: 'Workspace scenario',
  scenario,
  baseline: defaultScenario(),
  link: 'http://localhost/#payPerHour=19.8',
  date: new Date(Date.UTC(2026, 10, 30, 9, 41, 27, 5)),
};

// An unrounded float as the engine gives them, a share, and a guardrail breached.
const C = comparison({
  onTimePackagesPerWeek: 48651.220959380706,
  onTimeRate: 0.96423456,
  belowFloorHoursShare: 0.3412345,
});

function parse(csv: string) {
  const lines = csv.trimEnd().split('\n');
  const header = lines.filter((l) => l.startsWith('#'));
  const table = lines.filter((l) => !l.startsWith('#'));
  const col = (name: string) => CSV_HEADER.indexOf(name);
  const rows = table.slice(1).map((l) => l.split(','));
  const row = (metric: string, series: string, period: string) =>
    rows.find(
      (r) =>
        r[col('metric')] === metric && r[col('series')] === series && r[col('period')] === period,
    )!;
  return { header, table, rows, row, col };
}

describe('the results CSV', () => {
  it('opens with a header block naming the scenario, levers, settings, date, link and guardrails', () => {
    const { header, table } = parse(resultsCsv(C, CONTEXT, {}));
    const text = header.join('\n');
    expect(header.every((l) => l.startsWith('# '))).toBe(true);
    expect(text).toContain('# scenario: Workspace scenario');
    expect(text).toContain(`# levers: payPerHour ${defaultScenario().params.payPerHour} -> 19.8`);
    expect(text).toContain('# seed: 1');
    expect(text).toContain(`# weeks: ${scenario.weeks}`);
    expect(text).toContain(`# replications: ${scenario.replications}`);
    expect(text).toContain('# exported: 2026-11-30T09:41:27.005Z');
    expect(text).toContain('# link: http://localhost/#payPerHour=19.8');
    expect(text).toMatch(/# guardrails \(scenario, long run\): [1-9]\d* of \d+ breached/);
    expect(text).toContain('#   belowFloorHoursShare: BREACHED (34.12% against at most');
    expect(text).toMatch(/96\.42 means 96\.42%/);
    // The table follows, its column names first.
    expect(table[0]).toBe(CSV_HEADER.join(','));
  });

  it('writes numbers as the screen shows them: shares in percent, the table digits', () => {
    const { row, col, rows } = parse(resultsCsv(C, CONTEXT, {}));
    const onTime = row('onTimePackagesPerWeek', 'scenario', 'longRun');
    expect(onTime[col('mean')]).toBe(
      String(shownNumber(METRIC_BY_ID.get('onTimePackagesPerWeek')!, 48651.220959380706)),
    );
    expect(onTime[col('mean')]).toBe(
      formatMetric(METRIC_BY_ID.get('onTimePackagesPerWeek')!, 48651.220959380706).replace(
        /,/g,
        '',
      ),
    );
    const rate = row('onTimeRate', 'scenario', 'longRun');
    expect(rate[col('mean')]).toBe('96.42');
    expect(rate[col('unit')]).toBe('%');
    // Every number has at most the digits its metric shows (three more for a thin interval).
    for (const r of rows) {
      const m = METRIC_BY_ID.get(r[col('metric')]!)!;
      for (const name of ['mean', 'low', 'high']) {
        const cell = r[col(name)]!;
        if (cell === '') continue;
        const decimals = cell.split('.')[1]?.length ?? 0;
        expect(decimals, `${r.join(',')}`).toBeLessThanOrEqual(
          Math.max(0, m.digits - (m.percent ? 2 : 0)) + (name === 'mean' ? 0 : 3),
        );
        expect(cell).not.toMatch(/e|NaN/);
      }
    }
    expect(rows.length).toBeGreaterThan(METRICS.length * 3);
  });

  it('states each guardrail verdict on the thresholds in force', () => {
    const strict = csvHeaderLines(C, CONTEXT, { costPerPackage: 0.5 }).join('\n');
    expect(strict).toContain('costPerPackage: BREACHED');
    const loose = csvHeaderLines(C, CONTEXT, { costPerPackage: 100 }).join('\n');
    expect(loose).toContain('costPerPackage: ok');
    expect(leversLine({ scenario: CONTEXT.baseline, baseline: CONTEXT.baseline })).toMatch(/^none/);
  });
});

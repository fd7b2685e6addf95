import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metrics';
import { CSV_HEADER, comparisonCsv, summaryReport } from '../../src/model/report';
import { defaultScenario } from '../../src/model/scenario';
import { runReplication } from '../../src/sim/engine';
import { compare, summarise } from '../../src/sim/stats';

const s = { ...defaultScenario(), weeks: 2, replications: 1 };
const one = [runReplication(s, 0)];

describe('results as files', () => {
  it('writes a value that is not a number as null, never NaN', () => {
    const summary = summarise(one);
    summary.longRun.low[0] = Number.NaN;
    const report = summaryReport(summary, s);
    const text = JSON.stringify(report);
    expect(text).not.toContain('NaN');
    expect(report.metrics[0]?.scenario.longRun.low).toBeNull();
    expect(report.metrics[0]?.scenario.longRun.mean).toBeTypeOf('number');
  });

  it('writes a comparison as tidy CSV with empty cells where there is no number', () => {
    const c = compare(one, one);
    c.delta.longRun.low[1] = Number.NaN;
    c.delta.longRun.high[1] = Number.POSITIVE_INFINITY;
    const csv = comparisonCsv(c, s, s);
    const [header, ...rows] = csv.trimEnd().split('\n');
    expect(header).toBe(CSV_HEADER.join(','));
    expect(rows).toHaveLength(METRICS.length * 3 * (3 + 2));
    expect(csv).not.toContain('NaN');
    const delta = rows.find((r) => r.startsWith('onTimeRate,share,delta,longRun,'));
    expect(delta).toBe('onTimeRate,share,delta,longRun,,0,,');
  });
});

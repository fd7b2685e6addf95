import { describe, expect, it } from 'vitest';
import { METRIC_COUNT, METRIC_INDEX, type MetricId } from '../../../src/model/metrics';
import type { Comparison, IntervalArrays, ScenarioSummary } from '../../../src/model/results';
import { defaultScenario, withParams } from '../../../src/model/scenario';
import {
  guardrailRows,
  leverChanges,
  metricNumbers,
  poolSeries,
  verdictMark,
} from '../../../src/ui/shared/comparison-rows';
import { STABLE, plainPeriods } from '../../model/period-flags';

function values(entries: Partial<Record<MetricId, number>>, fill = 1): Float64Array {
  const a = new Float64Array(METRIC_COUNT).fill(fill);
  for (const [id, v] of Object.entries(entries)) a[METRIC_INDEX[id as MetricId]] = v;
  return a;
}

function interval(mean: Float64Array, half: number): IntervalArrays {
  return { mean, low: mean.map((v) => v - half), high: mean.map((v) => v + half) };
}

function summary(long: Float64Array, short: Float64Array): ScenarioSummary {
  const weeks = 2;
  const pool = new Float64Array(4 * weeks).map((_, i) => i);
  return {
    n: 4,
    weeks,
    weekly: interval(new Float64Array(METRIC_COUNT * weeks), 0),
    shortRun: interval(short, 0),
    longRun: interval(long, 0),
    peak: interval(long, 0),
    whole: interval(long, 0),
    pool: interval(pool, 1),
    earnings: new Float64Array(40),
    startWeek: 10,
    periods: plainPeriods(weeks),
    stability: STABLE,
  };
}

const baseLong = values({ costPerPackage: 2.4, fillRate: 0.9, weeklyChurnRate: 0.02 });
const scenLong = values({ costPerPackage: 2.7, fillRate: 0.95, weeklyChurnRate: Number.NaN });
const comparison: Comparison = {
  baseline: summary(baseLong, baseLong),
  scenario: summary(scenLong, baseLong),
  delta: {
    weekly: interval(new Float64Array(METRIC_COUNT * 2), 0),
    shortRun: interval(values({}, 0), 0.1),
    longRun: interval(
      scenLong.map((v, i) => v - (baseLong[i] ?? 0)),
      0.01,
    ),
    peak: interval(values({}, 0), 0),
    whole: interval(values({}, 0), 0),
  },
};

describe('a comparison read row by row', () => {
  it('gives a metric’s baseline, scenario, change, interval and verdict for a period', () => {
    const cost = metricNumbers(comparison, 'costPerPackage', 'longRun');
    expect(cost.baseline).toBe(2.4);
    expect(cost.scenario).toBe(2.7);
    expect(cost.delta).toBeCloseTo(0.3, 12);
    expect(cost.low).toBeCloseTo(0.29, 12);
    expect(cost.verdict).toBe('worse'); // cost up is worse
    expect(verdictMark(cost)).toBe('▲');
    const fill = metricNumbers(comparison, 'fillRate', 'longRun');
    expect(fill.verdict).toBe('better');
    const short = metricNumbers(comparison, 'fillRate', 'shortRun');
    expect(short.verdict).toBe('uncertain'); // 0 ± 0.1 straddles ±0.5 pp: can't tell yet
    expect(short.stat).toBe('unclear'); // and includes zero
    expect(short.minChange).toBe(0.005);
    expect(verdictMark(short)).toBe('?');
    // With 0.2 as the smallest change that matters, 0 ± 0.1 is no meaningful change.
    const wide = metricNumbers(comparison, 'fillRate', 'shortRun', { fillRate: 0.2 });
    expect(wide.verdict).toBe('negligible');
    expect(verdictMark(wide)).toBe('≈');
    const missing = metricNumbers(comparison, 'weeklyChurnRate', 'longRun');
    expect(missing.verdict).toBe('unknown');
    expect(verdictMark(missing)).toBe('');
  });

  it('lists the levers that differ with labels and units, in table order', () => {
    const base = defaultScenario();
    const r = withParams(base, { surgeEnabled: false, payPerHour: 24.2 });
    if (!r.ok) throw new Error(r.error);
    const changes = leverChanges(base, r.value);
    expect(changes.map((c) => c.id)).toEqual(['payPerHour', 'surgeEnabled']);
    expect(changes[0]).toMatchObject({ baseline: '22 $/h', scenario: '24.2 $/h', unit: '$/h' });
    expect(changes[1]).toMatchObject({ baseline: 'on', scenario: 'off' });
    expect(leverChanges(base, base)).toEqual([]);
  });

  it('flags guardrail breaches under the thresholds in force, and never a missing number', () => {
    const rows = guardrailRows(comparison, ['costPerPackage', 'weeklyChurnRate', 'fillRate']);
    // fillRate has no threshold: left out.
    expect(rows.map((r) => r.id)).toEqual(['costPerPackage', 'weeklyChurnRate']);
    expect(rows[0]).toMatchObject({ threshold: 2.5, baselineBreach: false, scenarioBreach: true });
    expect(rows[1]).toMatchObject({ baselineBreach: false, scenarioBreach: false });
    const own = guardrailRows(comparison, ['costPerPackage'], { costPerPackage: 3 });
    expect(own[0]).toMatchObject({ threshold: 3, scenarioBreach: false });
  });

  it('splits the pool array into its named weekly series', () => {
    const p = poolSeries(comparison.scenario);
    expect(Object.keys(p)).toEqual(['active', 'joined', 'churned', 'deactivated']);
    expect(p.joined.map((w) => [w.week, w.mean, w.low, w.high])).toEqual([
      [1, 2, 1, 3],
      [2, 3, 2, 4],
    ]);
  });
});

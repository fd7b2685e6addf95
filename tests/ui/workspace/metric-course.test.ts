import { describe, expect, it } from 'vitest';
import {
  METRIC_BY_ID,
  METRIC_COUNT,
  METRIC_INDEX,
  type MetricDef,
} from '../../../src/model/metrics';
import type { Comparison, IntervalArrays, ScenarioSummary } from '../../../src/model/results';
import { courseLabel, courseOf } from '../../../src/ui/workspace/metric-course';
import { STABLE, plainPeriods } from '../../model/period-flags';

function interval(mean: Float64Array, half: number): IntervalArrays {
  return { mean, low: mean.map((v) => v - half), high: mean.map((v) => v + half) };
}

/** A summary whose weekly value of metric m in week w is offset + m * 10 + w. */
function summary(weeks: number, offset: number): ScenarioSummary {
  const weekly = Float64Array.from({ length: METRIC_COUNT * weeks }, (_, k) => {
    const m = Math.floor(k / weeks);
    return offset + m * 10 + (k % weeks);
  });
  const empty = interval(new Float64Array(METRIC_COUNT), 0);
  return {
    n: 4,
    weeks,
    weekly: interval(weekly, 0.5),
    shortRun: empty,
    longRun: empty,
    peak: empty,
    whole: empty,
    pool: interval(new Float64Array(4 * weeks), 0),
    earnings: new Float64Array(40),
    startWeek: 10,
    periods: plainPeriods(weeks),
    stability: STABLE,
  };
}

function comparison(weeks: number): Comparison {
  const empty = interval(new Float64Array(METRIC_COUNT), 0);
  return {
    baseline: summary(weeks, 0),
    scenario: summary(weeks, 1000),
    delta: {
      weekly: interval(new Float64Array(METRIC_COUNT * weeks), 0),
      shortRun: empty,
      longRun: empty,
      peak: empty,
      whole: empty,
    },
  };
}

function def(id: string): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

describe('a metric’s weekly course', () => {
  it('takes metric i’s weeks out of the metric-major arrays, both runs and the scenario’s interval', () => {
    const i = METRIC_INDEX.fillRate;
    const course = courseOf(comparison(3), i);
    expect(course.baseline).toEqual([i * 10, i * 10 + 1, i * 10 + 2]);
    expect(course.scenario).toEqual([1000 + i * 10, 1001 + i * 10, 1002 + i * 10]);
    expect(course.low).toEqual(course.scenario.map((v) => v - 0.5));
    expect(course.high).toEqual(course.scenario.map((v) => v + 0.5));
  });

  it('gives plain arrays, not views of the comparison', () => {
    const c = comparison(2);
    const course = courseOf(c, 0);
    expect(Array.isArray(course.baseline)).toBe(true);
    c.baseline.weekly.mean[0] = -1;
    expect(course.baseline[0]).toBe(0);
  });

  it('is empty past the last metric rather than reading a neighbour', () => {
    const course = courseOf(comparison(2), METRIC_COUNT);
    expect(course).toEqual({ baseline: [], scenario: [], low: [], high: [] });
  });
});

describe('what the sparkline says', () => {
  it('names the metric, the weeks and both courses from first week to last', () => {
    const m = def('costPerPackage');
    const label = courseLabel(m, {
      baseline: [2, 2.1, 2.2],
      scenario: [2.5, 2.6, 2.75],
      low: [],
      high: [],
    });
    expect(label).toMatch(/^Cost per package, weekly over 3 weeks: baseline /);
    expect(label).toContain('baseline 2.000 to 2.200');
    expect(label).toContain('scenario 2.500 to 2.750');
  });

  it('reads a course without weeks as no value, never NaN', () => {
    const label = courseLabel(def('fillRate'), { baseline: [], scenario: [], low: [], high: [] });
    expect(label).toContain('weekly over 0 weeks');
    expect(label).not.toMatch(/NaN|undefined/);
    expect(label).toContain('–');
  });
});

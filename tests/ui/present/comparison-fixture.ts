/**
 * A small made-up comparison for the presentation tests: every metric 1 in the baseline, the
 * values given in the scenario, two weeks of weekly numbers and pool counts.
 */
import { METRIC_COUNT, METRIC_INDEX, type MetricId } from '../../../src/model/metrics';
import type { Comparison, IntervalArrays, ScenarioSummary } from '../../../src/model/results';
import { STABLE, plainPeriods } from '../../model/period-flags';

const WEEKS = 2;

function values(entries: Partial<Record<MetricId, number>>, fill: number): Float64Array {
  const a = new Float64Array(METRIC_COUNT).fill(fill);
  for (const [id, v] of Object.entries(entries)) a[METRIC_INDEX[id as MetricId]] = v;
  return a;
}

function interval(mean: Float64Array, half: number): IntervalArrays {
  return { mean, low: mean.map((v) => v - half), high: mean.map((v) => v + half) };
}

function summary(means: Float64Array, weekly: number): ScenarioSummary {
  return {
    n: 4,
    weeks: WEEKS,
    weekly: interval(new Float64Array(METRIC_COUNT * WEEKS).fill(weekly), 0),
    shortRun: interval(means, 0),
    longRun: interval(means, 0),
    peak: interval(means, 0),
    whole: interval(means, 0),
    pool: interval(new Float64Array(4 * WEEKS).fill(weekly * 10), 1),
    earnings: new Float64Array(40),
    startWeek: 10,
    periods: plainPeriods(WEEKS),
    stability: STABLE,
  };
}

/** A comparison whose scenario has `scenario`'s values (the rest 1) and weekly numbers `weekly`. */
export function comparison(scenario: Partial<Record<MetricId, number>>, weekly = 2): Comparison {
  const base = values({}, 1);
  const scen = values(scenario, 1);
  return {
    baseline: summary(base, 1),
    scenario: summary(scen, weekly),
    delta: {
      weekly: interval(new Float64Array(METRIC_COUNT * WEEKS).fill(weekly - 1), 0.1),
      shortRun: interval(
        scen.map((v, i) => v - (base[i] ?? 0)),
        0.1,
      ),
      longRun: interval(
        scen.map((v, i) => v - (base[i] ?? 0)),
        0.1,
      ),
      peak: interval(values({}, 0), 0),
      whole: interval(values({}, 0), 0),
    },
  };
}

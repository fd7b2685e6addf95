import { describe, expect, it } from 'vitest';
import { METRIC_COUNT, METRIC_INDEX } from '../../../src/model/metrics';
import type { IntervalArrays } from '../../../src/model/results';
import { earningsBins, metricWeeks, poolWeeks, weekPoints } from '../../../src/ui/shared/series';
function intervals(n: number, f: (i: number) => number): IntervalArrays {
  const mean = Float64Array.from({ length: n }, (_, i) => f(i));
  return {
    mean,
    low: mean.map((v) => v - 1),
    high: mean.map((v) => v + 1),
  };
}

describe('weekly series from metric-major arrays', () => {
  it('takes metric m, week w from [m * weeks + w], weeks numbered from 1', () => {
    const weeks = 5;
    const a = intervals(METRIC_COUNT * weeks, (i) => i);
    const m = METRIC_INDEX.onTimeRate;
    const pts = metricWeeks(a, 'onTimeRate', weeks);
    expect(pts).toHaveLength(weeks);
    expect(pts[0]).toEqual({ week: 1, mean: m * weeks, low: m * weeks - 1, high: m * weeks + 1 });
    expect(pts[4]?.mean).toBe(m * weeks + 4);
  });

  it('reads pool series in POOL_SERIES order', () => {
    const weeks = 3;
    const a = intervals(4 * weeks, (i) => i * 10);
    expect(poolWeeks(a, 'active', weeks).map((p) => p.mean)).toEqual([0, 10, 20]);
    expect(poolWeeks(a, 'churned', weeks).map((p) => p.mean)).toEqual([60, 70, 80]);
  });

  it('reads missing elements as NaN rather than a neighbour', () => {
    const a = intervals(4, (i) => i);
    const pts = weekPoints(a, 1, 6);
    expect(pts.map((p) => p.mean).filter(Number.isNaN)).toHaveLength(6);
  });
});

describe('earnings bins', () => {
  it('pairs baseline and scenario shares per $1 bin from the bin minimum', () => {
    const bins = earningsBins([0.25, 0.75], [0.5, 0.5], 10, 1);
    expect(bins).toEqual([
      { x0: 10, x1: 11, baseline: 0.25, scenario: 0.5 },
      { x0: 11, x1: 12, baseline: 0.75, scenario: 0.5 },
    ]);
  });
});

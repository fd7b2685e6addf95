import { describe, expect, it } from 'vitest';
import type { IntervalArrays } from '../../../src/model/results';
import { CHARTS, EXPORTS, exportFileName, poolData } from '../../../src/ui/workspace/chart-tabs';

function intervals(n: number, f: (i: number) => number): IntervalArrays {
  const mean = Float64Array.from({ length: n }, (_, i) => f(i));
  return { mean, low: mean.map((v) => v - 1), high: mean.map((v) => v + 1) };
}

describe('the chart panel’s tabs', () => {
  it('are the weekly metric, the driver pool, the earnings and why it moved, in that order', () => {
    expect(CHARTS.map((c) => c.id)).toEqual(['weekly', 'pool', 'earnings', 'why']);
    expect(CHARTS.map((c) => c.label)).toEqual([
      'Metric by week',
      'Driver pool',
      'Driver earnings',
      'Why it moved',
    ]);
    expect(EXPORTS).toEqual(['svg', 'png']);
  });

  it('hands the pool chart each series week by week, in POOL_SERIES order', () => {
    const weeks = 3;
    const pool = poolData(
      intervals(4 * weeks, (i) => i * 10),
      weeks,
    );
    expect(pool.active.map((p) => p.mean)).toEqual([0, 10, 20]);
    expect(pool.joined.map((p) => p.mean)).toEqual([30, 40, 50]);
    expect(pool.churned.map((p) => p.mean)).toEqual([60, 70, 80]);
    expect(pool.deactivated.map((p) => p.week)).toEqual([1, 2, 3]);
    expect(pool.deactivated[2]).toEqual({ week: 3, mean: 110, low: 109, high: 111 });
  });

  it('names an exported chart after the chart, and the weekly one after its metric too', () => {
    expect(exportFileName('weekly', 'fillRate', 'svg')).toBe('gigsim-weekly-fillRate.svg');
    expect(exportFileName('pool', 'fillRate', 'png')).toBe('gigsim-pool.png');
    expect(exportFileName('earnings', 'onTimeRate', 'svg')).toBe('gigsim-earnings.svg');
    expect(exportFileName('why', 'costPerPackage', 'png')).toBe('gigsim-why-costPerPackage.png');
  });
});

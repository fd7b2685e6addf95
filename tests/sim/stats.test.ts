import { describe, expect, it } from 'vitest';
import { intervals, tQuantile975 } from '../../src/sim/stats';

describe('replication statistics', () => {
  it('uses Student t quantiles (table and large-sample expansion)', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(15)).toBeCloseTo(2.131, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(1e6)).toBeCloseTo(1.96, 3);
  });

  it('computes the mean and the t interval element-wise', () => {
    const r = intervals([Float64Array.of(1, 10), Float64Array.of(2, 10), Float64Array.of(3, 10)]);
    expect(r.mean[0]).toBeCloseTo(2, 12);
    // sd 1, n 3: half-width t(2) * 1 / sqrt(3)
    expect(r.high[0]! - r.mean[0]!).toBeCloseTo((4.303 * 1) / Math.sqrt(3), 3);
    expect(r.low[1]).toBe(10);
    expect(r.high[1]).toBe(10);
  });
});

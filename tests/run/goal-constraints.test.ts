/**
 * A goal seek constraint's probability of holding, from the interval's standard error, by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkConstraint, normalCdf } from '../../src/run/goal-constraints';
import { tQuantile975 } from '../../src/sim/stats';

describe('a constraint’s probability', () => {
  it('is the normal probability of the right side, from the interval’s standard error', () => {
    const actual = { mean: 10, low: 8, high: 12 };
    const se = 2 / tQuantile975(3);
    expect(
      checkConstraint({ metric: 'onTimeRate', op: '>=', value: 9 }, actual, 4).probability,
    ).toBeCloseTo(normalCdf(1 / se), 12);
    expect(
      checkConstraint({ metric: 'onTimeRate', op: '<=', value: 9 }, actual, 4).probability,
    ).toBeCloseTo(normalCdf(-1 / se), 12);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });

  it('is 1 or 0 when one replication leaves no spread to measure', () => {
    const actual = { mean: 10, low: 10, high: 10 };
    expect(
      checkConstraint({ metric: 'onTimeRate', op: '>=', value: 10 }, actual, 1).probability,
    ).toBe(1);
    expect(
      checkConstraint({ metric: 'onTimeRate', op: '>=', value: 11 }, actual, 1).probability,
    ).toBe(0);
  });
});

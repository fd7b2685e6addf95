import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { gini } from '../../src/sim/measure';

/** The textbook computation: sort a copy, then the rank-weighted sum. */
function giniBySorting(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < s.length; i++) {
    total += s[i]!;
    weighted += (i + 1) * s[i]!;
  }
  if (s.length === 0 || total <= 0) return 0;
  return (2 * weighted) / (s.length * total) - (s.length + 1) / s.length;
}

/** Weekly hours as the engine makes them: sums of up to `most` block lengths. */
function weeklyHours(
  rng: seedrandom.PRNG,
  n: number,
  lengths: number[],
  most: number,
): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const blocks = Math.floor(rng() * (most + 1));
    for (let b = 0; b < blocks; b++) out[i]! += lengths[Math.floor(rng() * lengths.length)]!;
  }
  return out;
}

describe('the Gini coefficient of weekly hours', () => {
  it('equals the sorted computation to the last bit, with few or many distinct values', () => {
    const rng = seedrandom('gini');
    const cases = [
      weeklyHours(rng, 20000, [3.5, 4, 4.5, 5, 5.5], 8),
      weeklyHours(rng, 5000, [2.7, 3.2, 3.7, 4.2, 4.7], 12),
      // more distinct values than the counting table holds: the sorted fallback
      Float64Array.from({ length: 6000 }, () => rng() * 40),
      Float64Array.of(0, -0, 0, 4, 4, 8),
      Float64Array.of(5),
    ];
    for (const values of cases) {
      const expected = giniBySorting(values);
      expect(gini(Float64Array.from(values))).toBe(expected);
    }
    expect(gini(new Float64Array(0))).toBe(0);
    expect(gini(new Float64Array(10))).toBe(0);
  });

  it('is 0 for equal hours and near 1 when one driver has them all', () => {
    expect(gini(Float64Array.of(4, 4, 4, 4))).toBeCloseTo(0, 12);
    const one = new Float64Array(1000);
    one[0] = 40;
    expect(gini(one)).toBeCloseTo(999 / 1000, 12);
  });
});

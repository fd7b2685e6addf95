/**
 * The sampling designs and their estimators against functions whose indices are known
 * exactly: the Sobol' sequence against Joe & Kuo's points, Saltelli's estimators against the
 * Ishigami function (Ishigami & Homma 1990; indices as in Saltelli et al. 2008, §4.3),
 * Morris' elementary effects against a polynomial whose effects follow from its terms.
 */
import { describe, expect, it } from 'vitest';
import { morrisIndices, rankCorrelations, sobolIndices } from '../../src/run/design-indices';
import {
  latinHypercube,
  morrisDelta,
  morrisTrajectories,
  saltelliSample,
} from '../../src/run/design-sampling';
import { sobolPoints } from '../../src/run/design-sobol';

/** Evaluates f on every row of a unit design. */
function evaluate(
  d: { count: number; dims: number; x: Float64Array },
  f: (row: Float64Array) => number,
): Float64Array {
  return Float64Array.from({ length: d.count }, (_, i) =>
    f(d.x.subarray(i * d.dims, (i + 1) * d.dims)),
  );
}

describe("the Sobol' sequence", () => {
  it("matches Joe & Kuo's direction numbers (points as scipy's unscrambled Sobol' gives them)", () => {
    const p = sobolPoints(4096, 64);
    const at = (i: number, d: number) => p[i * 64 + d] * 4096;
    // Point 4095 in dimensions 1, 2, 3, 31 and 64; point 1000 in 6, 41 and 63 (in 4096ths).
    expect([0, 1, 2, 30, 63].map((d) => at(4095, d))).toEqual([1, 3855, 1369, 1481, 2267]);
    expect([5, 40, 62].map((d) => at(1000, d))).toEqual([3716, 3740, 1060]);
  });

  it('fills every dyadic box of a 2-D projection once per 2^m points (a (0, m, 2)-net)', () => {
    const p = sobolPoints(256, 2);
    const boxes = new Set<number>();
    for (let i = 0; i < 256; i++)
      boxes.add(Math.floor(p[2 * i] * 16) * 16 + Math.floor(p[2 * i + 1] * 16));
    expect(boxes.size).toBe(256);
  });
});

describe("Saltelli's estimators on the Ishigami function", () => {
  const a = 7;
  const b = 0.1;
  const pi = Math.PI;
  const ishigami = (u: Float64Array) => {
    const [x1, x2, x3] = Array.from(u, (v) => -pi + 2 * pi * v);
    return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
  };
  const v1 = 0.5 * (1 + (b * pi ** 4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = (b ** 2 * pi ** 8 * 8) / 225;
  const v = v1 + v2 + v13;
  const exact = { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v] };

  it('gives the exact first-order and total indices within ±0.02 at N = 4096, with intervals', () => {
    const n = 4096;
    const design = saltelliSample(n, 3);
    expect(design.count).toBe(n * 5);
    const idx = sobolIndices(evaluate(design, ishigami), n, 3, { resamples: 200 });
    idx.forEach((s, i) => {
      expect(Math.abs(s.first.value - exact.first[i])).toBeLessThan(0.02);
      expect(Math.abs(s.total.value - exact.total[i])).toBeLessThan(0.02);
      expect(s.first.low).toBeLessThanOrEqual(s.first.value);
      expect(s.first.high).toBeGreaterThanOrEqual(s.first.value);
      expect(s.total.high - s.total.low).toBeLessThan(0.1);
      expect(s.total.high - s.total.low).toBeGreaterThan(0);
    });
    expect(exact.first[0]).toBeCloseTo(0.3139, 3);
    expect(exact.total[2]).toBeCloseTo(0.2437, 3);
  });
});

describe("Morris' elementary effects", () => {
  // f = 2 x1 − 3 x2 + 4 x3² + 5 x1 x4 (+ 0 x5): with 4 levels (Δ = 2/3) each factor's effects
  // are known: x1 2 + 5 x4 (x4 uniform on the 4 levels: μ 4.5, σ 5 √(5/36)); x2 −3 exactly;
  // x3 4 (2 lo + Δ), lo ∈ {0, 1/3}: μ 4, σ 4/3; x4 5 x1: μ 2.5, σ 5 √(5/36); x5 none.
  const f = (x: Float64Array) => 2 * x[0] - 3 * x[1] + 4 * x[2] ** 2 + 5 * x[0] * x[3];
  const r = 2000;
  const design = morrisTrajectories(r, 5, 4, 11);
  const idx = morrisIndices(evaluate(design, f), design, { resamples: 200 });
  const spread = 5 * Math.sqrt(5 / 36);

  it('moves one factor at a time by ±Δ along each trajectory', () => {
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 12);
    for (let row = 0; row < design.count - 1; row++) {
      if ((row + 1) % 6 === 0) continue; // next trajectory
      let changed = 0;
      for (let d = 0; d < 5; d++) {
        const step = design.x[(row + 1) * 5 + d] - design.x[row * 5 + d];
        if (step !== 0) {
          changed++;
          expect(Math.abs(step)).toBeCloseTo(2 / 3, 12);
        }
      }
      expect(changed).toBe(1);
    }
  });

  it('gives μ*, μ and σ of the analytic effects', () => {
    expect(idx[1].mu.value).toBeCloseTo(-3, 10);
    expect(idx[1].muStar.value).toBeCloseTo(3, 10);
    expect(idx[1].sigma.value).toBeLessThan(1e-9);
    expect(idx[4].muStar.value).toBe(0);
    const tol = 0.15;
    expect(Math.abs(idx[0].muStar.value - 4.5)).toBeLessThan(tol);
    expect(Math.abs(idx[0].sigma.value - spread)).toBeLessThan(tol);
    expect(Math.abs(idx[2].mu.value - 4)).toBeLessThan(tol);
    expect(Math.abs(idx[2].sigma.value - 4 / 3)).toBeLessThan(tol);
    expect(Math.abs(idx[3].muStar.value - 2.5)).toBeLessThan(tol);
    expect(idx[0].muStar.low).toBeLessThan(4.5);
    expect(idx[0].muStar.high).toBeGreaterThan(4.5);
  });
});

describe('Latin hypercube', () => {
  it('puts one point in each of n strata of every factor, the same for the same seed', () => {
    const d = latinHypercube(50, 4, 3);
    for (let k = 0; k < 4; k++) {
      const strata = new Set(Array.from({ length: 50 }, (_, i) => Math.floor(d.x[i * 4 + k] * 50)));
      expect(strata.size).toBe(50);
    }
    expect(latinHypercube(50, 4, 3).x).toEqual(d.x);
    expect(latinHypercube(50, 4, 4).x).not.toEqual(d.x);
  });

  it('ranks a monotone factor near 1 and an unused one near 0', () => {
    const d = latinHypercube(200, 2, 5);
    const rho = rankCorrelations(
      evaluate(d, (x) => Math.exp(3 * x[0])),
      d,
      { resamples: 100 },
    );
    expect(rho[0].value).toBeCloseTo(1, 10);
    expect(Math.abs(rho[1].value)).toBeLessThan(0.2);
    expect(rho[1].low).toBeLessThan(0);
    expect(rho[1].high).toBeGreaterThan(0);
  });
});

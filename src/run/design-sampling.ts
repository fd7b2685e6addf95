/**
 * Sampling designs over the unit cube [0, 1]^k (design-space.ts maps them onto parameter
 * ranges): Latin hypercube (McKay, Beckman & Conover 1979), Morris trajectories (Morris 1991,
 * with the B* construction of Campolongo, Cariboni & Saltelli 2007's notation) and Saltelli's
 * sampling for Sobol' indices (Saltelli et al. 2010, "Variance based sensitivity analysis of
 * model output", Computer Physics Communications 181, 259–270) on the quasi-random Sobol'
 * sequence (design-sobol.ts). Every random draw is a keyed stream of src/sim/random.ts, keyed
 * by the design's seed: the same design has the same points on any machine.
 */
import { P } from '../sim/constants';
import { replicationKey, streamKey, uniform } from '../sim/random';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './design-sobol';

/** Points of a design: `count` rows of `dims` unit coordinates, row-major. */
export interface UnitDesign {
  readonly count: number;
  readonly dims: number;
  readonly x: Float64Array;
}

/** Most factors a design varies (Saltelli's sampling takes twice as many Sobol' dimensions). */
export const MAX_FACTORS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/** A keyed stream of the design seeded `seed` for `purpose`. */
function designStream(seed: number, purpose: number): number {
  return streamKey(replicationKey(seed, 0), -1, purpose);
}

/**
 * A Latin hypercube of `n` points: each factor's range cut into n equal strata, each stratum
 * holding one point, the strata of the factors paired by independent random permutations.
 */
export function latinHypercube(n: number, dims: number, seed: number): UnitDesign {
  const stream = designStream(seed, P.designLhs);
  const x = new Float64Array(n * dims);
  let draw = 0;
  for (let d = 0; d < dims; d++) {
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(uniform(stream, draw++) * (i + 1));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    for (let i = 0; i < n; i++) x[i * dims + d] = (perm[i] + uniform(stream, draw++)) / n;
  }
  return { count: n, dims, x };
}

/** Morris' jump for `levels` levels: Δ = levels / (2 (levels − 1)), as Morris recommends. */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * `r` Morris trajectories of `dims` + 1 points each (rows in trajectory order): each factor
 * takes a random level of the lower half of the `levels`-level grid or that level + Δ (start
 * side random), and the trajectory moves one factor at a time, in a random order, to its
 * other value. Consecutive rows differ in exactly one factor, by ±Δ.
 */
export function morrisTrajectories(
  r: number,
  dims: number,
  levels: number,
  seed: number,
): UnitDesign & { order: Int32Array } {
  if (levels < 2 || levels % 2 !== 0) throw new RangeError('Morris levels must be even, ≥ 2');
  const stream = designStream(seed, P.designMorris);
  const delta = morrisDelta(levels);
  const rows = r * (dims + 1);
  const x = new Float64Array(rows * dims);
  // The factor moved between row k and k+1 of each trajectory.
  const order = new Int32Array(r * dims);
  let draw = 0;
  const next = () => uniform(stream, draw++);
  for (let t = 0; t < r; t++) {
    const start = new Float64Array(dims);
    const other = new Float64Array(dims);
    for (let d = 0; d < dims; d++) {
      const lo = Math.floor(next() * (levels / 2)) / (levels - 1);
      const up = next() < 0.5;
      start[d] = up ? lo : lo + delta;
      other[d] = up ? lo + delta : lo;
    }
    const perm = Array.from({ length: dims }, (_, i) => i);
    for (let i = dims - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const base = t * (dims + 1);
    x.set(start, base * dims);
    for (let k = 0; k < dims; k++) {
      const d = perm[k];
      order[t * dims + k] = d;
      const row = (base + k + 1) * dims;
      x.copyWithin(row, row - dims, row);
      x[row + d] = other[d];
    }
  }
  return { count: rows, dims, x, order };
}

/**
 * Saltelli's sampling for first-order and total Sobol' indices from `n` base rows: the
 * quasi-random matrices A (the sequence's first `dims` coordinates) and B (the next `dims`),
 * and for each factor i the matrix AB_i (A with column i from B). Rows are grouped by base
 * row: A_j, AB_1j, ..., AB_kj, B_j, so n (dims + 2) rows. The sequence's origin is skipped.
 */
export function saltelliSample(n: number, dims: number): UnitDesign {
  if (dims > MAX_FACTORS) throw new RangeError(`Saltelli's sampling takes at most ${MAX_FACTORS}`);
  const seq = sobolPoints(n, 2 * dims, 1);
  const per = dims + 2;
  const x = new Float64Array(n * per * dims);
  for (let j = 0; j < n; j++) {
    const a = seq.subarray(j * 2 * dims, j * 2 * dims + dims);
    const b = seq.subarray(j * 2 * dims + dims, (j + 1) * 2 * dims);
    const row = (k: number) => (j * per + k) * dims;
    x.set(a, row(0));
    for (let i = 0; i < dims; i++) {
      x.set(a, row(i + 1));
      x[row(i + 1) + i] = b[i];
    }
    x.set(b, row(dims + 1));
  }
  return { count: n * per, dims, x };
}

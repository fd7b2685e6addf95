/**
 * Random streams for the engine. One seed makes, through seedrandom, a 32-bit key per
 * replication; every draw in the hot loop is then a counter-based hash of
 * (replication key, day, purpose, driver), so the same driver on the same day for the same
 * purpose gets the same number in a baseline and in a scenario run (common random numbers),
 * whatever else differs between them, and whatever order the work is done in.
 */
import seedrandom from 'seedrandom';

/** Integer hash with good avalanche (Wellons' lowbias32); returns an unsigned 32-bit integer. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The key of replication `rep` of a run seeded with `seed`. */
export function replicationKey(seed: number, rep: number): number {
  return seedrandom(`gigsim:${seed}:${rep}`).int32() >>> 0;
}

/** Key of (replication, day, purpose); use -1 as day for draws fixed at a driver's creation. */
export function streamKey(repKey: number, day: number, purpose: number): number {
  const k = mix32((repKey ^ Math.imul(day + 2, 0x9e3779b1)) >>> 0);
  return mix32((k + Math.imul(purpose + 1, 0x85ebca77)) >>> 0);
}

/**
 * Uniform draw for item `index` (a driver, a block type, a draw counter) of a stream, strictly
 * between 0 and 1: `mix32` of the stream and the index, over 2^32. Written out rather than
 * calling `mix32`: a call from here to another function of the module costs a load of the
 * module's binding and a check of it in every draw (the bundle makes every top-level binding a
 * mutable `var`), about 4% of a metro run's instructions (docs/ARCHITECTURE.md, "Hot loops read
 * locals"). tests/sim/random.test.ts holds the two to the same hash.
 */
export function uniform(stream: number, index: number): number {
  let x = (stream ^ Math.imul(index + 1, 0xc2b2ae3d)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (((x ^ (x >>> 16)) >>> 0) + 0.5) / 4294967296;
}

/**
 * The 32 bits behind `uniform(stream, index)`, which is (bits + 0.5) / 2^32: for a use that
 * works on the bits (src/sim/check-in.ts). Written out as `uniform` is, for the same reason;
 * tests/sim/random.test.ts holds the two to the same hash.
 */
export function uniformBits(stream: number, index: number): number {
  let x = (stream ^ Math.imul(index + 1, 0xc2b2ae3d)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error below
 * 1.2e-9). Monotone in p, so coupled draws stay ordered.
 */
export function normalQuantile(p: number): number {
  const a1 = -39.69683028665376,
    a2 = 220.9460984245205,
    a3 = -275.9285104469687;
  const a4 = 138.357751867269,
    a5 = -30.66479806614716,
    a6 = 2.506628277459239;
  const b1 = -54.47609879822406,
    b2 = 161.5858368580409,
    b3 = -155.6989798598866;
  const b4 = 66.80131188771972,
    b5 = -13.28068155288572;
  const c1 = -0.007784894002430293,
    c2 = -0.3223964580411365,
    c3 = -2.400758277161838;
  const c4 = -2.549732539343734,
    c5 = 4.374664141464968,
    c6 = 2.938163982698783;
  const d1 = 0.007784695709041462,
    d2 = 0.3224671290700398,
    d3 = 2.445134137142996;
  const d4 = 3.754408661907416;
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) /
      ((((d1 * q + d2) * q + d3) * q + d4) * q + 1)
    );
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) /
      ((((d1 * q + d2) * q + d3) * q + d4) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q) /
    (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1)
  );
}

/**
 * Poisson draw by inversion of the CDF from one uniform, so a larger mean never gives a smaller
 * count for the same uniform. Means above 500 use the normal approximation.
 */
export function poissonQuantile(mean: number, u: number): number {
  if (mean <= 0) return 0;
  if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normalQuantile(u)));
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  while (u > cdf && k < 10000) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** Rounds x down or up so that the expected result is x, using the uniform u. */
export function stochasticRound(x: number, u: number): number {
  const f = Math.floor(x);
  return u < x - f ? f + 1 : f;
}

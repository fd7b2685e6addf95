/**
 * When a candidate first checks the app in an offer wave (docs/MODEL.md, step 5): after an
 * exponential delay at their own rate, -ln(u) / speed hours for the day's draw u, sorted into
 * one of the wave's time buckets. This runs for every candidate in every wave (about one in
 * four driver-days), and `Math.log` is a call out of the optimised code into C that cost more
 * than the rest of the loop's body (docs/ARCHITECTURE.md, "The check-in delay").
 *
 * The bucket only needs the logarithm to within a bucket's edge, so it is computed from a
 * table and a short series, with a bound on its error; only when that bound leaves the bucket
 * in doubt, or for the draws nearest 0 and 1, does it call `Math.log`. The bucket is then exactly
 * the one `Math.log` gives, so results do not change by a bit.
 */

/**
 * The table behind `negLogUnit`: at [2j] ln(1 + j/256) and at [2j + 1] 256 / (256 + j), for
 * j = 0..255. Passed in by the caller, from a local it reads once before its loop: a module
 * binding read in the loop costs a load and a check at every use (docs/ARCHITECTURE.md, "Hot
 * loops read locals").
 */
export const NEG_LOG_TABLE = new Float64Array(512);
for (let j = 0; j < 256; j++) {
  NEG_LOG_TABLE[2 * j] = Math.log(1 + j / 256);
  NEG_LOG_TABLE[2 * j + 1] = 256 / (256 + j);
}

/**
 * The bits `negLogUnit` takes: from NEG_LOG_MIN_BITS (below, the table's index would lack
 * bits) to below NEG_LOG_END_BITS (above, u > 1 - 2^-8 and the logarithm is too near 0 for
 * its error to be small beside it). Draws outside, about one in 250, take `Math.log`.
 */
export const NEG_LOG_MIN_BITS = 2 ** 16;
export const NEG_LOG_END_BITS = 2 ** 32 - 2 ** 24;

/**
 * A bound on the relative error of `negLogUnit` against `Math.log`:
 * |negLogUnit(bits) + Math.log(u)| / -Math.log(u) for u = (bits + 0.5) / 2^32 and every bits
 * from NEG_LOG_MIN_BITS to below NEG_LOG_END_BITS. Measured over all of them: at most
 * 6.45e-7 (the absolute error at most 1.98e-8).
 */
export const NEG_LOG_ERROR = 1e-6;

/**
 * -ln((bits + 0.5) / 2^32), the logarithm of a draw `uniform` would give from these bits
 * (src/sim/random.ts `uniformBits`), within NEG_LOG_ERROR of `Math.log`'s for the bits it
 * takes; `table` is NEG_LOG_TABLE. With (bits + 0.5) 2^z = 2^31 (1 + j/256) (1 + t), z the
 * leading zeros: ln(1 + j/256) from the table, and ln(1 + t) for 0 <= t < 1/256 as t - t^2/2
 * (short by less than t^3/3, 2e-8).
 */
export function negLogUnit(bits: number, table: Float64Array): number {
  const z = Math.clz32(bits);
  const n = bits << z; // the leading one at bit 31
  const j = (n >>> 23) & 255;
  const t = ((n & 0x7fffff) + 0.5 * (1 << z)) * table[2 * j + 1] * 4.656612873077393e-10;
  return (z + 1) * Math.LN2 - table[2 * j] - t * (1 - 0.5 * t);
}

/**
 * The time bucket (0 to `last`) in which a candidate checking at `speed` an hour first checks
 * in a wave of `duration` hours cut into buckets of 1 / `scale` hours, for the draw with these
 * bits (`table`: NEG_LOG_TABLE); -1 when they do not check before the wave ends. Exactly what
 * `delay = -Math.log(u) / speed; delay >= duration ? -1 : min(last, floor(delay * scale))`
 * gives for u = (bits + 0.5) / 2^32. From the estimate, the exact delay lies between the
 * estimated delay less and plus its relative error (NEG_LOG_ERROR, which also covers the
 * roundings of the division and of those products, each under 2^-53), and every later step
 * rounds monotonically: when those two ends give the same answer, so does the exact delay.
 * Otherwise, about one draw in 250, it is computed.
 */
export function checkInBucket(
  bits: number,
  speed: number,
  duration: number,
  scale: number,
  last: number,
  table: Float64Array,
): number {
  // NEG_LOG_MIN_BITS, NEG_LOG_END_BITS and NEG_LOG_ERROR written out: a module binding read
  // here costs a load and checks.
  if (bits >= 65536 && bits < 4278190080) {
    const delay = negLogUnit(bits, table) / speed;
    const low = delay * (1 - 1e-6);
    if (low >= duration) return -1;
    const high = delay * (1 + 1e-6);
    if (high < duration) {
      const b = Math.floor(low * scale);
      if (b === Math.floor(high * scale)) return b < last ? b : last;
    }
  }
  const delay = -Math.log((bits + 0.5) / 4294967296) / speed;
  if (delay >= duration) return -1;
  return Math.min(last, Math.floor(delay * scale));
}

/**
 * When a candidate first checks the app in an offer wave (docs/MODEL.md, step 5): after an
 * exponential delay at their own rate, -ln(u) / speed hours for the day's draw u, sorted into
 * one of the wave's time buckets. This runs for every candidate in every wave (about one in
 * four driver-days), and `Math.log` is a call out of the optimised code into C that cost more
 * than the rest of the loop's body (docs/ARCHITECTURE.md, "The check-in delay").
 *
 * The bucket only needs the logarithm to within a bucket's edge, so it is computed from a
 * table and a short series, with a bound on its error; only when that bound leaves the bucket
 * in doubt (about one draw in a billion) does it call `Math.log`. The bucket is then exactly
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

/** The smallest bits `negLogUnit` takes: below it the table's index would lack bits. */
export const NEG_LOG_MIN_BITS = 65536;

/**
 * A bound on |negLogUnit(bits) + Math.log((bits + 0.5) / 2^32)| for every bits from
 * NEG_LOG_MIN_BITS to 2^32 - 1. Measured over all of them: at most 3.6e-15 (values run up to
 * 11.1 there, where one unit in the last place is 1.8e-15); the bound leaves a margin of 25
 * times that, for a `Math.log` elsewhere that rounds its last bit differently.
 */
export const NEG_LOG_ERROR = 1e-13;

/**
 * -ln((bits + 0.5) / 2^32), the delay's logarithm for a draw `uniform` would give from these
 * bits (src/sim/random.ts `uniformBits`), for bits >= NEG_LOG_MIN_BITS; `table` is
 * NEG_LOG_TABLE. With (bits + 0.5) 2^z = 2^31 (1 + j/256) (1 + t), z the leading zeros:
 * ln(1 + j/256) from the table, and ln(1 + t) for 0 <= t < 1/256 from its series to t^5 (the
 * next term is below 6e-16).
 */
export function negLogUnit(bits: number, table: Float64Array): number {
  const z = Math.clz32(bits);
  const n = bits << z; // the leading one at bit 31
  const j = (n >>> 23) & 255;
  const t = ((n & 0x7fffff) + 0.5 * (1 << z)) * table[2 * j + 1] * 4.656612873077393e-10;
  const log1p = t * (1 - t * (0.5 - t * (1 / 3 - t * (0.25 - t * 0.2))));
  return (z + 1) * Math.LN2 - table[2 * j] - log1p;
}

/**
 * The time bucket (0 to `last`) in which a candidate checking at `speed` an hour first checks
 * in a wave of `duration` hours cut into buckets of 1 / `scale` hours, for the draw with these
 * bits (`table`: NEG_LOG_TABLE); -1 when they do not check before the wave ends. Exactly what
 * `delay = -Math.log(u) / speed; delay >= duration ? -1 : min(last, floor(delay * scale))`
 * gives for u = (bits + 0.5) / 2^32: each step after the logarithm rounds monotonically, so
 * when the logarithm's lowest and highest possible values (the estimate less and plus
 * NEG_LOG_ERROR) give the same answer, so does the exact one; otherwise it is computed.
 */
export function checkInBucket(
  bits: number,
  speed: number,
  duration: number,
  scale: number,
  last: number,
  table: Float64Array,
): number {
  if (bits >= 65536) {
    // NEG_LOG_MIN_BITS, written out as a local would be
    const estimate = negLogUnit(bits, table);
    // NEG_LOG_ERROR, written out: a module binding read here costs a load and checks.
    const low = (estimate - 1e-13) / speed;
    if (low >= duration) return -1;
    const high = (estimate + 1e-13) / speed;
    if (high < duration) {
      const b = Math.floor(low * scale);
      if (b === Math.floor(high * scale)) return b < last ? b : last;
    }
  }
  const delay = -Math.log((bits + 0.5) / 4294967296) / speed;
  if (delay >= duration) return -1;
  return Math.min(last, Math.floor(delay * scale));
}

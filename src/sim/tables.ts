/**
 * The run's fixed lookup tables, worked out once from the parameters before the first day:
 * the net pay a driver weighs for each block type in each offer wave, the same per group of
 * block types of one length, and the daily wage-noise multipliers.
 */
import type { Params } from '../model/params';
import { LENGTH_GROUPS, SLOT_STARTS, offeredNet, type BlockTypes, type Wave } from './blocks';
import { NOISE_LEVELS } from './constants';
import { normalQuantile } from './random';

/** Net hourly pay weighed for type t in wave w, at [w * types + t]. */
export function waveNetTable(p: Params, waves: readonly Wave[], bt: BlockTypes): Float64Array {
  const T = bt.count;
  const net = new Float64Array(waves.length * T);
  for (let w = 0; w < waves.length; w++) {
    for (let t = 0; t < T; t++) net[w * T + t] = offeredNet(p, waves[w].mult, bt.len[t]);
  }
  return net;
}

/**
 * Block types come in groups of one length (longest first), one type per start slot; net pay
 * depends on the length only, so a wave's net pay is kept per group.
 */
export interface LengthGroups {
  count: number;
  /** Bit t set in mask[g] when block type t is in group g. */
  mask: Int32Array;
  /** The hours of group g's blocks. */
  len: Float64Array;
  /** Net hourly pay of group g in wave w, at [w * count + g]. */
  net: Float64Array;
}

/** The length groups of the block types, checking they come in order (at most 31 types). */
export function lengthGroups(bt: BlockTypes, waveNet: Float64Array, waves: number): LengthGroups {
  const T = bt.count;
  if (T > 31) throw new Error(`at most 31 block types fit a bit mask, got ${T}`);
  const S = SLOT_STARTS.length;
  const count = T / S;
  // The hot loops read exactly LENGTH_GROUPS groups into locals (src/sim/blocks.ts).
  if (count !== LENGTH_GROUPS)
    throw new Error(`expected ${LENGTH_GROUPS} length groups, got ${count}`);
  const mask = new Int32Array(count);
  const len = new Float64Array(count);
  const net = new Float64Array(waves * count);
  for (let g = 0; g < count; g++) {
    len[g] = bt.len[g * S];
    for (let k = 0; k < S; k++) {
      const t = g * S + k;
      if (bt.len[t] !== bt.len[g * S]) throw new Error('block types out of order');
      mask[g] |= 1 << t;
    }
    for (let w = 0; w < waves; w++) net[w * count + g] = waveNet[w * T + g * S];
  }
  return { count, mask, len, net };
}

/** Daily multipliers of the asking wage: lognormal quantiles at (k + 0.5) / NOISE_LEVELS. */
export function noiseTable(wageNoise: number): Float64Array {
  const table = new Float64Array(NOISE_LEVELS);
  for (let k = 0; k < NOISE_LEVELS; k++) {
    table[k] = Math.exp(wageNoise * normalQuantile((k + 0.5) / NOISE_LEVELS));
  }
  return table;
}

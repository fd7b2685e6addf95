/**
 * The record's slices for the practice drills (src/model/drills/): blocks by length group,
 * start slot and offer wave. Small tallies over the day's block types, slots and waves, called
 * once a day from the phases that know them (a no-show adds one count); no pass over drivers.
 */
import { SLOT_STARTS, SURGE_OFFSETS } from './blocks';
import { F } from './record';
import { at, type SimState } from './state';

/** Length groups of the block types (blocks.ts: LENGTH_OFFSETS, longest first). */
const S = SLOT_STARTS.length;

/** The length group of block type t: 0 the longest. */
export function lengthGroup(t: number): number {
  return (t / S) | 0;
}

/** Adds today's blocks still in `pool` by length group to record fields `field`…`field + 4`. */
export function tallyLengths(s: SimState, d: number, field: number, pool: Int32Array): void {
  for (let t = 0; t < s.bt.count; t++) s.rec[at(s, field + lengthGroup(t), d)] += pool[t];
}

/** Records the blocks worked and the station wait they met in each start slot. */
export function tallySlots(s: SimState, d: number): void {
  for (let k = 0; k < S; k++) {
    s.rec[at(s, F.workedSlot0 + k, d)] = s.slotWorked[k];
    s.rec[at(s, F.waitSlot0 + k, d)] = s.slotWorked[k] * s.slotWait[k];
  }
}

/**
 * The kind of wave w, as the record's `claimedWave` fields number them: 0 reserved, 1 the
 * open release, 2 to 5 the re-offers SURGE_OFFSETS hours before the start.
 */
export function waveKind(s: SimState, w: number): number {
  const wave = s.waves[w];
  if (wave.reservedOnly) return 0;
  if (w === 0 || s.waves[w - 1].reservedOnly) return 1;
  const k = SURGE_OFFSETS.indexOf(-wave.time as (typeof SURGE_OFFSETS)[number]);
  return k < 0 ? 1 : 2 + k;
}

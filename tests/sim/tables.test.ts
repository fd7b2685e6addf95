import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/model/params';
import {
  LENGTH_GROUPS,
  SLOT_STARTS,
  blockTypes,
  offerWaves,
  offeredNet,
} from '../../src/sim/blocks';
import { NOISE_LEVELS } from '../../src/sim/constants';
import { lengthGroups, noiseTable, waveNetTable } from '../../src/sim/tables';

describe("the run's lookup tables", () => {
  const p = { ...defaultParams(), surgeEnabled: true };
  const bt = blockTypes(p);
  const waves = offerWaves(p);
  const net = waveNetTable(p, waves, bt);

  it('hold the net pay of every block type in every wave', () => {
    expect(net.length).toBe(waves.length * bt.count);
    waves.forEach((wave, w) => {
      for (let t = 0; t < bt.count; t++) {
        expect(net[w * bt.count + t]).toBe(offeredNet(p, wave.mult, bt.len[t]!));
      }
    });
  });

  it('group the block types by length, one type per start slot, with the net pay per group', () => {
    const groups = lengthGroups(bt, net, waves.length);
    const S = SLOT_STARTS.length;
    expect(groups.count).toBe(bt.count / S);
    let all = 0;
    for (let g = 0; g < groups.count; g++) {
      const mask = groups.mask[g]!;
      expect(mask & all).toBe(0);
      all |= mask;
      for (let t = 0; t < bt.count; t++) {
        if (mask & (1 << t)) expect(bt.len[t]).toBe(bt.len[g * S]);
      }
      for (let w = 0; w < waves.length; w++) {
        expect(groups.net[w * groups.count + g]).toBe(net[w * bt.count + g * S]);
      }
    }
    expect(all).toBe(2 ** bt.count - 1);
  });

  it('refuse block types out of length order', () => {
    const len = Float64Array.from(bt.len);
    len[1] = len[bt.count - 1]!; // a short block in the longest group
    const shuffled = { ...bt, len };
    expect(() => lengthGroups(shuffled, net, waves.length)).toThrow('out of order');
  });

  it('come in the five length groups the hot loops read as locals, and refuse any other count', () => {
    expect(lengthGroups(bt, net, waves.length).count).toBe(LENGTH_GROUPS);
    const S = SLOT_STARTS.length;
    const four = { ...bt, count: 4 * S, len: bt.len.subarray(0, 4 * S) };
    expect(() => lengthGroups(four, net, waves.length)).toThrow('expected 5 length groups, got 4');
  });

  it('give wage-noise multipliers that rise around 1, and all 1 without noise', () => {
    const table = noiseTable(0.2);
    expect(table.length).toBe(NOISE_LEVELS);
    for (let k = 1; k < NOISE_LEVELS; k++) expect(table[k]!).toBeGreaterThan(table[k - 1]!);
    expect(table[NOISE_LEVELS / 2 - 1]!).toBeLessThan(1);
    expect(table[NOISE_LEVELS / 2]!).toBeGreaterThan(1);
    expect(table[0]! * table[NOISE_LEVELS - 1]!).toBeCloseTo(1, 12);
    expect(noiseTable(0).every((x) => x === 1)).toBe(true);
  });
});

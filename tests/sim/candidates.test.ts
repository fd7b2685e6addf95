import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/model/scenario';
import { lengthMask } from '../../src/sim/candidates';
import { SimState } from '../../src/sim/state';

describe('lengthMask', () => {
  const s = new SimState(defaultScenario(), 0);
  const all = 2 ** s.bt.count - 1;

  it('takes every block type no longer than the hours left, and no other', () => {
    for (const left of [0.5, 2, 3, 3.5, 4, 5, 100]) {
      const mask = lengthMask(s, left);
      for (let t = 0; t < s.bt.count; t++) {
        expect(Boolean(mask & (1 << t)), `${left} h, type ${t}`).toBe(s.bt.len[t]! <= left);
      }
    }
  });

  it('takes all types with time to spare, and none with no time left', () => {
    expect(lengthMask(s, Infinity)).toBe(all);
    expect(lengthMask(s, 0)).toBe(0);
  });
});

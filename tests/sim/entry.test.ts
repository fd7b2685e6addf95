import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/model/params';
import { defaultScenario } from '../../src/model/scenario';
import { blockTypes } from '../../src/sim/blocks';
import { ACTIVE } from '../../src/sim/drivers';
import { createDriver, seedInitialPool, smallestDays, windowFit } from '../../src/sim/entry';
import { SimState } from '../../src/sim/state';

const bits = (mask: number) => mask.toString(2).split('1').length - 1;

describe('smallestDays', () => {
  it('picks the k weekdays with the smallest draws', () => {
    const draws = Float64Array.of(0.9, 0.1, 0.5, 0.3, 0.8, 0.2, 0.7);
    expect(smallestDays(draws, 1)).toBe(0b0000010);
    expect(smallestDays(draws, 3)).toBe(0b0101010);
    expect(smallestDays(draws, 7)).toBe(0b1111111);
  });

  it('breaks ties towards the earlier day', () => {
    const draws = Float64Array.of(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
    expect(smallestDays(draws, 2)).toBe(0b0000011);
  });
});

describe('windowFit', () => {
  const bt = blockTypes(defaultParams());

  it('takes exactly the block types that start and end within the window', () => {
    const fit = windowFit(bt, 7.5, 15);
    for (let t = 0; t < bt.count; t++) {
      const inside = bt.start[t]! >= 7.5 && bt.end[t]! <= 15;
      expect(Boolean(fit & (1 << t))).toBe(inside);
    }
    expect(bits(fit)).toBeGreaterThan(0);
  });

  it('takes every type in a whole day and none in an empty window', () => {
    expect(windowFit(bt, 0, 24)).toBe(2 ** bt.count - 1);
    expect(windowFit(bt, 12, 12)).toBe(0);
  });
});

describe('new drivers', () => {
  it('draw by number: driver i has the same attributes whenever they are created', () => {
    const applicants = new SimState(defaultScenario(), 3);
    for (let n = 0; n < 5; n++) expect(createDriver(applicants, false)).toBe(n);
    const pool = new SimState(defaultScenario(), 3);
    seedInitialPool(pool);
    for (let i = 0; i < 5; i++) {
      for (const attribute of ['hoursWanted', 'dayMask', 'winStart', 'winFit', 'speed'] as const) {
        expect(applicants.dr[attribute][i]).toBe(pool.dr[attribute][i]);
      }
      // Only the asking wage differs: the initial pool's is drawn below a lower cut.
      expect(applicants.dr.res[i]).not.toBe(pool.dr.res[i]);
    }
  });

  it('start the initial pool active, with the days their hours call for', () => {
    const s = new SimState(defaultScenario(), 0);
    seedInitialPool(s);
    const n = s.p.initialDrivers;
    expect(s.dr.count).toBe(n);
    expect(s.activeCount).toBe(n);
    for (let i = 0; i < n; i++) {
      expect(s.dr.state[i]).toBe(ACTIVE);
      const days = bits(s.dr.dayMask[i]!);
      expect(days).toBe(Math.min(7, Math.max(1, Math.round(s.dr.hoursWanted[i]! / 3.5) + 1)));
      expect(s.dr.winEnd[i]!).toBeGreaterThan(s.dr.winStart[i]!);
    }
  });
});

/**
 * A change of parameters mid-run (src/sim/change.ts): the hand-over is complete (a change to the
 * same values is the very run without it, to the last bit), the weeks before the change are
 * the run's own, and a change reaches the drivers already in the pool.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../../src/model/scenario';
import { runReplication, simulate } from '../../src/sim/engine';
import { F } from '../../src/sim/record';

const base: Scenario = { ...defaultScenario(), weeks: 8 };

describe('a change of parameters mid-run', () => {
  it('to the same values gives the run without it, bit for bit', () => {
    for (const rep of [0, 1]) {
      const plain = runReplication(base, rep);
      const same = runReplication(
        { ...base, change: { week: 4, params: { payPerHour: 22 } } },
        rep,
      );
      expect(Array.from(same.weekly)).toEqual(Array.from(plain.weekly));
      expect(Array.from(same.pool)).toEqual(Array.from(plain.pool));
      expect(same.ledger).toEqual(plain.ledger);
    }
  });

  it('leaves the weeks before it alone and moves those after', () => {
    const plain = simulate(base, 0);
    const cut = simulate({ ...base, change: { week: 5, params: { payPerHour: 17 } } }, 0);
    const days = base.weeks * 7;
    const payBase = (s: typeof plain, d: number) => s.rec[F.payBase * days + d];
    const hours = (s: typeof plain, d: number) => s.rec[F.paidHours * days + d];
    for (let d = 0; d < 28; d++) expect(payBase(cut, d)).toBe(payBase(plain, d));
    // From the change on, every paid hour pays $17 instead of $22.
    for (let d = 28; d < days; d++) {
      expect(payBase(cut, d) / hours(cut, d)).toBeCloseTo(17, 9);
      expect(payBase(plain, d) / hours(plain, d)).toBeCloseTo(22, 9);
    }
  });

  it('reaches the drivers already in the pool: an outside wage up 20% raises their asking wage 20%', () => {
    const plain = simulate(base, 0);
    const up = simulate({ ...base, change: { week: 3, params: { outsideWage: 20.4 } } }, 0);
    // The first driver was in the pool from the warm-up, in both runs.
    expect(up.dr.res[0] / plain.dr.res[0]).toBeCloseTo(1.2, 9);
    const want = (s: typeof plain) => {
      let n = 0;
      for (let d = 21; d < 56; d++) n += s.rec[F.wantedDays * 56 + d];
      return n;
    };
    expect(want(up)).toBeLessThan(0.9 * want(plain));
  });
});

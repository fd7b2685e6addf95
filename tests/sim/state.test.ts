import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/model/params';
import { defaultScenario } from '../../src/model/scenario';
import { offeredNet } from '../../src/sim/blocks';
import { APPLY_SLACK } from '../../src/sim/constants';
import { seedInitialPool, entry } from '../../src/sim/entry';
import { gatherCandidates } from '../../src/sim/candidates';
import { normalQuantile } from '../../src/sim/random';
import { applicantCut, SimState } from '../../src/sim/state';
import { randomScenario } from './random-scenario';

/** Every own field and the kind of value in it: a stand-in for the object's hidden shape. */
function shape(s: SimState): string {
  return Object.entries(s)
    .map(([k, v]) => `${k}:${typeof v === 'object' ? (v?.constructor.name ?? 'null') : typeof v}`)
    .join(',');
}

describe("a run's state", () => {
  it('has one shape for every scenario, before and after its days, so the phases stay monomorphic', () => {
    const reference = shape(new SimState(defaultScenario(), 0));
    const rng = seedrandom('shape');
    for (let k = 0; k < 5; k++) {
      const s = new SimState(randomScenario(rng), k);
      expect(shape(s)).toBe(reference);
      seedInitialPool(s);
      for (let d = 0; d < 14; d++) {
        entry(s, d);
        gatherCandidates(s, d);
      }
      expect(shape(s)).toBe(reference);
    }
  });

  it('draws applicants below the cut of those who would ask more than APPLY_SLACK times the pay', () => {
    const p = defaultParams();
    const baseNet = offeredNet(p, 1, p.blockHours);
    const cut = applicantCut(p, baseNet);
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(1);
    // The asking wage at the cut is APPLY_SLACK times the advertised net pay.
    const wageAtCut = p.outsideWage * Math.exp(p.outsideWageSpread * normalQuantile(cut));
    expect(wageAtCut).toBeCloseTo(APPLY_SLACK * baseNet, 4);
    expect(applicantCut(p, baseNet * 1.1)).toBeGreaterThan(cut);
    expect(applicantCut({ ...p, outsideWageSpread: 0 }, baseNet)).toBe(1);
  });
});

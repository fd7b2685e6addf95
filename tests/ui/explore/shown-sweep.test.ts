import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/model/scenario';
import { startSweep, valuesDone, withPoint } from '../../../src/ui/explore/shown-sweep';
import { PAY_MODEL, fakeComparison } from '../../run/fake-compare';

describe('the sweep shown', () => {
  it('knows every value before a point is in, and the values done as points come', () => {
    const s = startSweep({ id: 'payPerHour', from: 18, to: 30, steps: 4 });
    expect(s.values).toEqual([18, 22, 26, 30]);
    expect(valuesDone(s)).toEqual([]);
    const point = fakeComparison(defaultScenario(), defaultScenario(), PAY_MODEL);
    const one = withPoint(s, point);
    expect(one.points).toEqual([point]);
    expect(valuesDone(one)).toEqual([18]);
    expect(valuesDone(withPoint(one, point))).toEqual([18, 22]);
    // The sweep before is left as it was.
    expect(s.points).toEqual([]);
  });
});

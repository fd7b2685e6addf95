import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import { axisForm, numericValue, rangeAround, readAxis } from '../../../src/ui/explore/axis-form';

function at(changes: Record<string, unknown>): Scenario {
  const r = withParams(defaultScenario(), changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('a sweep axis form', () => {
  it('reads a lever’s value as a number, an on/off lever as 1 or 0', () => {
    expect(numericValue(at({ payPerHour: 24 }), 'payPerHour')).toBe(24);
    expect(numericValue(at({ surgeEnabled: true }), 'surgeEnabled')).toBe(1);
    expect(numericValue(at({ surgeEnabled: false }), 'surgeEnabled')).toBe(0);
  });

  it('starts ±25% around the scenario’s value, on the lever’s step', () => {
    // Pay 22 ± 5.5, on the $0.50 step.
    expect(rangeAround('payPerHour', at({ payPerHour: 22 }))).toEqual({ from: '16.5', to: '27.5' });
    expect(axisForm('payPerHour', at({ payPerHour: 22 }), 5)).toEqual({
      id: 'payPerHour',
      from: '16.5',
      to: '27.5',
      steps: '5',
    });
  });

  it('starts over a quarter of the range each way from 0, and over the whole range when the ends meet', () => {
    // Surge step 0 moves by (0.5 − 0) / 4, clamped at 0 below.
    expect(rangeAround('surgeStep', at({ surgeStep: 0 }))).toEqual({ from: '0', to: '0.13' });
    // Release lead 0 days (whole days, 0–14): −3.5 and 3.5 snap to 0 and 4.
    expect(rangeAround('releaseLeadDays', at({ releaseLeadDays: 0 }))).toEqual({
      from: '0',
      to: '4',
    });
  });

  it('sweeps an on/off lever from false to true', () => {
    expect(rangeAround('surgeEnabled', defaultScenario())).toEqual({ from: 'false', to: 'true' });
    const axis = readAxis({ id: 'surgeEnabled', from: 'x', to: 'y', steps: '9' });
    expect(axis).toEqual({ ok: true, value: { id: 'surgeEnabled', from: 0, to: 1, steps: 2 } });
  });

  it('reads the axis as typed, spaces trimmed, and names what is wrong', () => {
    expect(readAxis({ id: 'payPerHour', from: ' 18', to: '30 ', steps: ' 4 ' })).toEqual({
      ok: true,
      value: { id: 'payPerHour', from: 18, to: 30, steps: 4 },
    });
    const bad = readAxis({ id: 'payPerHour', from: 'ten', to: '30', steps: '4' });
    expect(bad.ok ? '' : bad.error).toMatch(/"from" must be a number from 10 to 60/);
  });
});

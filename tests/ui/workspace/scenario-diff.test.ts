import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/model/scenario';
import { differences, showParam } from '../../../src/ui/workspace/scenario-diff';

describe('a parameter’s value as the bar shows it', () => {
  it('gives numbers with their unit, on/off for switches, a dash for no number', () => {
    expect(showParam('payPerHour', 24.2)).toBe('24.2 $/h');
    expect(showParam('surgeEnabled', false)).toBe('off');
    expect(showParam('surgeEnabled', true)).toBe('on');
    expect(showParam('payPerHour', Number.NaN)).toBe('–');
    expect(showParam('notAParameter', 3)).toBe('3');
  });
});

describe('the levers that differ from the baseline', () => {
  it('lists none for the same levers', () => {
    expect(differences(defaultScenario(), defaultScenario())).toEqual([]);
  });

  it('lists each differing lever in table order with its label and both values', () => {
    const base = defaultScenario();
    const s = {
      ...base,
      weeks: 12,
      params: { ...base.params, surgeEnabled: false, payPerHour: 30.5 },
    };
    expect(differences(s, base)).toEqual([
      { id: 'payPerHour', label: 'Pay per block hour', was: '22 $/h', now: '30.5 $/h' },
      { id: 'surgeEnabled', label: 'Surge on', was: 'on', now: 'off' },
    ]);
  });

  it('reads the baseline’s values as the “was” side', () => {
    const base = { ...defaultScenario() };
    base.params = { ...base.params, payPerHour: 25 };
    const [d] = differences(defaultScenario(), base);
    expect(d).toMatchObject({ id: 'payPerHour', was: '25 $/h', now: '22 $/h' });
  });
});

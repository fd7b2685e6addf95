import { describe, expect, it } from 'vitest';
import { METRIC_BY_ID, type MetricDef } from '../../../src/model/metrics';
import { defaultScenario, withParams } from '../../../src/model/scenario';
import {
  chosenText,
  deltaText,
  settingText,
  valueText,
} from '../../../src/ui/explore/explore-text';
import { formatDelta } from '../../../src/ui/shared/format';
import { PAY_MODEL, fakeComparison } from '../../run/fake-compare';

const COST = METRIC_BY_ID.get('costPerPackage') as MetricDef;

describe('the explorer’s sentences', () => {
  it('say which setting became the scenario, and what goal seek found', () => {
    expect(chosenText({ payPerHour: 26 })).toBe('Scenario set to Pay per block hour 26 $/h.');
    expect(chosenText({ payPerHour: 26, surgeEnabled: 0 })).toBe(
      'Scenario set to Pay per block hour 26 $/h, Surge on off.',
    );
    expect(settingText({ payPerHour: 24, blockHours: 3 })).toBe(
      'Pay per block hour: 24 $/h · Typical block length: 3 h',
    );
  });

  it('give a value with its interval, or say there is none', () => {
    expect(valueText(COST, { mean: 2.5, low: 2.4, high: 2.6 })).toBe('2.500 (2.400 to 2.600)');
    expect(valueText(COST, { mean: 2.5, low: Number.NaN, high: 2.6 })).toBe('2.500');
    expect(valueText(COST, { mean: Number.NaN, low: 1, high: 2 })).toBe(
      '– (no value in the long run)',
    );
  });

  it('give the paired long-run change from the baseline', () => {
    const r = withParams(defaultScenario(), { payPerHour: 30 });
    if (!r.ok) throw new Error(r.error);
    const c = fakeComparison(defaultScenario(), r.value, PAY_MODEL);
    const d = 0.8; // 0.1 × (30 − 22)
    expect(deltaText(COST, c)).toBe(formatDelta(COST, d, d * 0.99, d * 1.01));
  });
});

import { describe, expect, it } from 'vitest';
import { METRIC_BY_ID, type MetricDef } from '../../../src/model/metrics';
import { changeWithUnit } from '../../../src/ui/shared/comparison-headline';

function metric(id: string): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

describe('a change as the headline says it', () => {
  it('puts money signs and spoken units where the label does not say them', () => {
    expect(changeWithUnit(metric('costPerPackage'), -0.159)).toBe('\u2212\u2060$0.159/package');
    expect(changeWithUnit(metric('driverNetHourly'), 0.5)).toBe('+\u2060$0.50/h');
    expect(changeWithUnit(metric('driverNetHourly'), 0)).toBe('$0.00/h');
    expect(changeWithUnit(metric('hoursPerActiveDriver'), 0.314)).toBe('+0.31 h/week');
    expect(changeWithUnit(metric('onTimeRate'), 0.021)).toBe('+2.10 pp');
    expect(changeWithUnit(metric('activeDrivers'), -65.6)).toBe('\u221266');
    expect(changeWithUnit(metric('activeDrivers'), NaN)).toBe('–');
  });
});

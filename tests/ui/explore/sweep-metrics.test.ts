import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SWEEP_METRICS,
  MAX_SWEEP_METRICS,
  toggleMetric,
} from '../../../src/ui/explore/sweep-metrics';

describe('the metrics a sweep draws', () => {
  it('keeps the metric table’s order whatever order they are ticked in', () => {
    const ticked = toggleMetric(['driverNetHourly'], 'onTimeRate', true);
    expect(ticked).toEqual(['onTimeRate', 'driverNetHourly']);
    expect(toggleMetric(DEFAULT_SWEEP_METRICS, 'fillRate', true)).toEqual([
      'onTimeRate',
      'driverNetHourly',
      'costPerPackage',
      'fillRate',
    ]);
  });

  it('drops an unticked metric, and ticking one twice keeps it once', () => {
    expect(toggleMetric(DEFAULT_SWEEP_METRICS, 'onTimeRate', false)).toEqual([
      'costPerPackage',
      'driverNetHourly',
    ]);
    expect(toggleMetric(['onTimeRate'], 'onTimeRate', true)).toEqual(['onTimeRate']);
  });

  it('draws up to six panels, three to begin with', () => {
    expect(MAX_SWEEP_METRICS).toBe(6);
    expect(DEFAULT_SWEEP_METRICS).toEqual(['costPerPackage', 'onTimeRate', 'driverNetHourly']);
  });
});

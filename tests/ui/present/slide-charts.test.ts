import { describe, expect, it } from 'vitest';
import {
  chartLabel,
  chartOrder,
  sharedPools,
  sharedValues,
  slideSeries,
} from '../../../src/ui/present/slide-charts';
import { comparison } from './comparison-fixture';

describe('the chart rows of presentation mode', () => {
  it('draws the weekly course above the driver pool, whatever order they were picked in', () => {
    expect(chartOrder(new Set(['pool', 'weekly'] as const))).toEqual(['weekly', 'pool']);
    expect(chartOrder(new Set(['pool'] as const))).toEqual(['pool']);
    expect(chartOrder(new Set())).toEqual([]);
  });

  it('names a row by its metric or as the driver pool', () => {
    expect(chartLabel('weekly', 'fillRate')).toBe('Fill rate by week');
    expect(chartLabel('pool', 'fillRate')).toBe('Driver pool');
  });

  it('gives a scenario’s weekly course of the chosen metric, against the baseline', () => {
    const s = slideSeries(comparison({}, 3), 'weekly', 'fillRate');
    if (s.kind !== 'weekly') throw new Error('expected a weekly series');
    expect(s.baseline.map((p) => p.mean)).toEqual([1, 1]);
    expect(s.scenario.map((p) => p.mean)).toEqual([3, 3]);
    expect(s.delta.map((p) => p.mean)).toEqual([2, 2]);
  });

  it('gives a scenario’s driver pool, against the baseline', () => {
    const s = slideSeries(comparison({}, 3), 'pool', 'fillRate');
    if (s.kind !== 'pool') throw new Error('expected a pool series');
    expect(Object.values(s.scenario).every((points) => points.length === 2)).toBe(true);
    expect(Object.values(s.scenario)[0]![0]!.mean).toBe(30);
  });

  it('shares a row’s values across its columns, skipping scenarios not yet run', () => {
    const a = slideSeries(comparison({}, 3), 'weekly', 'fillRate');
    const b = slideSeries(comparison({}, 5), 'weekly', 'fillRate');
    const values = sharedValues([a, undefined, b]);
    expect(Math.max(...values)).toBe(5);
    expect(Math.min(...values)).toBe(1);
    expect(sharedPools([a, b])).toEqual([]);
    const p = slideSeries(comparison({}, 3), 'pool', 'fillRate');
    expect(sharedPools([p, undefined])).toHaveLength(2);
    expect(sharedValues([p])).toEqual([]);
  });
});

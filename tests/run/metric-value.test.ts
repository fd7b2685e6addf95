/**
 * Reading a comparison: a metric's value on each side, and the Pareto frontier of a sweep's
 * points, against the fake runner's closed-form answers (tests/run/fake-compare.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams } from '../../src/model/scenario';
import type { SweepAxis } from '../../src/model/sweep';
import { metricFrontier, metricValue } from '../../src/run/metric-value';
import { sweep } from '../../src/run/sweep-grid';
import { PAY_MODEL, fakeComparison, fakeRunner } from './fake-compare';

const BASE = defaultScenario();
const PAY: SweepAxis = { id: 'payPerHour', from: 18, to: 30, steps: 4 };

describe('a metric’s value in a comparison', () => {
  it('reads the scenario’s, the baseline’s or the paired delta, with its interval', () => {
    const r = withParams(BASE, { payPerHour: 30 });
    if (!r.ok) throw new Error(r.error);
    const c = fakeComparison(BASE, r.value, PAY_MODEL);
    const scenario = metricValue(c, 'costPerPackage');
    expect(scenario.mean).toBeCloseTo(30 * 0.1 + 3.5 * 0.2, 12);
    expect(scenario.low).toBeLessThan(scenario.mean);
    expect(scenario.high).toBeGreaterThan(scenario.mean);
    expect(metricValue(c, 'costPerPackage', 'baseline').mean).toBeCloseTo(22 * 0.1 + 0.7, 12);
    expect(metricValue(c, 'costPerPackage', 'delta').mean).toBeCloseTo(0.8, 12);
  });
});

describe('the frontier of a sweep', () => {
  it('joins the points no other beats on both metrics, each better its own way', async () => {
    const { runner } = fakeRunner();
    const r = await sweep(runner, BASE, { ...PAY, steps: 7 });
    // Cost per package (lower better) rises with pay, on-time rate (higher better) too:
    // every point is a trade-off, so all are efficient.
    expect(metricFrontier(r.points, 'costPerPackage', 'onTimeRate')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Driver pay and on-time rate both rise with pay: only the top point is efficient.
    expect(metricFrontier(r.points, 'driverNetHourly', 'onTimeRate')).toEqual([6]);
  });
});

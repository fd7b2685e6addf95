/**
 * The check of a goal seek's request: what it refuses, with the message naming what is wrong.
 */
import { describe, expect, it } from 'vitest';
import type { MetricId } from '../../src/model/metrics';
import { GOAL_MAX_LEVERS, validateGoal, type GoalSpec } from '../../src/run/goal-spec';

const CHEAPEST: GoalSpec = {
  objective: { metric: 'costPerPackage', sense: 'min' },
  constraints: [{ metric: 'onTimeRate', op: '>=', value: 0.95 }],
  levers: [{ id: 'payPerHour', from: 10, to: 60 }],
  budget: 30,
};

describe('a goal seek’s request', () => {
  it('takes one to three levers within their ranges, a known metric and enough budget', () => {
    expect(GOAL_MAX_LEVERS).toBe(3);
    expect(() => validateGoal(CHEAPEST)).not.toThrow();
    expect(() =>
      validateGoal({
        ...CHEAPEST,
        levers: [
          { id: 'payPerHour', from: 10, to: 60 },
          { id: 'blockHours', from: 2, to: 8 },
          { id: 'surgeEnabled', from: 0, to: 1 },
        ],
        budget: 8,
      }),
    ).not.toThrow();
  });

  it('refuses no lever, or the same lever twice', () => {
    expect(() => validateGoal({ ...CHEAPEST, levers: [] })).toThrow(/1 to 3 levers, got 0/);
    expect(() =>
      validateGoal({ ...CHEAPEST, levers: [...CHEAPEST.levers, ...CHEAPEST.levers] }),
    ).toThrow(/lever "payPerHour" is listed twice/);
  });

  it('refuses an end outside the lever’s range, or ends in the wrong order', () => {
    expect(() =>
      validateGoal({ ...CHEAPEST, levers: [{ id: 'payPerHour', from: 10, to: 61 }] }),
    ).toThrow(/is 61, outside the allowed range 10 to 60/);
    expect(() =>
      validateGoal({ ...CHEAPEST, levers: [{ id: 'payPerHour', from: 20, to: 20 }] }),
    ).toThrow(/"from" \(20\) must be below "to" \(20\)/);
  });

  it('refuses an unknown metric and a bound that is not a number', () => {
    const unknown = 'noSuchMetric' as MetricId;
    expect(() =>
      validateGoal({ ...CHEAPEST, objective: { metric: unknown, sense: 'min' } }),
    ).toThrow(/unknown metric "noSuchMetric"/);
    expect(() =>
      validateGoal({
        ...CHEAPEST,
        constraints: [{ metric: 'onTimeRate', op: '>=', value: Number.NaN }],
      }),
    ).toThrow(/the bound of "onTimeRate" must be a number, got NaN/);
  });

  it('asks a whole budget of at least 2^levers runs', () => {
    expect(() => validateGoal({ ...CHEAPEST, budget: 1 })).toThrow(
      /at least 2 runs for 1 lever\(s\), got 1/,
    );
    expect(() => validateGoal({ ...CHEAPEST, budget: 2.5 })).toThrow(/whole number/);
  });
});

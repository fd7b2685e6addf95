/**
 * Goal seek against a fake runner whose answers are closed-form functions of the parameters
 * (tests/run/fake-compare.ts), so that the best setting can be worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { TREE_GUARDRAIL_IDS } from '../../src/model/guardrails';
import { PARAM_BY_ID, type NumberParamDef } from '../../src/model/params';
import { defaultScenario } from '../../src/model/scenario';
import type { ExplorerProgress } from '../../src/run/explorer-runner';
import { normalCdf } from '../../src/run/goal-constraints';
import { goalGridSteps, goalSeek } from '../../src/run/goal-seek';
import type { GoalSpec } from '../../src/run/goal-spec';
import { tQuantile975 } from '../../src/sim/stats';
import { PAY_MODEL, fakeRunner, payForOnTime, type Model } from './fake-compare';

const BASE = defaultScenario();

describe('the coarse grid of goal seek', () => {
  it('takes about half the budget, at least 2 points per lever', () => {
    expect(goalGridSteps(1, 30)).toBe(15);
    expect(goalGridSteps(2, 80)).toBe(6);
    expect(goalGridSteps(3, 16)).toBe(2);
    expect(goalGridSteps(1, 2)).toBe(2);
  });
});

const cheapest: GoalSpec = {
  objective: { metric: 'costPerPackage', sense: 'min' },
  constraints: [{ metric: 'onTimeRate', op: '>=', value: 0.95 }],
  levers: [{ id: 'payPerHour', from: 10, to: 60 }],
  budget: 30,
};

describe('goal seek', () => {
  it('finds the cheapest pay that keeps on-time rate at 95% (8·ln 20 ≈ 23.97, so 24 on the $0.50 step)', async () => {
    const { runner } = fakeRunner();
    const progress: ExplorerProgress[] = [];
    const r = await goalSeek(runner, BASE, cheapest, { onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toEqual({ done: r.points.length, total: r.points.length, fraction: 1 });
    const exact = payForOnTime(0.95);
    const grid = r.gridValues.payPerHour ?? [];
    const gridStep = grid[1] - grid[0];
    expect(Math.abs((r.best.values.payPerHour ?? 0) - exact)).toBeLessThanOrEqual(gridStep);
    expect(r.best.values.payPerHour).toBe(24);
    expect(r.feasible).toBe(true);
    expect(r.converged).toBe(true);
    expect(r.points.length).toBeLessThanOrEqual(cheapest.budget);
    expect(r.points.some((p) => p.phase === 'pattern')).toBe(true);
    expect(r.objective.mean).toBeCloseTo(24 * 0.1 + 3.5 * 0.2, 12);
    // The constraint barely holds: its probability from the interval, by hand.
    const mean = 1 - Math.exp(-3);
    const se = (0.01 * mean) / tQuantile975(BASE.replications - 1);
    const [c] = r.constraints;
    expect(c.actual.mean).toBeCloseTo(mean, 12);
    expect(c.met).toBe(true);
    expect(c.probability).toBeCloseTo(normalCdf((mean - 0.95) / se), 9);
    expect(c.probability).toBeGreaterThan(0.5);
    expect(c.probability).toBeLessThan(0.6);
    expect(r.confidence).toBe(c.probability);
  });

  it('finds the optimum of two levers, one at the end of its range', async () => {
    const { runner } = fakeRunner();
    const r = await goalSeek(runner, BASE, {
      ...cheapest,
      levers: [
        { id: 'payPerHour', from: 10, to: 60 },
        { id: 'blockHours', from: 2, to: 8 },
      ],
      budget: 80,
    });
    expect(r.best.values).toEqual({ payPerHour: 24, blockHours: 2 });
    expect(r.converged).toBe(true);
    expect(r.points.length).toBeLessThanOrEqual(80);
  });

  it('maximises under an upper bound: best driver pay with cost per package at most $3.02 (pay 23)', async () => {
    const { runner } = fakeRunner();
    const r = await goalSeek(runner, BASE, {
      objective: { metric: 'driverNetHourly', sense: 'max' },
      constraints: [{ metric: 'costPerPackage', op: '<=', value: 3.02 }],
      levers: [{ id: 'payPerHour', from: 10, to: 40 }],
      budget: 24,
    });
    expect(r.best.values.payPerHour).toBe(23);
    expect(r.feasible).toBe(true);
  });
});

describe('goal seek without a feasible setting, on a budget, or asked wrongly', () => {
  it('answers the least infeasible setting when no setting meets the constraints', async () => {
    // Narrow intervals: the shortfall (0.99945 against 0.9999) is then clearly measured.
    const { runner } = fakeRunner(PAY_MODEL, { half: 0.0001 });
    const r = await goalSeek(runner, BASE, {
      ...cheapest,
      constraints: [{ metric: 'onTimeRate', op: '>=', value: 0.9999 }],
    });
    expect(r.feasible).toBe(false);
    expect(r.best.values.payPerHour).toBe(60);
    expect(r.constraints[0].probability).toBeLessThan(0.01);
  });

  it('is deterministic and keeps to its budget', async () => {
    const a = fakeRunner();
    const b = fakeRunner();
    const spec = { ...cheapest, budget: 9 };
    const ra = await goalSeek(a.runner, BASE, spec);
    const rb = await goalSeek(b.runner, BASE, spec);
    expect(a.calls).toEqual(b.calls);
    expect(ra.points.length).toBe(9);
    expect(ra.converged).toBe(false);
    expect(ra.best.values).toEqual(rb.best.values);
  });

  it('refuses bad requests with a message', async () => {
    const { runner } = fakeRunner();
    const lever = (id: 'payPerHour' | 'blockHours' | 'surgeStep' | 'poolCap') => ({
      id,
      from:
        PARAM_BY_ID.get(id)?.kind === 'boolean' ? 0 : (PARAM_BY_ID.get(id) as NumberParamDef).min,
      to: (PARAM_BY_ID.get(id) as NumberParamDef).max,
    });
    const four = ['payPerHour', 'blockHours', 'surgeStep', 'poolCap'] as const;
    await expect(goalSeek(runner, BASE, { ...cheapest, levers: four.map(lever) })).rejects.toThrow(
      /1 to 3 levers, got 4/,
    );
    await expect(goalSeek(runner, BASE, { ...cheapest, budget: 1 })).rejects.toThrow(
      /at least 2 runs/,
    );
    await expect(
      goalSeek(runner, BASE, { ...cheapest, levers: [{ id: 'payPerHour', from: 30, to: 20 }] }),
    ).rejects.toThrow(/must be below "to"/);
    await expect(
      goalSeek(runner, BASE, { ...cheapest, levers: [{ id: 'payPerHour', from: 5, to: 20 }] }),
    ).rejects.toThrow(/\("payPerHour"\) is 5, outside the allowed range 10 to 60/);
  });
});

/** PAY_MODEL with hours below the wage floor falling as pay rises: (26 − pay) / 60. */
const FLOOR_MODEL: Model = (s) => ({
  ...PAY_MODEL(s),
  belowFloorHoursShare: Math.max(0, (26 - s.params.payPerHour) / 60),
});

describe('goal seek keeps the guardrails', () => {
  // On-time 90% needs pay 8·ln 10 ≈ 18.42 (18.5 on the step), where 12.5% of hours are below
  // the floor: a breach of its 10% guardrail. Cost per package's threshold is lifted to $5.
  const onTime90: GoalSpec = {
    ...cheapest,
    constraints: [{ metric: 'onTimeRate', op: '>=', value: 0.9 }],
    thresholds: { costPerPackage: 5 },
  };

  it('never offers a breaching answer as met, even when no guardrail is kept', async () => {
    const { runner } = fakeRunner(FLOOR_MODEL);
    const r = await goalSeek(runner, BASE, onTime90);
    expect(r.best.values.payPerHour).toBe(18.5);
    expect(r.feasible).toBe(true);
    expect(r.met).toBe(false);
    expect(r.breached).toEqual(['belowFloorHoursShare']);
    expect(r.unchecked).toEqual(TREE_GUARDRAIL_IDS);
  });

  it('keeps every guardrail as a constraint at its threshold in force', async () => {
    const { runner } = fakeRunner(FLOOR_MODEL);
    const r = await goalSeek(runner, BASE, { ...onTime90, guardrails: TREE_GUARDRAIL_IDS });
    // (26 − 20) / 60 = 10%: at the threshold, not above it.
    expect(r.best.values.payPerHour).toBe(20);
    expect(r.met).toBe(true);
    expect(r.breached).toEqual([]);
    expect(r.unchecked).toEqual([]);
    expect(r.constraints.map((c) => c.metric)).toEqual(['onTimeRate', ...TREE_GUARDRAIL_IDS]);
    const floor = r.constraints.find((c) => c.metric === 'belowFloorHoursShare');
    expect(floor).toMatchObject({ op: '<=', value: 0.1, guardrail: true, met: true });
    expect(r.constraints.find((c) => c.metric === 'costPerPackage')?.value).toBe(5);
  });

  it('under the interval rule, meets a bound only with the interval’s worse end', async () => {
    const { runner } = fakeRunner(FLOOR_MODEL);
    const r = await goalSeek(runner, BASE, {
      ...onTime90,
      guardrails: TREE_GUARDRAIL_IDS,
      rule: 'interval',
    });
    // At 20 the mean is 10% but the interval's high end 10.1%; 20.5 is the first to hold.
    expect(r.best.values.payPerHour).toBe(20.5);
    expect(r.rule).toBe('interval');
    expect(r.met).toBe(true);
    for (const c of r.constraints) {
      expect(c.op === '>=' ? c.actual.low >= c.value : c.actual.high <= c.value, c.metric).toBe(
        true,
      );
    }
  });

  it('refuses to keep a metric that is not a guardrail', async () => {
    const { runner } = fakeRunner(FLOOR_MODEL);
    await expect(
      goalSeek(runner, BASE, { ...onTime90, guardrails: ['onTimeRate'] }),
    ).rejects.toThrow(/not a guardrail/);
  });
});

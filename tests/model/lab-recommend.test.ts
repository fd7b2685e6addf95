/**
 * The lab's recommendation (src/model/lab-recommend.ts) weighs the app's guardrails against
 * their thresholds in force, the user's first, and names the guardrail that decides.
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentDesign } from '../../src/model/experiment';
import { LAB_METRICS, marketBalance } from '../../src/model/lab-metrics';
import { labGuardrails, recommend } from '../../src/model/lab-recommend';
import { metricStats, type DesignStats } from '../../src/model/lab-stats';

const CHURN = LAB_METRICS.findIndex((m) => m.id === 'weeklyChurn');
const COST = LAB_METRICS.findIndex((m) => m.id === 'costPerPackage');

/** 40 estimates centred on truth + bias with spread `sd` (deterministic). */
function stats(id: string, truth: number, bias: number, sd: number) {
  const e = Array.from({ length: 40 }, (_, i) => truth + bias + sd * Math.sin(i * 2.4));
  return metricStats(id, e, new Array<number>(40).fill(truth), []);
}

/**
 * A design with a North Star error of `ns` (bias, SE 10 around a true effect of 100) and an
 * error of `churn` on weekly churn (absent when null); cost per package as `cost`.
 */
function design(
  d: ExperimentDesign,
  ns: number,
  churn: number | null,
  cost: number | null = null,
): DesignStats {
  const metrics = LAB_METRICS.map((m, i) => {
    if (i === 0) return stats(m.id, 100, ns, 10);
    if (i === CHURN) return churn === null ? null : stats(m.id, 0.001, churn, 0.0002);
    if (i === COST) return cost === null ? null : stats(m.id, 0.02, cost, 0.005);
    return null;
  });
  const weeks = Array.from({ length: 12 }, (_, k) => ({
    weeks: k + 1,
    power: Math.min(1, 0.2 * (k + 1)),
    mde: 30 / (k + 1),
    bias: ns,
  }));
  return { design: d, metrics, byWeeks: weeks, byMetricWeeks: metrics.map(() => weeks) };
}

const balance = marketBalance(0.01, 0.2);
/** The control's levels: churn 2.8% a week (0.2 points under the table's 3%), cost $2.00. */
const levels = LAB_METRICS.map((_, i) => (i === CHURN ? 0.028 : i === COST ? 2.0 : 0));

describe('the lab recommendation', () => {
  it('reads the thresholds in force: the table, or the user', () => {
    const table = labGuardrails(levels);
    expect(table.map((g) => g.metric.id)).toEqual(['weeklyChurnRate', 'costPerPackage']);
    const churn = table.find((g) => g.index === CHURN);
    expect(churn?.threshold).toBe(0.03);
    expect(churn?.headroom).toBeCloseTo(0.002, 9);
    const own = labGuardrails(levels, { weeklyChurnRate: 0.05 }).find((g) => g.index === CHURN);
    expect(own?.threshold).toBe(0.05);
    expect(own?.userSet).toBe(true);
    expect(own?.headroom).toBeCloseTo(0.022, 9);
  });

  it('picks the North Star’s best design when the guardrails have room, and names none', () => {
    // Driver split: North Star bias 5, churn off by 0.004; switchback: bias 40, churn exact.
    const designs = [design('driver', 5, 0.004, 0.01), design('switchback', 40, 0, 0.01)];
    const r = recommend(designs, balance, 4, levels, { weeklyChurnRate: 0.2 });
    expect(r.design).toBe('driver');
    expect(r.decidedBy).toBeUndefined();
    expect(r.text).not.toContain('guardrail decides');
  });

  it('lets a guardrail near its threshold decide, and says which', () => {
    const designs = [design('driver', 5, 0.004, 0.01), design('switchback', 40, 0, 0.01)];
    const r = recommend(designs, balance, 4, levels);
    expect(r.design).toBe('switchback');
    expect(r.decidedBy).toBe('weeklyChurn');
    expect(r.text).toContain(
      'the weekly churn guardrail decides: it sits 0.2 points from its threshold (3.0%)',
    );
    expect(r.text).toContain('a driver split errs by 0.4 points on it');
    // The user's own, nearer threshold is named as theirs.
    const mine = recommend(designs, balance, 4, levels, { weeklyChurnRate: 0.029 });
    expect(mine.decidedBy).toBe('weeklyChurn');
    expect(mine.text).toContain('from the threshold you set (2.9%)');
  });

  it('names a guardrail the North Star’s best design cannot estimate', () => {
    // Cost per package $0.05 from $2.50 for this test: a driver split cannot estimate it.
    const tight = levels.map((v, i) => (i === COST ? 2.45 : v));
    const designs = [design('driver', 5, 0, null), design('switchback', 30, 0, 0.001)];
    const r = recommend(designs, balance, 4, tight, { weeklyChurnRate: 0.2 });
    expect(r.design).toBe('switchback');
    expect(r.decidedBy).toBe('costPerPackage');
    expect(r.text).toContain('a driver split cannot estimate it');
  });
});

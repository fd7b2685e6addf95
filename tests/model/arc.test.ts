/**
 * The metric-question arc graded (src/model/arc.ts, arc-round.ts) on hand-made truths: sizes
 * against the threshold, each step's score for right and wrong answers, and the call against
 * the candidate's criteria with the short run's call shown when it differs.
 */
import { describe, expect, it } from 'vitest';
import {
  NO_ANSWERS,
  callOf,
  choosableMetrics,
  sizeOf,
  sizesReached,
  type ArcAnswers,
} from '../../src/model/arc';
import { gradeQuestion } from '../../src/model/arc-round';
import type { MetricId } from '../../src/model/metrics';
import { NORTH_STAR, PROMPT_BY_ID } from '../../src/model/prompts';
import { defaultParams } from '../../src/model/params';
import { payRiseTruths, truth } from './arc-truths';

const prompt = PROMPT_BY_ID.get('pay-rise-30')!;
const base = defaultParams();
const raised = { ...base, payPerHour: 30 };

const strong: ArcAnswers = {
  goal: 'Deliver what customers ordered when promised.',
  northStar: NORTH_STAR,
  inputs: ['driverNetHourly', 'activeDrivers'],
  guardrails: ['costPerPackage', 'weeklyChurnRate'],
  guardrailReason: 'Pay is cost; a bigger pool shares the same hours.',
  predictions: {
    'onTimePackagesPerWeek:short': 'flat',
    'onTimePackagesPerWeek:long': 'flat',
    'costPerPackage:short': 'up',
    'costPerPackage:long': 'up',
    'driverNetHourly:short': 'up',
    'driverNetHourly:long': 'up',
    'activeDrivers:short': 'flat',
    'activeDrivers:long': 'up',
    'fillRate:short': 'flat',
    'fillRate:long': 'flat',
  },
  sizes: {
    'costPerPackage:short': 'large',
    'costPerPackage:long': 'large',
    'driverNetHourly:short': 'large',
    'driverNetHourly:long': 'small',
    'activeDrivers:long': 'small',
  },
  call: 'dont',
  callReason: 'Cost per package rises a lot and on-time packages do not.',
};

const weak: ArcAnswers = {
  ...NO_ANSWERS,
  northStar: 'fillRate',
  inputs: ['hoursGini'],
  guardrails: ['unsafePaceShare'],
  predictions: { 'onTimePackagesPerWeek:long': 'up', 'costPerPackage:long': 'down' },
  sizes: {},
  call: 'ship',
};

describe('sizes', () => {
  it('are bands in multiples of the threshold, flat under it', () => {
    expect(sizeOf(0.1, 0.25)).toBeUndefined();
    expect(sizeOf(-0.5, 0.25)).toBe('small');
    expect(sizeOf(1, 0.25)).toBe('medium');
    expect(sizeOf(-3, 0.25)).toBe('large');
    expect(sizeOf(Number.NaN, 0.25)).toBeUndefined();
  });

  it('accept every band the interval reaches on the side of the estimate', () => {
    expect(sizesReached(truth('costPerPackage', 'long', 0.1, 0.02, 'worse', 0.05))).toEqual([
      'small',
      'medium',
    ]);
    expect(sizesReached(truth('driverNetHourly', 'long', 0.33, 0.25, 'better', 0.3))).toEqual([
      'small',
    ]);
  });
});

describe('a metric-question round', () => {
  const measured = payRiseTruths();

  it('scores a strong answer high on every step', () => {
    const g = gradeQuestion(prompt, strong, measured, base, raised);
    expect(g.northStar.score).toBe(1);
    expect(g.guardrails.score).toBe(1);
    expect(g.guardrails.facts.atRisk[0].metric).toBe('costPerPackage');
    expect(g.direction.score).toBe(1);
    expect(g.size.score).toBe(1);
    expect(g.call.facts.long.call).toBe('dont');
    expect(g.call.score).toBe(1);
    expect(g.score).toBe(1);
    expect(Object.keys(g.skills).sort()).toEqual([
      'call',
      'direction',
      'guardrails',
      'northStar',
      'size',
    ]);
  });

  it('scores a weak answer low on every step', () => {
    const g = gradeQuestion(prompt, weak, measured, base, raised);
    expect(g.northStar.score).toBe(0);
    expect(g.guardrails.score).toBeLessThanOrEqual(0.25);
    expect(g.guardrails.facts.caught).toBe(false);
    expect(g.direction.score).toBe(0);
    expect(g.size.score).toBe(0);
    expect(g.call.score).toBe(0);
    expect(g.score).toBeLessThan(0.1);
  });

  it('scores rows the run cannot settle as neither right nor wrong', () => {
    const unsettled = measured.map((t) =>
      t.metric === 'fillRate' ? { ...t, verdict: 'uncertain' as const, direction: undefined } : t,
    );
    const g = gradeQuestion(prompt, strong, unsettled, base, raised);
    const fill = g.rows.filter((r) => r.truth.metric === 'fillRate');
    expect(fill.map((r) => r.directionRight)).toEqual([undefined, undefined]);
    expect(g.direction.score).toBe(1);
  });

  it('grades the call against the criteria the candidate stated, and shows the short run’s call', () => {
    // Judged on the North Star with no guardrails of their own: cost and churn stand in.
    const g = gradeQuestion(prompt, { ...strong, guardrails: [] }, measured, base, raised);
    expect(g.call.facts.criteria.guardrails).toEqual(['costPerPackage', 'weeklyChurnRate']);
    // A North Star that rose in the long run only: the short run says don't, the long run ship.
    const rising = measured.map((t) =>
      t.metric === NORTH_STAR && t.run === 'long'
        ? truth(NORTH_STAR, 'long', 900, 545, 'better')
        : t,
    );
    const c = { goal: NORTH_STAR, guardrails: ['fillRate' as MetricId] };
    expect(callOf(rising, c, 'short').call).toBe('dont');
    expect(callOf(rising, c, 'long').call).toBe('ship');
    expect(callOf(rising, { ...c, guardrails: ['costPerPackage'] }, 'long').call).toBe('change');
  });

  it('offers the North Star as a guardrail only in a ship-or-not drill', () => {
    expect(choosableMetrics(prompt.metrics)).not.toContain(NORTH_STAR);
    expect(choosableMetrics(prompt.metrics, true)).toContain(NORTH_STAR);
    expect(choosableMetrics(prompt.metrics)).toContain('weeklyChurnRate');
  });
});

import { describe, expect, it } from 'vitest';
import { metricNode } from '../../src/model/causal-graph';
import type { Estimate } from '../../src/model/results';
import { agreeingChains, chainText, type Measured } from '../../src/model/why-chains';

const up: Estimate = { mean: 1, low: 0.5, high: 1.5 };
const down: Estimate = { mean: -1, low: -1.5, high: -0.5 };
const flat: Estimate = { mean: 0.1, low: -0.4, high: 0.6 };

const PAY_DOWN = [{ id: 'payPerHour', direction: -1 }] as const;

/** A pay cut's run: on time down through fewer claims and less route capacity. */
const PAY_CUT: Measured = new Map([
  [metricNode('onTimePackagesPerWeek'), down],
  [metricNode('onTimeRate'), down],
  [metricNode('fillRate'), down],
  ['claims', down],
  ['routeCapacity', down],
  ['willing', down],
]);

describe('the chains that agree with a run', () => {
  it('lists the chain through claims and route capacity, every measured link its way', () => {
    const answer = agreeingChains(PAY_DOWN, 'onTimePackagesPerWeek', 'short', PAY_CUT);
    const texts = answer.chains.map((c) => chainText(c));
    expect(texts).toContain(
      'pay down → worse-paid offers → fewer drivers willing to work → fewer claims → lower fill → less route capacity shows up → lower on-time rate → fewer packages on time',
    );
    expect(answer.considered).toBeGreaterThanOrEqual(answer.chains.length);
    expect(answer.note).toMatch(/^Chains agreeing with every measured link: 1 of 1\./);
    for (const chain of answer.chains) {
      for (const step of chain.steps.slice(1)) {
        const m = step.measured;
        if (m) expect(m.mean).toBeLessThan(0);
      }
    }
  });

  it('rules out a chain when a measured link moved the other way or stayed flat', () => {
    const claimsUp = new Map(PAY_CUT);
    claimsUp.set('claims', up);
    const texts = agreeingChains(PAY_DOWN, 'onTimePackagesPerWeek', 'short', claimsUp).chains.map(
      (c) => chainText(c),
    );
    expect(texts.some((t) => t.includes('fewer claims'))).toBe(false);
    const capacityFlat = new Map(PAY_CUT);
    capacityFlat.set('routeCapacity', flat);
    const answer = agreeingChains(PAY_DOWN, 'onTimePackagesPerWeek', 'short', capacityFlat);
    expect(answer.chains.some((c) => c.steps.some((s) => s.node === 'routeCapacity'))).toBe(false);
  });

  it('says when no chain agrees, and when the metric did not move', () => {
    const against = new Map(PAY_CUT);
    for (const node of ['claims', 'routeCapacity', 'willing']) against.set(node, up);
    against.set(metricNode('onTimeRate'), up);
    const none = agreeingChains(PAY_DOWN, 'onTimePackagesPerWeek', 'short', against);
    expect(none.chains).toEqual([]);
    expect(none.note).toMatch(/^None of the \d+ chains/);
    const still = new Map(PAY_CUT);
    still.set(metricNode('onTimePackagesPerWeek'), flat);
    const flatAnswer = agreeingChains(PAY_DOWN, 'onTimePackagesPerWeek', 'short', still);
    expect(flatAnswer.chains).toEqual([]);
    expect(flatAnswer.note).toContain('did not move beyond its 95% interval');
  });

  it('needs the metric to move the way the chain leads', () => {
    // A pay cut that somehow raised on-time packages: no chain from pay leads there by a
    // route whose measured links all fell.
    const odd = new Map(PAY_CUT);
    odd.set(metricNode('onTimePackagesPerWeek'), up);
    const answer = agreeingChains(PAY_DOWN, 'onTimePackagesPerWeek', 'short', odd);
    for (const c of answer.chains) {
      expect(c.steps.at(-1)?.words).toBe('more packages on time');
    }
  });
});

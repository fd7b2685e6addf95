import { describe, expect, it } from 'vitest';
import type { Stability } from '../../../src/model/results';
import { stabilityLine, stabilityText } from '../../../src/ui/shared/stability';

const growing: Stability = {
  growth: { mean: 0.19, low: 0.15, high: 0.23 },
  slope: { mean: 0.002, low: -0.001, high: 0.005 },
  growing: 7,
  n: 8,
  unstable: true,
};

describe('the instability flag in words', () => {
  it('says plainly that the backlog keeps growing, with the replications and the growth', () => {
    const text = stabilityText(growing, 'scenario');
    expect(text).toMatch(/^Unstable scenario: the backlog keeps growing\. In 7 of 8 replications/);
    expect(text).toContain('growth +0.19 [+0.15, +0.23] days');
    expect(stabilityLine(growing, 'baseline')).toBe(
      'Unstable baseline: backlog growing (7 of 8 replications, +0.19 days of demand).',
    );
  });

  it('says nothing for a settled backlog', () => {
    const settled = { ...growing, growing: 1, unstable: false };
    expect(stabilityText(settled, 'scenario')).toBe('');
    expect(stabilityLine(settled, 'scenario')).toBe('');
  });
});

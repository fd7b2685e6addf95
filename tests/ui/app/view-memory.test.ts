import { describe, expect, it } from 'vitest';
import { viewMayHaveChanged } from '../../../src/ui/app/view-memory';

describe('when the view is written', () => {
  it('skips the updates a run makes (progress, estimates, state)', () => {
    const progress = new Map<PropertyKey, unknown>([
      ['progress', 0.25],
      ['comparison', undefined],
      ['state', 'idle'],
    ]);
    expect(viewMayHaveChanged(progress)).toBe(false);
  });

  it('writes on a change of any part of the view or of the pins', () => {
    for (const k of [
      'baseline',
      'scenario',
      'chart',
      'metric',
      'thresholds',
      'minChanges',
      'pins',
    ]) {
      expect(viewMayHaveChanged(new Map([[k, undefined]])), k).toBe(true);
    }
  });
});

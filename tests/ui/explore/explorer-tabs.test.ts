import { describe, expect, it } from 'vitest';
import { TABS, exportFileName, runLabel } from '../../../src/ui/explore/explorer-tabs';

describe('the explorer’s tabs', () => {
  it('are the six tools, in order', () => {
    expect(TABS.map((t) => t.label)).toEqual([
      'Sweep',
      'Trade-off',
      'Two levers',
      'Sensitivity',
      'Goal seek',
      'Global design',
    ]);
  });

  it('name each run button and exported file', () => {
    expect(runLabel('sweep')).toBe('Run sweep');
    expect(runLabel('grid')).toBe('Run grid');
    expect(runLabel('sensitivity')).toBe('Run sensitivity');
    expect(runLabel('goal')).toBe('Seek');
    expect(runLabel('design')).toBe('Run design');
    expect(exportFileName('tradeoff', 'svg')).toBe('gigsim-explore-tradeoff.svg');
  });
});

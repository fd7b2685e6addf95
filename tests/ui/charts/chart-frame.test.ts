import { describe, expect, it } from 'vitest';
import { fitSize } from '../../../src/ui/charts/chart-frame';
import { textWidth } from '../../../src/ui/charts/chart-theme';

describe('fitSize', () => {
  const title = 'Week of the run (calendar week beneath)';

  it('keeps the size where the text fits', () => {
    expect(fitSize(title, 15, 800, 15)).toBe(15);
    expect(fitSize(title, 15, textWidth(title, 15), 15)).toBe(15);
  });

  it('sets a text that does not fit smaller, so that it fits, down to 60%', () => {
    const room = textWidth(title, 15) * 0.8;
    const size = fitSize(title, 15, room, 15);
    expect(size).toBeLessThan(15);
    expect(textWidth(title, size)).toBeLessThanOrEqual(room + 0.5);
    expect(fitSize(title, 15, 10, 15)).toBe(9);
  });
});

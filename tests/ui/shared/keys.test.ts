import { describe, expect, it } from 'vitest';
import { stepIndex, tabStep } from '../../../src/ui/shared/keys';
describe('key presses', () => {
  it('moves a focused index with arrows, Home, End and page keys, clamped', () => {
    expect(stepIndex('ArrowRight', 3, 10)).toBe(4);
    expect(stepIndex('ArrowLeft', 0, 10)).toBe(0);
    expect(stepIndex('ArrowRight', 9, 10)).toBe(9);
    expect(stepIndex('Home', 5, 10)).toBe(0);
    expect(stepIndex('End', 5, 10)).toBe(9);
    expect(stepIndex('PageUp', 5, 10)).toBe(9);
    expect(stepIndex('PageDown', 5, 10, 2)).toBe(3);
    expect(stepIndex('a', 5, 10)).toBeUndefined();
    // Tabs wrap round at the ends and ignore vertical and paging keys.
    expect(tabStep('ArrowRight', 2, 3)).toBe(0);
    expect(tabStep('ArrowLeft', 0, 3)).toBe(2);
    expect(tabStep('ArrowRight', 0, 3)).toBe(1);
    expect(tabStep('Home', 2, 3)).toBe(0);
    expect(tabStep('End', 0, 3)).toBe(2);
    expect(tabStep('ArrowDown', 1, 3)).toBeUndefined();
    expect(tabStep('ArrowRight', 0, 0)).toBeUndefined();
  });
});

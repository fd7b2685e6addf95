import { describe, expect, it } from 'vitest';
import { COLOURS, DASH, FONT, textWidth } from '../../../src/ui/charts/chart-theme';

describe('the charts’ palette and type', () => {
  it('tells baseline from scenario by stroke as well as by colour', () => {
    expect(COLOURS.baseline).not.toBe(COLOURS.scenario);
    expect(DASH.baseline).not.toBe(DASH.scenario);
  });

  it('keeps tick labels at 13 px or more, so that axes read from the back of a room', () => {
    for (const size of Object.values(FONT)) expect(size).toBeGreaterThanOrEqual(13);
  });

  it('estimates a text’s width from its length and the font size', () => {
    expect(textWidth('', FONT.tick)).toBe(0);
    expect(textWidth('Week', 10)).toBeCloseTo(4 * 10 * 0.58);
    expect(textWidth('Week 12', FONT.tick)).toBeGreaterThan(textWidth('Week', FONT.tick));
    expect(textWidth('Week', FONT.title)).toBeGreaterThan(textWidth('Week', FONT.tick));
  });
});

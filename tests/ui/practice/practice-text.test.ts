import { describe, expect, it } from 'vitest';
import { DIFFICULTIES } from '../../../src/model/prompts';
import { DIRECTIONS } from '../../../src/model/scoring';
import {
  DIFFICULTY_TEXT,
  DIRECTION_TEXT,
  percentText,
} from '../../../src/ui/practice/practice-text';

describe('practice mode’s words', () => {
  it('reads a score as a whole percentage, and no score as a dash', () => {
    expect(percentText(0.75)).toBe('75%');
    expect(percentText(2 / 3)).toBe('67%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(Number.NaN)).toBe('–');
  });

  it('names every direction with an icon as well as a word, and every difficulty', () => {
    expect(DIRECTIONS.map((d) => DIRECTION_TEXT[d])).toEqual(['▲ up', '▼ down', '▬ flat']);
    expect(DIFFICULTIES.map((d) => DIFFICULTY_TEXT[d])).toEqual(['Easy', 'Medium', 'Hard']);
  });
});

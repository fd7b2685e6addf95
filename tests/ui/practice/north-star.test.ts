import { describe, expect, it } from 'vitest';
import { NORTH_STAR } from '../../../src/model/prompts';
import { judgePick, movedText } from '../../../src/ui/practice/north-star';

describe('judging the candidate’s North Star', () => {
  it('tells no pick from the model’s North Star', () => {
    expect(judgePick('')).toEqual({ kind: 'none' });
    expect(judgePick(NORTH_STAR)).toEqual({ kind: 'model' });
  });

  it('names another metric with its stakeholder group and why that group’s measures are not it', () => {
    const pick = judgePick('onTimeRate');
    expect(pick).toMatchObject({ kind: 'other', label: 'On-time rate', group: 'customers' });
    if (pick.kind === 'other') expect(pick.why).toMatch(/^A rate does not grow with the business/);
    const operator = judgePick('fillRate');
    if (operator.kind !== 'other') throw new Error('fill rate is not the North Star');
    expect(operator.why).toContain('The operator’s measures');
  });

  it('says how a metric moved as a verb', () => {
    expect(['up', 'down', 'flat', undefined].map((d) => movedText(d as never))).toEqual([
      'rose',
      'fell',
      'showed no meaningful change',
      'had no estimate',
    ]);
    expect(movedText(undefined, true)).toBe('moved by an amount the run cannot settle');
  });
});

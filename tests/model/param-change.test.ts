import { describe, expect, it } from 'vitest';
import { changedValue } from '../../src/model/param-change';

describe('a parameter change on the current value', () => {
  it('scales, shifts or sets the value, without binary noise', () => {
    expect(changedValue({ param: 'payPerHour', times: 1.1 }, 22)).toEqual({
      value: 24.2,
      capped: false,
    });
    expect(changedValue({ param: 'payPerHour', times: 1.1 }, 30).value).toBe(33);
    expect(changedValue({ param: 'capacityBuffer', plus: 0.1 }, 0.05).value).toBe(0.15);
    expect(changedValue({ param: 'surgeEnabled', set: false }, true).value).toBe(false);
  });

  it('holds a change within the range and says so', () => {
    expect(changedValue({ param: 'blockHours', plus: 1.5 }, 7.5)).toEqual({
      value: 8,
      capped: true,
    });
    expect(changedValue({ param: 'blockHours', plus: 1.5 }, 3.5)).toEqual({
      value: 5,
      capped: false,
    });
  });
});

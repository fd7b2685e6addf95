import { describe, expect, it } from 'vitest';
import { MAX_WAIT_DAYS } from '../../src/sim/constants';
import { ageBacklog, loadBacklog } from '../../src/sim/packages';

describe('the backlog of late packages', () => {
  it('is loaded oldest first, and only as far as the room left', () => {
    const age = Float64Array.from([30, 20]);
    expect(loadBacklog(age, 25)).toBe(25);
    expect(Array.from(age)).toEqual([25, 0]);
    expect(loadBacklog(age, 100)).toBe(25);
    expect(Array.from(age)).toEqual([0, 0]);
  });

  it('ages by a day: the longest-waiting packages go to the fallback carrier, fresh misses start at one day', () => {
    const age = Float64Array.from([30, 20]);
    expect(ageBacklog(age, 50, 0)).toBe(20);
    expect(Array.from(age)).toEqual([50, 30]);
  });

  it('gives a late package that failed again one last try the next day', () => {
    const age = Float64Array.from([0, 0]);
    expect(ageBacklog(age, 0, 7)).toBe(0);
    expect(Array.from(age)).toEqual([0, 7]);
    expect(ageBacklog(age, 0, 0)).toBe(7);
  });

  it('never holds a package longer than MAX_WAIT_DAYS, whatever arrives', () => {
    const age = new Float64Array(MAX_WAIT_DAYS);
    let waiting = 0;
    for (let day = 0; day < 30; day++) {
      const out = ageBacklog(age, 1000, 0);
      waiting += 1000 - out;
      expect(age.reduce((a, b) => a + b, 0)).toBe(waiting);
      expect(waiting).toBeLessThanOrEqual(1000 * MAX_WAIT_DAYS);
    }
  });
});

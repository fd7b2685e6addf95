import { describe, expect, it } from 'vitest';
import { MAX_DRIVERS } from '../../src/model/run-budget';
import { Drivers, GROWTH } from '../../src/sim/drivers';

describe("the drivers' arrays", () => {
  it('grow by a quarter, not double, keeping what they hold (the worst-case benchmark: memory in the tab)', () => {
    const dr = new Drivers(1000);
    dr.count = 1000;
    dr.res[999] = 17.5;
    dr.reserve(1);
    expect(GROWTH).toBe(1.25);
    expect(dr.capacity).toBe(1250 + 64);
    expect(dr.res.length).toBe(dr.capacity);
    expect(dr.res[999]).toBe(17.5);
    dr.reserve(5000);
    expect(dr.capacity).toBe(6000);
  });

  it('never grow past the most drivers a run may sign up', () => {
    const dr = new Drivers(1_900_000);
    dr.count = 1_900_000;
    dr.reserve(10);
    expect(dr.capacity).toBe(MAX_DRIVERS + 64);
  });
});

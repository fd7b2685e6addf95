/**
 * Sensitivity against a fake runner whose answers are closed-form functions of the parameters
 * (tests/run/fake-compare.ts): the default items, and the rows ranked by swing.
 */
import { describe, expect, it } from 'vitest';
import { PARAM_BY_ID, type NumberParamDef } from '../../src/model/params';
import { defaultScenario } from '../../src/model/scenario';
import { defaultTornadoItems, tornado } from '../../src/run/sensitivity';
import { fakeRunner } from './fake-compare';

const BASE = defaultScenario();

describe('sensitivity', () => {
  it('moves every numeric policy lever and market assumption by ±spread, on its step, within its range', () => {
    const items = defaultTornadoItems(BASE, 0.2);
    const ids = items.map((i) => i.id);
    expect(ids).toContain('payPerHour');
    expect(ids).toContain('demandPerDay');
    expect(ids).not.toContain('surgeEnabled');
    expect(ids).not.toContain('productivity'); // operations
    for (const item of items) {
      const def = PARAM_BY_ID.get(item.id) as NumberParamDef;
      const v = BASE.params[item.id] as number;
      expect(def.group === 'policy' || def.group === 'market').toBe(true);
      expect(item.low).toBeLessThanOrEqual(v);
      expect(item.high).toBeGreaterThanOrEqual(v);
      expect(item.low).toBeLessThan(item.high);
      for (const x of [item.low, item.high]) {
        expect(x).toBeGreaterThanOrEqual(def.min);
        expect(x).toBeLessThanOrEqual(def.max);
        const k = (x - def.min) / def.step;
        expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
      }
    }
    const pay = items.find((i) => i.id === 'payPerHour');
    expect(pay).toEqual({ id: 'payPerHour', low: 17.5, high: 26.5 });
    expect(() => defaultTornadoItems(BASE, 0)).toThrow(/positive share/);
  });

  it('ranks the items by the swing of the metric, with paired deltas from the scenario', async () => {
    const { runner } = fakeRunner();
    const items = [
      { id: 'demandPerDay' as const, low: 8000, high: 12000 },
      { id: 'blockHours' as const, low: 2.5, high: 4.5 },
      { id: 'payPerHour' as const, low: 17.5, high: 26.5 },
    ];
    const r = await tornado(runner, BASE, items, 'costPerPackage');
    expect(r.rows.map((row) => row.id)).toEqual(['payPerHour', 'blockHours', 'demandPerDay']);
    const base = 22 * 0.1 + 3.5 * 0.2;
    expect(r.base.mean).toBeCloseTo(base, 12);
    const pay = r.rows[0];
    expect(pay.low.value).toBe(17.5);
    expect(pay.low.metric.mean).toBeCloseTo(base - 0.45, 12);
    expect(pay.high.delta.mean).toBeCloseTo(0.45, 12);
    expect(pay.high.delta.low).toBeLessThan(pay.high.delta.mean);
    expect(pay.swing).toBeCloseTo(0.9, 12);
    expect(r.rows[1].swing).toBeCloseTo(0.4, 12);
    expect(r.rows[2].swing).toBe(0);
  });
});

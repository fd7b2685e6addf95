import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/model/scenario';
import { defaultTornadoItems, tornado } from '../../../src/run/sensitivity';
import { tornadoBars, tornadoItems, tornadoNote } from '../../../src/ui/explore/sensitivity-form';
import { fakeRunner } from '../../run/fake-compare';

const BASE = defaultScenario();

describe('the sensitivity form', () => {
  it('reads the spread as a percentage of each value', () => {
    const items = tornadoItems(' 20 ', BASE);
    expect(items).toEqual({ ok: true, value: defaultTornadoItems(BASE, 0.2) });
    const n = defaultTornadoItems(BASE, 0.2).length;
    expect(tornadoNote(items)).toBe(`${n} levers and market assumptions, ${2 * n} runs.`);
  });

  it('refuses a spread that is not above 0 and at most 100, and then notes nothing', () => {
    for (const spread of ['0', '-5', '101', 'lots', '']) {
      const items = tornadoItems(spread, BASE);
      expect(items).toEqual({
        ok: false,
        error: `The spread must be a number above 0 and at most 100 (percent), got "${spread}".`,
      });
      expect(tornadoNote(items)).toBe('');
    }
  });

  it('turns the tornado’s rows into bars with each end’s lever value in words', async () => {
    const items = [
      { id: 'payPerHour' as const, low: 17.5, high: 26.5 },
      { id: 'surgeEnabled' as const, low: 0, high: 1 },
    ];
    const result = await tornado(fakeRunner().runner, BASE, items, 'costPerPackage');
    const [pay] = tornadoBars(result);
    expect(pay.id).toBe('payPerHour');
    expect(pay.label).toBe('Pay per block hour');
    expect(pay.lowText).toBe('17.5 $/h');
    expect(pay.range).toBe('17.5 $/h to 26.5 $/h');
    expect(pay.high).toBe(result.rows[0].high.metric);
    expect(pay.lowDelta).toBe(result.rows[0].low.delta);
    const surge = tornadoBars(result).find((b) => b.id === 'surgeEnabled');
    expect(surge?.range).toBe('off to on');
  });
});

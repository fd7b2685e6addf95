import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../../../src/model/scenario';
import { addPin, pinsOn } from '../../../src/ui/app/pin-runs';
import type { Pin } from '../../../src/ui/shared/scenario-runs';

function withPay(pay: number, weeks = 26): Scenario {
  const d = defaultScenario();
  return { ...d, weeks, params: { ...d.params, payPerHour: pay } };
}

function pinned(pins: readonly Pin[], s: Scenario): Pin[] {
  const r = addPin(pins, s);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('pinning scenarios', () => {
  it('names pins A to D, reusing a freed letter, and refuses a fifth', () => {
    let pins: Pin[] = [];
    for (const pay of [23, 24, 25, 26]) pins = pinned(pins, withPay(pay));
    expect(pins.map((p) => p.name)).toEqual(['Pin A', 'Pin B', 'Pin C', 'Pin D']);
    expect(addPin(pins, withPay(27))).toEqual({
      ok: false,
      error: '4 scenarios are pinned already: unpin one first',
    });
    const without = pins.filter((p) => p.name !== 'Pin B');
    expect(pinned(without, withPay(27)).at(-1)?.name).toBe('Pin B');
  });

  it('refuses a scenario pinned already, on the current run settings', () => {
    const pins = pinned([], withPay(23, 26));
    expect(addPin(pins, withPay(23, 8))).toEqual({
      ok: false,
      error: 'This scenario is pinned already, as Pin A.',
    });
    expect(pinsOn(pins, withPay(30, 8))[0]?.scenario).toEqual(withPay(23, 8));
  });
});

import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import {
  alignSettings,
  checkMinChange,
  checkThreshold,
  decodeView,
  defaultView,
  encodeView,
  sameScenario,
  withMinChange,
  withThreshold,
  type ViewState,
} from '../../../src/ui/app/view-state';

function changed(s: Scenario, changes: Record<string, unknown>): Scenario {
  const r = withParams(s, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const rich: ViewState = {
  baseline: changed(
    { ...defaultScenario(), seed: 42, weeks: 30, replications: 8 },
    {
      blockHours: 5,
      demandPerDay: 12300,
    },
  ),
  scenario: changed(
    { ...defaultScenario(), seed: 42, weeks: 30, replications: 8 },
    {
      payPerHour: 24.2,
      surgeEnabled: false,
      capacityBuffer: -0.07,
      surgeStep: 0.13,
      demandPerDay: 12300,
    },
  ),
  chart: 'pool',
  metric: 'fillRate',
  thresholds: { costPerPackage: 3.1, weeklyChurnRate: 0.025 },
  minChanges: { hoursPerActiveDriver: 0.5, onTimePackagesPerWeek: 0.002, fillRate: 0 },
};

describe('the view in the URL', () => {
  it('encodes the default view as an empty hash and decodes an empty hash as the defaults', () => {
    expect(encodeView(defaultView())).toBe('');
    expect(decodeView('')).toEqual({ ok: true, value: defaultView() });
    expect(decodeView('#')).toEqual({ ok: true, value: defaultView() });
  });

  it('round-trips a whole view to exactly the same objects', () => {
    const hash = encodeView(rich);
    expect(decodeView(hash)).toEqual({ ok: true, value: rich });
  });

  it('lists only what differs from the defaults', () => {
    const hash = encodeView({
      ...defaultView(),
      scenario: changed(defaultScenario(), { payPerHour: 24.2 }),
    });
    expect(hash).toBe('#payPerHour=24.2');
  });

  it('round-trips numbers that have no short decimal form, bit for bit', () => {
    const pay = 10 + 1 / 3;
    const view = { ...defaultView(), scenario: changed(defaultScenario(), { payPerHour: pay }) };
    const r = decodeView(encodeView(view));
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.is(r.value.scenario.params.payPerHour, pay)).toBe(true);
  });

  it('shares the run settings between baseline and scenario', () => {
    const r = decodeView('#seed=5&weeks=12&b.payPerHour=30');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.baseline.seed).toBe(5);
    expect(r.value.baseline.weeks).toBe(12);
    expect(r.value.baseline.params.payPerHour).toBe(30);
    expect(r.value.scenario.params.payPerHour).toBe(22);
  });
});

describe('a link that cannot be used', () => {
  it('names an out-of-range parameter, with its value and range', () => {
    const r = decodeView('#payPerHour=500');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('payPerHour');
    expect(r.error).toContain('500');
    expect(r.error).toContain('10 to 60');
  });

  it('names a value that is not a number instead of reading it as NaN or 0', () => {
    for (const bad of ['abc', '', 'NaN', '0x10', '1,5']) {
      const r = decodeView(`#payPerHour=${encodeURIComponent(bad)}`);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error).toContain('payPerHour');
    }
  });

  it('names an unknown key, a bad boolean, a bad chart, metric, threshold and setting', () => {
    const cases: [string, string][] = [
      ['#paPerHour=3', 'paPerHour'],
      ['#surgeEnabled=yes', 'surgeEnabled'],
      ['#b.surgeEnabled=1', 'surgeEnabled'],
      ['#b.nope=1', 'nope'],
      ['#chart=pie', 'chart'],
      ['#metric=happiness', 'happiness'],
      ['#t.costPerPackage=-1', 'costPerPackage'],
      ['#t.costPerPackage=x', 'costPerPackage'],
      ['#t.fillRate=0.9', 'fillRate'],
      ['#m.fillRate=-0.1', 'fillRate'],
      ['#m.fillRate=x', 'fillRate'],
      ['#m.__proto__=1', '__proto__'],
      ['#m.fillRate=1&m.fillRate=2', 'fillRate'],
      ['#weeks=0', 'weeks'],
      ['#seed=1.5', 'seed'],
      ['#replications=many', 'replications'],
      ['#payPerHour=20&payPerHour=21', 'payPerHour'],
    ];
    for (const [hash, name] of cases) {
      const r = decodeView(hash);
      expect(r.ok, hash).toBe(false);
      if (!r.ok) expect(r.error, hash).toContain(name);
    }
  });

  it('tells baseline errors from scenario errors', () => {
    const r = decodeView('#b.payPerHour=5');
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/^in the baseline, .*payPerHour/),
    });
  });
});

describe('view helpers', () => {
  it('aligns the baseline with the scenario’s run settings, keeping its parameters', () => {
    const b = changed(defaultScenario(), { payPerHour: 30 });
    const s = { ...defaultScenario(), seed: 9, weeks: 12, replications: 4 };
    const a = alignSettings(b, s);
    expect([a.seed, a.weeks, a.replications]).toEqual([9, 12, 4]);
    expect(a.params.payPerHour).toBe(30);
    expect(alignSettings(a, s)).toBe(a);
  });

  it('checks thresholds: only on guardrail metrics, finite and above 0', () => {
    expect(checkThreshold('costPerPackage', 3)).toEqual({ ok: true, value: 3 });
    expect(checkThreshold('costPerPackage', 0).ok).toBe(false);
    expect(checkThreshold('costPerPackage', Number.NaN).ok).toBe(false);
    expect(checkThreshold('fillRate', 0.5).ok).toBe(false);
    // Every guardrail takes one; a share at most 100%.
    expect(checkThreshold('belowFloorHoursShare', 0.2)).toEqual({ ok: true, value: 0.2 });
    expect(checkThreshold('belowFloorHoursShare', 1.5).ok).toBe(false);
    expect(checkThreshold('backlogDays', 1.5)).toEqual({ ok: true, value: 1.5 });
  });

  it('checks smallest changes: any metric, finite, 0 or more; sets and drops them', () => {
    expect(checkMinChange('fillRate', 0)).toEqual({ ok: true, value: 0 });
    expect(checkMinChange('fillRate', Infinity).ok).toBe(false);
    expect(checkMinChange('toString', 1).ok).toBe(false);
    const set = withMinChange({ fillRate: 0.1 }, 'lateRate', 0.02);
    expect(set).toEqual({ fillRate: 0.1, lateRate: 0.02 });
    expect(withMinChange(set, 'fillRate', undefined)).toEqual({ lateRate: 0.02 });
    expect(encodeView({ ...defaultView(), minChanges: { fillRate: 0.01 } })).toBe(
      '#m.fillRate=0.01',
    );
  });

  it('compares scenarios by value', () => {
    expect(sameScenario(defaultScenario(), defaultScenario())).toBe(true);
    expect(sameScenario(defaultScenario(), { ...defaultScenario(), seed: 2 })).toBe(false);
    expect(sameScenario(defaultScenario(), changed(defaultScenario(), { blockHours: 4 }))).toBe(
      false,
    );
  });

  it('sets a threshold last, and drops it for anything but a number above 0', () => {
    const before = { costPerPackage: 3, weeklyChurnRate: 0.02 };
    const set = withThreshold(before, 'costPerPackage', 2.5);
    expect(set).toEqual({ weeklyChurnRate: 0.02, costPerPackage: 2.5 });
    expect(Object.keys(set)).toEqual(['weeklyChurnRate', 'costPerPackage']);
    expect(before).toEqual({ costPerPackage: 3, weeklyChurnRate: 0.02 });
    for (const gone of [undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(withThreshold(before, 'costPerPackage', gone), String(gone)).toEqual({
        weeklyChurnRate: 0.02,
      });
    }
  });
});

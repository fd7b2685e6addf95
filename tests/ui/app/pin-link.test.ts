import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import { droppedNotice } from '../../../src/ui/app/pin-runs';
import {
  decodeView,
  defaultView,
  encodeView,
  type ViewState,
} from '../../../src/ui/app/view-state';

function changed(s: Scenario, changes: Record<string, unknown>): Scenario {
  const r = withParams(s, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const settings = { ...defaultScenario(), seed: 7, weeks: 8, replications: 4 };

const view: ViewState = {
  ...defaultView(),
  baseline: settings,
  scenario: changed(settings, { payPerHour: 20 }),
  pins: [
    {
      name: 'Pay 18 & 5 h — “cheap”',
      scenario: changed(settings, { payPerHour: 18, blockHours: 5 }),
    },
    { name: 'Surge off', scenario: changed(settings, { surgeEnabled: false }) },
    { name: 'Defaults', scenario: settings },
  ],
};

function decoded(hash: string) {
  const r = decodeView(hash);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('pins in the link', () => {
  it('round-trip: names, levers of each kind and a pin at the defaults, on the link settings', () => {
    const hash = encodeView(view);
    expect(hash).toContain('pin1=');
    expect(hash).toContain('pin1.payPerHour=18');
    expect(hash).toContain('pin2.surgeEnabled=false');
    expect(hash).toContain('pin3=Defaults');
    const back = decoded(hash);
    expect(back.pins).toEqual(view.pins);
    expect(back.dropped).toBeUndefined();
    expect(encodeView(back)).toBe(hash);
  });

  it('leave a link without pins without pins', () => {
    const back = decoded(encodeView({ ...view, pins: [] }));
    expect(back.pins).toBeUndefined();
    expect(back.scenario.params.payPerHour).toBe(20);
  });

  it('drop a bad pin with a message naming it, and keep everything else', () => {
    const one = { ...view, pins: view.pins?.slice(0, 1) };
    const good = encodeView(one).slice(1);
    const cases: [string, RegExp][] = [
      ['pin2.payPerHour=18', /^pin 2 was dropped: it has no name/],
      ['pin5=Five', /^pin 5 was dropped: at most 4/],
      ['pin2=Odd&pin2.noSuchLever=1', /^pin 2 was dropped: unknown parameter "noSuchLever"/],
      ['pin2=Huge&pin2.payPerHour=1e9', /^pin 2 was dropped: .*payPerHour/],
      [`pin2=${encodeURIComponent(one.pins?.[0]?.name ?? '')}`, /^pin 2 was dropped: another pin/],
      [`pin2=${'x'.repeat(61)}`, /^pin 2 was dropped: its name is over 60/],
      [
        'pin2=T&pin2.blockHours=5&pin2.blockHours=6',
        /^pin 2 was dropped: "pin2.blockHours" appears/,
      ],
    ];
    for (const [bad, why] of cases) {
      const back = decoded(`#${good}&${bad}&metric=fillRate`);
      expect(back.pins, bad).toEqual(one.pins);
      expect(back.metric).toBe('fillRate');
      expect(back.scenario).toEqual(view.scenario);
      expect(back.dropped, bad).toHaveLength(1);
      expect(back.dropped?.[0], bad).toMatch(why);
    }
    // Several at once, each named; the good ones after a bad one are kept.
    const back = decoded('#pin1.payPerHour=18&pin2=B&pin2.blockHours=5&pin3=C&pin3.payPerHour=x');
    expect(back.pins?.map((p) => p.name)).toEqual(['B']);
    const notice = droppedNotice(back.dropped);
    expect(notice).toMatch(/^Part of this link could not be used: pin 1 was dropped: .*; pin 3 /);
    expect(droppedNotice([])).toBe('');
  });

  it('still fail the whole link on a bad key outside the pins', () => {
    const r = decodeView(`${encodeView(view)}&payPerHour=oops`);
    expect(r.ok).toBe(false);
  });
});

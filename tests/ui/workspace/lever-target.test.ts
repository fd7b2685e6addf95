import { describe, expect, it } from 'vitest';
import { PARAM_BY_ID } from '../../../src/model/params';
import { defaultScenario } from '../../../src/model/scenario';
import {
  SETTING_IDS,
  checkText,
  defaultOf,
  defaultText,
  helpOf,
  idOf,
  keyOf,
  labelOf,
  replaced,
  specOf,
  steppedValue,
  unitOf,
  unusedIn,
  valueIn,
  withBaselineLevers,
  type Target,
} from '../../../src/ui/workspace/lever-target';

function param(id: string): Target {
  const def = PARAM_BY_ID.get(id);
  if (!def) throw new Error(`no parameter ${id}`);
  return { kind: 'param', def };
}

const pay = param('payPerHour');
const surge = param('surgeEnabled');
const weeks: Target = { kind: 'setting', id: 'weeks' };
const seed: Target = { kind: 'setting', id: 'seed' };

describe('what a control edits', () => {
  it('keys parameters and settings apart, and names them by their ids', () => {
    expect(keyOf(pay)).toBe('p-payPerHour');
    expect(keyOf(weeks)).toBe('s-weeks');
    expect(idOf(pay)).toBe('payPerHour');
    expect(idOf(weeks)).toBe('weeks');
    expect(SETTING_IDS).toEqual(['seed', 'weeks', 'replications']);
  });

  it('reads label, unit, range and default from the tables', () => {
    expect(labelOf(pay)).toBe('Pay per block hour');
    expect(unitOf(pay)).toBe('$/h');
    expect(specOf(pay)).toMatchObject({ min: 10, max: 60, step: 0.5 });
    expect(defaultOf(pay)).toBe(22);
    expect(labelOf(weeks)).toBe('Weeks');
    expect(unitOf(weeks)).toBe('');
    expect(specOf(weeks)).toMatchObject({ min: 1, max: 104 });
    expect(defaultOf(weeks)).toBe(26);
  });

  it('gives an on/off parameter no range', () => {
    expect(specOf(surge)).toBeUndefined();
    expect(defaultOf(surge)).toBe(true);
  });

  it('says what the control means; only parameters name a source', () => {
    expect(helpOf(pay).meaning).toContain('Base pay per scheduled block hour');
    expect(helpOf(pay).source).toContain('Amazon Flex');
    expect(helpOf(weeks)).toEqual({ meaning: 'Simulated horizon.', source: '' });
  });

  it('words the default for the reset button', () => {
    expect(defaultText(pay)).toBe('default 22');
    expect(defaultText(surge)).toBe('default on');
    expect(defaultText(seed)).toBe('default 1');
  });
});

describe('a control’s value in a scenario', () => {
  it('reads and replaces a parameter or a setting, leaving the scenario given alone', () => {
    const s = defaultScenario();
    expect(valueIn(s, pay)).toBe(22);
    expect(valueIn(s, weeks)).toBe(26);
    const paid = replaced(s, pay, 25);
    expect(valueIn(paid, pay)).toBe(25);
    expect(valueIn(s, pay)).toBe(22);
    const longer = replaced(s, weeks, 52);
    expect(longer.weeks).toBe(52);
    expect(longer.params).toBe(s.params);
  });

  it('checks typed text as a number in range, with the checker’s message otherwise', () => {
    expect(checkText(pay, ' 26 ')).toEqual({ ok: true, value: 26 });
    const low = checkText(pay, '5');
    expect(low.ok).toBe(false);
    if (!low.ok) expect(low.error).toMatch(/10 to 60/);
    expect(checkText(pay, 'lots').ok).toBe(false);
    expect(checkText(weeks, '0').ok).toBe(false);
  });

  it('marks surge step and cap as unused while surge is off', () => {
    const s = defaultScenario();
    const off = replaced(s, surge, false);
    expect(unusedIn(s, param('surgeStep'))).toBe(false);
    expect(unusedIn(off, param('surgeStep'))).toBe(true);
    expect(unusedIn(off, param('surgeCap'))).toBe(true);
    expect(unusedIn(off, pay)).toBe(false);
  });
});

describe('stepping a field with the arrow keys', () => {
  it('steps from the typed number when it is valid, else from the value in force', () => {
    expect(steppedValue(pay, '26', 22, 1, false)).toBe(26.5);
    expect(steppedValue(pay, 'abc', 22, -1, false)).toBe(21.5);
    expect(steppedValue(pay, '', 22, 1, false)).toBe(22.5);
  });

  it('takes ten steps with Shift', () => {
    expect(steppedValue(pay, '22', 22, 1, true)).toBe(27);
  });

  it('stays at the end of the range', () => {
    expect(steppedValue(weeks, '104', 104, 1, false)).toBe(104);
    expect(steppedValue(weeks, '1', 1, -1, true)).toBe(1);
  });

  it('gives nothing for an on/off parameter', () => {
    expect(steppedValue(surge, 'on', true, 1, false)).toBeUndefined();
  });
});

describe('reset all to baseline', () => {
  it('takes every lever and run setting of the baseline', () => {
    const base = { ...defaultScenario(), seed: 7 };
    const s = { ...replaced(defaultScenario(), pay, 30), weeks: 12 };
    const next = withBaselineLevers(s, base);
    expect(next).toEqual(base);
    expect(next.params).not.toBe(base.params);
  });
});

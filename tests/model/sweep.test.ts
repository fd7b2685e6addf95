import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/model/scenario';
import {
  atValues,
  parseSweep,
  sweepText,
  sweepValues,
  type SweepAxis,
} from '../../src/model/sweep';

function parsed(text: string): SweepAxis {
  const r = parseSweep(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
function error(text: string): string {
  const r = parseSweep(text);
  return r.ok ? '' : r.error;
}

describe('reading a sweep', () => {
  it('reads id=from:to:steps', () => {
    expect(parsed('payPerHour=18:30:7')).toEqual({ id: 'payPerHour', from: 18, to: 30, steps: 7 });
    expect(parsed(' blockHours = 5 : 2 : 4 ')).toEqual({
      id: 'blockHours',
      from: 5,
      to: 2,
      steps: 4,
    });
  });

  it('reads a boolean as false then true, two steps', () => {
    const axis = { id: 'surgeEnabled', from: 0, to: 1, steps: 2 };
    expect(parsed('surgeEnabled=false:true')).toEqual(axis);
    expect(parsed('surgeEnabled=false:true:2')).toEqual(axis);
    expect(error('surgeEnabled=false:true:3')).toMatch(
      /"surgeEnabled".*only surgeEnabled=false:true/,
    );
    expect(error('surgeEnabled=0:1:2')).toMatch(/true or false/);
  });

  it('names an unknown parameter', () => {
    expect(error('payPerHoru=10:20:3')).toMatch(/unknown parameter "payPerHoru"/);
  });

  it('names the end that is not a number, with the range', () => {
    expect(error('payPerHour=ten:20:3')).toBe(
      'sweep of Pay per block hour ("payPerHour"): "from" must be a number from 10 to 60 $/h, got "ten"',
    );
    expect(error('payPerHour=10::3')).toMatch(/"to" must be a number from 10 to 60/);
  });

  it('names an end outside the range, with the range', () => {
    expect(error('payPerHour=5:20:3')).toBe(
      'sweep of Pay per block hour ("payPerHour"): "from" is 5, outside the allowed range 10 to 60 $/h',
    );
    expect(error('payPerHour=20:61:3')).toMatch(/"to" is 61, outside the allowed range 10 to 60/);
  });

  it('takes 2 to 50 whole steps', () => {
    expect(error('payPerHour=10:20:1')).toMatch(
      /the number of points \(STEPS\) must be a whole number from 2 to 50, got "1"/,
    );
    expect(error('payPerHour=10:20:51')).toMatch(/got "51"/);
    expect(error('payPerHour=10:20:2.5')).toMatch(/got "2.5"/);
    expect(error('payPerHour=10:20')).toMatch(/needs FROM:TO:STEPS/);
    expect(error('payPerHour')).toMatch(/expected ID=FROM:TO:STEPS/);
  });

  it('refuses two equal ends', () => {
    expect(error('payPerHour=20:20:3')).toMatch(/both 20/);
  });

  it('writes back what it reads', () => {
    for (const t of ['payPerHour=18:30:7', 'surgeEnabled=false:true:2', 'poolCap=900:300:4']) {
      expect(sweepText(parsed(t))).toBe(t);
    }
  });
});

describe('a sweep’s values', () => {
  it('are evenly spaced from the first end to the last, in that order', () => {
    expect(sweepValues(parsed('payPerHour=18:30:7'))).toEqual([18, 20, 22, 24, 26, 28, 30]);
    expect(sweepValues(parsed('payPerHour=30:18:4'))).toEqual([30, 26, 22, 18]);
  });

  it('fall on the parameter’s step', () => {
    // 10 + 50/3 = 26.67 → 26.5; the step of pay is 0.5.
    expect(sweepValues(parsed('payPerHour=10:60:4'))).toEqual([10, 26.5, 43.5, 60]);
    // surgeStep moves by 0.01: no binary-fraction noise.
    expect(sweepValues(parsed('surgeStep=0:0.3:4'))).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('are whole numbers for integer parameters, without repeats', () => {
    const v = sweepValues(parsed('releaseLeadDays=1:3:7'));
    expect(v).toEqual([1, 2, 3]);
    expect(v.every(Number.isInteger)).toBe(true);
  });

  it('are 0 and 1 for a boolean', () => {
    expect(sweepValues(parsed('surgeEnabled=false:true'))).toEqual([0, 1]);
  });

  it('set the scenario’s parameter, booleans as true and false', () => {
    const s = atValues(defaultScenario(), { payPerHour: 26.5, surgeEnabled: 0 });
    expect(s.params.payPerHour).toBe(26.5);
    expect(s.params.surgeEnabled).toBe(false);
    expect(() => atValues(defaultScenario(), { payPerHour: 99 })).toThrow(
      /outside the allowed range/,
    );
  });
});

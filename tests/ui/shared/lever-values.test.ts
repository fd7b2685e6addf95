import { describe, expect, it } from 'vitest';
import { PARAM_BY_ID, defaultParams, type NumberParamDef } from '../../../src/model/params';
import { defaultScenario } from '../../../src/model/scenario';
import {
  SLIDER_POSITIONS,
  changedText,
  clean,
  differingParams,
  differingSettings,
  differsSummary,
  displayNumber,
  fieldText,
  fromSliderPosition,
  parseNumberText,
  rangeText,
  sameScenario,
  settingSpec,
  sliderAttributes,
  sliderScale,
  snapToStep,
  stepBy,
  stepDecimals,
  toSliderPosition,
  withUnit,
} from '../../../src/ui/shared/lever-values';

function spec(id: string): NumberParamDef {
  const def = PARAM_BY_ID.get(id);
  if (!def || def.kind === 'boolean') throw new Error(`no numeric parameter ${id}`);
  return def;
}

describe('reading typed numbers', () => {
  it('reads plain numbers, signs, decimals, exponents and surrounding spaces', () => {
    expect(parseNumberText('22')).toBe(22);
    expect(parseNumberText(' 22.5 ')).toBe(22.5);
    expect(parseNumberText('-0.2')).toBe(-0.2);
    expect(parseNumberText('+3')).toBe(3);
    expect(parseNumberText('.5')).toBe(0.5);
    expect(parseNumberText('5.')).toBe(5);
    expect(parseNumberText('1e3')).toBe(1000);
  });

  it('reads en-US thousands separators only where they group digits', () => {
    expect(parseNumberText('8,000')).toBe(8000);
    expect(parseNumberText('200,000.5')).toBe(200000.5);
    expect(parseNumberText('8,00')).toBeUndefined();
    expect(parseNumberText('1,2')).toBeUndefined();
  });

  it('refuses what Number() would quietly accept or turn into NaN', () => {
    for (const text of ['', '   ', 'abc', '2x', '0x10', 'Infinity', '1e400', '--1', '1.2.3', '½']) {
      expect(parseNumberText(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});

describe('writing values', () => {
  it('writes fields without grouping or binary noise', () => {
    expect(fieldText(0.1 + 0.2)).toBe('0.3');
    expect(fieldText(200000)).toBe('200000');
    expect(clean(1.0000000000001)).toBe(1);
  });

  it('writes labels with grouping, a true minus and a dash for missing numbers', () => {
    expect(displayNumber(200000)).toBe('200,000');
    expect(displayNumber(-0.2)).toBe('\u22120.2');
    expect(displayNumber(Number.NaN)).toBe('–');
    expect(withUnit(22, '$/h')).toBe('22 $/h');
    expect(withUnit(0.3, '')).toBe('0.3');
    expect(withUnit(true, '')).toBe('on');
    expect(withUnit(false, '')).toBe('off');
    expect(withUnit(1, 'days')).toBe('1 day');
    expect(withUnit(3, 'days')).toBe('3 days');
    expect(withUnit(1, 'drivers')).toBe('1 driver');
    expect(withUnit(10, 'week')).toBe('week 10');
    expect(withUnit(0.2, 'share')).toBe('20%');
    expect(withUnit(0.1, 'share of base')).toBe('10% of base');
    expect(withUnit(0.02, 'share/year')).toBe('2%/year');
    expect(withUnit(0.07, 'share')).toBe('7%');
  });

  it('names the range with its unit', () => {
    expect(rangeText(spec('payPerHour'))).toBe('10 to 60 $/h');
    expect(rangeText(spec('demandPerDay'))).toBe('100 to 200,000 packages');
    expect(rangeText(settingSpec('weeks'))).toBe('1 to 104');
  });

  it('says how many levers differ, in words', () => {
    expect(differsSummary(0)).toBe('No lever differs from baseline');
    expect(differsSummary(1)).toBe('1 lever differs from baseline');
    expect(differsSummary(3)).toBe('3 levers differ from baseline');
    expect(differsSummary(2, 1)).toBe('2 levers differ from baseline; 1 run setting differs');
    expect(changedText(22, '$/h')).toBe('changed: baseline 22 $/h');
    expect(changedText(true, '')).toBe('changed: baseline on');
  });
});

describe('steps', () => {
  it('counts decimals of a step', () => {
    expect(stepDecimals(0.5)).toBe(1);
    expect(stepDecimals(0.005)).toBe(3);
    expect(stepDecimals(100)).toBe(0);
    expect(stepDecimals(1)).toBe(0);
  });

  it('snaps to the step grid counted from the minimum, within the range', () => {
    const pay = spec('payPerHour');
    expect(snapToStep(pay, 22.3)).toBe(22.5);
    expect(snapToStep(pay, 100)).toBe(60);
    expect(snapToStep(pay, -5)).toBe(10);
    const buffer = spec('capacityBuffer');
    expect(snapToStep(buffer, 0.07 + 1e-12)).toBe(0.07);
    expect(snapToStep(spec('demandPerDay'), 8049)).toBe(8000);
  });

  it('steps up and down by whole steps, landing on the grid, clamped', () => {
    const pay = spec('payPerHour');
    expect(stepBy(pay, 22, 1)).toBe(22.5);
    expect(stepBy(pay, 22, -1)).toBe(21.5);
    expect(stepBy(pay, 22.3, 1)).toBe(22.5); // off the grid: to the next grid point
    expect(stepBy(pay, 22.3, -1)).toBe(22);
    expect(stepBy(pay, 22, 1, 10)).toBe(27);
    expect(stepBy(pay, 60, 1)).toBe(60);
    expect(stepBy(pay, 10, -1)).toBe(10);
    expect(stepBy(spec('surgeStep'), 0.1, 1)).toBe(0.11);
  });
});

describe('sliders', () => {
  it('are linear with the native step for ordinary ranges', () => {
    const pay = spec('payPerHour');
    expect(sliderScale(pay)).toBe('linear');
    expect(sliderAttributes(pay)).toEqual({ min: 10, max: 60, step: 0.5 });
    expect(toSliderPosition(pay, 22)).toBe(22);
    expect(fromSliderPosition(pay, 30, 22)).toBe(30);
  });

  it('stretch wide ranges whose default sits at the low end', () => {
    for (const id of ['demandPerDay', 'initialDrivers', 'poolCap', 'applicantsPerWeek']) {
      expect(sliderScale(spec(id)), id).toBe('cubic');
    }
    const demand = spec('demandPerDay');
    expect(sliderAttributes(demand)).toEqual({ min: 0, max: SLIDER_POSITIONS, step: 1 });
    const at = toSliderPosition(demand, 8000);
    expect(at).toBeGreaterThan(250); // the default is not squeezed into the first few pixels
    expect(at).toBeLessThan(500);
    expect(toSliderPosition(demand, 100)).toBe(0);
    expect(toSliderPosition(demand, 200000)).toBe(SLIDER_POSITIONS);
  });

  it('round-trip values through stretched positions to within a step of the slider', () => {
    const demand = spec('demandPerDay');
    for (const v of [100, 8000, 50000, 200000]) {
      const back = fromSliderPosition(demand, toSliderPosition(demand, v), v);
      expect(Math.abs(back - v) / v, String(v)).toBeLessThan(0.01);
    }
  });

  it('never get stuck: a moved stretched slider always moves the value', () => {
    const cap = spec('poolCap');
    expect(fromSliderPosition(cap, 1, 0)).toBe(1);
    expect(fromSliderPosition(cap, 0, 1)).toBe(0);
    // Walking up one position at a time moves steadily up to the maximum.
    let v = 0;
    for (let i = 0; i < 2000 && v < cap.max; i++) {
      const next = fromSliderPosition(cap, toSliderPosition(cap, v) + 1, v);
      expect(next).toBeGreaterThan(v);
      v = next;
    }
    expect(v).toBe(cap.max);
  });
});

describe('differences from the baseline', () => {
  it('lists differing parameters in table order and differing settings', () => {
    const base = defaultScenario();
    const s = {
      ...base,
      weeks: 52,
      params: { ...base.params, reservedShare: 0.5, payPerHour: 25 },
    };
    expect(differingParams(s.params, base.params)).toEqual(['payPerHour', 'reservedShare']);
    expect(differingParams(defaultParams(), defaultParams())).toEqual([]);
    expect(differingSettings(s, base)).toEqual(['weeks']);
    expect(sameScenario(s, base)).toBe(false);
    expect(sameScenario({ ...base, params: { ...base.params } }, base)).toBe(true);
  });
});

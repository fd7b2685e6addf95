import { describe, expect, it } from 'vitest';
import { METRIC_BY_ID, type MetricDef } from '../../../src/model/metrics';
import {
  NO_DRAFTS,
  cleared,
  committed,
  thresholdField,
  typed,
} from '../../../src/ui/workspace/threshold-input';

function def(id: string): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

describe('typing into a threshold editor', () => {
  it('keeps the text by metric until it is committed', () => {
    const d = typed(typed(NO_DRAFTS, 'weeklyChurnRate', '4'), 'costPerPackage', '$3');
    expect(d.texts).toEqual({ weeklyChurnRate: '4', costPerPackage: '$3' });
    expect(d.errors).toEqual({});
    expect(NO_DRAFTS.texts).toEqual({});
  });

  it('changes nothing when committing without typed text', () => {
    const d = typed(NO_DRAFTS, 'costPerPackage', '3');
    const r = committed(d, 'weeklyChurnRate', {});
    expect(r.drafts).toBe(d);
    expect(r.change).toBeUndefined();
  });

  it('takes a good number in the units shown (percent for shares) and drops the text', () => {
    const r = committed(typed(NO_DRAFTS, 'weeklyChurnRate', '5'), 'weeklyChurnRate', {});
    expect(r.change).toEqual({ threshold: 0.05 });
    expect(r.drafts).toEqual(NO_DRAFTS);
    const cost = committed(typed(NO_DRAFTS, 'costPerPackage', '$3.10'), 'costPerPackage', {});
    expect(cost.change).toEqual({ threshold: 3.1 });
  });

  it('announces nothing when the number taken is the threshold in force already', () => {
    const r = committed(typed(NO_DRAFTS, 'weeklyChurnRate', '5%'), 'weeklyChurnRate', {
      weeklyChurnRate: 0.05,
    });
    expect(r.change).toBeUndefined();
    expect(r.drafts).toEqual(NO_DRAFTS);
  });

  it('takes an empty field as back to the table’s threshold', () => {
    const r = committed(typed(NO_DRAFTS, 'weeklyChurnRate', ' '), 'weeklyChurnRate', {
      weeklyChurnRate: 0.05,
    });
    expect(r.change).toEqual({ threshold: undefined });
  });

  it('refuses bad text with the reason and keeps the text to correct', () => {
    for (const bad of ['abc', '0', '-1', '150']) {
      const d = typed(NO_DRAFTS, 'weeklyChurnRate', bad);
      const r = committed(d, 'weeklyChurnRate', {});
      expect(r.change, bad).toBeUndefined();
      expect(r.drafts.texts.weeklyChurnRate, bad).toBe(bad);
      expect(r.drafts.errors.weeklyChurnRate, bad).toMatch(/number|above 0|100%/);
    }
  });

  it('clears one metric’s text and message, leaving the others', () => {
    let d = typed(typed(NO_DRAFTS, 'weeklyChurnRate', 'x'), 'costPerPackage', 'y');
    d = committed(d, 'weeklyChurnRate', {}).drafts;
    expect(d.errors.weeklyChurnRate).toBeDefined();
    const c = cleared(d, 'weeklyChurnRate');
    expect(c.texts).toEqual({ costPerPackage: 'y' });
    expect(c.errors).toEqual({});
  });
});

describe('what a threshold editor shows', () => {
  it('shows the threshold in force in the units typed, with the unit around the field', () => {
    expect(thresholdField(def('weeklyChurnRate'), {}, undefined)).toEqual({
      value: '3',
      prefix: '',
      suffix: '%',
      custom: false,
      tableDefault: '3%',
    });
    expect(thresholdField(def('costPerPackage'), { costPerPackage: 2 }, undefined)).toEqual({
      value: '2',
      prefix: '$',
      suffix: '',
      custom: true,
      tableDefault: '$2.50/package',
    });
  });

  it('shows typed text over the threshold in force', () => {
    expect(thresholdField(def('weeklyChurnRate'), {}, '4.5').value).toBe('4.5');
    expect(thresholdField(def('weeklyChurnRate'), {}, '').value).toBe('');
  });

  it('offers no reset when the user’s threshold is the table’s', () => {
    expect(
      thresholdField(def('weeklyChurnRate'), { weeklyChurnRate: 0.03 }, undefined).custom,
    ).toBe(false);
  });

  it('puts the unit after the field for other metrics', () => {
    const m = def('unpaidOverrunHoursPerDriver');
    const f = thresholdField(m, {}, undefined);
    expect(f.prefix).toBe('');
    expect(f.suffix).toBe(m.unit);
  });
});

import { describe, expect, it } from 'vitest';
import { METRICS, METRIC_BY_ID, type MetricDef } from '../../src/model/metrics';
import {
  STAT_VERDICT_TEXT,
  VERDICT_TEXT,
  deltaVerdict,
  minChangeOf,
  minChangeSetting,
  parseMinChange,
  statisticalVerdict,
} from '../../src/model/verdict';

function metric(id: string): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

const up = metric('onTimeRate'); // higher is better, ±0.5 pp matters
const down = metric('lateRate'); // lower is better, ±0.5 pp matters
const hours = metric('hoursPerActiveDriver'); // ±0.25 h/week
const packages = metric('onTimePackagesPerWeek'); // ±1% of the baseline

describe('statisticalVerdict (the interval against zero)', () => {
  it('reads better or worse by the metric direction when the interval excludes zero', () => {
    expect(statisticalVerdict(up, 0.01, 0.005, 0.015)).toBe('better');
    expect(statisticalVerdict(up, -0.01, -0.015, -0.005)).toBe('worse');
    expect(statisticalVerdict(down, 0.01, 0.005, 0.015)).toBe('worse');
    expect(statisticalVerdict(down, -0.01, -0.015, -0.005)).toBe('better');
  });

  it('sees no clear change when the interval includes zero, even at its edge', () => {
    expect(statisticalVerdict(up, 0.01, -0.001, 0.02)).toBe('unclear');
    expect(statisticalVerdict(down, 0, 0, 0)).toBe('unclear');
    expect(statisticalVerdict(up, 0.01, 0, 0.02)).toBe('unclear');
    expect(statisticalVerdict(up, NaN, 0, 1)).toBe('unknown');
    expect(STAT_VERDICT_TEXT.unclear).toBe('no clear change');
  });
});

describe('deltaVerdict (the interval against the smallest change that matters)', () => {
  it('is better or worse when the interval excludes zero and the change is at least θ', () => {
    expect(deltaVerdict(up, 0.01, 0.005, 0.015, 0.005)).toBe('better');
    expect(deltaVerdict(up, -0.01, -0.015, -0.005, 0.005)).toBe('worse');
    expect(deltaVerdict(down, 0.01, 0.005, 0.015, 0.005)).toBe('worse');
    expect(deltaVerdict(down, -0.01, -0.015, -0.005, 0.005)).toBe('better');
    // The point estimate exactly at θ counts; the interval may reach below θ.
    expect(deltaVerdict(up, 0.005, 0.001, 0.009, 0.005)).toBe('better');
    // Interval written high-first reads the same.
    expect(deltaVerdict(up, 0.01, 0.015, 0.005, 0.005)).toBe('better');
  });

  it('says no meaningful change when the whole interval lies within ±θ, edges included', () => {
    // The case: −0.04 h/week [−0.06, −0.02] is nonzero but does not matter.
    expect(statisticalVerdict(hours, -0.04, -0.06, -0.02)).toBe('worse');
    expect(deltaVerdict(hours, -0.04, -0.06, -0.02, 0.25)).toBe('negligible');
    expect(deltaVerdict(up, 0, -0.005, 0.005, 0.005)).toBe('negligible');
    expect(deltaVerdict(up, 0, 0, 0, 0)).toBe('negligible');
    expect(deltaVerdict(up, 0.002, -0.001, 0.004, 0.005)).toBe('negligible');
  });

  it("can't tell yet when the interval straddles ±θ and is not clear of zero with a big enough change", () => {
    // The case: +33 [−2, +67] packages against 1% of ~5,000 = 50.
    expect(deltaVerdict(packages, 33, -2, 67, 50)).toBe('uncertain');
    // Clear of zero, but the change is under θ and the interval reaches past it.
    expect(deltaVerdict(up, 0.004, 0.001, 0.007, 0.005)).toBe('uncertain');
    // Includes zero and reaches past −θ.
    expect(deltaVerdict(down, -0.002, -0.0051, 0.001, 0.005)).toBe('uncertain');
    // θ = 0: the statistical rule, "no clear change" read as can't tell yet.
    expect(deltaVerdict(up, 0.01, -0.001, 0.02, 0)).toBe('uncertain');
    expect(deltaVerdict(up, 0.01, 0.001, 0.02, 0)).toBe('better');
  });

  it('has no estimate from non-numbers or a negative θ', () => {
    expect(deltaVerdict(up, NaN, 0, 1, 0.1)).toBe('unknown');
    expect(deltaVerdict(up, 0.1, NaN, 1, 0.1)).toBe('unknown');
    expect(deltaVerdict(up, 0.1, 0, Infinity, 0.1)).toBe('unknown');
    expect(deltaVerdict(up, 0.1, 0.05, 0.2, NaN)).toBe('unknown');
    expect(deltaVerdict(up, 0.1, 0.05, 0.2, -1)).toBe('unknown');
  });

  it('has words for every verdict', () => {
    expect(VERDICT_TEXT.better).toBe('better');
    expect(VERDICT_TEXT.worse).toBe('worse');
    expect(VERDICT_TEXT.negligible).toBe('no meaningful change');
    expect(VERDICT_TEXT.uncertain).toBe('can’t tell yet');
    expect(VERDICT_TEXT.unknown).toBe('no estimate');
  });
});

describe('smallest change that matters', () => {
  it('has a default above zero for every metric, shares at most 5 pp', () => {
    for (const m of METRICS as readonly MetricDef[]) {
      const s = minChangeSetting(m);
      expect(s.value, m.id).toBeGreaterThan(0);
      if (m.percent === true || s.kind === 'rel') expect(s.value, m.id).toBeLessThanOrEqual(0.05);
    }
  });

  it('scales a relative one by the baseline, and takes the user value over the table', () => {
    expect(minChangeOf(packages, 54_000)).toBeCloseTo(540, 9);
    expect(minChangeOf(packages, -200)).toBeCloseTo(2, 9);
    expect(minChangeOf(packages, NaN)).toBeNaN();
    expect(minChangeOf(hours, 123)).toBe(0.25);
    expect(minChangeOf(hours, 4, { hoursPerActiveDriver: 1 })).toBe(1);
    expect(minChangeSetting(hours, { hoursPerActiveDriver: 1 }).custom).toBe(true);
    expect(minChangeSetting(hours, { hoursPerActiveDriver: 0.25 }).custom).toBe(false);
    expect(minChangeOf(hours, 4, { hoursPerActiveDriver: 0 })).toBe(0);
    // Unusable user values fall back to the table's.
    expect(minChangeOf(hours, 4, { hoursPerActiveDriver: -1 })).toBe(0.25);
    expect(minChangeOf(hours, 4, { hoursPerActiveDriver: NaN })).toBe(0.25);
  });

  it('reads typed values in the units the editor shows', () => {
    expect(parseMinChange(up, '0.5')).toEqual({ ok: true, value: 0.005 }); // pp
    expect(parseMinChange(up, ' 1 % ')).toEqual({ ok: true, value: 0.01 });
    expect(parseMinChange(packages, '2')).toEqual({ ok: true, value: 0.02 }); // % of baseline
    expect(parseMinChange(hours, '0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseMinChange(metric('costPerPackage'), '$0.05')).toEqual({ ok: true, value: 0.05 });
    expect(parseMinChange(hours, '')).toEqual({ ok: true, value: undefined });
    expect(parseMinChange(hours, '0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['-1', 'abc', '0x10', 'Infinity', '1e999']) {
      const r = parseMinChange(hours, bad);
      expect(r.ok, bad).toBe(false);
    }
    expect(parseMinChange(up, '101').ok).toBe(false);
    const long = parseMinChange(hours, 'x'.repeat(10_000));
    expect(!long.ok && long.error.length).toBeLessThan(120);
  });
});

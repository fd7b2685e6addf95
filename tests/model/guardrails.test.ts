import { describe, expect, it } from 'vitest';
import {
  TREE_GUARDRAIL_IDS,
  USER_THRESHOLD_IDS,
  breachSide,
  effectiveThreshold,
  guardrailBreach,
  parseThreshold,
} from '../../src/model/guardrails';
import {
  GUARDRAIL_IDS,
  METRIC_BY_ID,
  breachesGuardrail,
  type MetricDef,
} from '../../src/model/metrics';

function metric(id: string): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

const churn = metric('weeklyChurnRate'); // table threshold 0.03, lower is better
const cost = metric('costPerPackage'); // table threshold 2.5, lower is better
const floor = metric('belowFloorHoursShare'); // table threshold 0.1, fixed
const onTime = metric('onTimeRate'); // no guardrail

describe('the guardrails of the tree', () => {
  it('lists every metric with a threshold and the two the user sets, once each', () => {
    for (const id of [...GUARDRAIL_IDS, ...USER_THRESHOLD_IDS]) {
      expect(TREE_GUARDRAIL_IDS).toContain(id);
    }
    expect(new Set(TREE_GUARDRAIL_IDS).size).toBe(TREE_GUARDRAIL_IDS.length);
  });
});

describe('effectiveThreshold', () => {
  it('is the table threshold when the user set none', () => {
    expect(effectiveThreshold(churn)).toBe(0.03);
    expect(effectiveThreshold(cost, {})).toBe(2.5);
  });

  it('is the user threshold for churn and cost per package', () => {
    expect(effectiveThreshold(churn, { weeklyChurnRate: 0.05 })).toBe(0.05);
    expect(effectiveThreshold(cost, { costPerPackage: 3 })).toBe(3);
  });

  it('ignores user thresholds on fixed guardrails and unusable values', () => {
    expect(effectiveThreshold(floor, { belowFloorHoursShare: 0.5 })).toBe(0.1);
    expect(effectiveThreshold(churn, { weeklyChurnRate: NaN })).toBe(0.03);
    expect(effectiveThreshold(churn, { weeklyChurnRate: 0 })).toBe(0.03);
    expect(effectiveThreshold(churn, { weeklyChurnRate: -1 })).toBe(0.03);
  });

  it('is undefined for a metric without a guardrail', () => {
    expect(effectiveThreshold(onTime, { weeklyChurnRate: 0.05 })).toBeUndefined();
  });
});

describe('guardrailBreach', () => {
  it('flags a value above the threshold of a lower-is-better metric', () => {
    expect(breachSide(churn)).toBe('above');
    expect(guardrailBreach(churn, 0.031)).toBe(true);
    expect(guardrailBreach(churn, 0.03)).toBe(false);
    expect(guardrailBreach(churn, 0.01)).toBe(false);
  });

  it('judges against the user threshold when one is set', () => {
    expect(guardrailBreach(cost, 2.8)).toBe(true);
    expect(guardrailBreach(cost, 2.8, { costPerPackage: 3 })).toBe(false);
    expect(guardrailBreach(churn, 0.02, { weeklyChurnRate: 0.015 })).toBe(true);
  });

  it('agrees with the table rule when no user threshold is set', () => {
    for (const id of GUARDRAIL_IDS) {
      const m = metric(id);
      const t = m.guardrail!.threshold;
      for (const v of [0, t * 0.5, t, t * 1.5]) {
        expect(guardrailBreach(m, v), `${id} at ${v}`).toBe(breachesGuardrail(m, v));
      }
    }
  });

  it('never flags a metric without a guardrail or a value that is not a number', () => {
    expect(guardrailBreach(onTime, 0)).toBe(false);
    expect(guardrailBreach(churn, NaN)).toBe(false);
  });

  it('flags a value below the threshold of a higher-is-better metric', () => {
    const up: MetricDef = { ...onTime, guardrail: { threshold: 0.9, meaning: 'test' } };
    expect(breachSide(up)).toBe('below');
    expect(guardrailBreach(up, 0.85)).toBe(true);
    expect(guardrailBreach(up, 0.95)).toBe(false);
  });
});

describe('parseThreshold', () => {
  it('reads shares in percent, with or without a percent sign', () => {
    expect(parseThreshold('weeklyChurnRate', '5')).toEqual({ ok: true, value: 0.05 });
    expect(parseThreshold('weeklyChurnRate', ' 2.5 % ')).toEqual({ ok: true, value: 0.025 });
  });

  it('reads money with or without a dollar sign', () => {
    expect(parseThreshold('costPerPackage', '3.25')).toEqual({ ok: true, value: 3.25 });
    expect(parseThreshold('costPerPackage', '$2')).toEqual({ ok: true, value: 2 });
  });

  it('takes an empty entry as a return to the table threshold', () => {
    expect(parseThreshold('costPerPackage', '  ')).toEqual({ ok: true, value: undefined });
  });

  it('rejects text, zero, negatives, infinities and shares above 100% with a message', () => {
    const cases: [string, string, RegExp][] = [
      ['costPerPackage', 'abc', /not a number/],
      ['costPerPackage', '1,5', /not a number/],
      ['costPerPackage', 'Infinity', /not a number/],
      ['costPerPackage', '1e999', /too large/],
      ['costPerPackage', '0', /above 0/],
      ['weeklyChurnRate', '-2', /above 0/],
      ['weeklyChurnRate', '150', /100%/],
    ];
    for (const [id, text, message] of cases) {
      const r = parseThreshold(id, text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.error, text).toMatch(message);
        expect(r.error).not.toMatch(/NaN|undefined/);
      }
    }
  });

  it('refuses metrics whose threshold is fixed or that do not exist', () => {
    expect(parseThreshold('belowFloorHoursShare', '5').ok).toBe(false);
    expect(parseThreshold('nope', '5').ok).toBe(false);
  });
});

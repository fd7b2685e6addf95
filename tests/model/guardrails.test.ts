import { describe, expect, it } from 'vitest';
import {
  TREE_GUARDRAIL_IDS,
  USER_THRESHOLD_IDS,
  breachNames,
  breachSide,
  breaches,
  effectiveThreshold,
  guardrailVerdicts,
  readThresholds,
  guardrailBreach,
  parseThreshold,
} from '../../src/model/guardrails';
import {
  GUARDRAIL_IDS,
  METRIC_BY_ID,
  breachesGuardrail,
  type MetricDef,
  type MetricId,
} from '../../src/model/metrics';

function metric(id: string): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

const churn = metric('weeklyChurnRate'); // table threshold 0.03, lower is better
const cost = metric('costPerPackage'); // table threshold 2.5, lower is better
const floor = metric('belowFloorHoursShare'); // table threshold 0.1
const onTime = metric('onTimeRate'); // no guardrail

describe('the guardrails of the tree', () => {
  it('lists every metric with a threshold once each, and the user may set every one', () => {
    for (const id of [...GUARDRAIL_IDS, ...USER_THRESHOLD_IDS]) {
      expect(TREE_GUARDRAIL_IDS).toContain(id);
    }
    expect(new Set(TREE_GUARDRAIL_IDS).size).toBe(TREE_GUARDRAIL_IDS.length);
    expect([...USER_THRESHOLD_IDS].sort()).toEqual([...GUARDRAIL_IDS].sort());
    expect(TREE_GUARDRAIL_IDS.length).toBe(6);
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

  it('takes the user threshold on every guardrail, and ignores unusable values', () => {
    expect(effectiveThreshold(floor, { belowFloorHoursShare: 0.5 })).toBe(0.5);
    expect(effectiveThreshold(floor, { belowFloorHoursShare: Infinity })).toBe(0.1);
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

  it('reads every guardrail, and refuses metrics without one or that do not exist', () => {
    expect(parseThreshold('belowFloorHoursShare', '5')).toEqual({ ok: true, value: 0.05 });
    expect(parseThreshold('unpaidOverrunHoursPerDriver', '0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseThreshold('onTimeRate', '5').ok).toBe(false);
    expect(parseThreshold('nope', '5').ok).toBe(false);
  });
});

/** Values at which every guardrail is within its table threshold. */
const CALM: Record<string, number> = {
  weeklyChurnRate: 0.02,
  costPerPackage: 2,
  backlogDays: 0.1,
  belowFloorHoursShare: 0.05,
  unpaidOverrunHoursPerDriver: 0.1,
  unsafePaceShare: 0.01,
};
const valueOf = (over: Record<string, number>) => (id: MetricId) => over[id] ?? CALM[id] ?? 0;

describe('breaches and guardrailVerdicts', () => {
  it('name no guardrail when every value is within', () => {
    expect(breaches(valueOf({}))).toEqual([]);
    expect(guardrailVerdicts(valueOf({})).every((v) => !v.breached)).toBe(true);
  });

  it('name the breached guardrails in table order, whatever order they were given', () => {
    const v = valueOf({ unsafePaceShare: 0.2, belowFloorHoursShare: 0.14, weeklyChurnRate: 0.05 });
    expect(breaches(v)).toEqual(['weeklyChurnRate', 'belowFloorHoursShare', 'unsafePaceShare']);
    expect(breachNames(breaches(v))).toBe(
      'Weekly churn, Hours below wage floor and Unsafe-pace routes',
    );
    expect(breachNames(['costPerPackage'])).toBe('Cost per package');
  });

  it('judge under the user thresholds, the same as guardrailBreach', () => {
    const v = valueOf({ belowFloorHoursShare: 0.14 });
    expect(breaches(v, { belowFloorHoursShare: 0.2 })).toEqual([]);
    expect(breaches(v, { costPerPackage: 1.5 })).toEqual([
      'costPerPackage',
      'belowFloorHoursShare',
    ]);
    const verdicts = guardrailVerdicts(v, { belowFloorHoursShare: 0.2 });
    expect(verdicts.map((x) => x.id)).toEqual(TREE_GUARDRAIL_IDS);
    const f = verdicts.find((x) => x.id === 'belowFloorHoursShare');
    expect(f).toMatchObject({ threshold: 0.2, value: 0.14, breached: false });
    for (const x of verdicts) {
      expect(x.breached).toBe(guardrailBreach(x.metric, x.value, { belowFloorHoursShare: 0.2 }));
    }
  });

  it('never count a missing value as a breach', () => {
    expect(breaches(() => Number.NaN)).toEqual([]);
  });
});

describe('readThresholds', () => {
  it('keeps usable thresholds of guardrails only', () => {
    expect(
      readThresholds({
        belowFloorHoursShare: 0.2,
        costPerPackage: 3,
        weeklyChurnRate: 2, // a share above 100%
        unsafePaceShare: '0.1',
        backlogDays: -1,
        onTimeRate: 0.9,
        __proto__: { costPerPackage: 9 },
      }),
    ).toEqual({ belowFloorHoursShare: 0.2, costPerPackage: 3 });
    expect(readThresholds(null)).toEqual({});
    expect(readThresholds([0.1])).toEqual({});
    expect(readThresholds('x')).toEqual({});
  });
});

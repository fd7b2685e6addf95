import { describe, expect, it } from 'vitest';
import { METRIC_BY_ID, METRIC_COUNT, METRIC_INDEX, type MetricId } from '../../src/model/metrics';
import { PARAM_BY_ID } from '../../src/model/params';
import type { IntervalArrays } from '../../src/model/results';
import { changedParams, defaultScenario, withParams } from '../../src/model/scenario';
import {
  STYLIZED_FACTS,
  appliedChanges,
  applyFact,
  combine,
  judgeFact,
  judgeInterval,
  type StylizedFact,
} from '../../src/model/stylized-facts';

const facts = STYLIZED_FACTS as readonly StylizedFact[];

function scenarioWith(changes: Record<string, unknown>) {
  const r = withParams(defaultScenario(), changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Interval arrays with one metric set and every other at zero. */
function arrays(values: Partial<Record<MetricId, [number, number, number]>>): IntervalArrays {
  const mean = new Float64Array(METRIC_COUNT);
  const low = new Float64Array(METRIC_COUNT);
  const high = new Float64Array(METRIC_COUNT);
  for (const [id, [m, l, h]] of Object.entries(values) as [MetricId, number[]][]) {
    const i = METRIC_INDEX[id];
    mean[i] = m!;
    low[i] = l!;
    high[i] = h!;
  }
  return { mean, low, high };
}

describe('the stylized facts table', () => {
  it('has unique ids, a statement, a source and at least one expectation per fact', () => {
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    expect(facts.length).toBeGreaterThanOrEqual(4);
    for (const f of facts) {
      expect(f.statement.length, f.id).toBeGreaterThan(20);
      expect(f.source.length, f.id).toBeGreaterThan(10);
      expect(f.expectations.length, f.id).toBeGreaterThan(0);
      expect(f.change.length, f.id).toBeGreaterThan(0);
    }
  });

  it('names only parameters and metrics the tables have', () => {
    for (const f of facts) {
      for (const c of f.change) expect(PARAM_BY_ID.has(c.param), `${f.id} ${c.param}`).toBe(true);
      for (const e of f.expectations) expect(METRIC_BY_ID.has(e.metric), e.metric).toBe(true);
      for (const m of f.fades ?? []) expect(METRIC_BY_ID.has(m), m).toBe(true);
    }
  });

  it("makes every fact's change a valid scenario that differs from the defaults", () => {
    for (const f of facts) {
      const r = applyFact(f, defaultScenario());
      expect(r.ok, r.ok ? f.id : r.error).toBe(true);
      if (!r.ok) continue;
      expect(Object.keys(changedParams(r.value.params)).length, f.id).toBe(f.change.length);
      // run settings are kept: the pair shares its random draws
      expect(r.value.seed).toBe(defaultScenario().seed);
      expect(r.value.weeks).toBe(defaultScenario().weeks);
      expect(r.value.replications).toBe(defaultScenario().replications);
    }
  });

  it("makes every fact's change valid on other assumptions too (short runs, changed levers)", () => {
    const others = [
      { ...scenarioWith({ payPerHour: 30, blockHours: 6, capacityBuffer: 0.3 }), weeks: 12 },
      { ...scenarioWith({ outsideWage: 22, demandPerDay: 20000 }), replications: 4 },
    ];
    for (const s of others) {
      for (const f of facts) {
        const r = applyFact(f, s);
        expect(r.ok, r.ok ? f.id : r.error).toBe(true);
      }
    }
  });

  it('moves parameters relative to the current scenario, without binary noise', () => {
    const pay = facts.find((f) => f.id === 'pay-up')!;
    const r = applyFact(pay, scenarioWith({ payPerHour: 30 }));
    expect(r.ok && r.value.params.payPerHour).toBe(33);
    const d = applyFact(pay, defaultScenario());
    expect(d.ok && d.value.params.payPerHour).toBe(24.2);
    const buffer = facts.find((f) => f.id === 'more-buffer')!;
    const b = applyFact(buffer, defaultScenario());
    expect(b.ok && b.value.params.capacityBuffer).toBe(0.15);
  });

  it('holds a change within the range and says so, and refuses a change that changes nothing', () => {
    const blocks = facts.find((f) => f.id === 'longer-blocks')!;
    const near = appliedChanges(blocks, scenarioWith({ blockHours: 7.5 }));
    expect(near[0]).toMatchObject({ from: 7.5, to: 8, capped: true });
    const atMax = applyFact(blocks, scenarioWith({ blockHours: 8 }));
    expect(atMax.ok).toBe(false);
    if (!atMax.ok) expect(atMax.error).toMatch(/no difference.*Typical block length/);
    const surge = facts.find((f) => f.id === 'surge-off')!;
    const off = applyFact(surge, scenarioWith({ surgeEnabled: false }));
    expect(off.ok).toBe(false);
  });
});

describe('judging a fact', () => {
  it('reads an interval on the expected side as reproduced, across zero as inconclusive, on the other side as contradicted', () => {
    expect(judgeInterval(1, 0.1, 0.3)).toBe('reproduced');
    expect(judgeInterval(-1, -0.3, -0.1)).toBe('reproduced');
    expect(judgeInterval(1, -0.1, 0.3)).toBe('inconclusive');
    expect(judgeInterval(-1, 0, 0.3)).toBe('inconclusive');
    expect(judgeInterval(1, -0.3, -0.1)).toBe('contradicted');
    expect(judgeInterval(-1, 0.1, 0.3)).toBe('contradicted');
    expect(judgeInterval(1, NaN, 0.3)).toBe('unknown');
  });

  it('combines parts: any contradiction wins, then a missing number, then all reproduced', () => {
    const v = (...xs: ('reproduced' | 'inconclusive' | 'contradicted' | 'unknown')[]) =>
      combine(xs.map((verdict) => ({ verdict })));
    expect(v('reproduced', 'reproduced')).toBe('reproduced');
    expect(v('reproduced', 'inconclusive')).toBe('inconclusive');
    expect(v('reproduced', 'unknown', 'inconclusive')).toBe('unknown');
    expect(v('inconclusive', 'contradicted', 'unknown')).toBe('contradicted');
  });

  it('takes each expectation from its period and judges fades on the means', () => {
    const pay = facts.find((f) => f.id === 'pay-up')!;
    const delta = {
      weekly: arrays({}),
      shortRun: arrays({
        fillRate: [0.01, 0.005, 0.015],
        onTimeRate: [0.002, 0.001, 0.003],
        driverNetHourly: [0.8, 0.6, 1],
        hoursPerActiveDriver: [0.1, -0.1, 0.3],
      }),
      longRun: arrays({
        activeDrivers: [30, 20, 40],
        hoursPerActiveDriver: [-0.4, -0.6, -0.2],
        driverNetHourly: [0.3, 0.1, 0.5],
      }),
      peak: arrays({}),
      whole: arrays({}),
    };
    const j = judgeFact(pay, { delta });
    expect(j.verdict).toBe('reproduced');
    expect(j.expectations.map((e) => e.verdict)).toEqual(Array(5).fill('reproduced'));
    expect(j.fades.map((f) => [f.metric, f.short, f.long, f.verdict])).toEqual([
      ['hoursPerActiveDriver', 0.1, -0.4, 'reproduced'],
      ['driverNetHourly', 0.8, 0.3, 'reproduced'],
    ]);
    // earnings that keep rising in the long run contradict the fade
    delta.longRun.mean[METRIC_INDEX.driverNetHourly] = 1.2;
    expect(judgeFact(pay, { delta }).verdict).toBe('contradicted');
  });
});

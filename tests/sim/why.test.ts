import { describe, expect, it } from 'vitest';
import { METRICS, METRIC_INDEX } from '../../src/model/metrics';
import { comparisonReport } from '../../src/model/report';
import type { ReplicationResult } from '../../src/model/results';
import { defaultScenario, pairedWith, withParams, type Scenario } from '../../src/model/scenario';
import {
  WHY,
  WHY_BY_METRIC,
  WHY_OFFSET,
  WHY_PART_COUNT,
  WHY_PERIODS,
  whyParts,
} from '../../src/model/why';
import { runReplication } from '../../src/sim/engine';
import { gini } from '../../src/sim/measure';
import { compare, whyOf } from '../../src/sim/stats';
import { pairParts, sumsValue, linearValue } from '../../src/sim/why';
import { SUM_LENGTH } from '../../src/sim/why-sums';

const BASE: Scenario = { ...defaultScenario(), weeks: 14, replications: 2 };

function scenario(changes: Record<string, unknown>): Scenario {
  const r = withParams(BASE, changes);
  if (!r.ok) throw new Error(r.error);
  return pairedWith(BASE, r.value);
}

const REPS = 2;
const baseline = Array.from({ length: REPS }, (_, k) => runReplication(BASE, k));

const SCENARIOS: Record<string, Record<string, unknown>> = {
  'pay cut': { payPerHour: 15 },
  'demand +30%': { demandPerDay: defaultScenario().params.demandPerDay * 1.3 },
  'longer blocks': { blockHours: 5 },
  'surge off': { surgeEnabled: false },
};

const periodValues = (r: ReplicationResult, period: (typeof WHY_PERIODS)[number]) => r[period];

/** |a − b| within 1e-9 of the larger magnitude of the two sides' values. */
function close(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(scale, 1e-12);
}

describe('why a metric moved', () => {
  it('computes each metric from the sums exactly as the engine measures it', () => {
    for (const r of baseline) {
      for (const period of WHY_PERIODS) {
        for (const def of WHY) {
          const measured = periodValues(r, period)[METRIC_INDEX[def.metric]];
          if (!Number.isFinite(measured)) continue;
          const v = sumsValue(def.metric, r.sums as Float64Array, period);
          expect(close(v, measured, Math.abs(measured)), `${def.metric} ${period}`).toBe(true);
        }
      }
    }
  });

  it('keeps the ledger of misses: on time = due − no room + fallback − failed − returned', () => {
    const sums = baseline[0].sums as Float64Array;
    const missed = linearValue(
      [
        ['demand', 1],
        ['onTime', -1],
        ['fallback', -1],
      ],
      sums,
      'whole',
    );
    const parts = linearValue(
      [
        ['unloadedUnfilled', 1],
        ['unloadedNoShow', 1],
        ['unloadedPlan', 1],
        ['fallback', -1],
        ['freshFailed', 1],
        ['freshReturned', 1],
      ],
      sums,
      'whole',
    );
    expect(missed).toBeGreaterThan(0);
    expect(Math.abs(parts - missed)).toBeLessThan(1e-6);
  });

  for (const [name, changes] of Object.entries(SCENARIOS)) {
    it(`sums its parts to the change for every replication and metric: ${name}`, () => {
      const s = scenario(changes);
      const results = Array.from({ length: REPS }, (_, k) => runReplication(s, k));
      const out = new Float64Array(WHY_PART_COUNT);
      let checked = 0;
      let moved = 0;
      for (let k = 0; k < REPS; k++) {
        for (const [p, period] of WHY_PERIODS.entries()) {
          const b = baseline[k];
          const r = results[k];
          pairParts(b.sums as Float64Array, r.sums as Float64Array, p * SUM_LENGTH, out);
          for (const def of WHY) {
            const i = METRIC_INDEX[def.metric];
            const m0 = periodValues(b, period)[i];
            const m1 = periodValues(r, period)[i];
            if (!Number.isFinite(m0) || !Number.isFinite(m1)) continue;
            const o = WHY_OFFSET.get(def.metric) ?? 0;
            let sum = 0;
            for (let j = 0; j < whyParts(def).length; j++) sum += out[o + j];
            const scale = Math.max(Math.abs(m0), Math.abs(m1));
            expect(close(sum, m1 - m0, scale), `${def.metric} ${period} rep ${k}`).toBe(true);
            checked++;
            if (Math.abs(m1 - m0) > 1e-6 * scale) moved++;
          }
        }
      }
      // Every metric over three periods (the run has no peak week) for both replications.
      expect(checked).toBeGreaterThanOrEqual(WHY.length * 3 * REPS);
      expect(moved).toBeGreaterThan(checked / 3);
    });
  }

  it('works the decomposition out only when read, once, and copies carry it', () => {
    const s = scenario(SCENARIOS['pay cut']);
    const results = Array.from({ length: REPS }, (_, k) => runReplication(s, k));
    const c = compare(baseline, results);
    const desc = Object.getOwnPropertyDescriptor(c, 'why');
    expect(desc?.get).toBeTypeOf('function');
    expect(desc?.enumerable).toBe(true);
    const first = c.why;
    expect(first).toBe(c.why);
    expect(first).toEqual(whyOf(baseline, results));
    // A spread or structured copy holds the value itself.
    expect({ ...c }.why).toBe(first);
    expect(structuredClone(c).why?.parts.longRun.mean).toEqual(first?.parts.longRun.mean);
  });

  it('carries the parts with intervals in the comparison', () => {
    const s = scenario(SCENARIOS['pay cut']);
    const results = Array.from({ length: REPS }, (_, k) => runReplication(s, k));
    const c = compare(baseline, results);
    const why = c.why;
    expect(why).toBeDefined();
    const parts = why?.parts.longRun;
    const o = WHY_OFFSET.get('onTimePackagesPerWeek') ?? 0;
    const n = whyParts(WHY[0]).length;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += parts?.mean[o + j] ?? NaN;
    const delta = c.delta.longRun.mean[METRIC_INDEX.onTimePackagesPerWeek];
    expect(Math.abs(sum - delta)).toBeLessThan(1e-6 * Math.abs(c.baseline.longRun.mean[0]));
    // A pay cut loses on-time packages mostly for want of drivers: unfilled blocks.
    expect(delta).toBeLessThan(0);
    const unfilled = parts?.mean[o + 1] ?? 0;
    expect(unfilled).toBeLessThan(0);
    for (let j = 0; j < WHY_PART_COUNT; j++) {
      expect(parts?.low[j]).toBeLessThanOrEqual(parts?.mean[j] ?? NaN);
    }
    // The runner's JSON carries the parts beside each metric's delta.
    const report = comparisonReport(c, BASE, s).metrics.find((m) => m.id === 'costPerPackage');
    const reported = (report?.why ?? []).reduce((a, p) => a + (p.longRun.mean ?? NaN), 0);
    expect(report?.why?.map((p) => p.id)).toContain('fallback');
    expect(Math.abs(reported - (report?.delta?.longRun.mean ?? NaN))).toBeLessThan(1e-9);
  });

  it('decomposes every metric', () => {
    expect(METRICS.filter((m) => !WHY_BY_METRIC.has(m.id)).map((m) => m.id)).toEqual([]);
  });

  it('splits a Gini as the share with no hours plus the rest times the Gini of the rest', () => {
    const worked = Float64Array.from([3.5, 7, 7, 10.5, 35, 4.5, 9]);
    const all = Float64Array.from([0, 0, 0, ...worked]);
    const z = 3 / all.length;
    const g = gini(all);
    expect(g).toBeGreaterThan(gini(worked.slice()));
    expect(Math.abs(g - (z + (1 - z) * gini(worked.slice())))).toBeLessThan(1e-12);
  });

  it('records the drivers with no hours, the deactivations and the applicants expected', () => {
    const r = runReplication({ ...BASE, weeks: 14 }, 0);
    const sums = r.sums as Float64Array;
    const whole = (name: string) => linearValue([[name, 1]], sums, 'whole');
    const weeks = 14;
    // The Gini's share of drivers with no hours is a share, and never more than the Gini.
    const z = whole('giniNoHours') / weeks;
    expect(z).toBeGreaterThan(0.01);
    expect(z).toBeLessThan(whole('gini') / weeks);
    // Deactivations are part of the exits in each band, and some drivers are deactivated.
    let deactivated = 0;
    for (const b of [0, 1, 2]) {
      expect(whole(`tenureDeactivated${b}`)).toBeLessThanOrEqual(whole(`tenureExits${b}`));
      deactivated += whole(`tenureDeactivated${b}`);
    }
    expect(deactivated).toBeLessThanOrEqual(whole('deactivated'));
    // The factors are running products; the count drawn is within chance of its mean.
    const base = whole('applicantsBase');
    expect(base).toBeCloseTo((defaultScenario().params.applicantsPerWeek / 7) * 7 * weeks, 6);
    const expected = whole('applicantsExpected');
    expect(expected).toBeGreaterThan(0.3 * base);
    expect(Math.abs(whole('applicants') - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  /** The long-run mean parts of a metric in a comparison with the baseline, by part id. */
  function longRunParts(changes: Record<string, unknown>, metric: (typeof WHY)[number]['metric']) {
    const s = scenario(changes);
    const c = compare(
      baseline,
      Array.from({ length: REPS }, (_, k) => runReplication(s, k)),
    );
    const def = WHY_BY_METRIC.get(metric);
    const o = WHY_OFFSET.get(metric) ?? 0;
    const parts = Object.fromEntries(
      (def ? whyParts(def) : []).map((p, j) => [p.id, c.why?.parts.longRun.mean[o + j] ?? NaN]),
    );
    const i = METRIC_INDEX[metric];
    return { parts, delta: c.delta.longRun.mean[i], before: c.baseline.longRun.mean[i] };
  }

  it('puts a change of the base recruiting rate in its own part, and a pay cut in pay heard', () => {
    const more = longRunParts(
      { applicantsPerWeek: defaultScenario().params.applicantsPerWeek * 1.2 },
      'applicantsWeekly',
    );
    // +20% intake: the base part is about ln 1.2 of the applicants; the pay heard falls back.
    expect(more.parts.base / more.before).toBeGreaterThan(0.15);
    expect(more.parts.base / more.before).toBeLessThan(0.22);
    expect(Math.abs(more.parts.ramp)).toBeLessThan(1e-9);
    const cut = longRunParts({ payPerHour: 15 }, 'applicantsWeekly');
    expect(Math.abs(cut.parts.base)).toBeLessThan(1e-9);
    expect(cut.parts.pay).toBeLessThan(0);
    expect(cut.delta).toBeLessThan(0);
  });

  it('finds a pay cut losing new drivers who quit, band by band', () => {
    const cut = longRunParts({ payPerHour: 15 }, 'survival365');
    expect(cut.delta).toBeLessThan(-0.01);
    const quits = cut.parts.quit0 + cut.parts.quit1 + cut.parts.quit2;
    expect(quits).toBeLessThan(0);
    expect(Math.abs(quits)).toBeGreaterThan(Math.abs(cut.delta) / 2);
  });
});

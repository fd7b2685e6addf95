import { describe, expect, it } from 'vitest';
import { headline, listText } from '../../src/model/headline';
import { METRIC_COUNT, METRIC_INDEX, type MetricId } from '../../src/model/metrics';
import type { Comparison, IntervalArrays, ScenarioSummary } from '../../src/model/results';
import { formatChange, formatInterval } from '../../src/ui/shared/format';
import { STABLE, plainPeriods } from './period-flags';

const FORMAT = { change: formatChange, interval: formatInterval };

function values(entries: Partial<Record<MetricId, number>>, fill = 1): Float64Array {
  const a = new Float64Array(METRIC_COUNT).fill(fill);
  for (const [id, v] of Object.entries(entries)) a[METRIC_INDEX[id as MetricId]] = v;
  return a;
}

function summary(long: Float64Array): ScenarioSummary {
  const weeks = 2;
  const flat = (mean: Float64Array): IntervalArrays => ({ mean, low: mean, high: mean });
  return {
    n: 4,
    weeks,
    weekly: flat(new Float64Array(METRIC_COUNT * weeks)),
    shortRun: flat(long),
    longRun: flat(long),
    peak: flat(long),
    whole: flat(long),
    pool: flat(new Float64Array(4 * weeks)),
    earnings: new Float64Array(40),
    startWeek: 10,
    periods: plainPeriods(weeks),
    stability: STABLE,
  };
}

/** A comparison whose long-run deltas and half-widths are given; every other metric is flat. */
function comparison(
  base: Partial<Record<MetricId, number>>,
  change: Partial<Record<MetricId, number>>,
  half: Partial<Record<MetricId, number>>,
): Comparison {
  const b = values(base);
  const d = values(change, 0);
  const h = values(half, 0);
  const s = b.map((v, i) => v + d[i]!);
  const delta: IntervalArrays = {
    mean: d,
    low: d.map((v, i) => v - h[i]!),
    high: d.map((v, i) => v + h[i]!),
  };
  const zero = values({}, 0);
  const none: IntervalArrays = { mean: zero, low: zero, high: zero };
  return {
    baseline: summary(b),
    scenario: summary(s),
    delta: { weekly: none, shortRun: none, longRun: delta, peak: none, whole: none },
  };
}

const BASE = {
  onTimePackagesPerWeek: 5000,
  onTimeRate: 0.97,
  lateRate: 0.03,
  belowFloorHoursShare: 0.05,
  weeklyChurnRate: 0.02,
  costPerPackage: 2,
  unsafePaceShare: 0,
  backlogDays: 0.05,
  unpaidOverrunHoursPerDriver: 0.1,
  activeDrivers: 800,
  hoursPerActiveDriver: 4,
};

describe('the headline', () => {
  it('names the North Star change with its interval, the breaches and the biggest movers', () => {
    const c = comparison(
      BASE,
      {
        onTimePackagesPerWeek: 33,
        onTimeRate: -0.02,
        lateRate: 0.02,
        belowFloorHoursShare: 0.1, // 15% > 10%: breach
        costPerPackage: 0.6, // $2.60 > $2.50: breach
        activeDrivers: -80, // −10%, 5 times the 2% that matters
        hoursPerActiveDriver: -0.04, // nonzero, does not matter
      },
      {
        onTimePackagesPerWeek: 35,
        onTimeRate: 0.005,
        lateRate: 0.005,
        belowFloorHoursShare: 0.01,
        costPerPackage: 0.05,
        activeDrivers: 10,
        hoursPerActiveDriver: 0.02,
      },
    );
    const h = headline(c, FORMAT);
    expect(h.northStar.verdict).toBe('uncertain'); // +33 [−2, +68] against ±50
    expect(h.breaches).toEqual(['costPerPackage', 'belowFloorHoursShare']);
    expect(h.guardrails).toContain('weeklyChurnRate');
    // Sizes: on-time rate 4×, below floor 10×, cost 30×, active drivers 5×; late rate mirrors
    // on-time rate and is left out; hours per driver does not matter.
    expect(h.movers.map((m) => m.id)).toEqual([
      'costPerPackage',
      'belowFloorHoursShare',
      'activeDrivers',
    ]);
    expect(h.text).toBe(
      'On-time packages per week +33 [\u22122, +68], can’t tell yet; ' +
        '2 guardrails breached: cost per package and hours below wage floor; ' +
        'biggest movers: cost per package +0.600 (worse), ' +
        'hours below wage floor +10.00 pp (worse) and active drivers \u221280 (worse).',
    );
  });

  it('says so when nothing is breached and nothing moves', () => {
    const h = headline(comparison(BASE, {}, {}), FORMAT);
    expect(h.northStar.verdict).toBe('negligible');
    expect(h.breaches).toEqual([]);
    expect(h.movers).toEqual([]);
    expect(h.text).toBe(
      'On-time packages per week 0 [0, 0], no meaningful change; no guardrail breached; ' +
        'no other metric moves by a change that matters.',
    );
  });

  it('follows the user’s thresholds and smallest changes', () => {
    const c = comparison(
      BASE,
      { onTimePackagesPerWeek: 33, costPerPackage: 0.6, hoursPerActiveDriver: -0.04 },
      { onTimePackagesPerWeek: 20, costPerPackage: 0.05, hoursPerActiveDriver: 0.02 },
    );
    const h = headline(c, FORMAT, {
      thresholds: { costPerPackage: 3 },
      minChanges: { onTimePackagesPerWeek: 0.001, hoursPerActiveDriver: 0 },
      movers: 1,
    });
    expect(h.northStar.verdict).toBe('better'); // +33 [+13, +53] against ±5
    expect(h.breaches).toEqual([]);
    // Hours per driver against 0 is infinitely many smallest changes: the biggest mover.
    expect(h.movers.map((m) => m.id)).toEqual(['hoursPerActiveDriver']);
    expect(h.text).toBe(
      'On-time packages per week +33 [+13, +53], better; no guardrail breached; ' +
        'biggest movers: hours per active driver \u22120.04 (worse).',
    );
  });

  it('lists in English', () => {
    expect(listText([])).toBe('');
    expect(listText(['a'])).toBe('a');
    expect(listText(['a', 'b'])).toBe('a and b');
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

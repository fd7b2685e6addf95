import { describe, expect, it } from 'vitest';
import { METRIC_COUNT, METRIC_INDEX, type MetricId } from '../../../src/model/metrics';
import type { Comparison, IntervalArrays, ScenarioSummary } from '../../../src/model/results';
import {
  baselineLongRun,
  contrast,
  heatCells,
  leverText,
  leverTitle,
  longRun,
  luminance,
  matchIndex,
  nearestIndex,
  paramDef,
  planePoints,
  sortBySwing,
  sweepPanels,
  textOn,
  type Estimate,
} from '../../../src/ui/charts/explore-data';
import { STABLE, plainPeriods } from '../../model/period-flags';

/** A metric-indexed array: the given values, NaN elsewhere. */
function values(entries: Partial<Record<MetricId, number>>): Float64Array {
  const a = new Float64Array(METRIC_COUNT).fill(Number.NaN);
  for (const [id, v] of Object.entries(entries)) a[METRIC_INDEX[id as MetricId]] = v;
  return a;
}

function interval(mean: Float64Array, half: number): IntervalArrays {
  return { mean, low: mean.map((v) => v - half), high: mean.map((v) => v + half) };
}

function summary(long: IntervalArrays): ScenarioSummary {
  const empty = interval(new Float64Array(0), 0);
  return {
    n: 4,
    weeks: 0,
    weekly: empty,
    shortRun: empty,
    longRun: long,
    peak: empty,
    whole: empty,
    pool: empty,
    earnings: new Float64Array(0),
    startWeek: 10,
    periods: plainPeriods(0),
    stability: STABLE,
  };
}

/**
 * A comparison whose long-run baseline and scenario are the given values (intervals ± 0.1 and
 * ± 0.2), and whose paired delta is scenario − baseline (± 0.05).
 */
function comparison(
  baseline: Partial<Record<MetricId, number>>,
  scenario: Partial<Record<MetricId, number>>,
): Comparison {
  const b = values(baseline);
  const s = values(scenario);
  const empty = interval(new Float64Array(0), 0);
  return {
    baseline: summary(interval(b, 0.1)),
    scenario: summary(interval(s, 0.2)),
    delta: {
      weekly: empty,
      shortRun: empty,
      longRun: interval(
        s.map((v, i) => v - (b[i] ?? Number.NaN)),
        0.05,
      ),
      peak: empty,
      whole: empty,
    },
  };
}

const est = (mean: number, low = mean, high = mean): Estimate => ({ mean, low, high });

describe('levers as the explorer names them', () => {
  it('reads a number lever with its unit and a switch as on or off', () => {
    expect(leverText('payPerHour', 24)).toBe('24 $/h');
    expect(leverText('payPerHour', 17.5)).toBe('17.5 $/h');
    expect(leverText('surgeEnabled', 1)).toBe('on');
    expect(leverText('surgeEnabled', 0)).toBe('off');
  });

  it('titles an axis with the unit in brackets, and without brackets when there is no unit', () => {
    expect(leverTitle('payPerHour')).toBe('Pay per block hour ($/h)');
    expect(leverTitle('blockHours')).toBe('Typical block length (h)');
    expect(leverTitle('surgeEnabled')).toBe('Surge on');
  });

  it('names the unknown parameter in its error', () => {
    expect(() => paramDef('noSuchLever')).toThrow('unknown parameter "noSuchLever"');
    expect(() => leverText('noSuchLever', 1)).toThrow('noSuchLever');
  });
});

describe('long-run estimates read from a comparison', () => {
  const c = comparison({ costPerPackage: 2.4 }, { costPerPackage: 2.7 });

  it('gives the scenario’s value, or the paired delta, with its interval', () => {
    const value = longRun(c, 'costPerPackage');
    expect(value.mean).toBe(2.7);
    expect(value.low).toBeCloseTo(2.5, 12);
    expect(value.high).toBeCloseTo(2.9, 12);
    const delta = longRun(c, 'costPerPackage', 'delta');
    expect(delta.mean).toBeCloseTo(0.3, 12);
    expect(delta.low).toBeCloseTo(0.25, 12);
    expect(delta.high).toBeCloseTo(0.35, 12);
  });

  it('gives the baseline’s value from the same comparison', () => {
    const b = baselineLongRun(c, 'costPerPackage');
    expect(b.mean).toBe(2.4);
    expect(b.low).toBeCloseTo(2.3, 12);
    expect(b.high).toBeCloseTo(2.5, 12);
  });

  it('reads NaN for a missing comparison and for a metric the arrays do not hold', () => {
    expect(longRun(undefined, 'costPerPackage')).toEqual(est(Number.NaN));
    expect(baselineLongRun(undefined, 'costPerPackage')).toEqual(est(Number.NaN));
    const short: Comparison = {
      ...c,
      scenario: summary(interval(new Float64Array(0), 0)),
    };
    expect(longRun(short, 'costPerPackage')).toEqual(est(Number.NaN));
  });
});

describe('the sweep’s panels', () => {
  const points = [
    comparison({ fillRate: 0.9, costPerPackage: 2.4 }, { fillRate: 0.8, costPerPackage: 2.2 }),
    comparison({ fillRate: 0.9, costPerPackage: 2.4 }, { fillRate: 0.95, costPerPackage: 2.6 }),
  ];

  it('puts one point per swept value in each metric’s panel, NaN where no result is in yet', () => {
    const panels = sweepPanels([10, 20, 30], points, ['fillRate', 'costPerPackage'], 'value');
    expect(panels.map((p) => p.metric)).toEqual(['fillRate', 'costPerPackage']);
    const fill = panels[0];
    expect(fill?.points.map((p) => p.x)).toEqual([10, 20, 30]);
    expect(fill?.points.map((p) => p.mean)).toEqual([0.8, 0.95, Number.NaN]);
    expect(fill?.reference).toBe(0.9);
    expect(panels[1]?.points.map((p) => p.mean)).toEqual([2.2, 2.6, Number.NaN]);
    expect(panels[1]?.reference).toBe(2.4);
  });

  it('draws deltas against a reference of zero', () => {
    const [fill] = sweepPanels([10, 20], points, ['fillRate'], 'delta');
    expect(fill?.reference).toBe(0);
    expect(fill?.points[0]?.mean).toBeCloseTo(-0.1, 12);
    expect(fill?.points[1]?.mean).toBeCloseTo(0.05, 12);
  });

  it('has no reference line before the first result, and no panels without metrics', () => {
    const [fill] = sweepPanels([10, 20], [], ['fillRate'], 'value');
    expect(fill?.reference).toBeNaN();
    expect(fill?.points.every((p) => Number.isNaN(p.mean))).toBe(true);
    expect(sweepPanels([10], points, [], 'value')).toEqual([]);
  });
});

describe('the sweep in the plane of two metrics', () => {
  it('labels each point with the lever’s value and places it at the two long-run values', () => {
    const points = [
      comparison({}, { costPerPackage: 2.2, onTimeRate: 0.91 }),
      comparison({}, { costPerPackage: 2.6, onTimeRate: 0.97 }),
    ];
    expect(planePoints('payPerHour', [18, 26, 34], points, 'costPerPackage', 'onTimeRate')).toEqual(
      [
        { value: 18, label: '18 $/h', x: 2.2, y: 0.91 },
        { value: 26, label: '26 $/h', x: 2.6, y: 0.97 },
        { value: 34, label: '34 $/h', x: Number.NaN, y: Number.NaN },
      ],
    );
  });
});

describe('the heatmap’s cells', () => {
  // Cost per package: the guardrail is breached above $2.50.
  const grid = [
    [comparison({}, { costPerPackage: 2.1 }), comparison({}, { costPerPackage: 2.5 })],
    [comparison({}, { costPerPackage: 2.7 }), comparison({}, {})],
  ];

  it('gives one cell per pair of values, column by column, with indices and values', () => {
    const cells = heatCells([18, 26], [3, 5], grid, 'costPerPackage');
    expect(cells.map((c) => [c.xi, c.yi, c.x, c.y])).toEqual([
      [0, 0, 18, 3],
      [0, 1, 18, 5],
      [1, 0, 26, 3],
      [1, 1, 26, 5],
    ]);
    expect(cells.map((c) => c.mean)).toEqual([2.1, 2.5, 2.7, Number.NaN]);
    expect(cells[0]?.low).toBeCloseTo(1.9, 12);
    expect(cells[0]?.high).toBeCloseTo(2.3, 12);
  });

  it('marks a breach only strictly past the guardrail, never for a cell without a value', () => {
    const cells = heatCells([18, 26], [3, 5], grid, 'costPerPackage');
    expect(cells.map((c) => c.breach)).toEqual([false, false, true, false]);
  });

  it('uses the threshold in force', () => {
    const cells = heatCells([18, 26], [3, 5], grid, 'costPerPackage', { costPerPackage: 2.2 });
    expect(cells.map((c) => c.breach)).toEqual([false, true, true, false]);
  });

  it('hatches and names any guardrail breached, whatever metric is coloured', () => {
    const g = [
      [comparison({}, { onTimeRate: 0.9, belowFloorHoursShare: 0.14, costPerPackage: 2.7 })],
      [comparison({}, { onTimeRate: 0.95, belowFloorHoursShare: 0.05, costPerPackage: 2 })],
    ];
    const cells = heatCells([16.5, 24], [4.5], g, 'onTimeRate');
    expect(cells.map((c) => c.breach)).toEqual([true, false]);
    expect(cells[0]?.breaches).toEqual(['costPerPackage', 'belowFloorHoursShare']);
    expect(cells[1]?.breaches).toEqual([]);
    // The user's threshold lifts the wage-floor breach.
    const lifted = heatCells([16.5, 24], [4.5], g, 'onTimeRate', { belowFloorHoursShare: 0.2 });
    expect(lifted[0]?.breaches).toEqual(['costPerPackage']);
  });

  it('reads NaN for cells whose comparison is missing (a grid still running)', () => {
    const cells = heatCells([18, 26, 34], [3], grid, 'costPerPackage');
    expect(cells.map((c) => c.mean)).toEqual([2.1, 2.7, Number.NaN]);
    expect(cells[2]?.breach).toBe(false);
  });
});

describe('finding a value among the swept ones', () => {
  it('finds the nearest value, the first of two equally near', () => {
    expect(nearestIndex([1, 2, 4], 2.9)).toBe(1);
    expect(nearestIndex([1, 2, 4], 3.1)).toBe(2);
    expect(nearestIndex([1, 2, 4], 3)).toBe(1);
    expect(nearestIndex([5, 5], 5)).toBe(0);
    expect(nearestIndex([1, 2, 4], -100)).toBe(0);
  });

  it('finds nothing among no values or for a position that is not a number', () => {
    expect(nearestIndex([], 1)).toBeUndefined();
    expect(nearestIndex([1, 2], Number.NaN)).toBeUndefined();
    expect(nearestIndex([Number.NaN, 5], 4)).toBe(1);
  });

  it('matches a value equal up to rounding, and nothing merely near', () => {
    expect(matchIndex([0.1, 0.2, 0.30000000000000004], 0.3)).toBe(2);
    expect(matchIndex([1, 2], 1.5)).toBeUndefined();
    expect(matchIndex([1, 2], 2.001)).toBeUndefined();
    // Relative tolerance: 1e-4 off a million still matches, 1e-2 does not.
    expect(matchIndex([1e6, 2e6], 1e6 + 1e-4)).toBe(0);
    expect(matchIndex([1e6, 2e6], 1e6 + 1e-2)).toBeUndefined();
  });

  it('matches zero only within an absolute 1e-18', () => {
    expect(matchIndex([0, 1], 0)).toBe(0);
    expect(matchIndex([0, 1], 1e-20)).toBe(0);
    expect(matchIndex([0, 1], 1e-12)).toBeUndefined();
  });

  it('matches nothing among no values, and nothing for NaN', () => {
    expect(matchIndex([], 0)).toBeUndefined();
    expect(matchIndex([1, 2], Number.NaN)).toBeUndefined();
    expect(matchIndex([Number.NaN], Number.NaN)).toBeUndefined();
  });
});

describe('text that stays readable on a cell’s fill', () => {
  it('computes WCAG relative luminance of sRGB channels', () => {
    expect(luminance(0, 0, 0)).toBe(0);
    expect(luminance(255, 255, 255)).toBeCloseTo(1, 12);
    expect(luminance(255, 0, 0)).toBeCloseTo(0.2126, 12);
    expect(luminance(0, 255, 0)).toBeCloseTo(0.7152, 12);
    expect(luminance(0, 0, 255)).toBeCloseTo(0.0722, 12);
    // The curve's power part and its linear toe (channels at or below 10/255).
    expect(luminance(128, 128, 128)).toBeCloseTo(0.21586, 5);
    expect(luminance(10, 10, 10)).toBeCloseTo(10 / 255 / 12.92, 12);
  });

  it('gives the contrast ratio whichever luminance comes first', () => {
    expect(contrast(1, 0)).toBeCloseTo(21, 12);
    expect(contrast(0, 1)).toBeCloseTo(21, 12);
    expect(contrast(0.3, 0.3)).toBe(1);
    expect(contrast(0.45, 0.2)).toBeCloseTo(2, 12);
  });

  it('puts near-black on light fills and white on dark ones, switching near 0.19', () => {
    expect(textOn(1)).toBe('#111111');
    expect(textOn(0)).toBe('#ffffff');
    // Equal contrast with #111111 (luminance ≈ 0.0056) and white at luminance ≈ 0.1916.
    expect(textOn(0.19)).toBe('#ffffff');
    expect(textOn(0.193)).toBe('#111111');
    expect(textOn(luminance(128, 128, 128))).toBe('#111111');
  });
});

describe('tornado items sorted by swing', () => {
  const item = (id: string, low: number, high: number) => ({
    id,
    low: est(low),
    high: est(high),
  });

  it('puts the largest swing first, whichever end is higher', () => {
    const sorted = sortBySwing([item('a', 1, 2), item('b', 5, 1), item('c', 0, 3)]);
    expect(sorted.map((t) => t.id)).toEqual(['b', 'c', 'a']);
  });

  it('keeps the given order for equal swings and puts swings that are not numbers last', () => {
    const sorted = sortBySwing([
      item('nan', Number.NaN, 4),
      item('first', 0, 2),
      item('zero', 3, 3),
      item('second', 2, 0),
      item('inf', 0, Number.POSITIVE_INFINITY),
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['first', 'second', 'zero', 'nan', 'inf']);
  });

  it('returns a new array and leaves the input as it was', () => {
    const items = [item('a', 0, 1), item('b', 0, 2)];
    const sorted = sortBySwing(items);
    expect(sorted.map((t) => t.id)).toEqual(['b', 'a']);
    expect(items.map((t) => t.id)).toEqual(['a', 'b']);
    expect(sortBySwing([])).toEqual([]);
  });
});

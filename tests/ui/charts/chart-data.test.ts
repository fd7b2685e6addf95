import { describe, expect, it } from 'vitest';
import { METRIC_BY_ID, type MetricDef } from '../../../src/model/metrics';
import {
  axisTitle,
  binLabel,
  formatDifference,
  formatDollars,
  formatDrivers,
  formatShare,
  formatValue,
  formatWithInterval,
  integerTicks,
  nearestWeek,
  paddedExtent,
  pointValues,
  shareBelow,
} from '../../../src/ui/charts/chart-data';
import { earningsBins } from '../../../src/ui/shared/series';

const metric = (id: string): MetricDef => {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(id);
  return m;
};

describe('axis domains', () => {
  it('pads the finite extent by 5% and ignores NaN and infinities', () => {
    expect(paddedExtent([10, NaN, 20, Infinity])).toEqual([9.5, 20.5]);
  });

  it('does not cross zero when all values are on one side of it', () => {
    expect(paddedExtent([0, 0.5])).toEqual([0, 0.525]);
    const neg = paddedExtent([-2, 0]);
    expect(neg?.[1]).toBe(0);
  });

  it('widens a flat series and gives a unit range for all zeros', () => {
    expect(paddedExtent([5, 5])).toEqual([4.5, 5.5]);
    expect(paddedExtent([0, 0, 0])).toEqual([0, 1]);
  });

  it('is undefined when nothing is finite', () => {
    expect(paddedExtent([NaN, NaN])).toBeUndefined();
    expect(paddedExtent([])).toBeUndefined();
  });

  it('collects means and interval ends of every series', () => {
    expect(pointValues([{ week: 1, mean: 2, low: 1, high: 3 }], [])).toEqual([2, 1, 3]);
  });
});

describe('number formats', () => {
  it('titles axes with the unit, percent for shares', () => {
    expect(axisTitle(metric('onTimeRate'))).toBe('On-time rate (%)');
    expect(axisTitle(metric('weeklyChurnRate'))).toBe('Weekly churn (% per week)');
    expect(axisTitle(metric('driverNetHourly'))).toBe('Driver net hourly ($/h)');
  });

  it('prints values with the metric’s digits, shares as percent, never NaN', () => {
    expect(formatValue(metric('onTimeRate'), 0.9654)).toBe('96.54%');
    expect(formatValue(metric('onTimePackagesPerWeek'), 53812.4)).toBe('53,812 packages/week');
    expect(formatValue(metric('driverNetHourly'), 17.3)).toBe('17.30 $/h');
    expect(formatValue(metric('onTimeRate'), NaN)).toBe('–');
  });

  it('prints differences with a sign, in percentage points for shares', () => {
    expect(formatDifference(metric('onTimeRate'), 0.0123)).toBe('+1.23 pp');
    expect(formatDifference(metric('onTimeRate'), -0.0123)).toBe('−1.23 pp');
    expect(formatDifference(metric('driverNetHourly'), 0)).toBe('0.00 $/h');
    expect(formatDifference(metric('driverNetHourly'), -0.001)).toBe('0.00 $/h');
    expect(formatDifference(metric('driverNetHourly'), Infinity)).toBe('–');
  });

  it('prints a mean with its interval, or a dash with the reason', () => {
    const f = (v: number) => v.toFixed(1);
    expect(formatWithInterval(f, { mean: 2, low: 1, high: 3 })).toBe('2.0 (95% 1.0 to 3.0)');
    expect(formatWithInterval(f, { mean: 2, low: NaN, high: 3 })).toBe('2.0');
    expect(formatWithInterval(f, { mean: NaN, low: 1, high: 3 })).toBe('– (no value this week)');
  });

  it('prints driver counts, shares and dollars for people', () => {
    expect(formatDrivers(831.25)).toBe('831');
    expect(formatDrivers(17.25)).toBe('17.3');
    expect(formatDrivers(1234)).toBe('1,234');
    expect(formatDrivers(NaN)).toBe('–');
    expect(formatShare(0.1555)).toBe('15.6%');
    expect(formatShare(NaN)).toBe('–');
    expect(formatDollars(15)).toBe('$15');
    expect(formatDollars(15.5)).toBe('$15.50');
  });
});

describe('axis and keyboard helpers', () => {
  it('keeps whole-number ticks for weeks', () => {
    expect(integerTicks([0.5, 1, 1.5, 2])).toEqual([1, 2]);
  });

  it('snaps a position to the nearest week within the horizon', () => {
    expect(nearestWeek(3.4, 26)).toBe(3);
    expect(nearestWeek(-2, 26)).toBe(1);
    expect(nearestWeek(40, 26)).toBe(26);
    expect(nearestWeek(NaN, 26)).toBe(1);
  });
});

describe('earnings bins as the chart reads them', () => {
  it('labels the open-ended first and last bins as the engine clamps them', () => {
    const bins = earningsBins([0, 0, 0], [0, 0, 0], 0, 1);
    expect(binLabel(bins[0]!, 0, 3)).toBe('under $1/h');
    expect(binLabel(bins[1]!, 1, 3)).toBe('$1–$2/h');
    expect(binLabel(bins[2]!, 2, 3)).toBe('$2/h and more');
  });

  it('measures the share below a floor, splitting the bin the floor falls in', () => {
    const bins = earningsBins([0.2, 0.4, 0.4], [0.1, 0.1, 0.8], 14, 1);
    expect(shareBelow(bins, 15, 'baseline')).toBeCloseTo(0.2);
    expect(shareBelow(bins, 15.5, 'baseline')).toBeCloseTo(0.4);
    expect(shareBelow(bins, 20, 'scenario')).toBeCloseTo(1);
    expect(shareBelow(bins, 10, 'scenario')).toBe(0);
    expect(shareBelow(earningsBins([NaN], [NaN]), 15, 'baseline')).toBeNaN();
  });
});

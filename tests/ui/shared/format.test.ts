import { describe, expect, it } from 'vitest';
import { METRIC_BY_ID, METRICS, type MetricDef } from '../../../src/model/metrics';
import {
  NO_VALUE,
  formatChange,
  formatChance,
  formatDelta,
  formatInterval,
  formatMetric,
  formatThreshold,
  thresholdInputText,
  unitLabel,
} from '../../../src/ui/shared/format';

function metric(id: string): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

const share = metric('onTimeRate'); // percent, 4 digits → 2 shown
const count = metric('onTimePackagesPerWeek'); // 0 digits
const money = metric('costPerPackage'); // 3 digits

describe('formatMetric', () => {
  it('shows shares as percentages with the table digits less two', () => {
    expect(formatMetric(share, 0.91234)).toBe('91.23%');
  });

  it('groups thousands and rounds to the table digits', () => {
    expect(formatMetric(count, 12345.6)).toBe('12,346');
    expect(formatMetric(money, 2.5)).toBe('2.500');
  });

  it('writes negatives with a true minus sign and never shows minus zero', () => {
    expect(formatMetric(money, -1.5)).toBe('\u22121.500');
    expect(formatMetric(money, -0.00001)).toBe('0.000');
  });

  it('shows a dash for values that are not finite numbers', () => {
    for (const v of [NaN, Infinity, -Infinity]) expect(formatMetric(share, v)).toBe(NO_VALUE);
  });
});

describe('formatDelta', () => {
  it('gives share deltas in percentage points with a signed interval', () => {
    expect(formatDelta(share, 0.012, 0.008, 0.016)).toBe('+1.20 pp [+0.80, +1.60]');
  });

  it('signs negative deltas and intervals that straddle zero', () => {
    expect(formatDelta(count, -310.4, -420, 12)).toBe('\u2212310 [\u2212420, +12]');
  });

  it('shows a delta that rounds to zero without a sign', () => {
    expect(formatDelta(share, 0, 0, 0)).toBe('0.00 pp [0.00, 0.00]');
    expect(formatDelta(money, -0.0001, -0.0002, 0.0001)).toBe('0.000 [0.000, 0.000]');
    // Clear of zero, so never shown as touching it.
    expect(formatDelta(money, 0.003, 0.0004, 0.006)).toBe('+0.003 [+0.0004, +0.0060]');
    expect(formatDelta(share, -0.002, -0.004, -0.00004)).toBe(
      '\u22120.20 pp [\u22120.400, \u22120.004]',
    );
  });

  it('shows a dash for a missing delta and leaves out a missing interval', () => {
    expect(formatDelta(share, NaN, 0, 1)).toBe(NO_VALUE);
    expect(formatDelta(money, 0.25, NaN, NaN)).toBe('+0.250');
  });

  it('never prints NaN, undefined or Infinity for any metric', () => {
    for (const m of METRICS as readonly MetricDef[]) {
      for (const v of [NaN, Infinity, 0, -1, 1e6]) {
        const text = `${formatMetric(m, v)} ${formatDelta(m, v, v, v)}`;
        expect(text).not.toMatch(/NaN|undefined|Infinity|∞/);
      }
    }
  });
});

describe('unitLabel', () => {
  it('reads shares as percent and keeps other units', () => {
    expect(unitLabel(share)).toBe('%');
    expect(unitLabel(metric('weeklyChurnRate'))).toBe('%/week');
    expect(unitLabel(money)).toBe('$/package');
  });
});

describe('formatThreshold', () => {
  it('says thresholds the way people do', () => {
    expect(formatThreshold(metric('weeklyChurnRate'), 0.03)).toBe('3%');
    expect(formatThreshold(metric('weeklyChurnRate'), 0.025)).toBe('2.5%');
    expect(formatThreshold(money, 2.5)).toBe('$2.50/package');
    expect(formatThreshold(metric('unpaidOverrunHoursPerDriver'), 0.25)).toBe('0.25 h/week');
    expect(formatThreshold(money, NaN)).toBe(NO_VALUE);
  });
});

describe('thresholdInputText', () => {
  it('gives the number to edit, in percent for shares, without float noise', () => {
    expect(thresholdInputText(metric('weeklyChurnRate'), 0.07)).toBe('7');
    expect(thresholdInputText(money, 2.5)).toBe('2.5');
    expect(thresholdInputText(money, NaN)).toBe('');
  });
});

describe('formatChange and formatInterval', () => {
  it('are the two halves of formatDelta', () => {
    expect(formatChange(share, 0.012)).toBe('+1.20 pp');
    expect(formatInterval(share, 0.008, 0.016)).toBe('[+0.80, +1.60]');
    expect(formatChange(count, NaN)).toBe(NO_VALUE);
    expect(formatInterval(count, NaN, 1)).toBe('');
  });
});

describe('formatChance', () => {
  it('never rounds a chance to certain or nil unless it is', () => {
    expect([1, 0.9996, 0.995, 0.7, 0.004, 0, NaN].map(formatChance)).toEqual([
      '100%',
      '> 99.9%',
      '99.5%',
      '70%',
      '< 1%',
      '0%',
      NO_VALUE,
    ]);
  });
});

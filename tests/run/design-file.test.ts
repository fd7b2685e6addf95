/** Explore's reading of a design report file, and one metric's indices as bars. */
import { describe, expect, it } from 'vitest';
import { indexBars, readDesignFile } from '../../src/run/design-file';
import type { DesignReport } from '../../src/run/design-report';

const report = {
  gigsim: 'design',
  version: 1,
  design: {
    kind: 'morris',
    n: 4,
    levels: 4,
    period: 'whole',
    seed: 1,
    factors: [
      { id: 'payPerHour', label: 'Pay', unit: '$/h', from: 16, to: 30 },
      { id: 'noShowRate', label: 'No-shows', unit: 'share', from: 0, to: 0.1 },
    ],
    metrics: ['costPerPackage'],
    points: 12,
    jobs: 26,
  },
  indices: [
    {
      metric: 'costPerPackage',
      label: 'Cost per package',
      unit: '$/package',
      factors: [
        {
          id: 'payPerHour',
          label: 'Pay',
          muStar: { value: 0.1, low: 0, high: 0.2 },
          sigma: { value: 0.01, low: 0, high: 0.02 },
        },
        {
          id: 'noShowRate',
          label: 'No-shows',
          muStar: { value: 0.4, low: 0.3, high: 0.5 },
          sigma: { value: null, low: null, high: null },
        },
      ],
    },
  ],
  guardrails: [],
  table: [],
} as unknown as DesignReport;

describe('a design report file', () => {
  it('is read when it is one, and refused with the reason otherwise', () => {
    expect(readDesignFile(report).ok).toBe(true);
    const shard = readDesignFile({ gigsim: 'design-shard', version: 1 });
    expect(shard.ok ? '' : shard.error).toContain('merge the shards first');
    const other = readDesignFile({ gigsim: 'sweep', version: 1 });
    expect(other.ok ? '' : other.error).toContain('not a gigsim design report');
    expect(readDesignFile(null).ok).toBe(false);
  });

  it("gives a metric's factors as bars, the largest main index first, with ranges", () => {
    const bars = indexBars(report, 'costPerPackage');
    expect(bars.map((b) => b.id)).toEqual(['noShowRate', 'payPerHour']);
    expect(bars[0].range).toBe('0 to 0.1 share');
    expect(bars[1].main.value).toBe(0.1);
    expect(bars[1].second?.value).toBe(0.01);
    expect(indexBars(report, 'onTimeRate')).toEqual([]);
  });
});

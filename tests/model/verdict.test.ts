import { describe, expect, it } from 'vitest';
import { METRIC_BY_ID, type MetricDef } from '../../src/model/metrics';
import { VERDICT_TEXT, deltaVerdict } from '../../src/model/verdict';

function metric(id: string): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

const up = metric('onTimeRate');
const down = metric('lateRate');

describe('deltaVerdict', () => {
  it('calls a rise better for a higher-is-better metric when the interval excludes zero', () => {
    expect(deltaVerdict(up, 0.01, 0.005, 0.015)).toBe('better');
    expect(deltaVerdict(up, -0.01, -0.015, -0.005)).toBe('worse');
  });

  it('calls a rise worse for a lower-is-better metric', () => {
    expect(deltaVerdict(down, 0.01, 0.005, 0.015)).toBe('worse');
    expect(deltaVerdict(down, -0.01, -0.015, -0.005)).toBe('better');
  });

  it('sees no clear change when the interval includes zero, even at its edge', () => {
    expect(deltaVerdict(up, 0.01, -0.001, 0.02)).toBe('unclear');
    expect(deltaVerdict(down, 0, 0, 0)).toBe('unclear');
    expect(deltaVerdict(up, 0.01, 0, 0.02)).toBe('unclear');
  });

  it('has no estimate when the delta or its interval is not a number', () => {
    expect(deltaVerdict(up, NaN, 0, 1)).toBe('unknown');
    expect(deltaVerdict(up, 0.1, NaN, 1)).toBe('unknown');
  });

  it('has words for every verdict', () => {
    expect(VERDICT_TEXT.unclear).toBe('no clear change');
  });
});

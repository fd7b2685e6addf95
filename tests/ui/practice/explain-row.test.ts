import { describe, expect, it } from 'vitest';
import type { MetricId } from '../../../src/model/metrics';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import type { Direction, RunLength, ScoredRow, Truth } from '../../../src/model/scoring';
import { explainRow } from '../../../src/ui/practice/explain-row';

function changed(s: Scenario, changes: Record<string, unknown>): Scenario {
  const r = withParams(s, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function truth(metric: MetricId, run: RunLength, direction: Direction | undefined): Truth {
  const verdict = direction === undefined ? 'uncertain' : 'better';
  return { metric, run, delta: 0.1, low: 0.05, high: 0.15, minChange: 0, verdict, direction };
}

function miss(t: Truth): ScoredRow {
  return { truth: t, predicted: 'down', correct: false };
}

const baseline = defaultScenario();
const payRise = changed(baseline, { payPerHour: 30 });

describe('explaining a practice answer', () => {
  it('traces a move back to the lever that changed, in words', () => {
    const e = explainRow(miss(truth('fillRate', 'long', 'up')), baseline, payRise);
    expect(e?.lines.length).toBeGreaterThan(0);
    expect(e?.lines[0]).toMatch(/^pay up → .* higher fill$/);
  });

  it('explains nothing without an estimate, or when no lever changed', () => {
    expect(explainRow(miss(truth('fillRate', 'long', undefined)), baseline, payRise)).toBe(
      undefined,
    );
    expect(explainRow(miss(truth('fillRate', 'long', 'up')), baseline, baseline)).toBe(undefined);
  });

  it('checks chains against the same run length’s measured moves, and says when none agrees', () => {
    const measured: Truth[] = [
      truth('driverNetHourly', 'long', 'down'),
      truth('fillRate', 'long', 'down'),
      truth('activeDrivers', 'long', 'down'),
      truth('onTimePackagesPerWeek', 'long', 'down'),
    ];
    const row = miss(truth('onTimeRate', 'long', 'up'));
    const e = explainRow(row, baseline, payRise, measured);
    expect(e?.lines).toEqual([]);
    expect(e?.note).toMatch(/did not move its way in this run/);
    // The same moves measured in the short run say nothing about the long run's chains.
    const shortRun = measured.map((t) => ({ ...t, run: 'short' as const }));
    expect(explainRow(row, baseline, payRise, shortRun)?.lines.length).toBeGreaterThan(0);
  });

  it('explains a move when several levers changed', () => {
    const both = changed(baseline, { payPerHour: 30, blockHours: 5 });
    const e = explainRow(miss(truth('fillRate', 'long', 'up')), baseline, both);
    expect(e?.lines.length).toBeGreaterThan(0);
  });
});

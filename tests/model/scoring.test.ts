import { describe, expect, it } from 'vitest';
import { METRIC_BY_ID, METRIC_COUNT, METRIC_INDEX, type MetricDef } from '../../src/model/metrics';
import type { Comparison, IntervalArrays } from '../../src/model/results';
import {
  EMPTY_HISTORY,
  HISTORY_ASIDE_KEY,
  HISTORY_KEY,
  historyTotals,
  loadHistory,
  recordAttempt,
  scoreRound,
  truthOf,
  truthsOf,
  type HistoryStorage,
} from '../../src/model/scoring';

class FakeStorage implements HistoryStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

function arrays(values: Record<string, [number, number, number]>): IntervalArrays {
  const out = {
    mean: new Float64Array(METRIC_COUNT).fill(Number.NaN),
    low: new Float64Array(METRIC_COUNT).fill(Number.NaN),
    high: new Float64Array(METRIC_COUNT).fill(Number.NaN),
  };
  for (const [id, [mean, low, high]] of Object.entries(values)) {
    const i = METRIC_INDEX[id as keyof typeof METRIC_INDEX];
    out.mean[i] = mean;
    out.low[i] = low;
    out.high[i] = high;
  }
  return out;
}

function comparison(
  short: Record<string, [number, number, number]>,
  long: Record<string, [number, number, number]>,
): Comparison {
  const d = {
    shortRun: arrays(short),
    longRun: arrays(long),
    weekly: arrays({}),
    whole: arrays({}),
  };
  const base = arrays({ fillRate: [0.9, 0.9, 0.9], costPerPackage: [2, 2, 2] });
  return { delta: d, baseline: { shortRun: base, longRun: base } } as unknown as Comparison;
}

const fill = METRIC_BY_ID.get('fillRate') as MetricDef; // higher is better

describe('truths', () => {
  it('follow the workspace verdict: up or down when it matters, flat when it does not', () => {
    expect(truthOf(fill, 0.5, 0.1, 0.9, 0.2)).toBe('up');
    expect(truthOf(fill, -0.5, -0.9, -0.1, 0.2)).toBe('down');
    // The sign of the change, whatever the metric's direction.
    expect(truthOf({ ...fill, better: 'down' }, -0.5, -0.9, -0.1, 0.2)).toBe('down');
    expect(truthOf(fill, 0.05, -0.1, 0.15, 0.2)).toBe('flat');
    expect(truthOf(fill, 0, 0, 0, 0.2)).toBe('flat');
    // Nonzero but within ±θ: no meaningful change.
    expect(truthOf(fill, 0.1, 0.05, 0.15, 0.2)).toBe('flat');
  });

  it('are not scored when the run cannot tell or has no estimate', () => {
    expect(truthOf(fill, 0.5, -0.1, 0.9, 0.2)).toBeUndefined(); // straddles ±θ
    expect(truthOf(fill, 0.1, 0.05, 0.3, 0.2)).toBeUndefined(); // clear of 0, under θ
    expect(truthOf(fill, Number.NaN, 0, 1, 0.2)).toBeUndefined();
    expect(truthOf(fill, 1, Number.NaN, 1, 0.2)).toBeUndefined();
  });

  it('are read from the short- and long-run deltas of the asked metrics', () => {
    const c = comparison(
      { fillRate: [0.01, 0.005, 0.015], costPerPackage: [0.005, -0.01, 0.015] },
      { fillRate: [0.02, 0.01, 0.03], costPerPackage: [-0.2, -0.3, -0.1] },
    );
    const t = truthsOf(c, ['fillRate', 'costPerPackage']);
    expect(t.map((x) => `${x.metric}:${x.run}=${x.direction}`)).toEqual([
      'fillRate:short=up',
      'fillRate:long=up',
      'costPerPackage:short=flat',
      'costPerPackage:long=down',
    ]);
    expect(t[3]).toMatchObject({ delta: -0.2, low: -0.3, high: -0.1, minChange: 0.02 });
    expect(t[3]!.verdict).toBe('better'); // cost down is better
    const unsure = truthsOf(comparison({ costPerPackage: [0.1, -0.1, 0.3] }, {}), [
      'costPerPackage',
    ]);
    expect(unsure[0]).toMatchObject({ verdict: 'uncertain', direction: undefined });
  });
});

describe('scoring a round', () => {
  const c = comparison(
    { fillRate: [0.01, 0.005, 0.015], costPerPackage: [0.005, -0.01, 0.015] },
    { fillRate: [0.02, 0.01, 0.03], costPerPackage: [-0.2, -0.3, -0.1] },
  );
  const truths = truthsOf(c, ['fillRate', 'costPerPackage']);

  it('counts matches over predictions asked', () => {
    const s = scoreRound(truths, {
      'fillRate:short': 'up',
      'fillRate:long': 'flat',
      'costPerPackage:short': 'flat',
      'costPerPackage:long': 'down',
    });
    expect(s.matches).toBe(3);
    expect(s.asked).toBe(4);
    expect(s.score).toBe(0.75);
    expect(s.rows.map((r) => r.correct)).toEqual([true, false, true, true]);
  });

  it('counts a missing prediction as wrong', () => {
    const s = scoreRound(truths, { 'fillRate:short': 'up' });
    expect(s).toMatchObject({ matches: 1, asked: 4, score: 0.25 });
    expect(s.rows[1]!.predicted).toBeUndefined();
  });

  it('leaves out a metric without an estimate, and scores 0 when nothing is left', () => {
    const t = truthsOf(comparison({}, {}), ['fillRate']);
    const s = scoreRound(t, { 'fillRate:short': 'up' });
    expect(s).toMatchObject({ matches: 0, asked: 0, score: 0 });
    expect(s.rows).toHaveLength(2);
  });
});

describe('practice history', () => {
  it('starts empty and keeps attempts, best and last per prompt under a versioned key', () => {
    const storage = new FakeStorage();
    expect(loadHistory(storage)).toEqual(EMPTY_HISTORY);
    expect(HISTORY_KEY).toMatch(/v1$/);
    let h = loadHistory(storage);
    for (const score of [0.5, 0.75, 0.25]) {
      const r = recordAttempt(storage, h, 'pay-rise-30', 'Raise pay', score);
      if (!r.ok) throw new Error(r.error);
      h = r.value;
    }
    const r2 = recordAttempt(storage, h, 'blocks-5h', 'Blocks', 1);
    if (!r2.ok) throw new Error(r2.error);
    const again = loadHistory(storage);
    expect(again.records['pay-rise-30']).toEqual({
      title: 'Raise pay',
      attempts: 3,
      best: 0.75,
      last: 0.25,
    });
    expect(again.problems).toEqual([]);
    expect(historyTotals(again)).toEqual({ attempts: 4, prompts: 2, meanBest: 0.875 });
  });

  it('never throws on a store that is not JSON: reports it and copies it aside on the next write', () => {
    const storage = new FakeStorage();
    storage.setItem(HISTORY_KEY, '{not json');
    const h = loadHistory(storage);
    expect(h.records).toEqual({});
    expect(h.problems[0]).toMatch(/could not be read/);
    const r = recordAttempt(storage, h, 'tips-3', 'Tips', 0.5);
    expect(r.ok).toBe(true);
    expect(storage.getItem(HISTORY_ASIDE_KEY)).toBe('{not json');
    expect(loadHistory(storage).records['tips-3']?.attempts).toBe(1);
  });

  it('treats a store of another shape or version as unreadable', () => {
    for (const text of ['[]', 'null', '{"version":2,"prompts":{}}', '{"version":1,"prompts":[]}']) {
      const storage = new FakeStorage();
      storage.setItem(HISTORY_KEY, text);
      const h = loadHistory(storage);
      expect(h.unreadable, text).toBe(text);
      expect(h.problems).toHaveLength(1);
    }
  });

  it('keeps bad entries aside, reported, and writes them back untouched', () => {
    const storage = new FakeStorage();
    const bad = { title: 'Odd', attempts: 'many', best: 2, last: 0 };
    storage.setItem(
      HISTORY_KEY,
      JSON.stringify({
        version: 1,
        prompts: {
          'blocks-5h': bad,
          'tips-3': { title: 'Tips', attempts: 2, best: 0.5, last: 0.5 },
        },
      }),
    );
    const h = loadHistory(storage);
    expect(Object.keys(h.records)).toEqual(['tips-3']);
    expect(h.problems[0]).toMatch(/"blocks-5h" could not be read .*attempts/);
    const r = recordAttempt(storage, h, 'blocks-5h', 'Blocks', 0.5);
    if (!r.ok) throw new Error(r.error);
    const again = loadHistory(storage);
    expect(again.records['blocks-5h']).toEqual({
      title: 'Blocks',
      attempts: 1,
      best: 0.5,
      last: 0.5,
    });
    expect(again.kept).toEqual({ 'blocks-5h': bad });
  });

  it('reports a storage that refuses, without throwing', () => {
    const broken: HistoryStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadHistory(broken).problems[0]).toMatch(/denied/);
    const r = recordAttempt(broken, EMPTY_HISTORY, 'x', 'X', 0.5);
    expect(r.ok).toBe(false);
    expect(recordAttempt(new FakeStorage(), EMPTY_HISTORY, 'x', 'X', 1.5).ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { CompareProgress, CompareRunner } from '../../../src/model/contract';
import { METRIC_COUNT, METRIC_INDEX } from '../../../src/model/metrics';
import {
  REALITY_FACTS,
  planFact,
  planKey,
  type RealityFact,
} from '../../../src/model/reality-facts';
import type { Comparison, IntervalArrays } from '../../../src/model/results';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import { SupersededError } from '../../../src/run/pool';
import { FactCheck, planCheck } from '../../../src/ui/model-page/fact-check';
import { STABLE, plainPeriods } from '../../model/period-flags';

/** Interval arrays of `n` entries, every one `mean` within [low, high]. */
function arrays(n: number, mean: number, low: number, high: number): IntervalArrays {
  return {
    mean: new Float64Array(n).fill(mean),
    low: new Float64Array(n).fill(low),
    high: new Float64Array(n).fill(high),
  };
}

/** A comparison whose every level is `level` and every paired change `delta` in [low, high]. */
function comparison(weeks: number, level: number, delta: number, low: number, high: number) {
  const side = () => ({
    n: 4,
    weeks,
    weekly: arrays(METRIC_COUNT * weeks, level, level - 0.01, level + 0.01),
    shortRun: arrays(METRIC_COUNT, level, level - 0.01, level + 0.01),
    longRun: arrays(METRIC_COUNT, level, level - 0.01, level + 0.01),
    peak: arrays(METRIC_COUNT, level, level - 0.01, level + 0.01),
    whole: arrays(METRIC_COUNT, level, level - 0.01, level + 0.01),
    pool: arrays(weeks, 0, 0, 0),
    earnings: new Float64Array(0),
    startWeek: 10,
    periods: plainPeriods(weeks),
    stability: STABLE,
  });
  const d = () => arrays(METRIC_COUNT, delta, low, high);
  return {
    baseline: side(),
    scenario: side(),
    delta: {
      weekly: arrays(METRIC_COUNT * weeks, delta, low, high),
      shortRun: d(),
      longRun: d(),
      peak: d(),
      whole: d(),
    },
  } satisfies Comparison;
}

/** A runner the test answers by hand, one request at a time. */
function manualRunner() {
  const calls: {
    baseline: Scenario;
    scenario: Scenario;
    onProgress?: (p: CompareProgress) => void;
    signal?: AbortSignal;
    resolve: (c: Comparison) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const runner: CompareRunner = (baseline, scenario, onProgress, signal) =>
    new Promise((resolve, reject) => {
      calls.push({ baseline, scenario, onProgress, signal, resolve, reject });
    });
  return { runner, calls };
}

/** A runner that answers at once and counts the comparisons asked of it. */
function countingRunner(level: number, delta: number, low: number, high: number) {
  const calls: [Scenario, Scenario][] = [];
  const runner: CompareRunner = (b, s) => {
    calls.push([b, s]);
    return Promise.resolve(comparison(b.weeks, level, delta, low, high));
  };
  return { runner, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function host() {
  return {
    updates: 0,
    requestUpdate() {
      this.updates++;
    },
  };
}

const base = {
  statement: 'What the evidence says.',
  how: 'How it is tested.',
  source: { cite: 'Someone (2020)', url: 'https://example.org/' },
  format: 'share',
} as const;

/** Five facts: two read the scenario as is, two share a pay rise, one turns surge off. */
const FACTS: readonly RealityFact[] = [
  {
    ...base,
    id: 'level-a',
    title: 'Level A',
    measure: { kind: 'level', side: 'baseline', metric: 'onTimeRate', period: 'long' },
    target: { low: 0.96, high: 0.99 },
  },
  {
    ...base,
    id: 'pay-a',
    title: 'Pay A',
    change: [{ param: 'payPerHour', times: 1.1 }],
    measure: { kind: 'delta', metric: 'fillRate', period: 'short' },
    target: { low: 0, beyondNoise: true },
  },
  {
    ...base,
    id: 'level-b',
    title: 'Level B',
    measure: { kind: 'level', side: 'baseline', metric: 'fillRate', period: 'whole' },
    target: { low: 0.99 },
  },
  {
    ...base,
    id: 'surge',
    title: 'Surge',
    change: [{ param: 'surgeEnabled', set: false }],
    measure: { kind: 'delta', metric: 'fillRate', period: 'whole' },
    target: { high: 0, beyondNoise: true },
  },
  {
    ...base,
    id: 'pay-b',
    title: 'Pay B',
    change: [{ param: 'payPerHour', times: 1.1 }],
    measure: { kind: 'crn-gain', metric: 'onTimeRate', period: 'whole' },
    target: { low: 3 },
    format: 'ratio',
  },
];

describe('planning the check', () => {
  it('makes one comparison per distinct pair of runs, in the facts’ order', () => {
    const { groups, cannot } = planCheck(FACTS, defaultScenario());
    expect(groups.map((g) => g.facts.map((f) => f.id))).toEqual([
      ['level-a', 'level-b'],
      ['pay-a', 'pay-b'],
      ['surge'],
    ]);
    expect(cannot.size).toBe(0);
    expect(groups[0]!.plan.baseline).toEqual(groups[0]!.plan.scenario);
    expect(groups[1]!.plan.scenario.params.payPerHour).toBe(24.2);
  });

  it('shares runs across the real table where facts make the same runs', () => {
    const s = defaultScenario();
    const keys = new Set(
      REALITY_FACTS.map((f) => {
        const p = planFact(f, s);
        if (!p.ok) throw new Error(p.error);
        return planKey(p.value);
      }),
    );
    const { groups } = planCheck(REALITY_FACTS, s);
    expect(groups).toHaveLength(keys.size);
    expect(groups.length).toBeLessThan(REALITY_FACTS.length);
    const together = (a: string, b: string) =>
      groups.some((g) => g.facts.some((f) => f.id === a) && g.facts.some((f) => f.id === b));
    expect(together('pay-up-fill', 'crn-precision')).toBe(true);
    expect(together('off-peak-on-time', 'net-hourly')).toBe(true);
    expect(together('off-peak-on-time', 'december-peak')).toBe(false);
  });
});

describe('running the reality check', () => {
  it('asks the runner once per comparison and judges every fact of it from that one', async () => {
    const check = new FactCheck(host(), FACTS);
    // levels 0.97, changes +0.01 in [+0.005, +0.015]: the crn gain is (0.01² + 0.01²) / 0.005²
    const { runner, calls } = countingRunner(0.97, 0.01, 0.005, 0.015);
    await check.run(runner, defaultScenario());
    expect(calls).toHaveLength(3);
    const v = (id: string) => {
      const st = check.facts.get(id);
      return st?.status === 'done' ? [st.judged.verdict, st.judged.measured.value] : st?.status;
    };
    expect(v('level-a')).toEqual(['pass', 0.97]);
    expect(v('level-b')).toEqual(['fail', 0.97]);
    expect(v('pay-a')).toEqual(['pass', 0.01]);
    expect(v('pay-b')?.[0]).toBe('pass');
    expect(v('pay-b')?.[1]).toBeCloseTo(8, 9);
    expect(v('surge')).toEqual(['fail', 0.01]);
    expect([check.running, check.current, check.fraction]).toEqual([false, -1, 1]);
  });

  it('shows every fact of the running comparison as running, with the whole check’s progress', async () => {
    const h = host();
    const check = new FactCheck(h, FACTS);
    const { runner, calls } = manualRunner();
    const s = defaultScenario();
    const done = check.run(runner, s);
    expect(check.running).toBe(true);
    const statuses = () => FACTS.map((f) => check.facts.get(f.id)?.status);
    expect(statuses()).toEqual(['running', 'waiting', 'running', 'waiting', 'waiting']);
    calls[0]!.onProgress?.({ done: 1, total: 2, fraction: 0.5, replications: 1 });
    expect(check.fraction).toBeCloseTo(0.5 / 3, 12);
    expect(check.facts.get('level-b')).toEqual({ status: 'running', fraction: 0.5 });
    expect(calls[0]!.baseline).toEqual(calls[0]!.scenario);
    calls[0]!.resolve(comparison(s.weeks, 0.97, 0, -1, 1));
    await tick();
    expect(check.current).toBe(1);
    expect(statuses()).toEqual(['done', 'running', 'done', 'waiting', 'running']);
    expect(calls[1]!.scenario.params.payPerHour).toBe(24.2);
    calls[1]!.resolve(comparison(s.weeks, 0.97, 0, -1, 1));
    await tick();
    calls[2]!.resolve(comparison(s.weeks, 0.97, 0, -1, 1));
    await done;
    expect(statuses()).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(h.updates).toBeGreaterThan(5);
  });

  it('says a fact cannot run when its change would change nothing, and runs the others', async () => {
    const off = withParams(defaultScenario(), { surgeEnabled: false });
    if (!off.ok) throw new Error(off.error);
    const check = new FactCheck(host(), FACTS);
    const { runner, calls } = countingRunner(0.97, 0.01, 0.005, 0.015);
    await check.run(runner, off.value);
    expect(calls).toHaveLength(2);
    const surge = check.facts.get('surge');
    expect(surge?.status).toBe('cannot-run');
    expect(surge?.status === 'cannot-run' && surge.reason).toMatch(/no difference/);
    expect(check.facts.get('pay-a')?.status).toBe('done');
  });
});

describe('a check cut short', () => {
  it('stops on request: the comparison in flight is aborted and the facts not judged are unjudged', async () => {
    const check = new FactCheck(host(), FACTS);
    const { runner, calls } = manualRunner();
    const s = defaultScenario();
    const done = check.run(runner, s);
    calls[0]!.resolve(comparison(s.weeks, 0.97, 0, -1, 1));
    await tick();
    check.stop();
    expect(calls[1]!.signal?.aborted).toBe(true);
    expect(check.running).toBe(false);
    expect(check.notice).toBe('Stopped before every fact was run.');
    expect([...check.facts.keys()]).toEqual(['level-a', 'level-b']);
    // The answer that arrives after the stop is not taken.
    calls[1]!.resolve(comparison(s.weeks, 0.97, 0, -1, 1));
    await done;
    expect([...check.facts.keys()]).toEqual(['level-a', 'level-b']);
    expect(calls).toHaveLength(2);
  });

  it('counts a run superseded by another part of the app as stopped, and a failed one as cannot run', async () => {
    const check = new FactCheck(host(), FACTS);
    const { runner, calls } = manualRunner();
    const done = check.run(runner, defaultScenario());
    calls[0]!.reject(new Error('a worker died'));
    await tick();
    const failed = { status: 'cannot-run', reason: 'The run failed: a worker died' };
    expect(check.facts.get('level-a')).toEqual(failed);
    expect(check.facts.get('level-b')).toEqual(failed);
    calls[1]!.reject(new SupersededError());
    await done;
    expect(check.running).toBe(false);
    expect(check.notice).toMatch(/^Stopped: another part of the app took the simulator/);
    expect([...check.facts.keys()]).toEqual(['level-a', 'level-b']);
  });
});

describe('a check on outdated assumptions', () => {
  it('drops the verdicts when the assumptions change, and keeps them when they do not', async () => {
    const check = new FactCheck(host(), FACTS);
    const { runner } = countingRunner(0.97, 0.01, 0.005, 0.015);
    const s = defaultScenario();
    check.assume(s);
    await check.run(runner, s);
    check.assume({ ...s });
    expect(check.facts.size).toBe(FACTS.length);
    check.assume({ ...s, seed: 2 });
    expect(check.facts.size).toBe(0);
    expect(check.groups).toHaveLength(0);
    expect(check.notice).toBe('The assumptions changed: run the check again to judge them.');
  });
});

// the metric index is what the fake comparison fills: every metric the facts read exists
it('reads metrics the table has', () => {
  for (const f of FACTS) expect(METRIC_INDEX[f.measure.metric]).toBeGreaterThanOrEqual(0);
});

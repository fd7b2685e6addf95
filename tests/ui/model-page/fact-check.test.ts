import { describe, expect, it } from 'vitest';
import type { CompareProgress, CompareRunner } from '../../../src/model/contract';
import { METRIC_COUNT } from '../../../src/model/metrics';
import type { Comparison } from '../../../src/model/results';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import { STYLIZED_FACTS } from '../../../src/model/stylized-facts';
import { SupersededError } from '../../../src/run/pool';
import { FactCheck } from '../../../src/ui/model-page/fact-check';

/** A comparison whose every paired change is `mean` with the interval [low, high]. */
function comparison(mean: number, low: number, high: number): Comparison {
  const arrays = () => ({
    mean: new Float64Array(METRIC_COUNT).fill(mean),
    low: new Float64Array(METRIC_COUNT).fill(low),
    high: new Float64Array(METRIC_COUNT).fill(high),
  });
  const delta = { weekly: arrays(), shortRun: arrays(), longRun: arrays(), whole: arrays() };
  return { delta } as unknown as Comparison;
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

const tick = () => new Promise((r) => setTimeout(r, 0));

function host() {
  return {
    updates: 0,
    requestUpdate() {
      this.updates++;
    },
  };
}

describe('running the reality check', () => {
  it('runs each fact in turn on the assumptions and their changed copy, and judges each', async () => {
    const h = host();
    const check = new FactCheck(h);
    const { runner, calls } = manualRunner();
    const s = defaultScenario();
    const done = check.run(runner, s);
    expect(check.running).toBe(true);
    expect([...check.facts.values()].map((f) => f.status)).toEqual([
      'running',
      'waiting',
      'waiting',
      'waiting',
    ]);
    for (let k = 0; k < STYLIZED_FACTS.length; k++) {
      await tick();
      const call = calls[k]!;
      expect(call.baseline).toBe(s);
      expect(call.scenario).not.toEqual(s);
      expect(check.current).toBe(k);
      call.onProgress?.({ done: 1, total: 2, fraction: 0.5, replications: 1 });
      expect(check.fraction).toBeCloseTo((k + 0.5) / STYLIZED_FACTS.length, 12);
      expect(check.facts.get(STYLIZED_FACTS[k]!.id)).toEqual({ status: 'running', fraction: 0.5 });
      call.resolve(comparison(1, 0.5, 1.5));
    }
    await done;
    expect(check.running).toBe(false);
    expect([check.current, check.fraction]).toEqual([-1, 1]);
    const statuses = [...check.facts.values()].map((f) => f.status);
    expect(statuses).toEqual(['done', 'done', 'done', 'done']);
    // Every change up: a fact expecting a rise is reproduced; one expecting a fall is not.
    const pay = check.facts.get('pay-up');
    expect(pay?.status === 'done' && pay.judged.expectations[0]?.verdict).toBe('reproduced');
    expect(h.updates).toBeGreaterThan(STYLIZED_FACTS.length);
  });

  it('says a fact is not applicable when its change would change nothing', async () => {
    const off = withParams(defaultScenario(), { surgeEnabled: false });
    if (!off.ok) throw new Error(off.error);
    const check = new FactCheck(host());
    const runner: CompareRunner = () => Promise.resolve(comparison(1, 0.5, 1.5));
    await check.run(runner, off.value);
    expect(check.facts.get('surge-off')?.status).toBe('not-applicable');
    expect(check.facts.get('more-buffer')?.status).toBe('done');
  });
});

describe('a check cut short', () => {
  it('stops on request: the comparison in flight is aborted and the facts not judged are unjudged', async () => {
    const check = new FactCheck(host());
    const { runner, calls } = manualRunner();
    const done = check.run(runner, defaultScenario());
    calls[0]!.resolve(comparison(1, 0.5, 1.5));
    await tick();
    check.stop();
    expect(calls[1]!.signal?.aborted).toBe(true);
    expect(check.running).toBe(false);
    expect(check.notice).toBe('Stopped before every fact was run.');
    expect([...check.facts.keys()]).toEqual(['pay-up']);
    // The answer that arrives after the stop is not taken.
    calls[1]!.resolve(comparison(1, 0.5, 1.5));
    await done;
    expect([...check.facts.keys()]).toEqual(['pay-up']);
    expect(calls).toHaveLength(2);
  });

  it('counts a run superseded by another part of the app as stopped, and a failed one as failed', async () => {
    const check = new FactCheck(host());
    const { runner, calls } = manualRunner();
    const done = check.run(runner, defaultScenario());
    calls[0]!.reject(new Error('a worker died'));
    await tick();
    expect(check.facts.get('pay-up')).toEqual({ status: 'failed', reason: 'a worker died' });
    calls[1]!.reject(new SupersededError());
    await done;
    expect(check.running).toBe(false);
    expect(check.notice).toMatch(/^Stopped: another part of the app took the simulator/);
    expect([...check.facts.keys()]).toEqual(['pay-up']);
  });
});

describe('a check on outdated assumptions', () => {
  it('drops the verdicts when the assumptions change, and keeps them when they do not', async () => {
    const check = new FactCheck(host());
    const runner: CompareRunner = () => Promise.resolve(comparison(1, 0.5, 1.5));
    const s = defaultScenario();
    check.assume(s);
    await check.run(runner, s);
    check.assume({ ...s });
    expect(check.facts.size).toBe(STYLIZED_FACTS.length);
    check.assume({ ...s, seed: 2 });
    expect(check.facts.size).toBe(0);
    expect(check.notice).toBe('The assumptions changed: run the check again to judge them.');
  });
});

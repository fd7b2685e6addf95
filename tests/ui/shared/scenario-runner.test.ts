import { describe, expect, it } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import type { CompareRunner } from '../../../src/model/contract';
import type { Comparison } from '../../../src/model/results';
import { defaultScenario, type Scenario } from '../../../src/model/scenario';
import { SupersededError } from '../../../src/run/pool';
import type { Slide } from '../../../src/ui/present/presentation-deck';
import { SlideRunner, type RunnerState } from '../../../src/ui/shared/scenario-runner';
import { comparison } from '../present/comparison-fixture';

const baseline = defaultScenario();

function slide(name: string, pay: number): Slide {
  return {
    name,
    scenario: { ...baseline, params: { ...baseline.params, payPerHour: pay } },
    current: false,
  };
}

/** A host that counts the redraws asked for, and a runner whose answers the test releases. */
function setUp() {
  const host = {
    updates: 0,
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate() {
      host.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
  const states: RunnerState[] = [];
  const runner = new SlideRunner(host as ReactiveControllerHost, (s) => states.push(s));
  const pending: {
    scenario: Scenario;
    progress: (fraction: number) => void;
    answer: (c: Comparison) => void;
    fail: (e: unknown) => void;
    signal: AbortSignal | undefined;
  }[] = [];
  const compare: CompareRunner = (_b, scenario, onProgress, signal) =>
    new Promise((resolve, reject) =>
      pending.push({
        scenario,
        signal,
        progress: (fraction) => onProgress?.({ done: 0, total: 1, fraction, replications: 0 }),
        answer: resolve,
        fail: reject,
      }),
    );
  return { host, states, runner, pending, compare };
}

/** Lets the awaited promises settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the runner of presentation mode’s slides', () => {
  it('runs the slides not in hand one after the other, with progress, then is idle', async () => {
    const { host, states, runner, pending, compare } = setUp();
    const a = slide('A', 24);
    const b = slide('B', 20);
    const done = runner.run(compare, baseline, [a, b]);
    expect(states).toEqual(['running']);
    expect(runner.runOf(baseline, a.scenario)).toEqual({ state: 'running', progress: 0 });
    expect(runner.runOf(baseline, b.scenario)).toEqual({ state: 'queued' });
    expect(pending).toHaveLength(1); // one at a time
    pending[0]!.progress(0.5);
    expect(runner.runOf(baseline, a.scenario)).toEqual({ state: 'running', progress: 0.5 });
    pending[0]!.answer(comparison({}));
    await settle();
    expect(runner.runOf(baseline, a.scenario)?.state).toBe('done');
    expect(pending.map((p) => p.scenario)).toEqual([a.scenario, b.scenario]);
    pending[1]!.answer(comparison({}));
    await done;
    expect(runner.runOf(baseline, b.scenario)?.state).toBe('done');
    expect(states).toEqual(['running', 'idle']);
    expect(host.updates).toBeGreaterThan(0);

    // In hand already: nothing runs again.
    await runner.run(compare, baseline, [b, a]);
    expect(pending).toHaveLength(2);
    expect(states).toEqual(['running', 'idle', 'idle']);
  });

  it('cancels the pass in flight: its run aborted, the columns not done marked, done ones kept', async () => {
    const { states, runner, pending, compare } = setUp();
    const [a, b, c] = [slide('A', 24), slide('B', 20), slide('C', 26)];
    const pass = runner.run(compare, baseline, [a, b, c]);
    pending[0]!.answer(comparison({}));
    await settle();
    expect(pending[1]!.signal?.aborted).toBe(false);
    runner.cancel();
    expect(pending[1]!.signal?.aborted).toBe(true);
    expect(states).toEqual(['running', 'idle']);
    pending[1]!.fail(new SupersededError());
    await pass;
    expect(runner.runOf(baseline, a.scenario)?.state).toBe('done');
    for (const s of [b, c]) {
      expect(runner.runOf(baseline, s.scenario)).toEqual({
        state: 'failed',
        error: expect.stringMatching(/^cancelled/),
      });
    }
    expect(pending).toHaveLength(2); // C never started
    // Run again: only what is not done.
    const again = runner.run(compare, baseline, [a, b, c]);
    expect(pending.map((p) => p.scenario)).toEqual([a.scenario, b.scenario, b.scenario]);
    pending[2]!.answer(comparison({}));
    await settle();
    pending[3]!.answer(comparison({}));
    await again;
    expect(runner.runOf(baseline, c.scenario)?.state).toBe('done');
  });

  it('lets a newer pass take over: the older one stops and hands its slide back to the queue', async () => {
    const { states, runner, pending, compare } = setUp();
    const a = slide('A', 24);
    const b = slide('B', 20);
    const first = runner.run(compare, baseline, [a, b]);
    const second = runner.run(compare, baseline, [a]);
    expect(pending).toHaveLength(2); // the newer pass asked for A again
    pending[0]!.progress(0.9); // the older pass no longer reports
    expect(runner.runOf(baseline, a.scenario)).toEqual({ state: 'running', progress: 0 });
    pending[0]!.fail(new SupersededError());
    await first;
    expect(runner.runOf(baseline, a.scenario)).toEqual({ state: 'queued' });
    expect(pending).toHaveLength(2); // B was not run by the older pass
    pending[1]!.answer(comparison({}));
    await second;
    expect(runner.runOf(baseline, a.scenario)?.state).toBe('done');
    expect(runner.runOf(baseline, b.scenario)).toEqual({ state: 'queued' });
    expect(states).toEqual(['running', 'running', 'idle']);
  });
});

describe('the runner of presentation mode’s slides, when things go wrong', () => {
  it('records a failure in words and goes on with the next slide', async () => {
    const { runner, pending, compare } = setUp();
    const a = slide('A', 24);
    const b = slide('B', 20);
    const done = runner.run(compare, baseline, [a, b]);
    pending[0]!.fail(new Error('worker died'));
    await settle();
    expect(runner.runOf(baseline, a.scenario)).toEqual({ state: 'failed', error: 'worker died' });
    pending[1]!.answer(comparison({}));
    await done;
    expect(runner.runOf(baseline, b.scenario)?.state).toBe('done');
  });

  it('stops reporting once its host is gone, and does nothing without a runner', async () => {
    const { states, runner, pending, compare } = setUp();
    const a = slide('A', 24);
    const done = runner.run(compare, baseline, [a, slide('B', 20)]);
    runner.hostDisconnected();
    pending[0]!.progress(0.7);
    expect(runner.runOf(baseline, a.scenario)).toEqual({ state: 'running', progress: 0 });
    pending[0]!.answer(comparison({}));
    await done;
    expect(pending).toHaveLength(1);
    expect(states).toEqual(['running']);
    await runner.run(undefined, baseline, [a]);
    expect(states).toEqual(['running']);
  });
});

describe('the run gate on a pass of columns', () => {
  it('runs nothing over the time budget until told to, and says why in each column', async () => {
    const { runner, pending, compare, states } = setUp();
    const metro = { initialDrivers: 20000, demandPerDay: 200000, applicantsPerWeek: 300 };
    const big = (pay: number): Slide => ({
      name: `Pay ${pay}`,
      scenario: {
        ...baseline,
        weeks: 104,
        replications: 32,
        params: { ...baseline.params, ...metro, payPerHour: pay },
      },
      current: false,
    });
    const b = big(22).scenario;
    const slides = [big(24), big(26), big(28)];
    await runner.run(compare, b, slides);
    expect(pending).toHaveLength(0);
    expect(states).toEqual(['idle']);
    expect(runner.decision).toMatchObject({ start: false, label: 'Run anyway' });
    expect(runner.decision.notice).toMatch(/^These 3 scenarios would take about \d+ min/);
    expect(runner.runOf(b, slides[0]!.scenario)).toEqual({
      state: 'failed',
      error: 'over the time budget: see the note above',
    });
    void runner.run(compare, b, slides, true);
    expect(pending).toHaveLength(1);
    expect(runner.decision.note).toMatch(/^These 3 scenarios: about \d+ min/);
    runner.cancel();
    expect(runner.decision.note).toBe('');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompareProgress } from '../../../src/model/contract';
import type { Comparison } from '../../../src/model/results';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import { SupersededError } from '../../../src/run/pool';
import { WorkspaceRun, type RunView } from '../../../src/ui/app/workspace-run';

/** A stand-in for a comparison: the tests only pass it along. */
function answer(name: string): Comparison {
  return { name } as unknown as Comparison;
}

function paid(pay: number): Scenario {
  const r = withParams(defaultScenario(), { payPerHour: pay });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** A pool whose requests the test answers by hand. */
class FakePool {
  readonly requests: {
    onProgress: (p: CompareProgress) => void;
    resolve: (c: Comparison) => void;
    reject: (e: unknown) => void;
  }[] = [];

  compare(_b: Scenario, _s: Scenario, options: { onProgress?: (p: CompareProgress) => void }) {
    return new Promise<Comparison>((resolve, reject) => {
      this.requests.push({ onProgress: options.onProgress ?? (() => {}), resolve, reject });
    });
  }
}

/** Records what the page is told, in order. */
function recorder(): { view: RunView; told: string[] } {
  const told: string[] = [];
  const view: RunView = {
    started: () => told.push('started'),
    progressed: (f, e) =>
      told.push(`progress ${f}${e ? ` ${(e as unknown as { name: string }).name}` : ''}`),
    finished: (c) => told.push(`final ${(c as unknown as { name: string }).name}`),
    ended: (error) => told.push(error === undefined ? 'superseded' : `failed: ${error}`),
    cancelled: (last) =>
      told.push(`cancelled, back to ${last ? (last as unknown as { name: string }).name : 'none'}`),
    rendered: () => Promise.resolve(),
  };
  return { view, told };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function marks(name: string): number[] {
  return performance.getEntriesByName(name).map((m) => Number((m as PerformanceMark).detail));
}

beforeEach(() => {
  performance.clearMarks();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the workspace’s comparison runs', () => {
  it('cancels the run in flight on the pool, drops its news, and goes back to the last final answer', async () => {
    const { view, told } = recorder();
    const run = new WorkspaceRun(view);
    const pool = Object.assign(new FakePool(), { cancelled: 0, cancel: () => {} });
    pool.cancel = () => void pool.cancelled++;
    const first = run.start(pool, defaultScenario(), paid(30));
    pool.requests[0]!.resolve(answer('one'));
    await first;
    const second = run.start(pool, defaultScenario(), paid(31));
    run.cancel(pool);
    expect(pool.cancelled).toBe(1);
    expect(run.inFlight).toBe(false);
    // The pool rejects the superseded request; the page hears nothing more of it.
    pool.requests[1]!.onProgress({ done: 1, total: 8, fraction: 0.1, replications: 1 });
    pool.requests[1]!.reject(new SupersededError());
    await second;
    expect(told).toEqual(['started', 'final one', 'started', 'cancelled, back to one']);
    expect(run.isFinal(defaultScenario(), paid(31))).toBe(false);
    // Cancel with nothing in flight stops nothing but still tells the page.
    run.cancel(pool);
    expect(pool.cancelled).toBe(1);
  });

  it('streams the first estimate, then shows the final answer and knows it is final', async () => {
    const { view, told } = recorder();
    const run = new WorkspaceRun(view);
    const pool = new FakePool();
    const b = defaultScenario();
    const s = paid(30);
    const done = run.start(pool, b, s);
    expect(run.inFlight).toBe(true);
    const req = pool.requests[0]!;
    req.onProgress({ done: 2, total: 8, fraction: 0.25, replications: 1, estimate: answer('e') });
    req.resolve(answer('final'));
    await done;
    expect(told).toEqual(['started', 'progress 0.25 e', 'final final']);
    expect(run.inFlight).toBe(false);
    expect(run.isFinal(b, s)).toBe(true);
    expect(run.isFinal(b, paid(31))).toBe(false);
    await flush();
    expect([marks('gigsim:run'), marks('gigsim:estimate'), marks('gigsim:final')]).toEqual([
      [1],
      [1],
      [1],
    ]);
  });

  it('drops the answer of a run that a newer one superseded, and keeps only the newest marks', async () => {
    const { view, told } = recorder();
    const run = new WorkspaceRun(view);
    const pool = new FakePool();
    const first = run.start(pool, defaultScenario(), paid(30));
    const second = run.start(pool, defaultScenario(), paid(26));
    pool.requests[0]!.resolve(answer('stale'));
    await first;
    expect(run.inFlight).toBe(true);
    pool.requests[1]!.resolve(answer('new'));
    await second;
    expect(told).toEqual(['started', 'started', 'final new']);
    expect(run.isFinal(defaultScenario(), paid(26))).toBe(true);
    expect(marks('gigsim:run')).toEqual([2]);
    expect(marks('gigsim:final')).toEqual([2]);
  });
});

describe('a workspace run that ends without an answer, or is paced', () => {
  it('ends quietly when superseded by another mode, and says why when the run failed', async () => {
    const { view, told } = recorder();
    const run = new WorkspaceRun(view);
    const pool = new FakePool();
    const first = run.start(pool, defaultScenario(), paid(30));
    pool.requests[0]!.reject(new SupersededError());
    await first;
    const second = run.start(pool, defaultScenario(), paid(30));
    pool.requests[1]!.reject(new Error('a worker died'));
    await second;
    expect(told).toEqual(['started', 'superseded', 'started', 'failed: a worker died']);
    expect(run.inFlight).toBe(false);
    expect(run.isFinal(defaultScenario(), paid(30))).toBe(false);
    expect(marks('gigsim:final')).toEqual([]);
  });

  it('paces progress: later reports wait for the interval, a superseded run’s never show', async () => {
    vi.useFakeTimers();
    const { view, told } = recorder();
    const run = new WorkspaceRun(view);
    const pool = new FakePool();
    void run.start(pool, defaultScenario(), paid(30));
    const old = pool.requests[0]!;
    old.onProgress({ done: 1, total: 8, fraction: 0.125, replications: 0 });
    old.onProgress({ done: 2, total: 8, fraction: 0.25, replications: 1 });
    expect(told).toEqual(['started', 'progress 0.125']);
    void run.start(pool, defaultScenario(), paid(26));
    vi.advanceTimersByTime(1000);
    expect(told).toEqual(['started', 'progress 0.125', 'started']);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunProgress } from '../../../src/model/contract';
import { ProgressPacer, type PacedProgress } from '../../../src/ui/app/progress-pacer';

/** A report of `done` out of 10, with `estimate` when given. */
function report(done: number, estimate?: string): RunProgress<string> {
  const base = { done, total: 10, fraction: done / 10, replications: done };
  return estimate === undefined ? base : { ...base, estimate };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A pacer at 150 ms on a clock of the test's, what it showed, and a way to let time pass. */
function paced() {
  let clock = 0;
  const shown: PacedProgress<string>[] = [];
  const pacer = new ProgressPacer<string>(
    150,
    (p) => shown.push(p),
    () => clock,
  );
  /** Moves the clock and the timers on by `ms`. */
  const wait = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };
  return { pacer, shown, wait };
}

describe('pacing a run’s progress for the page', () => {
  it('shows the first report at once, then at most one every interval, the newest', () => {
    const { pacer, shown, wait } = paced();
    pacer.report(report(1));
    expect(shown).toEqual([{ fraction: 0.1, estimate: undefined, first: false }]);
    pacer.report(report(2));
    pacer.report(report(3));
    expect(shown).toHaveLength(1);
    wait(149);
    expect(shown).toHaveLength(1);
    wait(1);
    expect(shown).toHaveLength(2);
    expect(shown[1]).toEqual({ fraction: 0.3, estimate: undefined, first: false });
  });

  it('shows the first estimate at once, even inside the interval, and marks it first', () => {
    const { pacer, shown, wait } = paced();
    pacer.report(report(1));
    wait(10);
    pacer.report(report(2, 'e2'));
    expect(shown.at(-1)).toEqual({ fraction: 0.2, estimate: 'e2', first: true });
    // Later estimates wait their turn, and are no longer the first.
    pacer.report(report(3, 'e3'));
    expect(shown).toHaveLength(2);
    wait(150);
    expect(shown.at(-1)).toEqual({ fraction: 0.3, estimate: 'e3', first: false });
  });

  it('keeps the newest estimate offered since the last shown when a later report has none', () => {
    const { pacer, shown, wait } = paced();
    pacer.report(report(1, 'e1'));
    pacer.report(report(2, 'e2'));
    pacer.report(report(3));
    wait(150);
    expect(shown.at(-1)).toEqual({ fraction: 0.3, estimate: 'e2', first: false });
    // Nothing new offered: progress only.
    pacer.report(report(4));
    wait(150);
    expect(shown.at(-1)).toEqual({ fraction: 0.4, estimate: undefined, first: false });
  });
});

describe('what the pacer reads and drops', () => {
  it('reads an estimate only when it is shown', () => {
    const { pacer, shown, wait } = paced();
    let reads = 0;
    const lazy = (done: number): RunProgress<string> => ({
      ...report(done),
      get estimate() {
        reads++;
        return `e${done}`;
      },
    });
    pacer.report(lazy(1));
    expect(reads).toBe(1);
    pacer.report(lazy(2));
    pacer.report(lazy(3));
    expect(reads).toBe(1);
    wait(150);
    expect(reads).toBe(2);
    expect(shown.at(-1)?.estimate).toBe('e3');
  });

  it('drops the report waiting to be shown when stopped', () => {
    const { pacer, shown, wait } = paced();
    pacer.report(report(1));
    pacer.report(report(2));
    pacer.stop();
    wait(1000);
    expect(shown).toHaveLength(1);
  });
});

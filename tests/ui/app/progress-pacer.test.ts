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

/**
 * A pacer at 150 ms (estimates at `estimateMs`) on a clock of the test's, what it showed, and
 * a way to let time pass.
 */
function paced(estimateMs = 150) {
  let clock = 0;
  const shown: PacedProgress<string>[] = [];
  const pacer = new ProgressPacer<string>(
    150,
    (p) => shown.push(p),
    () => clock,
    estimateMs,
  );
  /** Moves the clock and the timers on by `ms`, a millisecond at a time (in step). */
  const wait = (ms: number) => {
    for (let i = 0; i < ms; i++) {
      clock += 1;
      vi.advanceTimersByTime(1);
    }
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

describe('estimates paced apart from progress', () => {
  it('moves the bar every interval but refines the estimate only every estimate interval', () => {
    const { pacer, shown, wait } = paced(500);
    pacer.report(report(1, 'e1'));
    expect(shown.at(-1)).toEqual({ fraction: 0.1, estimate: 'e1', first: true });
    pacer.report(report(2, 'e2'));
    wait(150);
    // Progress moves; the estimate waits for its own interval.
    expect(shown.at(-1)).toEqual({ fraction: 0.2, estimate: undefined, first: false });
    pacer.report(report(3, 'e3'));
    wait(150);
    expect(shown.at(-1)).toEqual({ fraction: 0.3, estimate: undefined, first: false });
    pacer.report(report(4));
    wait(199);
    expect(shown.filter((p) => p.estimate !== undefined)).toHaveLength(1);
    wait(1);
    // Due at 500 ms: the newest estimate offered, with the newest progress.
    expect(shown.at(-1)).toEqual({ fraction: 0.4, estimate: 'e3', first: false });
  });

  it('shows an estimate held back when it falls due, though no report follows it', () => {
    const { pacer, shown, wait } = paced(500);
    pacer.report(report(1, 'e1'));
    wait(200);
    pacer.report(report(2, 'e2'));
    expect(shown).toHaveLength(2);
    expect(shown.at(-1)?.estimate).toBeUndefined();
    wait(300);
    expect(shown.at(-1)).toEqual({ fraction: 0.2, estimate: 'e2', first: false });
    wait(1000);
    expect(shown).toHaveLength(3);
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

import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams } from '../../../src/model/scenario';
import { sweepPlan } from '../../../src/run/sweep-grid';
import { gatePlan } from '../../../src/ui/explore/explore-plans';
import { ExplorerAbortError } from '../../../src/run/explorer-runner';
import {
  IDLE,
  RunSession,
  errorText,
  type RunJob,
  type RunStatus,
} from '../../../src/ui/explore/run-session';
import { PAY_MODEL, fakeComparison } from '../../run/fake-compare';

const ok = (job: RunJob) => ({ ok: true as const, value: job });

describe('a run session', () => {
  it('runs a job, reporting progress and each point, and ends with Done.', async () => {
    const seen: RunStatus[] = [];
    const session = new RunSession((s) => seen.push(s));
    const point = fakeComparison(defaultScenario(), defaultScenario(), PAY_MODEL);
    const points: unknown[] = [];
    const run = session.run({
      what: 'grid',
      job: ok(async ({ onProgress }) => {
        expect(session.status.running).toBe('grid');
        onProgress({ done: 0, total: 2, fraction: 0.25 });
        onProgress({ done: 1, total: 2, fraction: 0.5, point, index: 0 });
      }),
      onPoint: (p) => points.push(p),
    });
    await run;
    expect(points).toEqual([point]);
    expect(seen.map((s) => s.progress?.fraction)).toContain(0.5);
    expect(session.status).toEqual({ ...IDLE, message: 'Done.' });
  });

  it('says why a form cannot run, without starting', async () => {
    const seen: RunStatus[] = [];
    const session = new RunSession((s) => seen.push(s));
    await session.run({ what: 'goal', job: { ok: false, error: 'The budget must be…' } });
    expect(seen.every((s) => s.running === undefined)).toBe(true);
    expect(session.status).toEqual({ ...IDLE, error: 'The budget must be…' });
  });
});

describe('a run session’s cancelling and errors', () => {
  it('cancels the run in flight with a word, and runs one thing at a time', async () => {
    const session = new RunSession();
    let ran = 0;
    const first = session.run({
      what: 'sweep',
      job: ok(
        ({ signal }) =>
          new Promise((_, reject) =>
            signal.addEventListener('abort', () => reject(new ExplorerAbortError())),
          ),
      ),
    });
    // A second request while the first runs is ignored.
    await session.run({ what: 'grid', job: ok(async () => void ran++) });
    expect(ran).toBe(0);
    expect(session.status.running).toBe('sweep');
    session.cancel();
    await first;
    expect(session.status).toEqual({
      ...IDLE,
      message: 'Cancelled. Change the settings or run again.',
    });
  });

  it('shows a failed run’s error and clears the last word when the next run starts', async () => {
    const session = new RunSession();
    await session.run({ what: 'grid', job: ok(() => Promise.reject(new RangeError('no way'))) });
    expect(session.status.error).toBe('no way');
    session.say('Scenario set to Pay per block hour 26 $/h.');
    await session.run({ what: 'grid', job: ok(async () => undefined) });
    expect(session.status).toEqual({ ...IDLE, message: 'Done.' });
    session.fail('Nothing to export yet.');
    expect(session.status.error).toBe('Nothing to export yet.');
  });

  it('reads an error’s message, or the thrown value as text', () => {
    expect(errorText(new Error('broken'))).toBe('broken');
    expect(errorText('plain')).toBe('plain');
  });
});

describe('a run session’s gate', () => {
  const big = { ...defaultScenario(), weeks: 104, replications: 32 };
  const axis = { id: 'payPerHour' as const, from: 10, to: 60, steps: 50 };

  it('asks before a long sweep: Cancel runs nothing, Run anyway runs it with its estimate', async () => {
    const session = new RunSession(undefined, 2);
    let ran = 0;
    const notes: string[] = [];
    const request = {
      what: 'sweep' as const,
      plan: () => gatePlan('sweep', sweepPlan(big, axis)),
      job: ok(async () => {
        ran++;
        notes.push(session.status.note);
      }),
    };
    await session.run(request);
    expect(ran).toBe(0);
    expect(session.status.asking).toMatch(/^This sweep would take about \d+ min/);
    session.cancel();
    expect(session.status).toEqual({
      ...IDLE,
      message: 'Cancelled: nothing ran. Change the settings or run again.',
    });
    await session.runAnyway(); // nothing asked any more: nothing runs
    expect(ran).toBe(0);
    await session.run(request);
    await session.runAnyway();
    expect(ran).toBe(1);
    expect(notes[0]).toMatch(/^This sweep: about \d+ min .*Cancel stops it/);
    expect(session.status).toEqual({ ...IDLE, message: 'Done.' });
  });

  it('refuses a sweep that runs away, with the reason, and runs nothing', async () => {
    const session = new RunSession(undefined, 2);
    const r = withParams(
      { ...defaultScenario(), weeks: 1, replications: 2 },
      { outsideWage: 5, supplyElasticity: 3, applicantsPerWeek: 1000 },
    );
    if (!r.ok) throw new Error(r.error);
    let ran = 0;
    await session.run({
      what: 'sweep',
      plan: () => gatePlan('sweep', sweepPlan(r.value, { ...axis, steps: 5 })),
      job: ok(async () => void ran++),
    });
    expect(ran).toBe(0);
    expect(session.status.error).toMatch(
      /^The sweep's point payPerHour [\d.]+ cannot run: .*supplyElasticity/,
    );
    expect(session.status.asking).toBe('');
  });
});

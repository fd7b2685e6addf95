import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/model/scenario';
import { SupersededError } from '../../../src/run/pool';
import type { ShownSlide } from '../../../src/ui/present/presentation-deck';
import {
  KEEP_RESULTS,
  failureText,
  pairKey,
  runningNow,
  waitText,
  withRun,
  type SlideRun,
} from '../../../src/ui/shared/scenario-runs';
import { comparison } from '../present/comparison-fixture';

function shown(...names: string[]): ShownSlide[] {
  return names.map((name, index) => ({
    slide: { name, scenario: defaultScenario(), current: index === 0 },
    index,
  }));
}

describe('the runs of presentation mode’s slides', () => {
  it('keys a comparison by its pair, whatever the order of the parameters', () => {
    const a = defaultScenario();
    const reordered = { ...a, params: Object.fromEntries(Object.entries(a.params).reverse()) };
    const b = { ...a, params: { ...a.params, payPerHour: 25 } };
    expect(pairKey(a, reordered as typeof a)).toBe(pairKey(a, a));
    expect(pairKey(a, b)).not.toBe(pairKey(a, a));
    expect(pairKey(a, b)).not.toBe(pairKey(b, a));
  });

  it('sets a run as the newest entry and forgets the oldest beyond the bound', () => {
    let runs: ReadonlyMap<string, SlideRun> = new Map();
    for (let i = 0; i < 5; i++) runs = withRun(runs, `k${i}`, { state: 'queued' }, 3);
    expect([...runs.keys()]).toEqual(['k2', 'k3', 'k4']);
    const before = runs;
    runs = withRun(runs, 'k2', { state: 'running', progress: 0.5 }, 3);
    expect([...runs.keys()]).toEqual(['k3', 'k4', 'k2']);
    expect(runs.get('k2')).toEqual({ state: 'running', progress: 0.5 });
    expect(before.get('k2')).toEqual({ state: 'queued' }); // a new map, the old one unchanged
    expect(KEEP_RESULTS).toBeGreaterThanOrEqual(4);
  });

  it('says why a column waits', () => {
    expect(waitText(undefined)).toBe('waiting to run…');
    expect(waitText({ state: 'queued' })).toBe('waiting to run…');
    expect(waitText({ state: 'running', progress: 0.256 })).toBe('running… 26%');
    expect(waitText({ state: 'failed', error: 'no pool' })).toBe('– not run: no pool');
    expect(waitText({ state: 'done', comparison: comparison({}) })).toBe('');
  });

  it('says why a run failed, and asks for a rerun when another run took the pool over', () => {
    expect(failureText(new Error('worker died'))).toBe('worker died');
    expect(failureText('out of memory')).toBe('out of memory');
    expect(failureText(new SupersededError())).toBe(
      'another run took the simulation over; press “Run again”',
    );
  });

  it('finds the first shown slide running, its place and its progress', () => {
    const slides = shown('A', 'B', 'C');
    const runs: Record<string, SlideRun> = {
      A: { state: 'done', comparison: comparison({}) },
      B: { state: 'queued' },
      C: { state: 'running', progress: 0.4 },
    };
    const now = runningNow(slides, (s) => runs[s.name]);
    expect(now).toMatchObject({ position: 3, fraction: 0.4 });
    expect(now?.slide.name).toBe('C');
    expect(runningNow(slides, () => ({ state: 'queued' }))).toBeUndefined();
    expect(runningNow([], () => undefined)).toBeUndefined();
  });
});

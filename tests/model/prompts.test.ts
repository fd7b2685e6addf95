import { describe, expect, it } from 'vitest';
import { METRIC_BY_ID } from '../../src/model/metrics';
import { PARAM_BY_ID } from '../../src/model/params';
import {
  MECHANISMS,
  NORTH_STAR,
  PROMPTS,
  difficultyOf,
  formatParamValue,
  promptFromScenario,
  PRACTICE_MIN_WEEKS,
  promptRun,
} from '../../src/model/prompts';
import { changedParams, defaultScenario, withParams } from '../../src/model/scenario';

describe('practice prompts', () => {
  it('are at least eight, with unique ids and every difficulty', () => {
    expect(PROMPTS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(PROMPTS.map((p) => p.id)).size).toBe(PROMPTS.length);
    expect(new Set(PROMPTS.map((p) => p.difficulty))).toEqual(new Set(['easy', 'medium', 'hard']));
  });

  it.each(PROMPTS.map((p) => [p.id, p] as const))(
    '%s is as difficult as its answer key: easy moves one mechanism, hard competes, reverses or traps',
    (_id, prompt) => {
      const key = prompt.key;
      for (const m of key.mechanisms) expect(Object.keys(MECHANISMS)).toContain(m);
      expect(prompt.difficulty).toBe(difficultyOf(key));
      const flags = Boolean(key.competing || key.reversal || key.trap);
      if (prompt.difficulty === 'easy') expect(key.mechanisms.length === 1 && !flags).toBe(true);
      if (prompt.difficulty === 'medium') expect(key.mechanisms.length === 2 && !flags).toBe(true);
      if (prompt.difficulty === 'hard') expect(key.mechanisms.length >= 3 || flags).toBe(true);
    },
  );

  it.each(PROMPTS.map((p) => [p.id, p] as const))(
    '%s validates through withParams and changes what it says against the defaults',
    (_id, prompt) => {
      expect(withParams(defaultScenario(), prompt.changes).ok).toBe(true);
      expect(withParams(defaultScenario(), prompt.setting ?? {}).ok).toBe(true);
      const run = promptRun(prompt, defaultScenario());
      if (!run.ok) throw new Error(run.error);
      expect(changedParams(run.value.scenario.params, run.value.baseline.params)).toEqual(
        prompt.changes,
      );
      expect(run.value.baseline.weeks).toBe(prompt.weeks ?? defaultScenario().weeks);
      expect(run.value.scenario.weeks).toBe(run.value.baseline.weeks);
    },
  );

  it.each(PROMPTS.map((p) => [p.id, p] as const))(
    '%s asks about 6 to 10 known metrics, the North Star first',
    (_id, prompt) => {
      expect(prompt.metrics.length).toBeGreaterThanOrEqual(6);
      expect(prompt.metrics.length).toBeLessThanOrEqual(10);
      expect(prompt.metrics[0]).toBe(NORTH_STAR);
      expect(new Set(prompt.metrics).size).toBe(prompt.metrics.length);
      for (const m of prompt.metrics) expect(METRIC_BY_ID.has(m)).toBe(true);
    },
  );

  it('keeps the workspace baseline apart from the prompt setting, and refuses a no-op', () => {
    const surge = PROMPTS.find((p) => p.setting !== undefined)!;
    const run = promptRun(surge, { ...defaultScenario(), replications: 4 });
    if (!run.ok) throw new Error(run.error);
    expect(run.value.baseline.params.startWeek).toBe(surge.setting!.startWeek);
    expect(run.value.scenario.params.startWeek).toBe(surge.setting!.startWeek);
    expect(run.value.baseline.replications).toBe(4);

    // A prompt made from the workspace refuses a baseline that already has its change.
    const base = defaultScenario();
    const changed = withParams(base, { payPerHour: 30 });
    if (!changed.ok) throw new Error(changed.error);
    const custom = promptFromScenario(base, changed.value);
    if (!custom.ok) throw new Error(custom.error);
    const noop = promptRun(custom.value, changed.value);
    expect(noop.ok).toBe(false);
    if (!noop.ok) expect(noop.error).toMatch(/changes nothing/);
  });

  it('runs a library prompt from the default station, as its title says, on the workspace settings', () => {
    const cut = PROMPTS.find((p) => p.id === 'pay-cut-10')!;
    expect(cut.title).toContain('$22 to $19.80');
    const workspace = withParams(
      { ...defaultScenario(), seed: 7, replications: 6 },
      {
        payPerHour: 25,
        blockHours: 4,
      },
    );
    if (!workspace.ok) throw new Error(workspace.error);
    const run = promptRun(cut, workspace.value);
    if (!run.ok) throw new Error(run.error);
    expect(run.value.baseline.params).toEqual(defaultScenario().params);
    expect(run.value.scenario.params.payPerHour).toBe(19.8);
    expect(run.value.baseline.seed).toBe(7);
    expect(run.value.baseline.replications).toBe(6);
  });

  it('simulates at least 12 weeks, so that the short and the long run do not overlap', () => {
    expect(PRACTICE_MIN_WEEKS).toBe(12);
    const pay = PROMPTS.find((p) => p.id === 'pay-rise-30')!;
    const short = promptRun(pay, { ...defaultScenario(), weeks: 3 });
    if (!short.ok) throw new Error(short.error);
    expect(short.value.baseline.weeks).toBe(12);
    expect(short.value.scenario.weeks).toBe(12);
    const long = promptRun(pay, { ...defaultScenario(), weeks: 40 });
    if (!long.ok) throw new Error(long.error);
    expect(long.value.baseline.weeks).toBe(40);
  });

  it('can be made from a scenario: the changed levers make the title', () => {
    const base = defaultScenario();
    const changed = withParams(base, { payPerHour: 25, surgeEnabled: false });
    if (!changed.ok) throw new Error(changed.error);
    const r = promptFromScenario(base, { ...changed.value, weeks: 12 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.title).toBe('Pay per block hour: $22/h → $25/h; Surge on: on → off');
    expect(r.value.changes).toEqual({ payPerHour: 25, surgeEnabled: false });
    expect(r.value.difficulty).toBe('hard');
    expect(r.value.weeks).toBe(12);
    expect(r.value.metrics[0]).toBe(NORTH_STAR);
    expect(r.value.metrics.length).toBeGreaterThanOrEqual(6);
    expect(r.value.metrics.length).toBeLessThanOrEqual(10);
    const run = promptRun(r.value, base);
    expect(run.ok).toBe(true);

    const same = promptFromScenario(base, base);
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.error).toMatch(/same as its baseline/);
  });

  it('writes parameter values with their units', () => {
    const def = (id: string) => PARAM_BY_ID.get(id)!;
    expect(formatParamValue(def('payPerHour'), 19.8)).toBe('$19.8/h');
    expect(formatParamValue(def('capacityBuffer'), 0.2)).toBe('20%');
    expect(formatParamValue(def('blockHours'), 5)).toBe('5 h');
    expect(formatParamValue(def('surgeEnabled'), true)).toBe('on');
  });
});

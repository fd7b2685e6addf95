import { describe, expect, it } from 'vitest';
import {
  PROMPT_BY_ID,
  promptFromScenario,
  promptRun,
  type Prompt,
} from '../../../src/model/prompts';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import { roundSetup } from '../../../src/ui/practice/round-setup';

function prompt(id: string): Prompt {
  const p = PROMPT_BY_ID.get(id);
  if (!p) throw new Error(`no prompt ${id}`);
  return p;
}

function setupOf(p: Prompt, workspace: Scenario) {
  const run = promptRun(p, workspace);
  if (!run.ok) throw new Error(run.error);
  return roundSetup(p, run.value, workspace);
}

function changed(s: Scenario, changes: Record<string, unknown>): Scenario {
  const r = withParams(s, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('what a practice round compares', () => {
  it('lists a library prompt’s change from the default station, on the workspace’s settings', () => {
    expect(setupOf(prompt('pay-rise-30'), defaultScenario())).toEqual({
      fromWorkspace: false,
      weeks: 26,
      lengthened: false,
      replications: 16,
      changes: ['Pay per block hour: $22/h → $30/h'],
      situation: [],
    });
  });

  it('leaves the workspace’s levers out of a library prompt, so every candidate answers the same', () => {
    const workspace = changed(defaultScenario(), { payPerHour: 25, blockHours: 4 });
    const setup = setupOf(prompt('blocks-5h'), workspace);
    expect(setup.changes).toEqual(['Typical block length: 3.5 h → 5 h']);
    expect(setup.situation).toEqual([]);
  });

  it('lists the situation both runs share apart from the change', () => {
    const setup = setupOf(prompt('surge-off-peak'), defaultScenario());
    expect(setup.changes).toEqual(['Surge on: on → off']);
    expect(setup.situation).toEqual(['First week of year: week 10 → week 44']);
    expect(setup.weeks).toBe(12);
    expect(setup.lengthened).toBe(false);
  });

  it('says when a short workspace horizon was lengthened to keep the short and long run apart', () => {
    const setup = setupOf(prompt('pay-rise-30'), { ...defaultScenario(), weeks: 8 });
    expect(setup.weeks).toBe(12);
    expect(setup.lengthened).toBe(true);
  });

  it('compares a prompt made from the workspace with the workspace baseline', () => {
    const baseline = changed(defaultScenario(), { payPerHour: 25 });
    const made = promptFromScenario(baseline, changed(baseline, { blockHours: 5 }));
    if (!made.ok) throw new Error(made.error);
    const setup = setupOf(made.value, baseline);
    expect(setup.fromWorkspace).toBe(true);
    expect(setup.changes).toEqual(['Typical block length: 3.5 h → 5 h']);
    expect(setup.situation).toEqual([]);
  });
});

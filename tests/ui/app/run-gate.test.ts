import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import { decideRun, runGate } from '../../../src/ui/app/run-gate';

function scenario(changes: Record<string, unknown>, settings: Partial<Scenario> = {}): Scenario {
  const r = withParams({ ...defaultScenario(), ...settings }, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const METRO = { initialDrivers: 20000, demandPerDay: 200000, applicantsPerWeek: 300 };

describe('the run gate', () => {
  it('starts the default run without a word', () => {
    const d = defaultScenario();
    expect(runGate(d, d, 2)).toEqual({ kind: 'go' });
  });

  it("says a long run's estimate: DESIGN.md's metro (20,000 drivers, 52 weeks, 16 reps) runs", () => {
    const m = scenario(METRO, { weeks: 52 });
    const gate = runGate(defaultScenario(), m, 2);
    expect(gate.kind).toBe('go');
    expect(gate.kind === 'go' && gate.note).toMatch(/^This run: about \d+ (s|min) and \d+ MB/);
  });

  it('asks before a run over the time budget, and runs it when the user says so', () => {
    const big = scenario(METRO, { weeks: 104, replications: 32 });
    const gate = runGate(big, big, 2);
    expect(gate.kind).toBe('ask');
    expect(gate.kind === 'ask' && gate.message).toMatch(/about \d+ min .* Fewer replications/);
    const asked = decideRun(big, big, 2, false, true);
    expect(asked).toMatchObject({ start: false, label: 'Run anyway' });
    expect(asked.notice).toMatch(/numbers shown are from the last complete run/);
    expect(decideRun(big, big, 2, true, true).start).toBe(true);
  });

  it('refuses a runaway scenario, naming the parameters to change, even when told to run', () => {
    const runaway = scenario(
      { payPerHour: 60, outsideWage: 5, supplyElasticity: 3, applicantsPerWeek: 5000 },
      { weeks: 8, replications: 2 },
    );
    const gate = runGate(defaultScenario(), runaway, 2);
    expect(gate.kind).toBe('refuse');
    expect(gate.kind === 'refuse' && gate.message).toMatch(
      /^The scenario cannot run: .*applicantsPerWeek.*supplyElasticity.*outsideWage/,
    );
    const d = decideRun(defaultScenario(), runaway, 2, true, false);
    expect(d).toMatchObject({ start: false, label: '' });
    // The baseline is checked too.
    expect(runGate(runaway, defaultScenario(), 2)).toMatchObject({ kind: 'refuse' });
  });

  it('refuses a run needing more memory than a tab should take, pointing to the runner', () => {
    // About 1.8 million drivers signed up a replication: within the bounds, over 1 GB.
    const huge = scenario(
      { initialDrivers: 50000, demandPerDay: 200000, applicantsPerWeek: 5000, payPerHour: 26 },
      { weeks: 104 },
    );
    const gate = runGate(huge, huge, 2);
    expect(gate.kind).toBe('refuse');
    expect(gate.kind === 'refuse' && gate.message).toMatch(/GB of memory.*npm run sim/);
  });
});

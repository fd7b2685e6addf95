import { describe, expect, it } from 'vitest';
import { estimatePlan, estimateRun } from '../../../src/model/run-budget';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import type { SweepAxis } from '../../../src/model/sweep';
import { goalPlan } from '../../../src/run/goal-seek';
import type { GoalSpec } from '../../../src/run/goal-spec';
import { defaultTornadoItems, tornadoPlan } from '../../../src/run/sensitivity';
import { gridPlan, sweepPlan } from '../../../src/run/sweep-grid';
import { gatePlan } from '../../../src/ui/explore/explore-plans';
import { decideRun, pairPlan, runGate } from '../../../src/ui/shared/run-gate';
import { COLUMN_WORDS } from '../../../src/ui/shared/scenario-runner';

function scenario(changes: Record<string, unknown>, settings: Partial<Scenario> = {}): Scenario {
  const r = withParams({ ...defaultScenario(), ...settings }, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const METRO = { initialDrivers: 20000, demandPerDay: 200000, applicantsPerWeek: 300 };
const RUNAWAY_MARKET = { outsideWage: 5, supplyElasticity: 3, applicantsPerWeek: 400 };
const pay = (from: number, to: number, steps: number): SweepAxis => ({
  id: 'payPerHour',
  from,
  to,
  steps,
});

describe('the run gate, for the workspace', () => {
  const pair = (b: Scenario, s: Scenario) => runGate(pairPlan(b, s), 2);

  it('starts the default run without a word', () => {
    const d = defaultScenario();
    expect(pair(d, d)).toEqual({ kind: 'go' });
  });

  it("says a long run's estimate: DESIGN.md's metro (20,000 drivers, 52 weeks, 16 reps) runs", () => {
    const m = scenario(METRO, { weeks: 52 });
    const gate = pair(defaultScenario(), m);
    expect(gate.kind).toBe('go');
    expect(gate.kind === 'go' && gate.note).toMatch(/^This run: about \d+ (s|min) and \d+ MB/);
  });

  it('asks before a run over the time budget, and runs it when the user says so', () => {
    const big = scenario(METRO, { weeks: 104, replications: 32 });
    const gate = pair(big, big);
    expect(gate.kind).toBe('ask');
    expect(gate.kind === 'ask' && gate.message).toMatch(/about \d+ min .* Fewer replications/);
    const asked = decideRun(pairPlan(big, big), false, true, 2);
    expect(asked).toMatchObject({ start: false, label: 'Run anyway' });
    expect(asked.notice).toMatch(/numbers shown are from the last complete run/);
    const anyway = decideRun(pairPlan(big, big), true, true, 2);
    expect(anyway.start).toBe(true);
    // Run anyway still says how long it will take.
    expect(anyway.note).toMatch(/^This run: about \d+ min/);
  });

  it('refuses a runaway scenario, naming the parameters to change, even when told to run', () => {
    const runaway = scenario(
      { payPerHour: 60, outsideWage: 5, supplyElasticity: 3, applicantsPerWeek: 5000 },
      { weeks: 8, replications: 2 },
    );
    const gate = pair(defaultScenario(), runaway);
    expect(gate.kind).toBe('refuse');
    expect(gate.kind === 'refuse' && gate.message).toMatch(
      /^The scenario cannot run: .*applicantsPerWeek.*supplyElasticity.*outsideWage/,
    );
    const d = decideRun(pairPlan(defaultScenario(), runaway), true, false, 2);
    expect(d).toMatchObject({ start: false, label: '' });
    // The baseline is checked too.
    expect(pair(runaway, defaultScenario())).toMatchObject({
      kind: 'refuse',
      message: expect.stringMatching(/^The baseline cannot run/),
    });
  });

  it('refuses a run needing more memory than a tab should take, pointing to the runner', () => {
    // About 1.8 million drivers signed up a replication: within the bounds, over 1 GB.
    const huge = scenario(
      { initialDrivers: 50000, demandPerDay: 200000, applicantsPerWeek: 5000, payPerHour: 23 },
      { weeks: 104 },
    );
    const gate = pair(huge, huge);
    expect(gate.kind).toBe('refuse');
    expect(gate.kind === 'refuse' && gate.message).toMatch(/GB of memory.*npm run sim/);
  });
});

describe('the run gate, for every other kind of run', () => {
  const small = defaultScenario();
  const big = { ...defaultScenario(), weeks: 104, replications: 32 };

  it('refuses a sweep whose last point runs away, naming the point and the parameters', () => {
    const s = scenario(RUNAWAY_MARKET, { weeks: 1, replications: 2 });
    // The scenario itself runs; the sweep's higher pay would not.
    expect(runGate(pairPlan(s, s), 2).kind).toBe('go');
    const gate = runGate(gatePlan('sweep', sweepPlan(s, pay(22, 60, 5), s)), 2);
    expect(gate.kind).toBe('refuse');
    expect(gate.kind === 'refuse' && gate.message).toMatch(
      /^The sweep's point payPerHour [\d.]+ cannot run: .*applicants a week.*applicantsPerWeek.*supplyElasticity/,
    );
  });

  it('asks before a sweep over the time budget, naming the points, and says a long one', () => {
    const gate = runGate(gatePlan('sweep', sweepPlan(big, pay(16, 30, 50))), 2);
    expect(gate.kind).toBe('ask');
    expect(gate.kind === 'ask' && gate.message).toMatch(
      /^This sweep would take about \d+ min .*30 scenario runs of 32 replications.* Fewer points, replications or weeks make it shorter\.$/,
    );
    expect(runGate(gatePlan('sweep', sweepPlan(small, pay(16, 30, 5))), 2).kind).toBe('go');
  });

  it("refuses a grid whose results would not fit in the tab's memory", () => {
    // 50 × 50 cells of two years: about 700 MB of results besides the workers'.
    const demand: SweepAxis = { id: 'demandPerDay', from: 4000, to: 12000, steps: 50 };
    const gate = runGate(gatePlan('grid', gridPlan(big, pay(10, 60, 50), demand)), 4);
    expect(gate.kind).toBe('refuse');
    expect(gate.kind === 'refuse' && gate.message).toMatch(
      /^This grid would need about 1\.\d GB of memory.* MB of results\).*fewer points on either lever/,
    );
  });

  it('names the cell of a grid that runs away', () => {
    const s = scenario(RUNAWAY_MARKET, { weeks: 1, replications: 2 });
    const axisY: SweepAxis = { id: 'tipsPerHour', from: 0, to: 4, steps: 2 };
    const gate = runGate(gatePlan('grid', gridPlan(s, pay(20, 60, 3), axisY, s)), 2);
    expect(gate.kind === 'refuse' && gate.message).toMatch(
      /^The grid's cell payPerHour [\d.]+, tipsPerHour [\d.]+ cannot run/,
    );
  });

  it('gates a sensitivity analysis by its two ends per lever', () => {
    const items = defaultTornadoItems(big);
    const plan = tornadoPlan(big, items);
    expect(plan.points).toHaveLength(2 * items.length);
    const gate = runGate(gatePlan('sensitivity', plan), 2);
    expect(gate.kind === 'ask' && gate.message).toMatch(
      /^This sensitivity analysis would take about \d+ min/,
    );
  });

  it('gates goal seek by its budget of runs, its corners standing for the points', () => {
    const spec = (budget: number, to = 30): GoalSpec => ({
      objective: { metric: 'costPerPackage', sense: 'min' },
      constraints: [],
      levers: [
        { id: 'payPerHour', from: 16, to },
        { id: 'blockHours', from: 3, to: 6 },
      ],
      budget,
    });
    const plan = goalPlan(big, spec(20));
    expect(plan.points).toHaveLength(4);
    expect(plan.comparisons).toBe(20);
    const t20 = estimatePlan(plan, 2).seconds;
    const t40 = estimatePlan(goalPlan(big, spec(40)), 2).seconds;
    expect(t40 / t20).toBeGreaterThan(1.8);
    expect(runGate(gatePlan('goal', plan), 2)).toMatchObject({
      kind: 'ask',
      message: expect.stringMatching(/^This goal seek would take .*runs in its budget/),
    });
    const s = scenario(RUNAWAY_MARKET, { weeks: 1, replications: 2 });
    expect(runGate(gatePlan('goal', goalPlan(s, spec(10, 60))), 2)).toMatchObject({
      kind: 'refuse',
      message: expect.stringMatching(/^Goal seek's corner payPerHour 60, blockHours 3 cannot run/),
    });
  });

  it("gates presentation mode's columns and a practice round", () => {
    const big = scenario(METRO, { weeks: 104, replications: 32 });
    const columns = { baselines: [big], points: [big, big, big], ...COLUMN_WORDS(3) };
    expect(runGate(columns, 2)).toMatchObject({
      kind: 'ask',
      message: expect.stringMatching(/^These 3 scenarios would take .*Fewer columns shown/),
    });
    expect(runGate(pairPlan(big, big, 'This round'), 2)).toMatchObject({
      kind: 'ask',
      message: expect.stringMatching(/^This round would take/),
    });
  });
});

describe("a plan's estimate", () => {
  it("is the workspace's pair estimate for a pair", () => {
    const s = { ...defaultScenario(), weeks: 52, replications: 16 };
    const e = estimatePlan({ baselines: [s], points: [s] }, 2);
    const run = estimateRun(s, 2, 2);
    expect(e.seconds).toBeCloseTo(run.seconds, 6);
    expect(e.runs).toBe(2);
  });

  it('grows with the points, the replications and the weeks, and keeps every result', () => {
    const d = defaultScenario();
    const at = (steps: number, s = d) => estimatePlan(sweepPlan(s, pay(16, 30, steps)), 2);
    const five = at(5);
    const ten = at(10);
    // The baseline once, then one run a point.
    expect(ten.runs).toBe(11);
    expect(ten.seconds - five.seconds).toBeGreaterThan((4 * (five.seconds - 1.5)) / 6);
    expect(at(5, { ...d, replications: 32 }).seconds).toBeGreaterThan(five.seconds * 1.5);
    expect(at(5, { ...d, weeks: 104 }).seconds).toBeGreaterThan(five.seconds * 2);
    // Results kept: 32 kB and 2.5 kB a week each, measured 28 kB + 2.2 kB a week.
    expect(ten.keptBytes).toBe(10 * (32 + 2.5 * 26) * 1024);
    expect(ten.bytes).toBeGreaterThan(five.bytes);
  });
});

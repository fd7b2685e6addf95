/**
 * The run budget (src/model/run-budget.ts): its applicant rate is the engine's, its bounds
 * refuse the runaway combinations and pass the largest ordinary ones, its estimate grows with
 * the run, and the engine's guard stops a run whose sign-ups run away, naming the cause.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim';
import { defaultParams } from '../../src/model/params';
import {
  MAX_DRIVERS,
  RunawayError,
  WARMUP_WEEKS,
  applicantsPerWeekAtStart,
  checkRunBounds,
  describeEstimate,
  estimateRun,
  overBudget,
} from '../../src/model/run-budget';
import { defaultScenario, withParams, type Scenario } from '../../src/model/scenario';
import { runReplication } from '../../src/sim/engine';
import { WARMUP_WEEKS as ENGINE_WARMUP_WEEKS } from '../../src/sim/constants';
import { SimState } from '../../src/sim/state';
import { inlinePool } from '../fuzz/harness';
import { runCli } from '../../src/cli/sim';
import { parseArgs } from '../../src/cli/options';

function scenario(changes: Record<string, unknown>, weeks = 26, replications = 16): Scenario {
  const r = withParams({ ...defaultScenario(), weeks, replications }, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const RUNAWAY = { payPerHour: 60, outsideWage: 5, supplyElasticity: 3, applicantsPerWeek: 5000 };

describe('the run budget', () => {
  it('computes the engine’s applicant rate, over the engine’s warm-up', () => {
    expect(WARMUP_WEEKS).toBe(ENGINE_WARMUP_WEEKS);
    for (const ch of [
      {},
      { payPerHour: 40, tipsPerHour: 3, outsideWage: 12 },
      { blockHours: 2, loadMinutes: 120 },
    ]) {
      const s = scenario(ch);
      expect(applicantsPerWeekAtStart(s.params)).toBeCloseTo(
        new SimState(s, 0).applicantRate * 7,
        9,
      );
    }
  });

  it('refuses the runaway inflow, naming the parameters to change, and passes the defaults', () => {
    const r = checkRunBounds(scenario(RUNAWAY, 8, 1 + 1));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatch(/applicantsPerWeek.*supplyElasticity.*payPerHour.*outsideWage/);
    expect(checkRunBounds(defaultScenario()).ok).toBe(true);
    // The largest ordinary station: every size at its maximum, pay and wages at defaults.
    const big = scenario(
      { initialDrivers: 50000, demandPerDay: 200000, applicantsPerWeek: 5000 },
      104,
      256,
    );
    const e = checkRunBounds(big);
    expect(e.ok).toBe(true);
    if (e.ok) {
      expect(e.value.driversSignedUp).toBeLessThan(MAX_DRIVERS);
      expect(overBudget(estimateRun(big, 2))).toMatch(/would take about \d+ min/);
    }
  });

  it('estimates more time for more drivers, weeks and replications, less for more threads', () => {
    const base = estimateRun(scenario({}, 26, 16), 2);
    expect(
      estimateRun(scenario({ initialDrivers: 8000, demandPerDay: 80000 }, 26, 16), 2).seconds,
    ).toBeGreaterThan(base.seconds);
    expect(estimateRun(scenario({}, 52, 16), 2).seconds).toBeGreaterThan(base.seconds);
    expect(estimateRun(scenario({}, 26, 64), 2).seconds).toBeGreaterThan(base.seconds);
    expect(estimateRun(scenario({}, 26, 16), 8).seconds).toBeLessThan(base.seconds);
    expect(estimateRun(scenario({}, 26, 16), 64).workers).toBe(16);
    expect(base.seconds).toBeLessThan(60);
    expect(base.bytes).toBeLessThan(512 * 1024 * 1024);
    expect(describeEstimate(base)).toMatch(/^about .* on 2 threads/);
    expect(overBudget(base)).toBeUndefined();
  });

  it('stops a runaway run in the engine with a RunawayError naming the cause, at once', () => {
    const t0 = performance.now();
    let error: unknown;
    try {
      runReplication(scenario(RUNAWAY, 1, 2), 0);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunawayError);
    expect((error as Error).message).toMatch(
      /stopped on warm-up day 1: .* applicants .* applicantsPerWeek/,
    );
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(defaultParams().applicantsPerWeek).toBeGreaterThan(0);
  });

  it('turns the engine’s stop into exit 2 with its one line in the runner', async () => {
    let stderr = '';
    const code = await main(['--weeks', '1', '--reps', '2'], {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      // Past the runner's own check: the engine's guard must still stop the run.
      run: () => runCli({ ...parseArgs([]), scenario: scenario(RUNAWAY, 1, 2) }, inlinePool),
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gigsim sim: the run stopped on warm-up day 1: [^\n]*\n$/);
  });
});

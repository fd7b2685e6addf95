/**
 * A design run as Explore runs it: its report made as the report worker makes it equals the
 * runner's to the byte (hash through Web Crypto included), its plan for the run gate, the time
 * left, and its jobs on a pool with progress and cancel.
 */
import { describe, expect, it } from 'vitest';
import { designHash } from '../../src/cli/design-files';
import type { ReplicationResult } from '../../src/model/results';
import { defaultScenario, withParams } from '../../src/model/scenario';
import {
  designRunPlan,
  designSketch,
  runDesignJobs,
  secondsLeft,
  type DesignProgress,
} from '../../src/run/design-browser';
import { designCsv } from '../../src/run/design-csv';
import { inThreadRunner, jobRange } from '../../src/run/design-jobs';
import { designJsonText, designOutput } from '../../src/run/design-output';
import { designJob, planDesign, type DesignSpec } from '../../src/run/design-plan';
import { designReport } from '../../src/run/design-report';
import { designDigest, specToJson } from '../../src/run/design-spec';
import { SupersededError } from '../../src/run/pool';
import type { SimulationPool } from '../../src/run/simulation-pool';
import { runReplication } from '../../src/sim/engine';
import { gatePlan } from '../../src/ui/explore/explore-plans';
import { runGate } from '../../src/ui/shared/run-gate';

function tinySpec(): DesignSpec {
  const s = withParams(
    { ...defaultScenario(), weeks: 2, replications: 2 },
    { demandPerDay: 400, initialDrivers: 40 },
  );
  if (!s.ok) throw new Error(s.error);
  return {
    kind: 'morris',
    factors: [
      { id: 'payPerHour', from: 16, to: 30 },
      { id: 'noShowRate', from: 0, to: 0.1 },
    ],
    n: 2,
    levels: 4,
    metrics: ['costPerPackage', 'onTimeRate'],
    period: 'whole',
    scenario: s.value,
    baseline: s.value,
  };
}

describe('a design run in the browser', () => {
  it("makes the runner's report to the byte, its hash through Web Crypto", async () => {
    const spec = tinySpec();
    const plan = planDesign(spec);
    const results: ReplicationResult[] = [];
    await inThreadRunner()(plan, jobRange(0, plan.jobs), (j, r) => (results[j] = r));
    expect(await designDigest(spec)).toBe(designHash(spec));
    const report = designReport(plan, new Map(results.map((r, j) => [j, r])), designHash(spec));
    const out = await designOutput(specToJson(spec), results);
    expect(out.json).toBe(designJsonText(report));
    expect(out.csv).toBe(designCsv(report));
    expect(out.view.points).toBeUndefined();
    expect(out.view.indices).toEqual(report.indices);
    expect(out.view.design.hash).toMatch(/^[0-9a-f]{16}$/);
    await expect(designOutput(specToJson(spec), results.slice(1))).rejects.toThrow(
      /has 14 jobs but 13 results came/,
    );
  });

  it('tells the run gate every point and what the page keeps', () => {
    const plan = planDesign(tinySpec());
    const gate = designRunPlan(plan);
    expect(gate.points).toHaveLength(6);
    expect(gate.baselines).toEqual([plan.baseline]);
    expect(gate.names[5]).toBe('design point 6');
    expect(gate.kept).toBeGreaterThan(2 * 6);
    const sketch = designSketch(plan.spec);
    expect(sketch.comparisons).toBe(6);
    expect(sketch.kept).toBe(gate.kept);
  });

  it('goes through the run gate: a long design asks first, one over the tab memory is refused', () => {
    const gate = (weeks: number, replications: number, changes: Record<string, number>) => {
      const s = withParams({ ...defaultScenario(), weeks, replications }, changes);
      if (!s.ok) throw new Error(s.error);
      const plan = planDesign({ ...tinySpec(), n: 20, scenario: s.value, baseline: s.value });
      return runGate(gatePlan('design', designRunPlan(plan)), 2);
    };
    expect(gate(2, 2, {}).kind).toBe('go');
    const ask = gate(104, 64, {});
    expect(ask.kind).toBe('ask');
    expect('message' in ask ? ask.message : '').toMatch(/^This design would take .+ Fewer points/);
    const refuse = gate(104, 16, { initialDrivers: 50_000, applicantsPerWeek: 2000 });
    expect(refuse.kind).toBe('refuse');
    expect('message' in refuse ? refuse.message : '').toMatch(
      /^This design would need about .+ of memory/,
    );
  });

  it('tells the time left from the jobs done so far', () => {
    expect(secondsLeft(1000, 1, 10)).toBeUndefined();
    expect(secondsLeft(2000, 4, 10)).toBeCloseTo(3, 9);
    expect(secondsLeft(5000, 10, 10)).toBe(0);
  });

  it('runs every job on the pool with progress, and stops when cancelled', async () => {
    const plan = planDesign(tinySpec());
    let clock = 0;
    let hold: ((stop: Error) => void) | undefined;
    const fake = {
      size: 2,
      workers: {
        runBatch(
          jobs: readonly { replication: number }[],
          onResult?: (i: number, r: unknown) => void,
        ) {
          if (jobs.length === 0) {
            hold?.(new SupersededError());
            return Promise.resolve([]);
          }
          if (plan.jobs > 0 && hold === undefined && stopAfter > 0) {
            return new Promise((_, reject) => {
              hold = reject;
              for (let i = 0; i < stopAfter; i++) onResult?.(i, results[i]);
            });
          }
          jobs.forEach((_, i) => {
            clock += 100;
            onResult?.(i, results[i]);
          });
          return Promise.resolve([]);
        },
      },
    } as unknown as SimulationPool;
    const results = jobRange(0, plan.jobs).map((j) => {
      const { scenario, replication } = designJob(plan, j);
      return runReplication(scenario, replication);
    });
    let stopAfter = 0;
    const seen: DesignProgress[] = [];
    const got = await runDesignJobs(fake, plan, {
      onProgress: (p) => seen.push(p),
      now: () => clock,
    });
    expect(got).toEqual(results);
    expect(seen[0]).toMatchObject({ phase: 'jobs', done: 0, total: plan.jobs });
    expect(seen.at(-1)).toMatchObject({ done: plan.jobs, fraction: 1, secondsLeft: 0 });

    stopAfter = 3;
    const controller = new AbortController();
    const run = runDesignJobs(fake, plan, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 3) controller.abort();
      },
      now: () => (clock += 200),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

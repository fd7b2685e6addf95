/**
 * Replications over a fit (issue 17): each replication draws the fitted constants from their
 * fitted distribution, the same draw on both sides of a comparison, nothing changes without a
 * fit, and a loose fit widens a comparison's intervals where a tight one does not.
 */
import { describe, expect, it } from 'vitest';
import { METRIC_INDEX } from '../../src/model/metrics';
import { defaultScenario, pairedWith, withParams, type Scenario } from '../../src/model/scenario';
import type { ScenarioFit } from '../../src/model/scenario-fit';
import { WarmupCache, runReplication } from '../../src/sim/engine';
import { drawnScenario, fitDeviations } from '../../src/sim/fit-draw';
import { compare } from '../../src/sim/stats';
import { warmupKey } from '../../src/sim/warmup';

const FIT: ScenarioFit = {
  constants: [
    { id: 'hoursWanted', value: 6, logSe: 0.1 },
    { id: 'checksPerHour', value: 2, logSe: 0.3 },
    { id: 'applicantsPerWeek', value: 12, logSe: 0.05 },
  ],
  correlation: [
    [1, -0.6, 0.3],
    [-0.6, 1, 0],
    [0.3, 0, 1],
  ],
};

function withFit(s: Scenario, fit: ScenarioFit | undefined): Scenario {
  return fit ? { ...s, fit } : s;
}

function must(r: ReturnType<typeof withParams>): Scenario {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('replications over a fit', () => {
  it('draws the same constants for replication r on both sides of a comparison', () => {
    const base = withFit(defaultScenario(), FIT);
    // The scenario moves a lever; withParams keeps the fit, pairedWith gives it the baseline's.
    const moved = pairedWith(
      base,
      must(withParams({ ...base, fit: undefined }, { payPerHour: 18 })),
    );
    expect(moved.fit).toBe(FIT);
    for (const rep of [0, 1, 7]) {
      const b = drawnScenario(base, rep);
      const s = drawnScenario(moved, rep);
      for (const c of FIT.constants) {
        const id = c.id as keyof Scenario['params'];
        expect(s.params[id]).toBe(b.params[id]);
        // The scenario warms up where its baseline runs: one warmed state for both.
        expect(s.warmup?.[id]).toBe(b.params[id]);
      }
      expect(s.params.payPerHour).toBe(18);
      expect(warmupKey(s, rep)).toBe(warmupKey(b, rep));
    }
    // Different replications draw differently, so their warm-ups are keyed apart.
    const params = (rep: number) => warmupKey(drawnScenario(base, rep), rep).split('/').slice(3);
    expect(params(0)).not.toEqual(params(1));
    expect(drawnScenario(base, 0).params.hoursWanted).not.toBe(
      drawnScenario(base, 1).params.hoursWanted,
    );
  });

  it('draws follow the fitted distribution (lognormal, with the correlations)', () => {
    const n = 4000;
    const logs = FIT.constants.map(() => [] as number[]);
    for (let rep = 0; rep < n; rep++) {
      const d = drawnScenario(withFit(defaultScenario(), FIT), rep);
      FIT.constants.forEach((c, k) =>
        logs[k].push(Math.log((d.params as unknown as Record<string, number>)[c.id] / c.value)),
      );
    }
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
    FIT.constants.forEach((c, k) => {
      expect(Math.abs(mean(logs[k]))).toBeLessThan((3 * c.logSe) / Math.sqrt(n));
      expect(sd(logs[k]) / c.logSe).toBeGreaterThan(0.95);
      expect(sd(logs[k]) / c.logSe).toBeLessThan(1.05);
    });
    const corr = (a: number[], b: number[]) => {
      const ma = mean(a);
      const mb = mean(b);
      const cov = mean(a.map((x, i) => (x - ma) * (b[i] - mb)));
      return cov / (sd(a) * sd(b));
    };
    expect(corr(logs[0], logs[1])).toBeCloseTo(-0.6, 1);
    expect(corr(logs[0], logs[2])).toBeCloseTo(0.3, 1);
    expect(Math.abs(corr(logs[1], logs[2]))).toBeLessThan(0.06);
  });

  it('keys the draw by seed and replication only, not by the levers', () => {
    const a = fitDeviations(FIT, 1, 3);
    expect(fitDeviations(FIT, 1, 3)).toEqual(a);
    expect(fitDeviations(FIT, 2, 3)).not.toEqual(a);
    const s = withFit(must(withParams(defaultScenario(), { payPerHour: 30, blockHours: 5 })), FIT);
    expect(drawnScenario(s, 3).params.hoursWanted).toBe(6 * Math.exp(a[0]));
  });

  it('leaves a scenario without a fit as it is: the very same run', () => {
    const s = defaultScenario();
    expect(drawnScenario(s, 2)).toBe(s);
    const short = { ...s, weeks: 4 };
    const a = runReplication(short, 0, {}, new WarmupCache());
    const b = runReplication({ ...short, fit: undefined }, 0, {}, new WarmupCache());
    expect(b.weekly).toEqual(a.weekly);
    expect(b.whole).toEqual(a.whole);
  });

  it(
    'a loose fit widens the comparison’s intervals, a tight one barely does',
    { timeout: 120_000 },
    () => {
      const fitOf = (logSe: number): ScenarioFit => ({
        constants: [
          { id: 'hoursWanted', value: 6, logSe },
          { id: 'outsideWage', value: 17, logSe },
        ],
      });
      const base = { ...defaultScenario(), weeks: 8, replications: 8 };
      const width = (fit: ScenarioFit | undefined) => {
        const b = withFit(base, fit);
        const s = pairedWith(b, must(withParams(base, { payPerHour: 18 })));
        const run = (x: Scenario) => Array.from({ length: 8 }, (_, r) => runReplication(x, r));
        const c = compare(run(b), run(s));
        const i = METRIC_INDEX.activeDrivers;
        const j = METRIC_INDEX.fillRate;
        return {
          level: c.baseline.whole.high[i] - c.baseline.whole.low[i],
          delta: c.delta.whole.high[j] - c.delta.whole.low[j],
        };
      };
      const none = width(undefined);
      const tight = width(fitOf(0.005));
      const loose = width(fitOf(0.25));
      expect(loose.level).toBeGreaterThan(3 * none.level);
      expect(loose.delta).toBeGreaterThan(1.5 * none.delta);
      expect(tight.level).toBeLessThan(1.5 * none.level);
      expect(loose.level).toBeGreaterThan(2 * tight.level);
      expect(loose.delta).toBeGreaterThan(tight.delta);
    },
  );
});

describe('the lab over a fit', () => {
  it('runs every arm of a re-randomisation over the baseline fit, with the same draw', async () => {
    const { labJobs, LAB_DEFAULTS } = await import('../../src/run/lab');
    const base = withFit(defaultScenario(), FIT);
    const jobs = labJobs({
      ...LAB_DEFAULTS,
      base,
      treatment: { payPerHour: 24 },
      rerandomisations: 2,
      chartReps: 0,
    });
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect(job.scenario.fit).toEqual(FIT);
      // What runs: the fitted constants drawn for this replication, the same on every arm.
      const drawn = drawnScenario(job.scenario, job.replication);
      const want = drawnScenario(base, job.replication);
      expect(drawn.params.hoursWanted).toBe(want.params.hoursWanted);
      expect(drawn.params.checksPerHour).toBe(want.params.checksPerHour);
    }
    expect(drawnScenario(jobs[0].scenario, 0).params.hoursWanted).not.toBe(base.params.hoursWanted);
  });
});

/**
 * The experiment lab (issue 16): splits inside one market, and the lab's statistics against
 * the all-treated vs all-control truth, on a small station (a fifth of the default) so the
 * file stays lean.
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentDesign } from '../../src/model/experiment';
import { LAB_METRICS } from '../../src/model/lab-metrics';
import { analyticPower, type LabReport } from '../../src/model/lab-stats';
import type { Params } from '../../src/model/params';
import type { ReplicationResult } from '../../src/model/results';
import { defaultScenario, type Scenario } from '../../src/model/scenario';
import { runLab, type LabSpec } from '../../src/run/lab';
import { WorkerPool, type PoolWorker } from '../../src/run/pool';
import type { ReplicationJob } from '../../src/run/simulation-pool';
import { WarmupCache, runReplication } from '../../src/sim/engine';

const d0 = defaultScenario();
function station(extra: Partial<Params> = {}): Scenario {
  const p = d0.params;
  return {
    ...d0,
    params: {
      ...p,
      demandPerDay: p.demandPerDay / 5,
      initialDrivers: p.initialDrivers / 5,
      applicantsPerWeek: p.applicantsPerWeek / 5,
      ...extra,
    },
  };
}
/** Blocks far outnumber drivers: 60 drivers where 160 would fit, a 30% buffer. */
const SLACK = { initialDrivers: 60, applicantsPerWeek: 1, capacityBuffer: 0.3 };
/** Drivers far outnumber blocks: 300 where 160 would fit. */
const SCARCE = { initialDrivers: 300, applicantsPerWeek: 4.8 };

/** An in-process pool; with `shuffle`, jobs finish out of order (as on real workers). */
function pool(size: number, shuffle = false): WorkerPool<ReplicationJob, ReplicationResult> {
  let n = 0;
  return new WorkerPool<ReplicationJob, ReplicationResult>(
    (): PoolWorker<ReplicationJob, ReplicationResult> => {
      const cache = new WarmupCache();
      return {
        run: (job) =>
          new Promise((resolve) =>
            setTimeout(
              () => resolve(runReplication(job.scenario, job.replication, {}, cache)),
              shuffle ? (n++ * 7) % 5 : 0,
            ),
          ),
        interrupt: () => false,
        terminate: () => {},
      };
    },
    { size, affinity: (job) => job.replication },
  );
}

function spec(base: Scenario, designs: ExperimentDesign[], more: Partial<LabSpec> = {}): LabSpec {
  return {
    base,
    treatment: { payPerHour: base.params.payPerHour + 3 },
    designs,
    share: 0.5,
    windowDays: 2,
    washoutDays: 0,
    testWeeks: 4,
    rerandomisations: 24,
    ...more,
  };
}

async function lab(s: LabSpec, size = 1): Promise<LabReport> {
  const p = pool(size);
  try {
    return await runLab(p, s);
  } finally {
    p.close();
  }
}

const HOURS = LAB_METRICS.findIndex((m) => m.id === 'hoursPerDriver');
const NORTH_STAR = 0;

describe('an experiment inside one market', () => {
  it('with nobody treated is the very same run as without an experiment', () => {
    const base = station();
    const plain = runReplication({ ...base, weeks: 2 }, 0);
    const x = {
      design: 'driver' as const,
      share: 0,
      windowDays: 1,
      washoutDays: 0,
      assignmentSeed: 3,
      treatment: { payPerHour: 30 },
    };
    const empty = runReplication({ ...base, weeks: 2, experiment: x }, 0);
    expect(Array.from(empty.weekly)).toEqual(Array.from(plain.weekly));
    expect(plain.lab).toBeUndefined();
    expect(empty.lab?.length).toBeGreaterThan(0);
    // The lab's runs (labOnly) carry the same lab record and no other array (one empty buffer).
    const lean = runReplication({ ...base, weeks: 2, experiment: x }, 0, { labOnly: true });
    expect(Array.from(lean.lab ?? [])).toEqual(Array.from(empty.lab ?? []));
    expect(lean.weekly.length + lean.whole.length + lean.periods.length).toBe(0);
    expect(lean.weekly.buffer).toBe(lean.periods.buffer);
  });
});

describe('the lab', () => {
  it('finds a driver split of a pay rise unbiased where blocks are plentiful, biased up where they are scarce', async () => {
    // Measured (24 re-randomisations, 4 weeks, +$3/h): slack, paid hours per driver-week
    // bias 0.12 ± 0.44 (its SE 1.10); scarce, bias 0.26 ± 0.21 (SE 0.52, truth −0.01).
    const slack = await lab(spec(station(SLACK), ['driver']));
    const scarce = await lab(spec(station(SCARCE), ['driver']));
    expect(slack.balance.scarce).toBe('drivers');
    expect(scarce.balance.scarce).toBe('blocks');
    const s = slack.designs[0].metrics[HOURS]!;
    expect(s.bias.low).toBeLessThan(0);
    expect(s.bias.high).toBeGreaterThan(0);
    const c = scarce.designs[0].metrics[HOURS]!;
    expect(c.bias.low).toBeGreaterThan(0);
    expect(c.estimate.value).toBeGreaterThan(c.truth.value + c.se.value / 4);
    // The North Star (a total, scaled from per-driver deliveries) is inflated many times over.
    const ns = scarce.designs[0].metrics[NORTH_STAR]!;
    expect(ns.bias.low).toBeGreaterThan(0);
    expect(ns.relativeBias).toBeGreaterThan(2);
  }, 60_000);

  it('finds a switchback’s bias shrinks as its window grows when drivers carry the pay over', async () => {
    // Drivers re-decide how much to look for work each Monday and learn pay over weeks, so a
    // 1-day window mixes both arms' pay into every week. Measured (16 re-randomisations):
    // paid hours per driver-week, bias −0.35 ± 0.26 with 1-day windows, −0.01 ± 0.09 with 7-day.
    const short = await lab(
      spec(station(SLACK), ['switchback'], { windowDays: 1, rerandomisations: 16 }),
    );
    const long = await lab(
      spec(station(SLACK), ['switchback'], { windowDays: 7, rerandomisations: 16 }),
    );
    const b1 = short.designs[0].metrics[HOURS]!.bias;
    const b7 = long.designs[0].metrics[HOURS]!.bias;
    expect(Math.abs(b7.value)).toBeLessThan(Math.abs(b1.value) / 2);
    expect(b1.value).toBeLessThan(-0.2);
  }, 60_000);

  it('gives the same report on one worker and on two, whatever order the runs finish in', async () => {
    const s = spec(station(), ['driver', 'block', 'switchback'], { rerandomisations: 4 });
    const one = await lab(s, 1);
    const p = pool(2, true);
    const two = await runLab(p, s);
    p.close();
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  }, 60_000);
});

describe('the lab’s power', () => {
  it('gives the same table when only the first re-randomisations run the whole horizon', async () => {
    // Runs of the test's length give what a 12-week run gives over its first weeks; the chart's
    // longer lengths and the long run come from the long re-randomisations only.
    const s = spec(station(), ['driver', 'switchback'], { rerandomisations: 6, testWeeks: 2 });
    const all = await lab(s);
    const few = await lab({ ...s, chartReps: 2 }, 2);
    expect(few.chartReps).toBe(2);
    expect(all.chartReps).toBe(6);
    for (const [k, d] of few.designs.entries()) {
      expect(d.metrics.map((m) => m?.bias.value)).toEqual(
        all.designs[k].metrics.map((m) => m?.bias.value),
      );
      expect(d.byWeeks.slice(0, 2)).toEqual(all.designs[k].byWeeks.slice(0, 2));
      expect(d.byWeeks[11].power).not.toBe(all.designs[k].byWeeks[11].power);
    }
    // The same pick; its power at 12 weeks (in the sentence) is the long ones'.
    expect(few.recommendation.design).toBe(all.recommendation.design);
  });

  it('matches the simulated rejection rate within 5 points at 80% power', async () => {
    // The driver split's estimates of net pay per hour (180 re-randomisations, a tenth of a
    // station), moved to centre on the MDE: a test with the simulated SE rejects about 80% of them.
    const base = station({ demandPerDay: 800, initialDrivers: 80, applicantsPerWeek: 1.2 });
    const report = await lab(spec(base, ['driver'], { rerandomisations: 180, testWeeks: 2 }));
    const st = report.designs[0].metrics[LAB_METRICS.findIndex((m) => m.id === 'netHourly')]!;
    expect(analyticPower(st.mde.value, st.se.value)).toBeCloseTo(0.8, 2);
    expect(Math.abs(st.atMde - 0.8)).toBeLessThan(0.05);
  }, 60_000);
});

/**
 * The experiment lab's runs (docs/MODEL.md "The experiment lab") on the engine's worker pool:
 * for each re-randomisation r, replication r of the market all control and all treated (the
 * truth), and one test per design with assignment seed r. Each replication's records are
 * reduced as soon as its runs are in and then dropped; the report is computed from the
 * reductions in replication order, so it does not depend on the number of workers.
 */
import { checkExperiment, type Experiment, type ExperimentDesign } from '../model/experiment';
import type { Thresholds } from '../model/guardrails';
import {
  LAB_CHART_REPS,
  LAB_HORIZON_WEEKS,
  labReport,
  reduceRep,
  type LabReport,
} from '../model/lab-stats';
import type { Params } from '../model/params';
import type { ReplicationResult } from '../model/results';
import { pairedWith, type Scenario } from '../model/scenario';
import { SupersededError, type WorkerPool } from './pool';
import type { ReplicationJob } from './simulation-pool';

export interface LabSpec {
  /** The market and the control's levers (seed and parameters; weeks and replications unused). */
  readonly base: Scenario;
  /** The treatment's lever values. */
  readonly treatment: Partial<Params>;
  readonly designs: readonly ExperimentDesign[];
  readonly share: number;
  readonly windowDays: number;
  readonly washoutDays: number;
  /** The test's length in weeks (1 to LAB_HORIZON_WEEKS): the table's column. */
  readonly testWeeks: number;
  readonly rerandomisations: number;
  /** The user's guardrail thresholds (the workspace's), weighed in the recommendation. */
  readonly thresholds?: Thresholds;
  /** Re-randomisations whose runs last LAB_HORIZON_WEEKS (default LAB_CHART_REPS; tests). */
  readonly chartReps?: number;
}

export const LAB_DEFAULTS = {
  designs: ['driver', 'block', 'switchback'] as ExperimentDesign[],
  share: 0.5,
  windowDays: 2,
  washoutDays: 0,
  testWeeks: 4,
  rerandomisations: 200,
};

/** Checks a lab spec; returns an error message or undefined. */
export function checkLabSpec(spec: LabSpec): string | undefined {
  if (spec.designs.length === 0) return 'pick at least one design';
  if (
    !Number.isInteger(spec.testWeeks) ||
    spec.testWeeks < 1 ||
    spec.testWeeks > LAB_HORIZON_WEEKS
  ) {
    return `test length must be a whole number of weeks from 1 to ${LAB_HORIZON_WEEKS}, got ${spec.testWeeks}`;
  }
  if (
    !Number.isInteger(spec.rerandomisations) ||
    spec.rerandomisations < 2 ||
    spec.rerandomisations > 1000
  ) {
    return `re-randomisations must be a whole number from 2 to 1000, got ${spec.rerandomisations}`;
  }
  if (Object.keys(spec.treatment).length === 0) return 'the treatment changes no lever';
  for (const design of spec.designs) {
    const r = checkExperiment(experimentOf(spec, design, 0));
    if (!r.ok) return r.error;
  }
  return undefined;
}

function experimentOf(spec: LabSpec, design: ExperimentDesign, seed: number): Experiment {
  const { share, windowDays, washoutDays, treatment } = spec;
  return { design, share, windowDays, washoutDays, assignmentSeed: seed, treatment };
}

/**
 * The runs of a lab, replication by replication: control, treated, then each design's test.
 * The first LAB_CHART_REPS re-randomisations' runs last LAB_HORIZON_WEEKS (for the chart and
 * the long run), the others' the test's length.
 */
export function labJobs(spec: LabSpec): ReplicationJob[] {
  const jobs: ReplicationJob[] = [];
  for (let r = 0; r < spec.rerandomisations; r++) {
    const weeks = r < (spec.chartReps ?? LAB_CHART_REPS) ? LAB_HORIZON_WEEKS : spec.testWeeks;
    jobs.push(...repJobs(spec, r, weeks));
  }
  return jobs;
}

/** Re-randomisation r's runs, each `weeks` long. */
function repJobs(spec: LabSpec, r: number, weeks: number): ReplicationJob[] {
  const base: Scenario = {
    version: 1,
    seed: spec.base.seed,
    weeks,
    replications: spec.rerandomisations,
    params: spec.base.params,
    // A baseline over a fit (docs/MODEL.md "Calibration") keeps it: every arm of
    // re-randomisation r draws the same fitted constants, as a comparison's two sides do.
    ...(spec.base.fit ? { fit: spec.base.fit } : {}),
  };
  // All control and all treated carry an empty split (share 0): the very same runs as without
  // one, with the lab's record.
  const none = experimentOf(spec, 'driver', 0);
  const whole = { ...none, share: 0, treatment: {} };
  const control: Scenario = { ...base, experiment: whole };
  const treated: Scenario = {
    ...pairedWith(base, { ...base, params: { ...base.params, ...spec.treatment } }),
    experiment: whole,
  };
  return [
    { scenario: control, replication: r, labOnly: true },
    { scenario: treated, replication: r, labOnly: true },
    ...spec.designs.map((design) => ({
      scenario: { ...base, experiment: experimentOf(spec, design, r) },
      replication: r,
      labOnly: true as const,
    })),
  ];
}

export interface LabRunOptions {
  /** Hears how many of the runs are done. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the lab (its promise then rejects with SupersededError). */
  signal?: AbortSignal;
}

/** Runs a lab on the pool's workers and returns its report. */
export async function runLab(
  workers: WorkerPool<ReplicationJob, ReplicationResult>,
  spec: LabSpec,
  options: LabRunOptions = {},
): Promise<LabReport> {
  const error = checkLabSpec(spec);
  if (error) throw new RangeError(error);
  const jobs = labJobs(spec);
  const per = 2 + spec.designs.length;
  const pending = new Map<number, (Float64Array | undefined)[]>();
  const reduced: ReturnType<typeof reduceRep>[] = [];
  let done = 0;
  const onAbort = () => void workers.runBatch([]).catch(() => {});
  if (options.signal?.aborted) throw new SupersededError();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await workers.runBatch(jobs, (index, result) => {
      const r = Math.floor(index / per);
      const labs = pending.get(r) ?? new Array<Float64Array | undefined>(per);
      labs[index % per] = result.lab;
      pending.set(r, labs);
      if (labs.filter(Boolean).length === per) {
        pending.delete(r);
        const tests: Partial<Record<ExperimentDesign, Float64Array>> = {};
        spec.designs.forEach((d, k) => (tests[d] = labs[2 + k]));
        const [c, t] = labs as Float64Array[];
        reduced[r] = reduceRep(c, t, tests, spec.testWeeks);
      }
      options.onProgress?.(++done, jobs.length);
    });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return labReport(reduced, spec.testWeeks, spec.thresholds);
}

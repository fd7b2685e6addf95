/**
 * The runner's experiment lab: `npm run -s sim -- --experiment driver,block,switchback
 * --set payPerHour=25` runs the lab (src/run/lab.ts) on the worker threads and prints its
 * report as JSON, or with `--format table` as a readable table.
 */
import { DESIGN_LABEL } from '../model/experiment';
import { LAB_METRICS } from '../model/lab-metrics';
import { LAB_HORIZON_WEEKS, type Interval, type LabReport } from '../model/lab-stats';
import { changedParams, defaultScenario, type Scenario } from '../model/scenario';
import { describeEstimate, estimateRun, overBudget } from '../model/run-budget';
import { LAB_DEFAULTS, checkLabSpec, runLab, type LabSpec } from '../run/lab';
import type { SimulationPool } from '../run/simulation-pool';
import { UsageError } from './flags';
import type { LabFlags } from './lab-flags';
import type { CliOptions } from './options';

/** The lab's spec from the flags: control the baseline (else the defaults), treatment the scenario. */
export function labSpecOf(lab: LabFlags, scenario: Scenario, baseline?: Scenario): LabSpec {
  const control = baseline ?? { ...defaultScenario(), seed: scenario.seed };
  const spec: LabSpec = {
    base: control,
    treatment: changedParams(scenario.params, control.params),
    designs: lab.designs ?? LAB_DEFAULTS.designs,
    share: lab.share ?? LAB_DEFAULTS.share,
    windowDays: lab.windowDays ?? LAB_DEFAULTS.windowDays,
    washoutDays: lab.washoutDays ?? LAB_DEFAULTS.washoutDays,
    testWeeks: lab.testWeeks ?? LAB_DEFAULTS.testWeeks,
    rerandomisations: lab.rerandomisations ?? LAB_DEFAULTS.rerandomisations,
  };
  const error = checkLabSpec(spec);
  if (error) {
    throw new UsageError(
      error === 'the treatment changes no lever'
        ? '--experiment: the treatment changes no lever (set one, e.g. --set payPerHour=25)'
        : `--experiment: ${error}`,
    );
  }
  return spec;
}

/** The report as JSON, with the spec. */
export function labJson(spec: LabSpec, report: LabReport): string {
  const out = {
    gigsim: 'lab',
    seed: spec.base.seed,
    control: changedParams(spec.base.params),
    treatment: spec.treatment,
    share: spec.share,
    windowDays: spec.windowDays,
    washoutDays: spec.washoutDays,
    horizonWeeks: LAB_HORIZON_WEEKS,
    ...report,
  };
  return `${JSON.stringify(out, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

function num(v: number, digits: number): string {
  return Number.isFinite(v) ? v.toFixed(digits) : 'n/a';
}

function iv(i: Interval, digits: number): string {
  return `${num(i.value, digits)} [${num(i.low, digits)}, ${num(i.high, digits)}]`;
}

/** The report as a readable table: one block per design, one row per metric. */
export function labTable(spec: LabSpec, report: LabReport): string {
  const lines = [
    `Experiment lab: ${report.rerandomisations} re-randomisations, ${report.testWeeks}-week test, share ${spec.share}, treatment ${JSON.stringify(spec.treatment)}`,
    report.balance.text,
    `Recommendation: ${report.recommendation.text}`,
    '',
  ];
  for (const d of report.designs) {
    lines.push(`${DESIGN_LABEL[d.design]}:`);
    lines.push(
      `  ${'metric'.padEnd(32)} ${'estimate'.padEnd(30)} ${'truth'.padEnd(30)} ${'bias'.padEnd(30)} ${'SE'.padEnd(12)} wrong sign  power  MDE`,
    );
    d.metrics.forEach((s, m) => {
      const def = LAB_METRICS[m];
      if (!s) {
        lines.push(`  ${def.label.padEnd(32)} cannot be estimated by this design`);
        return;
      }
      const k = def.digits + 1;
      lines.push(
        `  ${def.label.padEnd(32)} ${iv(s.estimate, k).padEnd(30)} ${iv(s.truth, k).padEnd(30)} ${iv(s.bias, k).padEnd(30)} ${num(s.se.value, k).padEnd(12)} ${`${Math.round(100 * s.wrongSign.value)}%`.padEnd(11)} ${`${Math.round(100 * s.power.value)}%`.padEnd(6)} ${num(s.mde.value, k)}`,
      );
    });
    lines.push(
      `  North Star power by test weeks: ${d.byWeeks.map((w) => `${w.weeks}w ${Math.round(100 * w.power)}%`).join(', ')}`,
    );
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** What the lab's main needs of the runner: its streams, threads and pool maker. */
export interface LabIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cores: number;
  makePool: (options: { cacheScenarios: number; size: number }) => Promise<SimulationPool>;
}

/** Why lab flags are misplaced, or undefined. */
export function labMisuse(options: CliOptions): string | undefined {
  const labFlags = Object.keys(options.lab).length > 0;
  if (!options.lab.designs) {
    if (labFlags)
      return '--share, --window-days, --washout-days, --test-weeks and --rerandomisations need --experiment';
    if (options.format === 'table') return "--format table is the lab's: add --experiment";
    return undefined;
  }
  if (options.sweeps.length > 0) return '--experiment and --sweep do not go together';
  if (options.format === 'csv') return '--experiment prints json or table, not csv';
  return undefined;
}

/** Runs the lab: returns the exit code (0 done, 2 refused). */
export async function labMain(options: CliOptions, io: LabIo): Promise<number> {
  const spec = labSpecOf(options.lab, options.scenario, options.baseline);
  const runs = spec.rerandomisations * (2 + spec.designs.length);
  const threads = Math.min(options.workers ?? io.cores, runs);
  const e = estimateRun(
    { ...spec.base, weeks: LAB_HORIZON_WEEKS, replications: spec.rerandomisations },
    threads,
    2 + spec.designs.length,
  );
  const over = overBudget(e);
  if (over !== undefined && !options.force) {
    io.stderr(`gigsim sim: ${over}; run it anyway with --force, or fewer re-randomisations\n`);
    return 2;
  }
  if (options.verbose) io.stderr(`gigsim sim: estimate: ${describeEstimate(e)}\n`);
  const pool = await io.makePool({ cacheScenarios: 0, size: threads });
  try {
    const report = await runLab(pool.workers, spec);
    io.stdout(options.format === 'table' ? labTable(spec, report) : labJson(spec, report));
    return 0;
  } finally {
    pool.close();
  }
}

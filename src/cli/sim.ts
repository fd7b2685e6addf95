/**
 * The headless runner: `npm run -s sim -- [options]`. Runs a scenario's replications on every
 * core (worker threads) and prints, for each metric, the mean and 95% interval over the
 * short run, the long run and the whole horizon, plus the weekly series; with a baseline,
 * the baseline's values and the paired difference (same seeds) with its interval. With
 * `--sweep` (once or twice), the same comparison at every point of a sweep or a grid.
 *
 * Bad input (an unknown flag, a missing or malformed file, an invalid value) prints one line
 * on stderr and exits with code 2, printing nothing else. The arguments are read in flags.ts
 * (flag by flag) and options.ts (files, `--set`, the paired baseline).
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { oneLine } from '../model/input-text';
import { comparisonReport, reportCsv, summaryReport, type RunReport } from '../model/report';
import {
  checkRunBounds,
  describeEstimate,
  estimateRun,
  overBudget,
  type RunEstimate,
} from '../model/run-budget';
import { sweepCsv, sweepReport, type SweepReport } from '../model/sweep-report';
import { PARAM_BY_ID } from '../model/params';
import { LAB_HORIZON_WEEKS } from '../model/lab-stats';
import { SETTINGS, withParams, type Scenario } from '../model/scenario';
import type { SimulationPool } from '../run/simulation-pool';
import { designMain, mergeMain, type DesignIo } from './design-main';
import { calibrationMain, isCalibration } from './calibrate';
import { UsageError } from './flags';
import { labMain, labMisuse } from './lab-cli';
import { parseArgs, type CliOptions } from './options';

export { UsageError } from './flags';
export { parseArgs, type CliOptions } from './options';

export const USAGE = `Usage: npm run -s sim -- [options]

Runs a gigsim scenario headless, on every core, and prints its metrics.

Options:
  --scenario FILE    scenario file (JSON: {"version":1,"seed":1,"weeks":26,
                     "replications":16,"params":{...}}); default: the defaults
  --set ID=VALUE     set a parameter (repeatable), e.g. --set payPerHour=24
  --seed N           seed (${SETTINGS.seed.min}–${SETTINGS.seed.max})
  --reps N           replications (${SETTINGS.replications.min}–${SETTINGS.replications.max})
  --weeks N          simulated weeks (${SETTINGS.weeks.min}–${SETTINGS.weeks.max})
  --baseline FILE    compare with this scenario on the same seeds (its seed, weeks and
                     replications are replaced by the scenario's, so that runs pair)
  --sweep ID=FROM:TO:STEPS
                     sweep a parameter over STEPS evenly spaced values (2–50, on the
                     parameter's step; a true/false one: ID=false:true), comparing the
                     scenario at each value with the baseline (or with the scenario as
                     given) on the same seeds; twice: a grid of two parameters
  --format json|csv  output format (default json; the lab: json or table)
  --workers N        worker threads (default: one per core; never more than the runs)
  --verbose          say the run's estimated time and memory on stderr before it runs
  --force            run even when the estimate is over the budget (10 min, 2 GB)
  --help             this text

Experiment lab (how a field test of the scenario against the baseline would read):
  --experiment D[,D] designs to test: driver, block, both, switchback; the treatment
                     is the scenario's levers that differ from the baseline's (--baseline
                     FILE, else the defaults), e.g. --set payPerHour=25. Every run lasts
                     ${LAB_HORIZON_WEEKS} weeks (the power chart's test lengths)
  --share X          share of drivers or block types treated (0.01–0.99; default 0.5)
  --window-days N    switchback window, days (1–28; default 2)
  --washout-days N   switchback days left out after each switch (default 0)
  --test-weeks N     the test's length, weeks (1–${LAB_HORIZON_WEEKS}; default 4)
  --rerandomisations N
                     tests run on fresh assignments and replications (2–1000; default 200)

Designs (global sensitivity; README "Global designs, shards and the queue"):
  --design sobol|morris|lhs
                     Sobol' indices (Saltelli sampling), Morris elementary effects, or a
                     Latin hypercube, over the factors given with --vary
  --vary ID=FROM:TO  a number parameter and its range (repeatable, once per parameter)
  --n N              sobol: base samples (points N × (factors + 2)); morris: trajectories
                     (N × (factors + 1)); lhs: points
  --levels L         Morris grid levels (even, default 4)
  --metrics A,B|all  metrics whose indices are computed (default all)
  --period P         whole (default), shortRun, longRun or peak: the means indexed
  --shard i/n|auto   run only shard i of n of the jobs and write a shard file; auto reads
                     JOB_COMPLETION_INDEX + GIGSIM_SHARDS or SLURM_ARRAY_TASK_ID
  --queue URL        run the jobs on a BullMQ queue at redis://HOST:PORT (npm run worker)
  --out FILE         write the output to FILE instead of stdout
  merge FILES...     (first argument) combine shard files into the design's report
                     [--format json|csv] [--out FILE]

Calibration (docs/MODEL.md "Calibration"):
  --calibrate FILE   fit the station's constants to its weekly history (CSV); the
                     station as given (--scenario, --set) is the fit's start, --reps
                     the replications per evaluation (default 8), --seed their seed
  --fit A,B,C        constants to fit (default hoursWanted,checksPerHour,
                     applicantsPerWeek,noShowRate)
  --holdout N        last weeks held out for the forecast check (default 4)
  --table            print a table instead of JSON
  --save-baseline F  write the fitted station with its fit to F, a scenario file for
                     --baseline: each replication then draws the fitted constants
  --make-history     print the weekly history the engine makes from the station as
                     given (--weeks, --seed, --set): the shipped example's source

Limits: a scenario file is at most 1 MB and nests at most 16 levels; a key, a flag or
a parameter is given once. A scenario whose applicants or sign-ups would run away (over
100,000 applicants a week, or 2,000,000 drivers in a run) is refused, naming the
parameters to change; one whose estimate is over the budget is refused unless --force.
Exit codes: 0 done; 2 bad input or a run refused or stopped (one line on stderr).

Parameters and their ranges: see docs/MODEL.md section 5 or the app's model page.`;

/**
 * Runs the parsed request on a Node worker pool and returns the report: a sweep's when
 * `--sweep` was given, else the scenario's (compared with the baseline, if any).
 */
export async function runCli(
  options: CliOptions,
  makePool: PoolMaker = nodePool,
): Promise<RunReport | SweepReport> {
  const pool = await makePool({
    // A sweep compares every point with one baseline: keep its replications at hand.
    cacheScenarios: options.sweeps.length > 0 ? 2 : 0,
    // No more threads than runs at once: `--workers 64` for two replications starts two.
    size: Math.min(options.workers ?? availableParallelism(), jobsOf(options)),
  });
  try {
    const { scenario, baseline } = options;
    if (options.sweeps.length > 0) return await runSweep(pool, options);
    if (baseline) {
      return comparisonReport(await pool.compare(baseline, scenario), baseline, scenario);
    }
    return summaryReport(await pool.run(scenario), scenario);
  } finally {
    pool.close();
  }
}

/** Makes the pool a run uses (tests run the engine in-process). */
export type PoolMaker = (options: {
  cacheScenarios: number;
  size: number;
}) => SimulationPool | Promise<SimulationPool>;

async function nodePool(options: { cacheScenarios: number; size: number }) {
  const { createNodePool } = await import('../run/node');
  return createNodePool(options);
}

async function runSweep(pool: SimulationPool, options: CliOptions): Promise<SweepReport> {
  const [{ poolRunner }, { grid, sweep }] = await Promise.all([
    import('../run/explorer-runner'),
    import('../run/sweep-grid'),
  ]);
  const { scenario, sweeps } = options;
  const baseline = options.baseline ?? scenario;
  const runner = poolRunner(pool);
  const [ax, ay] = sweeps;
  if (ay) {
    const g = await grid(runner, baseline, ax, ay, { scenario });
    const points = g.x.flatMap((x, i) =>
      g.y.map((y, j) => ({
        values: { [ax.id]: x, [ay.id]: y },
        scenario: g.scenarios[i][j],
        comparison: g.points[i][j],
      })),
    );
    return sweepReport(sweeps, points, baseline, scenario);
  }
  const r = await sweep(runner, baseline, ax, { scenario });
  const points = r.values.map((v, i) => ({
    values: { [ax.id]: v },
    scenario: r.scenarios[i],
    comparison: r.points[i],
  }));
  return sweepReport(sweeps, points, baseline, scenario);
}

export function formatReport(report: RunReport | SweepReport, format: 'json' | 'csv'): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return report.gigsim === 'sweep' ? sweepCsv(report) : reportCsv(report);
}

/** Scenarios run for each replication: the scenario, its baseline, a sweep's points. */
export function scenariosOf(options: CliOptions): number {
  const points = options.sweeps.reduce((n, a) => n * a.steps, 1);
  return options.sweeps.length > 0 ? points + 1 : options.baseline ? 2 : 1;
}

/** Replications run in all: at most this many threads can be busy at once. */
export function jobsOf(options: CliOptions): number {
  return options.scenario.replications * scenariosOf(options);
}

/** Where the runner writes: the process's streams, or a test's. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Runs the request (default: runCli, on worker threads). */
  run?: (options: CliOptions) => Promise<RunReport | SweepReport>;
  /** Threads the pool would start when `--workers` is not given (default: one per core). */
  cores?: number;
  /** A design's job runner, queue and environment (default: worker threads, the process's). */
  design?: Partial<DesignIo>;
}

/**
 * The runner: reads the arguments, checks the run's bounds and budget, runs it, writes the
 * report. Returns the exit code: 0 done, 2 bad input or a run refused or stopped (one
 * printable line on stderr), 1 an unexpected failure (a defect).
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const fail = (message: string, code = 2): number => {
    io.stderr(`gigsim sim: ${oneLine(message)}\n`);
    return code;
  };
  if (isCalibration(argv)) return calibrationMain(argv, io);
  if (argv[0] === 'merge') return mergeMain(argv.slice(1), io, fail);
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options.design) return designMain(options, options.design, io, fail);
  const misuse = labMisuse(options);
  if (misuse !== undefined) return fail(misuse);
  if (options.lab.designs) {
    const cores = io.cores ?? availableParallelism();
    try {
      return await labMain(options, { ...io, cores, makePool: async (o) => nodePool(o) });
    } catch (error) {
      if (error instanceof UsageError) return fail(error.message);
      return fail(`the lab failed: ${error instanceof Error ? error.message : String(error)}`, 1);
    }
  }
  const refused = checkRun(options, io);
  if (refused !== undefined) return fail(refused);
  try {
    const report = await (io.run ?? runCli)(options);
    io.stdout(formatReport(report, options.format === 'csv' ? 'csv' : 'json'));
    return 0;
  } catch (error) {
    const runaway = runawayOf(error);
    if (runaway !== undefined) return fail(runaway);
    const why = error instanceof Error ? error.message : String(error);
    return fail(`the simulation failed: ${why}`, 1);
  }
}

/**
 * Why the run is refused (its bounds, or its budget without --force), or undefined; says the
 * estimate on stderr with --verbose or when it is long.
 */
function checkRun(options: CliOptions, io: CliIo): string | undefined {
  for (const s of runsOf(options)) {
    const bound = checkRunBounds(s);
    if (!bound.ok) return bound.error;
  }
  const cores = io.cores ?? availableParallelism();
  const threads = Math.min(options.workers ?? cores, jobsOf(options));
  const e: RunEstimate = estimateRun(options.scenario, threads, scenariosOf(options));
  const over = overBudget(e);
  if (over !== undefined && !options.force) {
    return `${over}; run it anyway with --force, or fewer replications, weeks or drivers`;
  }
  if (options.verbose || e.seconds > 30 || over !== undefined) {
    io.stderr(`gigsim sim: estimate: ${describeEstimate(e)}\n`);
  }
  return undefined;
}

/** The scenarios whose bounds are checked: the scenario, its baseline, a sweep's corners. */
function runsOf(options: CliOptions): Scenario[] {
  const runs = options.baseline ? [options.scenario, options.baseline] : [options.scenario];
  let corners: Record<string, number>[] = [{}];
  for (const a of options.sweeps) {
    corners = corners.flatMap((c) => [
      { ...c, [a.id]: a.from },
      { ...c, [a.id]: a.to },
    ]);
  }
  if (options.sweeps.length === 0) return runs;
  return corners.flatMap((c) => {
    const r = withParams(options.scenario, asParams(c));
    return r.ok ? [r.value] : [];
  });
}

/** A sweep corner's values as parameter values (a true/false axis sweeps 0 and 1). */
function asParams(corner: Record<string, number>): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  for (const [id, v] of Object.entries(corner)) {
    out[id] = PARAM_BY_ID.get(id)?.kind === 'boolean' ? v === 1 : v;
  }
  return out;
}

/** The engine guard's message, if the run stopped because its sign-ups ran away. */
function runawayOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; depth++) {
    if (e.name === 'RunawayError') return e.message;
    e = (e as { failure?: unknown; cause?: unknown }).failure ?? e.cause;
  }
  return undefined;
}

function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      process.stderr.write(`gigsim sim: ${oneLine(why)}\n`);
      process.exitCode = 1;
    },
  );
}

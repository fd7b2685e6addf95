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
import { pathToFileURL } from 'node:url';
import { comparisonReport, reportCsv, summaryReport, type RunReport } from '../model/report';
import { sweepCsv, sweepReport, type SweepReport } from '../model/sweep-report';
import { SETTINGS } from '../model/scenario';
import type { SimulationPool } from '../run/simulation-pool';
import { UsageError } from './flags';
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
  --format json|csv  output format (default json)
  --workers N        worker threads (default: one per core)
  --help             this text

Parameters and their ranges: see docs/MODEL.md section 5 or the app's model page.`;

/**
 * Runs the parsed request on a Node worker pool and returns the report: a sweep's when
 * `--sweep` was given, else the scenario's (compared with the baseline, if any).
 */
export async function runCli(options: CliOptions): Promise<RunReport | SweepReport> {
  const { createNodePool } = await import('../run/node');
  const pool = createNodePool({
    // A sweep compares every point with one baseline: keep its replications at hand.
    cacheScenarios: options.sweeps.length > 0 ? 2 : 0,
    ...(options.workers !== undefined ? { size: options.workers } : {}),
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

async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`gigsim sim: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const report = await runCli(options);
    process.stdout.write(formatReport(report, options.format));
    return 0;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    process.stderr.write(`gigsim sim: the simulation failed: ${why}\n`);
    return 1;
  }
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
      process.stderr.write(
        `gigsim sim: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}

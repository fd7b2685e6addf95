/**
 * The headless runner: `npm run -s sim -- [options]`. Runs a scenario's replications on every
 * core (worker threads) and prints, for each metric, the mean and 95% interval over the
 * short run, the long run and the whole horizon, plus the weekly series; with a baseline,
 * the baseline's values and the paired difference (same seeds) with its interval. With
 * `--sweep` (once or twice), the same comparison at every point of a sweep or a grid.
 *
 * Bad input (an unknown flag, a missing or malformed file, an invalid value) prints one line
 * on stderr and exits with code 2, printing nothing else.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { PARAM_BY_ID } from '../model/params';
import { comparisonReport, reportCsv, summaryReport, type RunReport } from '../model/report';
import { sweepCsv, sweepReport, type SweepReport } from '../model/sweep-report';
import { parseSweep, type SweepAxis } from '../model/sweep';
import {
  SETTINGS,
  checkSetting,
  defaultScenario,
  parseScenario,
  withParams,
  type Parsed,
  type Scenario,
  type SettingId,
} from '../model/scenario';
import type { SimulationPool } from '../run/simulation-pool';

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

Parameters and their ranges: see docs/MODEL-NOTES.md or the app's model page.`;

export interface CliOptions {
  scenario: Scenario;
  baseline?: Scenario;
  format: 'json' | 'csv';
  /** One axis: a sweep; two: a grid (the first outermost). */
  sweeps: SweepAxis[];
  workers?: number;
  help: boolean;
}

/** Bad input: the message is the one line printed. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function unwrap<T>(r: Parsed<T>, context: string): T {
  if (!r.ok) throw new UsageError(`${context}: ${r.error}`);
  return r.value;
}

function readScenarioFile(path: string, flag: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code;
    throw new UsageError(`${flag} ${path}: cannot read the file (${why ?? 'unknown error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${flag} ${path}: not valid JSON (${why})`);
  }
  return unwrap(parseScenario(json), `${flag} ${path}`);
}

/** Reads a `--set` value by the parameter's kind: numbers as numbers, booleans as true/false. */
function setValue(id: string, text: string): unknown {
  const def = PARAM_BY_ID.get(id);
  if (!def) return text; // withParams names the unknown parameter
  if (def.kind === 'boolean') {
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    return text;
  }
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
}

function settingValue(id: SettingId, flag: string, text: string): number {
  const trimmed = text.trim();
  const value = trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
  return unwrap(checkSetting(id, value), flag);
}

/** Parses the runner's arguments (without `node` and the script). Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliOptions {
  let scenarioFile: string | undefined;
  let baselineFile: string | undefined;
  const sets: [string, string][] = [];
  const settings: Partial<Record<SettingId, number>> = {};
  let format: 'json' | 'csv' = 'json';
  const sweeps: SweepAxis[] = [];
  let workers: number | undefined;
  let help = false;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[k + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(`${flag} needs a value`);
      }
      k++;
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        help = true;
        break;
      case '--scenario':
        scenarioFile = value();
        break;
      case '--baseline':
        baselineFile = value();
        break;
      case '--set': {
        const v = value();
        const at = v.indexOf('=');
        if (at <= 0) throw new UsageError(`--set ${v}: expected ID=VALUE, e.g. payPerHour=24`);
        sets.push([v.slice(0, at), v.slice(at + 1)]);
        break;
      }
      case '--seed':
        settings.seed = settingValue('seed', flag, value());
        break;
      case '--reps':
        settings.replications = settingValue('replications', flag, value());
        break;
      case '--weeks':
        settings.weeks = settingValue('weeks', flag, value());
        break;
      case '--sweep': {
        const v = value();
        const axis = unwrap(parseSweep(v), `--sweep ${v}`);
        if (sweeps.some((a) => a.id === axis.id)) {
          throw new UsageError(
            `--sweep ${v}: "${axis.id}" is already swept; a grid needs two different parameters`,
          );
        }
        if (sweeps.length === 2) {
          throw new UsageError(
            `--sweep ${v}: at most two --sweep flags (one: a sweep, two: a grid)`,
          );
        }
        sweeps.push(axis);
        break;
      }
      case '--format': {
        const v = value();
        if (v !== 'json' && v !== 'csv') {
          throw new UsageError(`--format ${v}: expected json or csv`);
        }
        format = v;
        break;
      }
      case '--workers': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 64) {
          throw new UsageError(`--workers ${v}: expected a whole number from 1 to 64`);
        }
        workers = n;
        break;
      }
      default:
        throw new UsageError(
          arg.startsWith('-')
            ? `unknown option ${flag} (see --help)`
            : `unexpected argument ${JSON.stringify(arg)} (options start with --, see --help)`,
        );
    }
  }

  let scenario = scenarioFile ? readScenarioFile(scenarioFile, '--scenario') : defaultScenario();
  for (const [id, text] of sets) {
    scenario = unwrap(withParams(scenario, { [id]: setValue(id, text) }), `--set ${id}=${text}`);
  }
  scenario = { ...scenario, ...settings };
  let baseline: Scenario | undefined;
  if (baselineFile) {
    const b = readScenarioFile(baselineFile, '--baseline');
    baseline = {
      ...b,
      seed: scenario.seed,
      weeks: scenario.weeks,
      replications: scenario.replications,
    };
  }
  return {
    scenario,
    ...(baseline ? { baseline } : {}),
    format,
    sweeps,
    ...(workers !== undefined ? { workers } : {}),
    help,
  };
}

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
  const { grid, poolRunner, sweep } = await import('../run/explorer');
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

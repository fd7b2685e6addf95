/**
 * The runner's calibration (issue 17): `--calibrate history.csv [--fit a,b,c] [--holdout 4]`
 * fits the station's constants to its weekly history on the worker threads and prints the
 * result as JSON (or, with `--table`, as a table), and with `--save-baseline FILE` writes the
 * fitted station with its fit as a scenario file for `--baseline`; `--make-history` prints a history the engine
 * makes from the station as given (the shipped example is `--make-history` at the defaults).
 * The other flags (`--scenario`, `--set`, `--seed`, `--reps`, `--weeks`, `--workers`) keep
 * their meaning: the station the fit starts from, the seed and the replications per evaluation.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  DEFAULT_FIT,
  DEFAULT_FIT_REPS,
  DEFAULT_HOLDOUT,
  FITTABLE_IDS,
  type CalibrationResult,
} from '../model/calibration';
import { fittedBaseline } from '../model/fitted-baseline';
import { PARAM_BY_ID } from '../model/params';
import { scenarioToJson, type Scenario } from '../model/scenario';
import {
  MAX_HISTORY_BYTES,
  historyToCsv,
  parseHistory,
  type StationHistory,
} from '../model/station-history';
import { UsageError, arg } from './flags';
import { parseArgs, readBounded } from './options';

export interface CalibrationFlags {
  file?: string;
  makeHistory: boolean;
  fit: string[];
  holdout: number;
  table: boolean;
  /** Where to write the fitted station as a scenario file with its fit (`--save-baseline`). */
  saveBaseline?: string;
  rest: string[];
}

/** Whether the arguments ask for a calibration or a made history. */
export function isCalibration(argv: readonly string[]): boolean {
  return argv.some(
    (a) => a === '--make-history' || a === '--calibrate' || a.startsWith('--calibrate='),
  );
}

/** Splits off the calibration's own flags; the rest go to the runner's parser. */
export function readCalibrationFlags(argv: readonly string[]): CalibrationFlags {
  const out: CalibrationFlags = {
    makeHistory: false,
    fit: [...DEFAULT_FIT],
    holdout: DEFAULT_HOLDOUT,
    table: false,
    rest: [],
  };
  for (let k = 0; k < argv.length; k++) {
    const [flag, inline] =
      argv[k].startsWith('--') && argv[k].includes('=')
        ? [argv[k].slice(0, argv[k].indexOf('=')), argv[k].slice(argv[k].indexOf('=') + 1)]
        : [argv[k], undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[k + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`${flag} needs a value`);
      k++;
      return next;
    };
    if (flag === '--calibrate') out.file = value();
    else if (flag === '--make-history') out.makeHistory = true;
    else if (flag === '--table') out.table = true;
    else if (flag === '--save-baseline') out.saveBaseline = value();
    else if (flag === '--fit') out.fit = readFit(value());
    else if (flag === '--holdout') out.holdout = readHoldout(value());
    else out.rest.push(argv[k]);
  }
  if (out.makeHistory && out.file !== undefined)
    throw new UsageError('--make-history and --calibrate go one at a time');
  return out;
}

function readFit(v: string): string[] {
  const ids = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = ids.find((id) => !FITTABLE_IDS.includes(id));
  if (bad !== undefined)
    throw new UsageError(
      `--fit ${arg(bad)}: not a constant that can be fitted (${FITTABLE_IDS.join(', ')})`,
    );
  if (ids.length === 0) throw new UsageError('--fit needs at least one constant');
  return ids;
}

function readHoldout(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 52)
    throw new UsageError(`--holdout ${arg(v)}: expected a whole number of weeks, 0 to 52`);
  return n;
}

/** Reads and checks a history file; its messages, each naming row and column, on failure. */
export function readHistoryFile(path: string): StationHistory {
  const where = `--calibrate ${arg(path)}`;
  const parsed = parseHistory(readBounded(path, where, MAX_HISTORY_BYTES));
  if (!parsed.ok) throw new UsageError(`${where}: ${parsed.errors.join(' ')}`);
  return parsed.value;
}

export interface CalibrationIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Says what is wrong on one line; the exit code of bad input. */
function failWith(io: CalibrationIo, message: string): number {
  io.stderr(`gigsim sim: ${message.replace(/\s+/g, ' ')}\n`);
  return 2;
}

/** Writes the fitted station with its fit as a scenario file (`--save-baseline`). */
function saveBaseline(path: string, fitted: Scenario, io: CalibrationIo): void {
  writeFileSync(path, `${JSON.stringify(scenarioToJson(fitted), null, 2)}\n`);
  io.stderr(
    `gigsim sim: the fitted station, with its fit, is in ${path}: run with --baseline ${path} to compare over the fit.\n`,
  );
}

/** The calibration's command line; returns the exit code (2 for bad input). */
export async function calibrationMain(argv: readonly string[], io: CalibrationIo): Promise<number> {
  const fail = (message: string): number => failWith(io, message);
  try {
    const flags = readCalibrationFlags(argv);
    const options = parseArgs(flags.rest);
    if (flags.makeHistory) {
      const { syntheticHistory } = await import('../run/calib-synthetic');
      io.stdout(
        historyToCsv(
          syntheticHistory(options.scenario.params, options.scenario.weeks, options.scenario.seed),
        ),
      );
      return 0;
    }
    const history = readHistoryFile(flags.file ?? '');
    const repsGiven = flags.rest.some((a) => a === '--reps' || a.startsWith('--reps='));
    const [{ calibrate, checkRequest }, { createNodePool }] = await Promise.all([
      import('../run/calibrate'),
      import('../run/node'),
    ]);
    const request = {
      history,
      fit: flags.fit,
      holdout: flags.holdout,
      replications: repsGiven ? options.scenario.replications : DEFAULT_FIT_REPS,
      seed: options.scenario.seed,
      params: options.scenario.params,
    };
    const problem = checkRequest(request);
    if (problem) return fail(`--calibrate: ${problem}`);
    const pool = createNodePool({
      cacheScenarios: 4,
      size: Math.min(options.workers ?? availableParallelism(), request.replications),
    });
    try {
      const { poolHistoryRunner } = await import('../run/calibrate');
      const t0 = performance.now();
      const result = await calibrate(request, poolHistoryRunner(pool), (p) => {
        if (options.verbose)
          io.stderr(`gigsim sim: evaluation ${p.evaluations} (about ${p.expected})\n`);
      });
      const seconds = (performance.now() - t0) / 1000;
      if (flags.saveBaseline !== undefined)
        saveBaseline(flags.saveBaseline, fittedBaseline(options.scenario, result), io);
      io.stdout(
        flags.table
          ? calibrationTable(result, seconds)
          : `${JSON.stringify({ gigsim: 'calibration', seconds: Number(seconds.toFixed(1)), ...result }, null, 2)}\n`,
      );
      return 0;
    } finally {
      pool.close();
    }
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    if (error instanceof RangeError) return fail(`--calibrate: ${error.message}`);
    throw error;
  }
}

const fmt = (v: number): string =>
  Number.isFinite(v)
    ? Math.abs(v) >= 100
      ? v.toFixed(0)
      : Number(v.toPrecision(3)).toString()
    : '–';

/** The result as a plain-text table: the constants, the statistics and the hold-out check. */
export function calibrationTable(r: CalibrationResult, seconds: number): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const lines = [
    `Calibration: ${r.constants.length} constants, ${r.fitWeeks} weeks fitted, ${r.replications} replications an evaluation, ${r.evaluations} evaluations, ${seconds.toFixed(1)} s`,
    '',
  ];
  lines.push(`${pad('constant', 30)}${pad('start', 10)}${pad('fitted', 10)}90% interval`);
  for (const c of r.constants) {
    const label = PARAM_BY_ID.get(c.id)?.label ?? c.id;
    lines.push(
      `${pad(label, 30)}${pad(fmt(c.start), 10)}${pad(fmt(c.value), 10)}${fmt(c.low)} – ${fmt(c.high)}${c.identified ? '' : `   NOT IDENTIFIED: ${c.warning}`}`,
    );
  }
  lines.push(
    '',
    `${pad('statistic', 18)}${pad('observed', 12)}${pad('start', 12)}${pad('fitted', 12)}sd`,
  );
  for (const m of r.moments)
    lines.push(
      `${pad(m.column, 18)}${pad(fmt(m.observed), 12)}${pad(fmt(m.start), 12)}${pad(fmt(m.fitted), 12)}${fmt(m.sd)}`,
    );
  if (r.holdout.length > 0) {
    lines.push(
      '',
      `Hold-out, weeks ${r.holdoutWeeks[0]}–${r.holdoutWeeks[r.holdoutWeeks.length - 1]}: forecast error of the mean`,
    );
    for (const s of r.holdout)
      lines.push(
        `${pad(s.column, 18)}${Number.isFinite(s.error) ? `${(100 * s.error).toFixed(1)}%` : '–'}`,
      );
  }
  for (const w of r.warnings) lines.push('', `Warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The runner's command line read flag by flag into what it asks for: the scenario files named,
 * the parameters set, the settings (seed, replications, weeks), the sweeps, the output format,
 * the worker count and help. Reads no file, so it is pure; options.ts turns the flags into the
 * scenarios to run. Bad input throws UsageError, whose message is the one line printed.
 */
import { checkSetting, type Parsed, type SettingId } from '../model/scenario';
import { parseSweep, type SweepAxis } from '../model/sweep';

/** Bad input: the message is the one line printed. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The value of a parse that succeeded, else a UsageError naming `context` and why. */
export function unwrap<T>(r: Parsed<T>, context: string): T {
  if (!r.ok) throw new UsageError(`${context}: ${r.error}`);
  return r.value;
}

/** What the command line asks for, before any file is read. */
export interface CliFlags {
  /** `--scenario FILE`. */
  scenarioFile?: string;
  /** `--baseline FILE`. */
  baselineFile?: string;
  /** `--set ID=VALUE` pairs in the order given, the value as typed. */
  sets: [string, string][];
  /** `--seed`, `--reps` and `--weeks`, checked against their ranges. */
  settings: Partial<Record<SettingId, number>>;
  format: 'json' | 'csv';
  /** One axis: a sweep; two: a grid (the first outermost). */
  sweeps: SweepAxis[];
  workers?: number;
  help: boolean;
}

/** The settings flags and the setting each one sets. */
const SETTING_FLAGS: ReadonlyMap<string, SettingId> = new Map([
  ['--seed', 'seed'],
  ['--reps', 'replications'],
  ['--weeks', 'weeks'],
]);

/** Reads the runner's arguments (without `node` and the script). Throws UsageError. */
export function readFlags(argv: readonly string[]): CliFlags {
  const flags: CliFlags = { sets: [], settings: {}, format: 'json', sweeps: [], help: false };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    const { flag, inline } = splitFlag(arg);
    // The flag's value: after its `=`, else the next argument (which then is not a flag).
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[k + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(`${flag} needs a value`);
      }
      k++;
      return next;
    };
    readFlag(flags, arg, flag, value);
  }
  return flags;
}

/** An argument's flag and, in the `--flag=value` form, its value. */
export function splitFlag(arg: string): { flag: string; inline: string | undefined } {
  const eq = arg.indexOf('=');
  const inline = arg.startsWith('--') && eq > 0;
  return { flag: inline ? arg.slice(0, eq) : arg, inline: inline ? arg.slice(eq + 1) : undefined };
}

/** Records one flag in `flags`, taking its value from `value` where it has one. */
function readFlag(flags: CliFlags, arg: string, flag: string, value: () => string): void {
  const setting = SETTING_FLAGS.get(flag);
  if (setting) {
    flags.settings[setting] = readSetting(setting, flag, value());
    return;
  }
  switch (flag) {
    case '--help':
    case '-h':
      flags.help = true;
      return;
    case '--scenario':
      flags.scenarioFile = value();
      return;
    case '--baseline':
      flags.baselineFile = value();
      return;
    case '--set':
      flags.sets.push(readSet(value()));
      return;
    case '--sweep':
      flags.sweeps.push(readSweep(value(), flags.sweeps));
      return;
    case '--format':
      flags.format = readFormat(value());
      return;
    case '--workers':
      flags.workers = readWorkers(value());
      return;
    default:
      throw new UsageError(
        arg.startsWith('-')
          ? `unknown option ${flag} (see --help)`
          : `unexpected argument ${JSON.stringify(arg)} (options start with --, see --help)`,
      );
  }
}

/** A `--seed`, `--reps` or `--weeks` value, checked against the setting's range. */
export function readSetting(id: SettingId, flag: string, text: string): number {
  const trimmed = text.trim();
  const value = trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
  return unwrap(checkSetting(id, value), flag);
}

/** A `--set` value split into the parameter's id and the value as typed. */
export function readSet(v: string): [string, string] {
  const at = v.indexOf('=');
  if (at <= 0) throw new UsageError(`--set ${v}: expected ID=VALUE, e.g. payPerHour=24`);
  return [v.slice(0, at), v.slice(at + 1)];
}

/** A `--sweep` axis, which must differ from the ones already given (at most two). */
export function readSweep(v: string, before: readonly SweepAxis[]): SweepAxis {
  const axis = unwrap(parseSweep(v), `--sweep ${v}`);
  if (before.some((a) => a.id === axis.id)) {
    throw new UsageError(
      `--sweep ${v}: "${axis.id}" is already swept; a grid needs two different parameters`,
    );
  }
  if (before.length === 2) {
    throw new UsageError(`--sweep ${v}: at most two --sweep flags (one: a sweep, two: a grid)`);
  }
  return axis;
}

/** The `--format` value: json or csv. */
export function readFormat(v: string): 'json' | 'csv' {
  if (v !== 'json' && v !== 'csv') throw new UsageError(`--format ${v}: expected json or csv`);
  return v;
}

/** The `--workers` value: a whole number from 1 to 64. */
export function readWorkers(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new UsageError(`--workers ${v}: expected a whole number from 1 to 64`);
  }
  return n;
}

/**
 * The runner's command line read flag by flag into what it asks for: the scenario files named,
 * the parameters set, the settings (seed, replications, weeks), the sweeps, the output format,
 * the worker count and help. Reads no file, so it is pure; options.ts turns the flags into the
 * scenarios to run. Bad input throws UsageError, whose message is the one line printed.
 */
import { excerpt, parseDecimal } from '../model/input-text';
import { checkSetting, type Parsed, type SettingId } from '../model/scenario';
import { parseSweep, type SweepAxis } from '../model/sweep';
import { LAB_FLAGS, readLabFlag, type LabFlags } from './lab-flags';
import { DESIGN_ONCE, readDesignFlag, type DesignFlags } from './design-flags';

/** Bad input: the message is the one line printed. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An argument as a message quotes it: printable, at most 60 characters. */
export function arg(text: string): string {
  return excerpt(text);
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
  format: 'json' | 'csv' | 'table';
  /** One axis: a sweep; two: a grid (the first outermost). */
  sweeps: SweepAxis[];
  workers?: number;
  /** `--force`: run even over the time or memory budget. */
  force: boolean;
  /** `--verbose`: say the run's estimate on stderr before it runs. */
  verbose: boolean;
  help: boolean;
  /** The experiment lab's flags (src/cli/lab-flags.ts); `designs` set: run the lab. */
  lab: LabFlags;
  /** The design flags (design-flags.ts). */
  design: DesignFlags;
}

/** The settings flags and the setting each one sets. */
const SETTING_FLAGS: ReadonlyMap<string, SettingId> = new Map([
  ['--seed', 'seed'],
  ['--reps', 'replications'],
  ['--weeks', 'weeks'],
]);

/** Reads the runner's arguments (without `node` and the script). Throws UsageError. */
export function readFlags(argv: readonly string[]): CliFlags {
  const flags: CliFlags = {
    sets: [],
    settings: {},
    format: 'json',
    sweeps: [],
    force: false,
    verbose: false,
    help: false,
    lab: {},
    design: { factors: [] },
  };
  // One rule for repeats: a flag that takes one value is given once (`--set` once per
  // parameter, `--sweep` once per parameter), as a link or a file names a key once.
  const seen = new Set<string>();
  for (let k = 0; k < argv.length; k++) {
    const text = argv[k];
    const { flag, inline } = splitFlag(text);
    if (ONCE.has(flag) || DESIGN_ONCE.includes(flag)) {
      if (seen.has(flag)) throw new UsageError(`${flag} is given more than once`);
      seen.add(flag);
    }
    if (SWITCHES.has(flag) && inline !== undefined) {
      throw new UsageError(`${flag} takes no value, got ${arg(text)}`);
    }
    // The flag's value: after its `=`, else the next argument (which then is not a flag).
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[k + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(`${arg(flag)} needs a value`);
      }
      k++;
      return next;
    };
    readFlag(flags, text, flag, value);
  }
  return flags;
}

/** An argument's flag and, in the `--flag=value` form, its value. */
export function splitFlag(arg: string): { flag: string; inline: string | undefined } {
  const eq = arg.indexOf('=');
  const inline = arg.startsWith('--') && eq > 0;
  return { flag: inline ? arg.slice(0, eq) : arg, inline: inline ? arg.slice(eq + 1) : undefined };
}

/** Flags that may be given once. */
const ONCE: ReadonlySet<string> = new Set([
  '--seed',
  '--reps',
  '--weeks',
  '--scenario',
  '--baseline',
  '--format',
  '--workers',
  '--force',
  '--verbose',
  ...LAB_FLAGS,
]);
/** Flags without a value. */
const SWITCHES: ReadonlySet<string> = new Set(['--help', '-h', '--force', '--verbose']);

/** Records one flag in `flags`, taking its value from `value` where it has one. */
function readFlag(flags: CliFlags, text: string, flag: string, value: () => string): void {
  const setting = SETTING_FLAGS.get(flag);
  if (setting) {
    flags.settings[setting] = readSetting(setting, flag, value());
    return;
  }
  if (readLabFlag(flags.lab, flag, value)) return;
  switch (flag) {
    case '--help':
    case '-h':
      flags.help = true;
      return;
    case '--force':
      flags.force = true;
      return;
    case '--verbose':
      flags.verbose = true;
      return;
    case '--scenario':
      flags.scenarioFile = value();
      return;
    case '--baseline':
      flags.baselineFile = value();
      return;
    case '--set': {
      const set = readSet(value());
      if (flags.sets.some(([id]) => id === set[0])) {
        throw new UsageError(`--set ${arg(set[0])} is given more than once`);
      }
      flags.sets.push(set);
      return;
    }
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
      if (readDesignFlag(flags.design, flag, value)) return;
      throw new UsageError(
        text.startsWith('-')
          ? `unknown option ${arg(flag)} (see --help)`
          : `unexpected argument "${arg(text)}" (options start with --, see --help)`,
      );
  }
}

/** A `--seed`, `--reps` or `--weeks` value, checked against the setting's range. */
export function readSetting(id: SettingId, flag: string, text: string): number {
  return unwrap(checkSetting(id, parseDecimal(text) ?? text), flag);
}

/** A `--set` value split into the parameter's id and the value as typed. */
export function readSet(v: string): [string, string] {
  const at = v.indexOf('=');
  if (at <= 0) throw new UsageError(`--set ${arg(v)}: expected ID=VALUE, e.g. payPerHour=24`);
  return [v.slice(0, at), v.slice(at + 1)];
}

/** A `--sweep` axis, which must differ from the ones already given (at most two). */
export function readSweep(v: string, before: readonly SweepAxis[]): SweepAxis {
  const axis = unwrap(parseSweep(v), `--sweep ${arg(v)}`);
  if (before.some((a) => a.id === axis.id)) {
    throw new UsageError(
      `--sweep ${arg(v)}: "${axis.id}" is already swept; a grid needs two different parameters`,
    );
  }
  if (before.length === 2) {
    throw new UsageError(
      `--sweep ${arg(v)}: at most two --sweep flags (one: a sweep, two: a grid)`,
    );
  }
  return axis;
}

/** The `--format` value: json or csv. */
export function readFormat(v: string): 'json' | 'csv' | 'table' {
  if (v !== 'json' && v !== 'csv' && v !== 'table') {
    throw new UsageError(`--format ${arg(v)}: expected json, csv or table (the lab's)`);
  }
  return v;
}

/** The `--workers` value: a whole number from 1 to 64 (at most one per job is started). */
export function readWorkers(v: string): number {
  const n = parseDecimal(v);
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 64) {
    throw new UsageError(`--workers ${arg(v)}: expected a whole number from 1 to 64`);
  }
  return n;
}

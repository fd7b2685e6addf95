/**
 * The runner's request: the flags read by flags.ts turned into what to run. Reads the
 * scenario and baseline files, applies `--set` in order and then the settings, and pairs the
 * baseline on the scenario's seed, weeks and replications. Bad input (a missing or malformed
 * file, an invalid value) throws UsageError.
 */
import { readFileSync } from 'node:fs';
import { PARAM_BY_ID } from '../model/params';
import { defaultScenario, parseScenario, withParams, type Scenario } from '../model/scenario';
import type { SweepAxis } from '../model/sweep';
import { UsageError, readFlags, unwrap, type CliFlags } from './flags';

export interface CliOptions {
  scenario: Scenario;
  baseline?: Scenario;
  format: 'json' | 'csv';
  /** One axis: a sweep; two: a grid (the first outermost). */
  sweeps: SweepAxis[];
  workers?: number;
  help: boolean;
}

/** Parses the runner's arguments (without `node` and the script). Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const flags = readFlags(argv);
  const scenario = scenarioOf(flags);
  const baseline = flags.baselineFile ? pairedBaseline(flags.baselineFile, scenario) : undefined;
  return {
    scenario,
    ...(baseline ? { baseline } : {}),
    format: flags.format,
    sweeps: flags.sweeps,
    ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
    help: flags.help,
  };
}

/** The scenario file (else the defaults), then each `--set` in order, then the settings. */
function scenarioOf(flags: CliFlags): Scenario {
  let scenario = flags.scenarioFile
    ? readScenarioFile(flags.scenarioFile, '--scenario')
    : defaultScenario();
  for (const [id, text] of flags.sets) {
    scenario = unwrap(withParams(scenario, { [id]: setValue(id, text) }), `--set ${id}=${text}`);
  }
  return { ...scenario, ...flags.settings };
}

/** The baseline file's scenario on the scenario's seed, weeks and replications, so runs pair. */
function pairedBaseline(path: string, scenario: Scenario): Scenario {
  const b = readScenarioFile(path, '--baseline');
  return {
    ...b,
    seed: scenario.seed,
    weeks: scenario.weeks,
    replications: scenario.replications,
  };
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

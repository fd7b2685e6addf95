/**
 * The runner's request: the flags read by flags.ts turned into what to run. Reads the
 * scenario and baseline files, applies `--set` in order and then the settings, and pairs the
 * baseline on the scenario's seed, weeks and replications. Bad input (a missing or malformed
 * file, an invalid value) throws UsageError.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_JSON_BYTES, parseDecimal, parseJson } from '../model/input-text';
import { PARAM_BY_ID } from '../model/params';
import { defaultScenario, parseScenario, withParams, type Scenario } from '../model/scenario';
import type { SweepAxis } from '../model/sweep';
import { METRICS } from '../model/metrics';
import { MORRIS_LEVELS, checkDesign, type DesignSpec } from '../run/design-plan';
import type { DesignFlags } from './design-flags';
import { UsageError, arg, readFlags, unwrap, type CliFlags } from './flags';
import type { LabFlags } from './lab-flags';

/** A design run: the design, and where its jobs run and its output goes. */
export interface DesignOptions {
  spec: DesignSpec;
  shard?: DesignFlags['shard'];
  out?: string;
  queue?: string;
}

export interface CliOptions {
  scenario: Scenario;
  baseline?: Scenario;
  format: 'json' | 'csv' | 'table';
  /** The experiment lab's flags; with designs, the run is a lab (src/cli/lab-cli.ts). */
  lab: LabFlags;
  /** One axis: a sweep; two: a grid (the first outermost). */
  sweeps: SweepAxis[];
  workers?: number;
  force: boolean;
  verbose: boolean;
  help: boolean;
  /** `--design`: a global sensitivity design instead of one run. */
  design?: DesignOptions;
}

/** Parses the runner's arguments (without `node` and the script). Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const flags = readFlags(argv);
  const scenario = scenarioOf(flags);
  const baseline = flags.baselineFile ? pairedBaseline(flags.baselineFile, scenario) : undefined;
  const design = designOf(flags, scenario, baseline);
  return {
    scenario,
    ...(design ? { design } : {}),
    ...(baseline ? { baseline } : {}),
    format: flags.format,
    lab: flags.lab,
    sweeps: flags.sweeps,
    ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
    force: flags.force,
    verbose: flags.verbose,
    help: flags.help,
  };
}

/** The scenario file (else the defaults), then each `--set` in order, then the settings. */
function scenarioOf(flags: CliFlags): Scenario {
  let scenario = flags.scenarioFile
    ? readScenarioFile(flags.scenarioFile, '--scenario')
    : defaultScenario();
  for (const [id, text] of flags.sets) {
    const change = withParams(scenario, { [id]: setValue(id, text) });
    scenario = unwrap(change, `--set ${arg(`${id}=${text}`)}`);
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
  const where = `${flag} ${arg(path)}`;
  const json = parseJson(readBounded(path, where));
  if (!json.ok) throw new UsageError(`${where}: ${json.error}`);
  return unwrap(parseScenario(json.value), where);
}

/**
 * A file's text, read in chunks and refused past MAX_JSON_BYTES: a larger regular file before
 * any of it is read, a device or a pipe (`/dev/zero`) as soon as it passes the bound.
 */
export function readBounded(path: string, where: string, max = MAX_JSON_BYTES): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new UsageError(`${where}: cannot read the file (${why(error)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UsageError(`${where}: cannot read the file (is a directory)`);
    const tooLarge = `${where}: the file is over ${max / 1024} KB, larger than a scenario can be`;
    if (stat.isFile() && stat.size > max) throw new UsageError(tooLarge);
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > max) throw new UsageError(tooLarge);
    }
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${where}: cannot read the file (${why(error)})`);
  } finally {
    closeSync(fd);
  }
}

/** A file error's reason, in words where it is a common one. */
function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return arg(code ?? (error instanceof Error ? error.message : 'unknown error'));
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
  return parseDecimal(text) ?? text;
}

/** The design the flags ask for, if any; design flags without `--design` are refused. */
function designOf(
  flags: CliFlags,
  scenario: Scenario,
  baseline: Scenario | undefined,
): DesignOptions | undefined {
  const d = flags.design;
  if (d.kind === undefined) {
    const stray = d.factors.length > 0 || d.n !== undefined || d.shard || d.queue || d.metrics;
    if (stray) throw new UsageError('--vary, --n, --metrics, --shard and --queue need --design');
    return undefined;
  }
  if (flags.sweeps.length > 0) throw new UsageError('--design and --sweep cannot be combined');
  if (d.n === undefined) throw new UsageError(`--design ${d.kind} needs --n (${N_MEANING})`);
  const spec: DesignSpec = {
    kind: d.kind,
    factors: d.factors,
    n: d.n,
    levels: d.levels ?? MORRIS_LEVELS,
    metrics: d.metrics ?? METRICS.map((m) => m.id),
    period: d.period ?? 'whole',
    scenario,
    baseline: baseline ?? scenario,
  };
  const refused = checkDesign(spec);
  if (refused !== undefined) throw new UsageError(`--design ${d.kind}: ${refused}`);
  if (d.shard && d.queue) throw new UsageError('--shard and --queue cannot be combined');
  return {
    spec,
    ...(d.shard ? { shard: d.shard } : {}),
    ...(d.out !== undefined ? { out: d.out } : {}),
    ...(d.queue !== undefined ? { queue: d.queue } : {}),
  };
}

const N_MEANING = 'sobol: base samples, morris: trajectories, lhs: points';

/**
 * The runner's design flags (`--design`, `--vary`, `--n`, `--levels`, `--metrics`,
 * `--period`, `--shard`, `--out`, `--queue`), read flag by flag like flags.ts. Pure: the
 * environment `--shard auto` reads is passed in. Bad input throws UsageError.
 */
import { parseDecimal } from '../model/input-text';
import { METRICS, METRIC_BY_ID, type MetricId } from '../model/metrics';
import { PARAM_BY_ID, type ParamId } from '../model/params';
import {
  DESIGN_KINDS,
  DESIGN_PERIODS,
  type DesignFactor,
  type DesignKind,
  type DesignPeriod,
} from '../run/design-plan';
import { UsageError, arg } from './flags';

/** What the design flags ask for, before the scenario is known. */
export interface DesignFlags {
  kind?: DesignKind;
  factors: DesignFactor[];
  n?: number;
  levels?: number;
  metrics?: MetricId[];
  period?: DesignPeriod;
  /** `--shard i/n` (1-based), or 'auto' (from the job array's environment). */
  shard?: { index: number; count: number } | 'auto';
  out?: string;
  queue?: string;
}

/** The design flags given at most once. */
export const DESIGN_ONCE = [
  '--design',
  '--n',
  '--levels',
  '--metrics',
  '--period',
  '--shard',
  '--out',
  '--queue',
];

/** Records a design flag; false when `flag` is not one. */
export function readDesignFlag(d: DesignFlags, flag: string, value: () => string): boolean {
  switch (flag) {
    case '--design': {
      const v = value();
      if (!(DESIGN_KINDS as readonly string[]).includes(v)) {
        throw new UsageError(`--design ${arg(v)}: expected ${DESIGN_KINDS.join(', ')}`);
      }
      d.kind = v as DesignKind;
      return true;
    }
    case '--vary':
      d.factors.push(readVary(value(), d.factors));
      return true;
    case '--n':
      d.n = wholeNumber('--n', value(), 2, 100_000);
      return true;
    case '--levels':
      d.levels = wholeNumber('--levels', value(), 2, 20);
      return true;
    case '--metrics':
      d.metrics = readMetrics(value());
      return true;
    case '--period': {
      const v = value();
      if (!(DESIGN_PERIODS as readonly string[]).includes(v)) {
        throw new UsageError(`--period ${arg(v)}: expected ${DESIGN_PERIODS.join(', ')}`);
      }
      d.period = v as DesignPeriod;
      return true;
    }
    case '--shard':
      d.shard = readShard(value());
      return true;
    case '--out':
      d.out = value();
      return true;
    case '--queue':
      d.queue = readQueueUrl(value());
      return true;
    default:
      return false;
  }
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = parseDecimal(text);
  if (n === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} ${arg(text)}: expected a whole number from ${min} to ${max}`);
  }
  return n;
}

/** A `--vary ID=FROM:TO` factor: a number parameter and a range within its bounds. */
export function readVary(text: string, before: readonly DesignFactor[]): DesignFactor {
  const where = `--vary ${arg(text)}`;
  const at = text.indexOf('=');
  const id = at > 0 ? text.slice(0, at).trim() : '';
  const def = PARAM_BY_ID.get(id);
  if (!def) {
    throw new UsageError(
      at > 0
        ? `${where}: unknown parameter "${arg(id)}"`
        : `${where}: expected ID=FROM:TO, e.g. payPerHour=16:30`,
    );
  }
  if (def.kind === 'boolean') {
    throw new UsageError(`${where}: "${id}" is true or false; a design varies number parameters`);
  }
  const parts = text.slice(at + 1).split(':');
  const [from, to] = parts.map((p) => parseDecimal(p) ?? Number.NaN);
  if (parts.length !== 2 || !Number.isFinite(from) || !Number.isFinite(to)) {
    throw new UsageError(`${where}: expected ID=FROM:TO, e.g. payPerHour=16:30`);
  }
  for (const v of [from, to]) {
    if (v < def.min || v > def.max) {
      throw new UsageError(`${where}: ${v} is outside ${def.id}'s range ${def.min} to ${def.max}`);
    }
  }
  if (!(to > from)) throw new UsageError(`${where}: FROM must be below TO`);
  if (before.some((f) => f.id === id)) throw new UsageError(`${where}: "${id}" is varied twice`);
  return { id: def.id as ParamId, from, to };
}

/** `--metrics a,b,c`: metric ids, each known, none twice; `all` for every metric. */
export function readMetrics(text: string): MetricId[] {
  if (text.trim() === 'all') return METRICS.map((m) => m.id);
  const ids = text.split(',').map((t) => t.trim());
  const out: MetricId[] = [];
  for (const id of ids) {
    if (!METRIC_BY_ID.has(id)) {
      throw new UsageError(`--metrics: unknown metric "${arg(id)}" (see docs/MODEL.md section 7)`);
    }
    if (out.includes(id as MetricId)) throw new UsageError(`--metrics: "${id}" is named twice`);
    out.push(id as MetricId);
  }
  return out;
}

/** `--shard i/n` (1 ≤ i ≤ n ≤ 100000) or `--shard auto`. */
export function readShard(text: string): DesignFlags['shard'] {
  if (text === 'auto') return 'auto';
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count || count > 100_000) {
    throw new UsageError(`--shard ${arg(text)}: expected i/n with 1 ≤ i ≤ n, e.g. 2/3, or auto`);
  }
  return { index, count };
}

/** `--queue redis://HOST:PORT[/DB]`. */
export function readQueueUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--queue ${arg(text)}: expected redis://HOST:PORT`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new UsageError(`--queue ${arg(text)}: expected redis://HOST:PORT`);
  }
  return text;
}

/**
 * The shard of a job array's task, for `--shard auto`. A Kubernetes Indexed Job sets
 * JOB_COMPLETION_INDEX (0-based) but not the number of completions, which the manifest passes
 * as GIGSIM_SHARDS; a Slurm job array sets SLURM_ARRAY_TASK_ID (counted from
 * SLURM_ARRAY_TASK_MIN) and SLURM_ARRAY_TASK_COUNT (GIGSIM_SHARDS overrides it).
 */
export function autoShard(env: Readonly<Record<string, string | undefined>>): {
  index: number;
  count: number;
} {
  const int = (name: string): number | undefined => {
    const v = env[name];
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const k8s = int('JOB_COMPLETION_INDEX');
  const slurm = int('SLURM_ARRAY_TASK_ID');
  let index: number | undefined;
  let count: number | undefined;
  if (k8s !== undefined) {
    index = k8s + 1;
    count = int('GIGSIM_SHARDS');
  } else if (slurm !== undefined) {
    index = slurm - (int('SLURM_ARRAY_TASK_MIN') ?? 0) + 1;
    count = int('GIGSIM_SHARDS') ?? int('SLURM_ARRAY_TASK_COUNT');
  }
  if (index === undefined || count === undefined) {
    throw new UsageError(
      '--shard auto: set JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID ' +
        '(Slurm array), and the number of shards (GIGSIM_SHARDS, or SLURM_ARRAY_TASK_COUNT)',
    );
  }
  if (index < 1 || index > count) {
    throw new UsageError(`--shard auto: task ${index} of ${count} is out of range`);
  }
  return { index, count };
}

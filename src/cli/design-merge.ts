/**
 * `npm run sim -- merge shard*.json [--format json|csv] [--out FILE]`: the shards of one
 * design combined into its report, the same to the last byte as the design run in one
 * process. Refuses, naming the files, shards of different designs or splits, a shard missing
 * or given twice, and a shard whose results do not cover its share of the jobs exactly.
 */
import { readFileSync } from 'node:fs';
import type { ReplicationResult } from '../model/results';
import { designReport, type DesignReport } from '../run/design-report';
import { planDesign, shardRange } from '../run/design-plan';
import { decodeResult, designHash, specFromJson, type ShardFile } from './design-files';
import { DESIGN_TABLE } from './design-run';
import { UsageError, arg, readFormat } from './flags';

export interface MergeRequest {
  files: string[];
  format: 'json' | 'csv' | 'table';
  out?: string;
}

/** Reads `merge`'s arguments (after the word merge). Throws UsageError. */
export function parseMerge(argv: readonly string[]): MergeRequest {
  const req: MergeRequest = { files: [], format: 'json' };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const value = () => {
      const v = argv[++k];
      if (v === undefined) throw new UsageError(`merge: ${a} needs a value`);
      return v;
    };
    if (a === '--format') {
      req.format = readFormat(value());
      if (req.format === 'table') throw new UsageError(`merge: ${DESIGN_TABLE}`);
    } else if (a === '--out') req.out = value();
    else if (a.startsWith('--')) throw new UsageError(`merge: unknown option ${arg(a)}`);
    else req.files.push(a);
  }
  if (req.files.length === 0)
    throw new UsageError('merge: name the shard files, e.g. merge shard-*.json');
  return req;
}

function readShard(path: string): ShardFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `merge: cannot read ${arg(path)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let json: ShardFile;
  try {
    json = JSON.parse(text) as ShardFile;
  } catch {
    throw new UsageError(`merge: ${arg(path)} is not JSON`);
  }
  if (json?.gigsim !== 'design-shard' || json.version !== 1) {
    throw new UsageError(`merge: ${arg(path)} is not a shard file (made by --shard i/n)`);
  }
  return json;
}

/** The shards combined: checked, then the design's report. Throws UsageError. */
export function mergeShards(files: readonly string[]): DesignReport {
  const shards = files.map((path) => ({ path, file: readShard(path) }));
  const first = shards[0];
  const count = first.file.shard.count;
  for (const s of shards) {
    if (s.file.hash !== first.file.hash) {
      throw new UsageError(
        `merge: ${arg(s.path)} is of another design (${s.file.hash}) than ${arg(first.path)} (${first.file.hash})`,
      );
    }
    if (s.file.shard.count !== count) {
      throw new UsageError(
        `merge: ${arg(s.path)} is shard ${s.file.shard.index}/${s.file.shard.count}, but ${arg(first.path)} is of ${count} shards`,
      );
    }
  }
  checkComplete(shards, count);
  let spec;
  try {
    spec = specFromJson(first.file.design);
  } catch (error) {
    throw new UsageError(`merge: ${arg(first.path)}: ${(error as Error).message}`);
  }
  if (designHash(spec) !== first.file.hash) {
    throw new UsageError(`merge: ${arg(first.path)}: its design does not match its hash`);
  }
  const plan = planDesign(spec);
  const results = new Map<number, ReplicationResult>();
  for (const s of shards) {
    const { start, end } = shardRange(plan.jobs, s.file.shard.index, count);
    const jobs = new Set<number>();
    for (const { job, result } of s.file.results) {
      if (job < start || job >= end || jobs.has(job)) {
        throw new UsageError(
          `merge: ${arg(s.path)} holds job ${job}, not once in its share ${start}–${end - 1}`,
        );
      }
      jobs.add(job);
      results.set(job, decodeResult(result));
    }
    if (jobs.size !== end - start) {
      throw new UsageError(`merge: ${arg(s.path)} holds ${jobs.size} of its ${end - start} jobs`);
    }
  }
  return designReport(plan, results, first.file.hash);
}

/** Refuses a shard given twice or missing, naming them. */
function checkComplete(shards: readonly { path: string; file: ShardFile }[], count: number): void {
  const byIndex = new Map<number, string>();
  for (const s of shards) {
    const i = s.file.shard.index;
    const other = byIndex.get(i);
    if (other !== undefined) {
      throw new UsageError(
        `merge: shard ${i}/${count} is given twice (${arg(other)} and ${arg(s.path)})`,
      );
    }
    byIndex.set(i, s.path);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const list = missing
      .slice(0, 10)
      .map((i) => `${i}/${count}`)
      .join(', ');
    throw new UsageError(
      `merge: ${missing.length === 1 ? 'shard' : 'shards'} ${list}${missing.length > 10 ? ', …' : ''} ${missing.length === 1 ? 'is' : 'are'} missing (${shards.length} of ${count} given)`,
    );
  }
}

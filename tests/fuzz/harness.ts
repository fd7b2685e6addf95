/**
 * The fuzzing's harness: the runner run in-process (its `main`, the engine on an in-process
 * pool instead of threads), and the contract every way in must keep (issue 14):
 *
 * - the runner exits 0 with every number in its report finite and every share's mean in
 *   [0, 1], or 2 with exactly one printable line on stderr (and nothing on stdout);
 * - a parser (link, file, saved store, lever field) never throws, and its message is one
 *   printable, short line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../src/cli/sim';
import { METRICS } from '../../src/model/metrics';
import type { RunReport } from '../../src/model/report';
import { estimateRun } from '../../src/model/run-budget';
import type { SweepReport } from '../../src/model/sweep-report';
import { WorkerPool, type PoolWorker } from '../../src/run/pool';
import { SimulationPool, type ReplicationJob } from '../../src/run/simulation-pool';
import type { ReplicationResult } from '../../src/model/results';
import { WarmupCache, runReplication } from '../../src/sim/engine';
import { runCli, scenariosOf, type CliOptions } from '../../src/cli/sim';

/** One warm-up cache for every in-process run (a baseline's warm-up serves its scenarios). */
const cache = new WarmupCache(256 * 1024 * 1024);

/** The engine on the caller's thread, as a pool worker. */
function inlineWorker(): PoolWorker<ReplicationJob, ReplicationResult> {
  return {
    run: (job) => Promise.resolve(runReplication(job.scenario, job.replication, {}, cache)),
    interrupt: () => false,
    terminate: () => undefined,
  };
}

/**
 * Runs estimated at more active driver-days than this in all are not simulated here (counted
 * as skipped): 2 million in `npm run fuzz`, fewer in `npm test` to keep it quick.
 */
export const runLimit = { driverDays: 2_000_000 };

/** Thrown (and counted) for a valid run too large to simulate inside the fuzz. */
export const SKIPPED = 'fuzz: valid, too large to simulate here';

async function runInline(options: CliOptions): Promise<RunReport | SweepReport> {
  const e = estimateRun(options.scenario, 1, scenariosOf(options));
  const points = scenariosOf(options) * options.scenario.replications;
  if (e.activeDrivers * e.days * points > runLimit.driverDays) throw new Error(SKIPPED);
  return runCli(options, inlinePool);
}

/** Sizes of the pools asked of inlinePool (the threads the runner would start). */
export const poolSizes: number[] = [];

/** A pool that runs the engine on the caller's thread, one job at a time. */
export function inlinePool(o: { cacheScenarios: number; size: number }): SimulationPool {
  poolSizes.push(o.size);
  const workers = new WorkerPool(inlineWorker, { size: 1 });
  return new SimulationPool(workers, { cacheScenarios: o.cacheScenarios });
}

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  skipped: boolean;
}

/** The runner in-process on `argv`: its exit code and what it wrote. */
export async function runMain(argv: readonly string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    run: runInline,
    cores: 2,
  };
  const code = await main(argv, io);
  const skipped = code === 1 && stderr.includes(SKIPPED);
  return { code, stdout, stderr, skipped };
}

// Anything but a tab or the line's own newline that a terminal would act on or hide.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;

/** Why a message is not one short printable line, or undefined. */
export function lineProblem(message: string, max = 500): string | undefined {
  if (message.length === 0) return 'the message is empty';
  if (message.length > max) return `the message has ${message.length} characters`;
  const bad = UNPRINTABLE.exec(message);
  if (bad) return `the message holds U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`;
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(message)) {
    return 'the message holds a lone surrogate';
  }
  return undefined;
}

const SHARES = new Set(METRICS.filter((m) => m.unit.startsWith('share')).map((m) => m.id));

/** Why a report breaks the contract (a number not finite, a share outside [0, 1]), or undefined. */
export function reportProblem(report: unknown): string | undefined {
  const numbers: [string, unknown][] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'number') numbers.push([path, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    }
  };
  walk(report, '');
  for (const [path, v] of numbers) {
    if (!Number.isFinite(v)) return `${path} is ${String(v)}`;
  }
  const r = report as RunReport;
  for (const m of r.gigsim === 'results' ? r.metrics : []) {
    if (!SHARES.has(m.id as never)) continue;
    for (const side of [m.scenario, m.baseline]) {
      if (!side) continue;
      const means = [side.shortRun, side.longRun, side.peak, side.whole].map((i) => i.mean);
      for (const x of [...means, ...side.weekly.mean]) {
        if (x !== null && (x < -1e-9 || x > 1 + 1e-9)) return `share ${m.id} has a mean of ${x}`;
      }
    }
  }
  return undefined;
}

/** Why a runner outcome breaks the contract, or undefined. */
export function outcomeProblem(o: Outcome, format: 'json' | 'csv' = 'json'): string | undefined {
  if (o.skipped) return undefined;
  if (o.code === 2) {
    if (o.stdout !== '') return 'exit 2 with output on stdout';
    if (!o.stderr.endsWith('\n') || o.stderr.indexOf('\n') !== o.stderr.length - 1) {
      return `exit 2 without exactly one line: ${JSON.stringify(o.stderr.slice(0, 200))}`;
    }
    const p = lineProblem(o.stderr.slice(0, -1));
    return p && `exit 2: ${p}: ${JSON.stringify(o.stderr.slice(0, 200))}`;
  }
  if (o.code !== 0) return `exit ${o.code}: ${JSON.stringify(o.stderr.slice(0, 300))}`;
  if (o.stdout === '') return 'exit 0 without output';
  if (format === 'csv' || o.stdout.startsWith('Usage:')) return undefined;
  return reportProblem(JSON.parse(o.stdout));
}

/** A scratch folder for the scenario files the fuzz writes. */
export const scratch = mkdtempSync(join(tmpdir(), 'gigsim-fuzz-'));
let files = 0;

/** Writes `content` to a fresh file in the scratch folder; returns its path. */
export function writeScratch(content: string | Buffer): string {
  const path = join(scratch, `f${files++}.json`);
  writeFileSync(path, content);
  return path;
}

/**
 * Engine speed against DESIGN.md's targets: one replication of the default station in under
 * 20 ms, and at least 10 million driver-days per second on a 20,000-driver metro, one core.
 *
 * The engine is measured as users run it: bundled by Vite like the app's production build
 * (the code the browser's workers run), and bundled by esbuild as the headless runner's worker
 * threads load it (src/run/node-bundle.ts). Figures: milliseconds per replication (median,
 * mean, fastest, 90th percentile) after a warm-up of the JIT, and for the metro run its
 * throughput in active driver-days per second (every driver active on a day is one driver-day
 * of work for the day loop).
 *
 * Wall time is what a user waits; on a shared machine it also counts time the process waited
 * for a core, so the metro's throughput is also given per second of the process's CPU time
 * (`process.cpuUsage`: the engine's thread plus V8's compiler and collector threads), which
 * load from other processes moves much less.
 *
 * Each path runs in processes of its own, as it does for users (a browser worker, the runner's
 * threads), three processes a path, and the summary gives the median process: the same code's
 * metro figure varied from 5.7 to 9.6 M driver-days/s between processes on a quiet machine
 * (the JIT's choices differ from one process to the next), so one process proves little.
 *
 * A replication starts from its warmed state (src/sim/warmup.ts): the figures per replication
 * are for weeks 1..N from a cached warmed state, as a lever change runs them; a cold run (the
 * first of a seed and replication, which also simulates the 26-week warm-up) is timed apart.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Scenario } from '../src/model/scenario';
import type * as direct from '../src/sim/engine';
import { nodeBundle } from '../src/run/node-bundle';
import { uniform } from '../src/sim/random';
import * as configs from './configs';

type Engine = Pick<typeof direct, 'runReplication' | 'WarmupCache'>;

/** The median as stats() gives it (the upper middle of an even count). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.5 * s.length))];
}

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  const mean = s.reduce((x, y) => x + y, 0) / s.length;
  return `median ${at(0.5).toFixed(1)} ms, mean ${mean.toFixed(1)}, fastest ${s[0].toFixed(1)}, p90 ${at(0.9).toFixed(1)} (${s.length} runs)`;
}

/** Runs from cached warmed states (replications 0..63, warmed before the clock starts). */
function time(engine: Engine, s: Scenario, warmup: number, runs: number) {
  const cache = new engine.WarmupCache(1024 * 1024 * 1024);
  for (let k = 0; k < warmup; k++) engine.runReplication(s, 1000 + k, {}, cache);
  for (let rep = 0; rep < Math.min(64, runs); rep++) engine.runReplication(s, rep, {}, cache);
  const ms: number[] = [];
  let cpuMs = 0;
  let driverDays = 0;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = engine.runReplication(s, k % 64, {}, cache);
    const c = process.cpuUsage(c0);
    ms.push(performance.now() - t0);
    cpuMs += (c.user + c.system) / 1000;
    for (let w = 0; w < r.weeks; w++) driverDays += r.pool[w] * 7;
  }
  const total = ms.reduce((x, y) => x + y, 0);
  return {
    ms,
    perSecond: (driverDays / total) * 1000,
    perCpuSecond: (driverDays / cpuMs) * 1000,
    perRun: driverDays / runs,
  };
}

/** Cold runs: the warm-up simulated too (no cache), as the first run of a replication is. */
function cold(engine: Engine, s: Scenario, runs: number): number[] {
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    engine.runReplication(s, 2000 + k, {}, new engine.WarmupCache(0));
    ms.push(performance.now() - t0);
  }
  return ms;
}

/**
 * The host's cost of reaching memory spread over many pages, in ns per access: a chase through
 * one 8-byte slot on each of 4,096 pages (16 MiB), in a shuffled order. A metro run's daily
 * passes touch about as many pages. On the shared virtual machine this bench was written on,
 * the same probe took about 9 ns in some processes and 17–22 ns in others, and the metro's
 * throughput fell by about a quarter in the same processes, as did a loop within the core's
 * own cache: the host shares the core with other work at some times and not at others, which
 * no code of ours decides (docs/ARCHITECTURE.md). Printed beside each process's
 * figure so that a slow one can be told apart from a slower engine.
 */
function pageProbe(): number {
  const pages = 4096;
  const a = new Int32Array(pages * 1024);
  const order = Array.from({ length: pages }, (_, k) => k);
  for (let k = pages - 1; k > 0; k--) {
    const j = Math.floor(uniform(7, k) * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  const slot = (p: number) => p * 1024 + ((p * 37) % 64) * 16; // a different line each page
  for (let k = 0; k < pages; k++) a[slot(order[k])] = slot(order[(k + 1) % pages]);
  const steps = 20_000_000;
  let at = slot(order[0]);
  const t0 = performance.now();
  for (let k = 0; k < steps; k++) at = a[at];
  const ns = ((performance.now() - t0) / steps) * 1e6;
  return at >= 0 ? ns : NaN;
}

function report(
  label: string,
  engine: Engine,
  station: Scenario,
  metro: Scenario,
): { station: number; metro: number; probe: number } {
  const s = time(engine, station, 30, 100);
  console.log(`  ${label}`);
  console.log(
    `    station (default scenario, 800 drivers, 26 weeks, from a cached warmed state): ${stats(s.ms)}`,
  );
  console.log(`    station, cold (with its 26-week warm-up): ${stats(cold(engine, station, 30))}`);
  const m = time(engine, metro, 1, 4);
  console.log(
    `    metro (20,000 drivers, 52 weeks, from a cached warmed state): ${stats(m.ms)}; ` +
      `${(m.perRun / 1e6).toFixed(2)} M driver-days per run, ${(m.perSecond / 1e6).toFixed(2)} M driver-days/s ` +
      `(${(m.perCpuSecond / 1e6).toFixed(2)} M per second of the process's CPU time)`,
  );
  console.log(`    metro, cold (with its 26-week warm-up): ${stats(cold(engine, metro, 2))}`);
  const probe = pageProbe();
  console.log(`    memory probe (a chase over 4,096 pages): ${probe.toFixed(1)} ns per access`);
  return { station: median(s.ms), metro: m.perSecond, probe };
}

/** Processes per path. */
const PROCESSES = 3;
const RESULT = 'engine-bench-result ';

/** This script again, in a child process of its own, measuring one path; its two medians. */
function child(args: string[]): { station: number; metro: number; probe: number } {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`the engine bench's child (${args.join(' ')}) failed`);
  const lines = r.stdout.split('\n');
  process.stdout.write(lines.filter((l) => !l.startsWith(RESULT)).join('\n'));
  const last = lines.find((l) => l.startsWith(RESULT));
  if (!last) throw new Error(`the engine bench's child (${args.join(' ')}) gave no result`);
  return JSON.parse(last.slice(RESULT.length)) as { station: number; metro: number; probe: number };
}

/** Runs one path in PROCESSES processes and prints the median process's figures. */
function path(label: string, args: string[]): void {
  const runs = Array.from({ length: PROCESSES }, () => child(args));
  const st = runs.map((r) => r.station);
  const me = runs.map((r) => r.metro / 1e6);
  console.log(
    `  ${label}, median of ${PROCESSES} processes: station ${median(st).toFixed(1)} ms ` +
      `(processes ${st.map((x) => x.toFixed(1)).join(', ')}); metro ${median(me).toFixed(2)} M ` +
      `driver-days/s (processes ${me.map((x) => x.toFixed(2)).join(', ')}; their memory ` +
      `probes ${runs.map((r) => r.probe.toFixed(1)).join(', ')} ns)\n`,
  );
}

async function main(): Promise<void> {
  const only = process.argv.indexOf('--only');
  if (only >= 0) {
    const which = process.argv[only + 1];
    let figures;
    if (which === 'runner') {
      const entry = nodeBundle(new URL('../src/sim/engine.ts', import.meta.url));
      const runner = (await import(entry.href)) as typeof direct;
      figures = report(
        "bundled by esbuild (as the headless runner's threads run it)",
        runner,
        configs.STATION,
        configs.METRO,
      );
    } else {
      const outDir = process.argv[only + 2];
      const bundled = (await import(join(outDir, 'engine.js'))) as typeof direct;
      const bundledConfigs = (await import(join(outDir, 'configs.js'))) as typeof configs;
      figures = report(
        'bundled by Vite (as the browser runs it)',
        bundled,
        bundledConfigs.STATION,
        bundledConfigs.METRO,
      );
    }
    console.log(`${RESULT}${JSON.stringify(figures)}`);
    return;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'gigsim-engine-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'error',
      build: {
        outDir,
        emptyOutDir: true,
        lib: {
          entry: {
            engine: fileURLToPath(new URL('../src/sim/engine.ts', import.meta.url)),
            configs: fileURLToPath(new URL('./configs.ts', import.meta.url)),
          },
          formats: ['es'],
        },
      },
    });
    console.log('engine, one replication on one core (each path in processes of its own):');
    path('bundled by Vite', ['--only', 'bundled', outDir]);
    path('bundled by esbuild, as the runner runs it', ['--only', 'runner']);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

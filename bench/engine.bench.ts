/**
 * Engine speed against DESIGN.md's targets: one replication of the default station in under
 * 20 ms, and at least 10 million driver-days per second on a 20,000-driver metro, one core.
 *
 * The engine is measured as users run it: bundled by Vite like the app's production build
 * (the code the browser's workers run), and as the headless runner's worker threads load it
 * (TypeScript through tsx, module by module). Figures: milliseconds per replication (median,
 * mean, fastest, 90th percentile) after a warm-up of the JIT, and for the metro run its
 * throughput in active driver-days per second (every driver active on a day is one driver-day
 * of work for the day loop).
 *
 * Wall time is what a user waits; on a shared machine it also counts time the process waited
 * for a core, so the metro's throughput is also given per second of the process's CPU time
 * (`process.cpuUsage`: the engine's thread plus V8's compiler and collector threads), which
 * load from other processes moves much less.
 *
 * A replication starts from its warmed state (src/sim/warmup.ts): the figures per replication
 * are for weeks 1..N from a cached warmed state, as a lever change runs them; a cold run (the
 * first of a seed and replication, which also simulates the 26-week warm-up) is timed apart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Scenario } from '../src/model/scenario';
import * as direct from '../src/sim/engine';
import * as configs from './configs';

type Engine = Pick<typeof direct, 'runReplication' | 'WarmupCache'>;

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

function report(label: string, engine: Engine, station: Scenario, metro: Scenario): void {
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
}

async function main(): Promise<void> {
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
    const bundled = (await import(join(outDir, 'engine.js'))) as typeof direct;
    const bundledConfigs = (await import(join(outDir, 'configs.js'))) as typeof configs;
    console.log('engine, one replication on one core:');
    report(
      'bundled by Vite (as the browser runs it)',
      bundled,
      bundledConfigs.STATION,
      bundledConfigs.METRO,
    );
    report('through tsx (as the headless runner runs it)', direct, configs.STATION, configs.METRO);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

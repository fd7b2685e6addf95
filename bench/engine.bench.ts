/**
 * Engine speed against DESIGN.md's targets: one replication of the default station in under
 * 20 ms, and at least 10 million driver-days per second on a 20,000-driver metro, one core.
 *
 * The engine is measured as users run it: bundled by Vite like the app's production build
 * (the code the browser's workers run), and as the headless runner's worker threads load it
 * (TypeScript through tsx, module by module). Figures: milliseconds per replication (median,
 * mean, fastest, 90th percentile) after a warm-up, and for the metro run its throughput in
 * active driver-days per second (every driver active on a day is one driver-day of work for
 * the day loop).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { ReplicationResult } from '../src/model/results';
import type { Scenario } from '../src/model/scenario';
import * as direct from '../src/sim/engine';
import * as configs from './configs';

type Run = (s: Scenario, rep: number) => ReplicationResult;

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  const mean = s.reduce((x, y) => x + y, 0) / s.length;
  return `median ${at(0.5).toFixed(1)} ms, mean ${mean.toFixed(1)}, fastest ${s[0].toFixed(1)}, p90 ${at(0.9).toFixed(1)} (${s.length} runs)`;
}

function time(run: Run, s: Scenario, warmup: number, runs: number) {
  for (let k = 0; k < warmup; k++) run(s, 1000 + k);
  const ms: number[] = [];
  let driverDays = 0;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const r = run(s, k % 64);
    ms.push(performance.now() - t0);
    for (let w = 0; w < r.weeks; w++) driverDays += r.pool[w] * 7;
  }
  const total = ms.reduce((x, y) => x + y, 0);
  return { ms, perSecond: (driverDays / total) * 1000, perRun: driverDays / runs };
}

function report(label: string, run: Run, station: Scenario, metro: Scenario): void {
  const s = time(run, station, 30, 100);
  console.log(`  ${label}`);
  console.log(`    station (default scenario, 800 drivers, 26 weeks): ${stats(s.ms)}`);
  const m = time(run, metro, 1, 4);
  console.log(
    `    metro (20,000 drivers, 52 weeks): ${stats(m.ms)}; ` +
      `${(m.perRun / 1e6).toFixed(2)} M driver-days per run, ${(m.perSecond / 1e6).toFixed(2)} M driver-days/s`,
  );
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
      bundled.runReplication,
      bundledConfigs.STATION,
      bundledConfigs.METRO,
    );
    report(
      'through tsx (as the headless runner runs it)',
      direct.runReplication,
      configs.STATION,
      configs.METRO,
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

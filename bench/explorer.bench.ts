/**
 * The explorer in the headless runner's setting (issue 6): a 10-point sweep of pay per hour
 * and a 6×6 grid of pay per hour × block length, both of the default scenario (about 800
 * drivers, 26 weeks) with 8 replications per point, on the Node pool with 2 workers, through
 * the same code the runner's `--sweep` uses (src/run/sweep-grid.ts over poolRunner).
 *
 * Every point compares the baseline with the point on the same seeds; the pool keeps the
 * baseline's replications (its result cache), so after the first point each point runs only
 * its own 8 replications. Printed: seconds per sweep and per grid (each run twice after a
 * warm-up, on a fresh cache each time) and points per second. The Chromium figures are part
 * of bench/interactive.bench.ts.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { SweepAxis } from '../src/model/sweep';
import { poolRunner } from '../src/run/explorer-runner';
import { grid, sweep } from '../src/run/sweep-grid';
import { createNodePool } from '../src/run/node';
import type { SimulationPool } from '../src/run/simulation-pool';
import { STATION } from './configs';

const WORKERS = 2;
const REPS = 8;
const RUNS = 2;
const BASELINE = { ...STATION, replications: REPS };
const PAY: SweepAxis = { id: 'payPerHour', from: 16, to: 34, steps: 10 };
const GRID_PAY: SweepAxis = { id: 'payPerHour', from: 17, to: 27, steps: 6 };
const GRID_BLOCK: SweepAxis = { id: 'blockHours', from: 2.5, to: 5, steps: 6 };

async function time(
  label: string,
  points: number,
  task: (pool: SimulationPool) => Promise<unknown>,
) {
  const seconds: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    // A fresh pool: nothing cached from the previous run.
    const pool = createNodePool({ size: WORKERS });
    try {
      const t0 = performance.now();
      await task(pool);
      seconds.push((performance.now() - t0) / 1000);
    } finally {
      pool.close();
    }
  }
  const best = Math.min(...seconds);
  const mean = seconds.reduce((a, b) => a + b, 0) / seconds.length;
  console.log(
    `  ${label}: ${mean.toFixed(2)} s (fastest ${best.toFixed(2)} s of ${seconds.length}), ` +
      `${(points / mean).toFixed(2)} points/s, ${((points * REPS) / mean).toFixed(1)} scenario replications/s`,
  );
}

async function main(): Promise<void> {
  console.log(
    `explorer on the Node pool (${WORKERS} workers), default scenario, ${REPS} replications per point:`,
  );
  // Warm-up: worker threads started, the engine compiled by tsx and the JIT.
  {
    const pool = createNodePool({ size: WORKERS });
    await sweep(poolRunner(pool), { ...BASELINE, weeks: 8 }, { ...PAY, steps: 3 });
    pool.close();
  }
  await time('10-point sweep of payPerHour (16–34 $/h)', 10, (pool) =>
    sweep(poolRunner(pool), BASELINE, PAY),
  );
  console.log(
    `  (machine: ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)})`,
  );
  await time('6×6 grid of payPerHour (17–27) × blockHours (2.5–5 h)', 36, (pool) =>
    grid(poolRunner(pool), BASELINE, GRID_PAY, GRID_BLOCK),
  );
  console.log(`  (load average afterwards ${loadavg()[0].toFixed(1)})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * Engine speed (DESIGN.md targets): one replication of the default station in under 20 ms,
 * and at least 10 million driver-days per second on a metro area, on one core.
 *
 * Vitest prints time per replication; the metro bench also prints its throughput in
 * driver-days per second, counting every driver who is active on a day (the work the day
 * loop does per driver), so figures compare across commits and machines.
 */
import { bench, describe } from 'vitest';
import { runReplication } from '../src/sim/engine';
import { METRO, STATION } from './configs';

/** Active driver-days of a run: the weekly active count × 7, summed. */
function activeDriverDays(pool: Float64Array, weeks: number): number {
  let days = 0;
  for (let w = 0; w < weeks; w++) days += pool[w] * 7;
  return days;
}

let stationRep = 0;
let metroRep = 0;
const metro = { ms: 0, driverDays: 0, runs: 0 };

describe('engine, one replication', () => {
  bench(
    'station: default scenario (800 drivers, 26 weeks)',
    () => {
      runReplication(STATION, stationRep++ % 64);
    },
    { time: 4000, warmupIterations: 10 },
  );

  bench(
    'metro: 20,000 drivers, 52 weeks',
    () => {
      const t0 = performance.now();
      const r = runReplication(METRO, metroRep++ % 8);
      metro.ms += performance.now() - t0;
      metro.driverDays += activeDriverDays(r.pool, r.weeks);
      metro.runs++;
    },
    {
      time: 0,
      iterations: 5,
      warmupIterations: 1,
      teardown: (_task, mode) => {
        if (mode !== 'run' || metro.runs === 0) return;
        const perSecond = (metro.driverDays / metro.ms) * 1000;
        console.log(
          `metro: ${(metro.driverDays / metro.runs / 1e6).toFixed(2)} M active driver-days per replication, ` +
            `${(metro.ms / metro.runs).toFixed(0)} ms each: ${(perSecond / 1e6).toFixed(2)} M driver-days/s ` +
            `(${metro.runs} runs, warm-up included)`,
        );
      },
    },
  );
});

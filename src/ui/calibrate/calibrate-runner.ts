/**
 * The calibration's runs in the app: on the app's worker pool, one evaluation (a scenario's
 * replications) at a time, stopped by an abort. The shell hands Calibrate mode this runner.
 */
import type { Scenario } from '../../model/scenario';
import type { SimulationPool } from '../../run/simulation-pool';

/** Simulates a scenario's replications and returns their weekly histories. */
export type HistoriesRunner = (scenario: Scenario, signal?: AbortSignal) => Promise<Float64Array[]>;

/** A runner over the pool the getter returns at the time of each call. */
export function historiesRunner(pool: () => SimulationPool | undefined): HistoriesRunner {
  return (scenario, signal) => {
    const p = pool();
    if (!p) return Promise.reject(new Error('the worker pool is not running'));
    return p.histories(scenario, { signal });
  };
}

/**
 * The runner the shell hands every mode: comparisons on the app's worker pool (superseding
 * the workspace's run in flight; the workspace reruns when shown again), and, for Calibrate
 * mode, a scenario's weekly histories on the same pool.
 */
import { poolRunner } from '../../run/explorer-runner';
import type { SimulationPool } from '../../run/simulation-pool';
import { historiesRunner, type HistoriesRunner } from '../calibrate/calibrate-runner';
import type { CompareRunner } from '../shared/runner';

export type AppRunner = CompareRunner & { readonly histories: HistoriesRunner };

/** The runner over the pool the getter returns at the time of each call. */
export function appRunner(pool: () => SimulationPool | undefined): AppRunner {
  const compare: CompareRunner = (baseline, scenario, onProgress, signal) => {
    const p = pool();
    if (!p) return Promise.reject(new Error('the worker pool is not running'));
    // An abort stops the comparison in flight on the workers, not only the caller's wait.
    return poolRunner(p)(baseline, scenario, onProgress, signal);
  };
  return Object.assign(compare, { histories: historiesRunner(pool) });
}

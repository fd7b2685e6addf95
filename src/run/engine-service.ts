/**
 * What an engine worker does with a request: run one replication, stopping mid-run if the
 * main thread asks through the shared cancellation cell, and hand back the result with its
 * typed arrays marked for transfer. The worker entries (workers/) only expose this.
 */
import { transfer } from 'comlink';
import type { EngineWorkerApi, ReplicationRequest } from '../model/contract';
import type { ReplicationResult } from '../model/results';
import type { Scenario } from '../model/scenario';

/** The engine's entry point (src/sim/engine.ts `runReplication`). */
export type RunReplication = (
  scenario: Scenario,
  replication: number,
  control?: { shouldStop?: () => boolean },
) => ReplicationResult;

/** The distinct buffers behind a result's typed arrays (a buffer may be transferred once). */
export function resultBuffers(result: ReplicationResult): ArrayBuffer[] {
  const arrays = [
    result.weekly,
    result.shortRun,
    result.longRun,
    result.peak,
    result.whole,
    result.periods,
    result.pool,
    result.earnings,
    ...(result.sums ? [result.sums] : []),
  ];
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) {
    // Shared memory is shared, not transferred.
    if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  }
  return [...buffers];
}

export function createEngineService(runReplication: RunReplication): EngineWorkerApi {
  return {
    runReplication(request: ReplicationRequest): ReplicationResult {
      const { scenario, replication, runId, cancel } = request;
      const control = cancel ? { shouldStop: () => Atomics.load(cancel, 0) === runId } : undefined;
      const result = runReplication(scenario, replication, control);
      return transfer(result, resultBuffers(result));
    },
  };
}

/**
 * What an engine worker does with a request: run one replication, stopping mid-run if the
 * main thread asks through the shared cancellation cell, sending heartbeats as it goes (so the
 * pool can tell a busy worker from a dead one, src/run/liveness.ts), and hand back the result
 * with its typed arrays marked for transfer. The worker entries (workers/) only expose this.
 */
import { transfer } from 'comlink';
import { HEARTBEAT, type EngineWorkerApi, type ReplicationRequest } from '../model/contract';
import type { ReplicationResult } from '../model/results';
import type { Scenario } from '../model/scenario';

/** The engine's entry point (src/sim/engine.ts `runReplication`). */
export type RunReplication = (
  scenario: Scenario,
  replication: number,
  control?: { shouldStop?: () => boolean; labOnly?: boolean },
) => ReplicationResult;

/** A heartbeat message (src/model/contract.ts HEARTBEAT) with its span, ms. */
export function heartbeat(span: number): Record<string, number> {
  return { [HEARTBEAT]: span };
}

/** The span of the heartbeat sent as a run starts (before the engine's first check). */
export const STARTING = -1;

/** Shortest time between two heartbeats, ms. */
export const BEAT_MS = 250;

/** Days into a run after which a run asked to die silently (tests only) closes its worker. */
const SILENT_DEATH_AFTER_CHECKS = 3;

export interface ServiceHooks {
  /**
   * Sends a heartbeat with the longest stretch between two checks since the last heartbeat
   * (the engine's pace now), ms, or STARTING as a run starts.
   */
  beat?(span: number): void;
  /** Closes this worker for good without a word (tests of silent deaths only). */
  closeSelf?(): void;
  /** A clock in ms (default performance.now). */
  now?(): number;
}

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
    ...(result.lab ? [result.lab] : []),
    ...(result.history ? [result.history] : []),
  ];
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) {
    // Shared memory is shared, not transferred.
    if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  }
  return [...buffers];
}

/** Thrown inside the engine to leave a run that is to die silently. */
class SilentDeath extends Error {}

export function createEngineService(
  runReplication: RunReplication,
  hooks: ServiceHooks = {},
): EngineWorkerApi {
  const now = hooks.now ?? (() => performance.now());
  return {
    runReplication(request: ReplicationRequest) {
      const { scenario, replication, runId, cancel, labOnly, testOnlyDieSilently } = request;
      let lastCheck = -1;
      let lastBeat = now();
      let checks = 0;
      // The longest stretch between two checks since the last heartbeat: the pace now.
      let span = 0;
      hooks.beat?.(STARTING);
      const shouldStop = () => {
        const t = now();
        // The first check ends the run's start (state set up, warm-up looked up): say so.
        // Stretches between checks after it are the engine's days.
        const first = lastCheck < 0;
        if (!first) span = Math.max(span, t - lastCheck);
        lastCheck = t;
        if (first || t - lastBeat >= BEAT_MS) {
          lastBeat = t;
          hooks.beat?.(span);
          span = 0;
        }
        if (testOnlyDieSilently && ++checks >= SILENT_DEATH_AFTER_CHECKS) throw new SilentDeath();
        return cancel !== undefined && Atomics.load(cancel, 0) === runId;
      };
      let result: ReplicationResult;
      try {
        result = runReplication(scenario, replication, { shouldStop, labOnly });
      } catch (error) {
        if (!(error instanceof SilentDeath)) throw error;
        hooks.closeSelf?.();
        return new Promise<ReplicationResult>(() => {}); // never answers
      }
      return transfer(result, resultBuffers(result));
    },
  };
}

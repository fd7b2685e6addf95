/**
 * What the replay worker does with a request (issue 19): records a week of one replication
 * (src/sim/replay.ts) and hands its typed arrays back marked for transfer, so they move to
 * the page rather than being copied. workers/replay.worker.ts only exposes this.
 */
import { transfer } from 'comlink';
import { replayBuffers, type ReplayWeek } from '../model/replay';
import type { Scenario } from '../model/scenario';
import { replayWeek } from '../sim/replay';

export interface ReplayWorkerApi {
  replayWeek(scenario: Scenario, replication: number, week: number): ReplayWeek;
}

export function createReplayService(): ReplayWorkerApi {
  return {
    replayWeek(scenario, replication, week) {
      const result = replayWeek(scenario, replication, week);
      return transfer(result, replayBuffers(result));
    },
  };
}

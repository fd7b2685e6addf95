/**
 * Replays in the browser (issue 19): a week of one replication of the baseline and of the
 * scenario, paired as a comparison pairs them (the scenario warms up under the baseline's
 * parameters, src/model/scenario.ts `pairedWith`), recorded in a Web Worker of their own
 * (workers/replay.worker.ts) so the pool's runs go on. A new request stops the one in flight
 * by terminating its worker; the replay arrives as transferred typed arrays.
 */
import { wrap, type Remote } from 'comlink';
import type { ReplayWeek } from '../model/replay';
import { pairedWith, type Scenario } from '../model/scenario';
import type { ReplayWorkerApi } from './replay-service';

export interface ReplayPair {
  readonly baseline: ReplayWeek;
  readonly scenario: ReplayWeek;
}

/** Thrown when a later request replaced this one. */
export class ReplaySupersededError extends Error {
  constructor() {
    super('replay replaced by a later one');
    this.name = 'Superseded';
  }
}

export interface ReplayRunner {
  /** Week `week` (1-based) of replication `replication` (0-based) of both sides. */
  replay(
    baseline: Scenario,
    scenario: Scenario,
    replication: number,
    week: number,
  ): Promise<ReplayPair>;
  close(): void;
}

export function createReplayRunner(): ReplayRunner {
  let worker: Worker | undefined;
  let api: Remote<ReplayWorkerApi> | undefined;
  let request = 0;
  let busy = false;
  const start = (): Remote<ReplayWorkerApi> => {
    if (worker && api && !busy) return api;
    worker?.terminate();
    worker = new Worker(new URL('../../workers/replay.worker.ts', import.meta.url), {
      type: 'module',
      name: 'gigsim-replay',
    });
    api = wrap<ReplayWorkerApi>(worker);
    return api;
  };
  return {
    async replay(baseline, scenario, replication, week) {
      const id = ++request;
      const remote = start();
      busy = true;
      try {
        const b = await remote.replayWeek(baseline, replication, week);
        if (id !== request) throw new ReplaySupersededError();
        const s = await remote.replayWeek(pairedWith(baseline, scenario), replication, week);
        if (id !== request) throw new ReplaySupersededError();
        return { baseline: b, scenario: s };
      } finally {
        if (id === request) busy = false;
      }
    },
    close() {
      request++;
      worker?.terminate();
      worker = undefined;
      api = undefined;
    },
  };
}

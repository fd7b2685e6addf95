import { describe, expect, it } from 'vitest';
import {
  BEAT_MS,
  STARTING,
  createEngineService,
  resultBuffers,
} from '../../src/run/engine-service';
import { cancellationCell } from '../../src/run/engine-worker';
import { defaultScenario } from '../../src/model/scenario';
import type { ReplicationResult } from '../../src/model/results';
import { fakeReplication } from './fake-engine';

const scenario = { ...defaultScenario(), weeks: 3, replications: 2 };

describe('the engine service', () => {
  it('runs the replication asked for, never stopping it when memory is not shared', () => {
    const stops: boolean[] = [];
    const service = createEngineService((s, r, control) => {
      for (let d = 0; d < 5; d++) stops.push(control!.shouldStop!());
      return fakeReplication(s, r);
    });
    const result = service.runReplication({ scenario, replication: 1, runId: 7 });
    expect((result as ReplicationResult).replication).toBe(1);
    expect(stops).toEqual([false, false, false, false, false]);
  });

  it('sends a heartbeat as a run starts, at its first check, then at most every BEAT_MS, with the longest day', () => {
    let now = 0;
    const beats: [number, number][] = [];
    const service = createEngineService(
      (s, r, control) => {
        for (const step of [100, 100, 100, 400, 10]) {
          now += step;
          control!.shouldStop!();
        }
        return fakeReplication(s, r);
      },
      { beat: (span) => beats.push([now, span]), now: () => now },
    );
    service.runReplication({ scenario, replication: 0, runId: 1 });
    // Starting at 0; at the first check (100: the start is over, no day seen yet); then at the
    // first check 250 ms or more after that (700, after the 400 ms day). Checks at 200 and 300
    // came too soon.
    expect(beats).toEqual([
      [0, STARTING],
      [100, 0],
      [700, 400],
    ]);
    expect(BEAT_MS).toBe(250);
  });

  it('closes its worker and never answers when a test asks it to die silently', async () => {
    let closed = 0;
    let days = 0;
    const service = createEngineService(
      (s, r, control) => {
        for (let d = 0; d < 20; d++) {
          days++;
          control!.shouldStop!();
        }
        return fakeReplication(s, r);
      },
      { closeSelf: () => closed++ },
    );
    const answer = service.runReplication({
      scenario,
      replication: 0,
      runId: 1,
      testOnlyDieSilently: true,
    });
    expect(closed).toBe(1);
    expect(days).toBe(3);
    const outcome = await Promise.race([answer, new Promise((r) => setTimeout(r, 20, 'silent'))]);
    expect(outcome).toBe('silent');
  });

  it('stops a run when the shared cell names it, and only that run', () => {
    const cell = cancellationCell(true)!;
    const seen: boolean[] = [];
    const service = createEngineService((s, r, control) => {
      seen.push(control!.shouldStop!());
      Atomics.store(cell, 0, 8);
      seen.push(control!.shouldStop!());
      return fakeReplication(s, r);
    });
    service.runReplication({ scenario, replication: 0, runId: 8, cancel: cell });
    expect(seen).toEqual([false, true]);
    seen.length = 0;
    service.runReplication({ scenario, replication: 0, runId: 9, cancel: cell });
    expect(seen).toEqual([false, false]);
  });

  it("lets the engine's Cancelled error through", () => {
    const service = createEngineService(() => {
      const e = new Error('stopped');
      e.name = 'Cancelled';
      throw e;
    });
    expect(() => service.runReplication({ scenario, replication: 0, runId: 1 })).toThrow('stopped');
  });

  it('marks each distinct buffer of the result for transfer, once', () => {
    const r = fakeReplication(scenario, 0);
    const shared = new Float64Array(10);
    const withShared = { ...r, shortRun: shared.subarray(0, 5), longRun: shared.subarray(5) };
    expect(resultBuffers(withShared)).toHaveLength(7);
    expect(resultBuffers(r)).toHaveLength(8);
  });
});

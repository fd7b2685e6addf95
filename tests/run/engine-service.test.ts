import { describe, expect, it } from 'vitest';
import { createEngineService, resultBuffers } from '../../src/run/engine-service';
import { cancellationCell } from '../../src/run/engine-worker';
import { defaultScenario } from '../../src/model/scenario';
import type { ReplicationResult } from '../../src/model/results';
import { fakeReplication } from './fake-engine';

const scenario = { ...defaultScenario(), weeks: 3, replications: 2 };

describe('the engine service', () => {
  it('runs the replication asked for, with no stop check when memory is not shared', () => {
    const calls: unknown[] = [];
    const service = createEngineService((s, r, control) => {
      calls.push(control);
      return fakeReplication(s, r);
    });
    const result = service.runReplication({ scenario, replication: 1, runId: 7 });
    expect((result as ReplicationResult).replication).toBe(1);
    expect(calls).toEqual([undefined]);
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

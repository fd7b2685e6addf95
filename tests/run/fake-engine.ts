/**
 * A stand-in for the engine: results that depend only on the scenario and the replication
 * number (like the real engine's), with arbitrary-looking values, made quickly.
 */
import { METRIC_COUNT } from '../../src/model/metrics';
import { EARNINGS_BINS, POOL_SERIES, type ReplicationResult } from '../../src/model/results';
import type { Scenario } from '../../src/model/scenario';
import type { ReplicationJob } from '../../src/run/simulation-pool';
import { plainPeriods } from '../model/period-flags';

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function fakeReplication(scenario: Scenario, replication: number): ReplicationResult {
  let state = hash(JSON.stringify([scenario, replication])) || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const fill = (n: number) => Float64Array.from({ length: n }, () => next() * 100);
  const w = scenario.weeks;
  return {
    replication,
    weeks: w,
    weekly: fill(METRIC_COUNT * w),
    shortRun: fill(METRIC_COUNT),
    longRun: fill(METRIC_COUNT),
    peak: fill(METRIC_COUNT),
    whole: fill(METRIC_COUNT),
    startWeek: 10,
    periods: plainPeriods(w),
    pool: fill(POOL_SERIES.length * w),
    earnings: fill(EARNINGS_BINS),
    ledger: {
      openingBacklog: 0,
      openingActive: 0,
      demand: 1,
      deliveredOnTime: 1,
      deliveredLate: 0,
      fallback: 0,
      outstanding: 0,
      driverEarnings: 0,
      operatorDriverPay: 0,
      agents: 0,
      byState: [0, 0, 0, 0, 0],
    },
  };
}

export const fakeJob = (job: ReplicationJob) => fakeReplication(job.scenario, job.replication);

/**
 * Turns a finished run's daily record into its result: every metric week by week, over the
 * short run, the long run and the whole horizon; the weekly pool; the earnings distribution.
 */
import { METRIC_COUNT } from '../model/metrics';
import {
  EARNINGS_BINS,
  EARNINGS_BIN_MIN,
  EARNINGS_BIN_WIDTH,
  LONG_RUN_WEEKS,
  POOL_SERIES,
  SHORT_RUN_WEEKS,
  type Ledger,
  type ReplicationResult,
} from '../model/results';
import type { Scenario } from '../model/scenario';
import type { Drivers } from './drivers';
import { measureRange } from './measure';
import { F } from './record';

export function buildResult(
  scenario: Scenario,
  rep: number,
  rec: Float64Array,
  dr: Drivers,
  ledger: Ledger,
): ReplicationResult {
  const weeks = scenario.weeks;
  const days = weeks * 7;
  const weekly = new Float64Array(METRIC_COUNT * weeks);
  for (let w = 0; w < weeks; w++) measureRange(rec, days, w * 7, w * 7 + 7, weekly, w, weeks);
  const shortRun = new Float64Array(METRIC_COUNT);
  const longRun = new Float64Array(METRIC_COUNT);
  const whole = new Float64Array(METRIC_COUNT);
  measureRange(rec, days, 0, Math.min(weeks, SHORT_RUN_WEEKS) * 7, shortRun);
  measureRange(rec, days, Math.max(0, weeks - LONG_RUN_WEEKS) * 7, days, longRun);
  measureRange(rec, days, 0, days, whole);

  const pool = new Float64Array(POOL_SERIES.length * weeks);
  for (let w = 0; w < weeks; w++) {
    pool[w] = rec[F.active * days + w * 7 + 6];
    for (let d = w * 7; d < w * 7 + 7; d++) {
      pool[weeks + w] += rec[F.joined * days + d];
      pool[2 * weeks + w] += rec[F.churned * days + d];
      pool[3 * weeks + w] += rec[F.deactivated * days + d];
    }
  }

  const earnings = new Float64Array(EARNINGS_BINS);
  let earners = 0;
  for (let i = 0; i < dr.count; i++) {
    const time = dr.timeLate[i];
    if (time <= 0 || dr.netLate[i] === 0) continue;
    const hourly = dr.netLate[i] / time;
    const b = Math.min(
      EARNINGS_BINS - 1,
      Math.max(0, Math.floor((hourly - EARNINGS_BIN_MIN) / EARNINGS_BIN_WIDTH)),
    );
    earnings[b] += 1;
    earners++;
  }
  if (earners > 0) for (let b = 0; b < EARNINGS_BINS; b++) earnings[b] /= earners;

  return { replication: rep, weeks, weekly, shortRun, longRun, whole, pool, earnings, ledger };
}

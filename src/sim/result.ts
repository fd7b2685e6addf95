/**
 * Turns a finished run's daily record into its result: every metric week by week, over the
 * short run, the long run, the peak (src/sim/periods.ts picks their weeks) and the whole
 * horizon; the weekly pool; the earnings distribution.
 */
import { METRIC_COUNT } from '../model/metrics';
import {
  EARNINGS_BINS,
  EARNINGS_BIN_MIN,
  EARNINGS_BIN_WIDTH,
  PERIOD_FLAG,
  POOL_SERIES,
  type Ledger,
  type ReplicationResult,
} from '../model/results';
import type { Scenario } from '../model/scenario';
import type { Drivers } from './drivers';
import { measureRange } from './measure';
import { runPeriods } from '../model/periods';
import { F, FIELD_COUNT } from './record';
import { periodSums } from './why-sums';
import { weeklyHistory } from './history';

/**
 * Every metric over the weeks whose flags carry `bit`, into `out`; NaN throughout when no week
 * does. The weeks need not be consecutive: their days are copied, in order, into a record of
 * their own, so each metric is measured exactly as over a range (weeks stay whole, so
 * week-start and week-end days keep their place).
 */
function measureWeeks(
  rec: Float64Array,
  days: number,
  periods: Uint8Array,
  bit: number,
  out: Float64Array,
): void {
  let n = 0;
  for (let w = 0; w < periods.length; w++) if ((periods[w] & bit) !== 0) n += 7;
  if (n === 0) {
    out.fill(NaN);
    return;
  }
  const part = new Float64Array(FIELD_COUNT * n);
  for (let f = 0; f < FIELD_COUNT; f++) {
    let k = f * n;
    for (let w = 0; w < periods.length; w++) {
      if ((periods[w] & bit) === 0) continue;
      for (let d = w * 7; d < w * 7 + 7; d++) part[k++] = rec[f * days + d];
    }
  }
  measureRange(part, n, 0, n, out);
}

/**
 * The shares of drivers by net hourly earnings over the last weeks (EARNINGS_BINS bins), over
 * every driver of the run who earned then, those dropped from the slots too (compact.ts).
 */
function earningsShares(dr: Drivers): Float64Array {
  const earnings = new Float64Array(EARNINGS_BINS);
  let earners = 0;
  const all = dr.byNumber();
  for (let id = 0; id < dr.created; id++) {
    const time = all.timeLate[id];
    if (time <= 0 || all.netLate[id] === 0) continue;
    const hourly = all.netLate[id] / time;
    const b = Math.min(
      EARNINGS_BINS - 1,
      Math.max(0, Math.floor((hourly - EARNINGS_BIN_MIN) / EARNINGS_BIN_WIDTH)),
    );
    earnings[b] += 1;
    earners++;
  }
  if (earners > 0) for (let b = 0; b < EARNINGS_BINS; b++) earnings[b] /= earners;
  return earnings;
}

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
  const periods = runPeriods(scenario.params.startWeek, weeks);
  const shortRun = new Float64Array(METRIC_COUNT);
  const longRun = new Float64Array(METRIC_COUNT);
  const peak = new Float64Array(METRIC_COUNT);
  const whole = new Float64Array(METRIC_COUNT);
  measureWeeks(rec, days, periods, PERIOD_FLAG.shortRun, shortRun);
  measureWeeks(rec, days, periods, PERIOD_FLAG.longRun, longRun);
  measureWeeks(rec, days, periods, PERIOD_FLAG.peak, peak);
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

  const earnings = earningsShares(dr);

  return {
    replication: rep,
    weeks,
    weekly,
    shortRun,
    longRun,
    peak,
    whole,
    startWeek: scenario.params.startWeek,
    periods,
    pool,
    earnings,
    ledger,
    sums: periodSums(rec, days, periods),
    history: weeklyHistory(rec, days, weeks),
  };
}

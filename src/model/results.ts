/**
 * The shapes of simulation results: what one replication returns and what replication
 * statistics make of many. Plain objects of numbers and typed arrays, so they cross a worker
 * boundary as transferables and are drawn by the UI without further computation.
 */
import { METRIC_COUNT } from './metrics';
import type { Why } from './why';

/** Weeks at the start summarised as the short run. */
export const SHORT_RUN_WEEKS = 4;
/** Weeks summarised as the long run: the last ones that are neither peak nor just after one. */
export const LONG_RUN_WEEKS = 8;
/** Weeks after a calendar peak left out of the long run while the station recovers. */
export const POST_PEAK_WEEKS = 1;

/**
 * A week's periods, as bit flags in `ReplicationResult.periods` (src/sim/periods.ts picks
 * them): weeks 1..SHORT_RUN_WEEKS; the long run; a calendar peak week; a week just after one.
 */
export const PERIOD_FLAG = { shortRun: 1, longRun: 2, peak: 4, afterPeak: 8 } as const;

/** The periods every metric is summarised over, in the order they are shown. */
export const PERIODS = ['shortRun', 'longRun', 'peak'] as const;
export type Period = (typeof PERIODS)[number];

/** Weekly pool series, in this order, each `weeks` long. */
export const POOL_SERIES = ['active', 'joined', 'churned', 'deactivated'] as const;
export type PoolSeries = (typeof POOL_SERIES)[number];

/** Realised net hourly histogram across drivers (the long-run weeks): bin edges in $/h. */
export const EARNINGS_BIN_MIN = 0;
export const EARNINGS_BIN_WIDTH = 1;
export const EARNINGS_BINS = 40;

/** Sums that must balance in every run (docs/MODEL.md section 4, conservation). */
export interface Ledger {
  /**
   * Opening stock at the start of week 1, taken over from the warm-up (docs/MODEL.md
   * "Warm-up"): packages waiting at the station, and active drivers.
   */
  openingBacklog: number;
  openingActive: number;
  /** Packages of demand over the horizon. */
  demand: number;
  deliveredOnTime: number;
  deliveredLate: number;
  fallback: number;
  /** Packages still waiting at the station at the end of the horizon. */
  outstanding: number;
  /** Money paid to drivers (base, surge, tips), summed over the drivers' own accounts. */
  driverEarnings: number;
  /** The same money as the operator's daily books record it. */
  operatorDriverPay: number;
  /** Every agent ever created, in the warm-up too. */
  agents: number;
  /** Agents by lifecycle state at the end: applicant, onboarding, active, churned, deactivated. */
  byState: [number, number, number, number, number];
}

export interface ReplicationResult {
  replication: number;
  weeks: number;
  /** Metric-major: value of metric m in week w at [m * weeks + w]. */
  weekly: Float64Array;
  /** One value per metric over weeks 1..SHORT_RUN_WEEKS. */
  shortRun: Float64Array;
  /**
   * One value per metric over the long-run weeks (the last LONG_RUN_WEEKS weeks that are not
   * peak weeks nor just after one); NaN throughout when the run has no such week.
   */
  longRun: Float64Array;
  /** One value per metric over the calendar peak weeks; NaN throughout when there are none. */
  peak: Float64Array;
  /** One value per metric over the whole horizon. */
  whole: Float64Array;
  /** Calendar week (1..52) of the run's first week. */
  startWeek: number;
  /** Each week's periods (PERIOD_FLAG bits), `weeks` long. */
  periods: Uint8Array;
  /** Series-major pool counts: series s in week w at [s * weeks + w]. */
  pool: Float64Array;
  /** Share of drivers who worked in the last weeks, by realised net hourly bin. */
  earnings: Float64Array;
  ledger: Ledger;
  /**
   * The period sums of the record that a change is decomposed from (src/sim/why-sums.ts:
   * WHY_PERIODS × (record fields, WHY_EXTRAS)); absent from results made without the engine.
   */
  sums?: Float64Array;
  /** The lab's daily record (src/model/lab-record.ts); runs with an experiment only. */
  lab?: Float64Array;
  /**
   * The run's weekly history in the columns of a station history (src/sim/history.ts;
   * src/model/station-history.ts): what a calibration compares with the station's weeks.
   * Absent from results made without the engine.
   */
  history?: Float64Array;
}

/** Mean and 95% interval of a set of values, element-wise. */
export interface IntervalArrays {
  mean: Float64Array;
  low: Float64Array;
  high: Float64Array;
}

/** A mean and its 95% interval across replications. */
export interface Estimate {
  mean: number;
  low: number;
  high: number;
}

/**
 * Whether the backlog keeps growing (src/sim/stability.ts): a replication's backlog is
 * growing when its long-run backlog exceeds its short-run backlog by more than
 * BACKLOG_GROWTH_MIN days of demand, or when it still rises across the long-run weeks by more
 * than BACKLOG_SLOPE_MIN a week; the scenario is unstable when most replications grow.
 */
export interface Stability {
  /** Long-run minus short-run backlog, in days of demand. */
  growth: Estimate;
  /** Least-squares slope of the weekly backlog over the long-run weeks, days of demand a week. */
  slope: Estimate;
  /** Replications whose backlog is growing, of `n`. */
  growing: number;
  n: number;
  unstable: boolean;
}

export const BACKLOG_GROWTH_MIN = 0.1;
export const BACKLOG_SLOPE_MIN = 0.01;

/** Replication statistics of one scenario. */
export interface ScenarioSummary {
  /** Replications aggregated. */
  n: number;
  weeks: number;
  weekly: IntervalArrays;
  shortRun: IntervalArrays;
  longRun: IntervalArrays;
  peak: IntervalArrays;
  whole: IntervalArrays;
  pool: IntervalArrays;
  earnings: Float64Array;
  /** Calendar week of the first week, and each week's periods (as in ReplicationResult). */
  startWeek: number;
  periods: Uint8Array;
  /** Whether the backlog keeps growing. */
  stability: Stability;
}

/** A scenario against its baseline, paired replication by replication (same seeds). */
export interface Comparison {
  baseline: ScenarioSummary;
  scenario: ScenarioSummary;
  /** Paired differences scenario − baseline with 95% intervals. */
  delta: {
    weekly: IntervalArrays;
    shortRun: IntervalArrays;
    longRun: IntervalArrays;
    peak: IntervalArrays;
    whole: IntervalArrays;
  };
  /**
   * Why each metric moved: its change decomposed into parts from the engine's ledger, and the
   * measured nodes of the causal graph, per period (src/model/why.ts); absent when the results
   * carry no sums.
   */
  why?: Why;
}

export const SUMMARY_LENGTH = METRIC_COUNT;

/** The weeks (1-based) of a period, from a result's or a summary's period flags. */
export function periodWeeks(periods: Uint8Array, period: Period | 'afterPeak'): number[] {
  const out: number[] = [];
  const bit = PERIOD_FLAG[period];
  for (let w = 0; w < periods.length; w++) if ((periods[w] & bit) !== 0) out.push(w + 1);
  return out;
}

/** Calendar week (1..52) of run week `week` (1-based) for a run starting in `startWeek`. */
export function calendarWeekOf(startWeek: number, week: number): number {
  return ((((startWeek - 2 + week) % 52) + 52) % 52) + 1;
}

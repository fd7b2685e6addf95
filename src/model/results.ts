/**
 * The shapes of simulation results: what one replication returns and what replication
 * statistics make of many. Plain objects of numbers and typed arrays, so they cross a worker
 * boundary as transferables and are drawn by the UI without further computation.
 */
import { METRIC_COUNT } from './metrics';

/** Weeks at the start summarised as the short run. */
export const SHORT_RUN_WEEKS = 4;
/** Weeks at the end summarised as the long run. */
export const LONG_RUN_WEEKS = 8;

/** Weekly pool series, in this order, each `weeks` long. */
export const POOL_SERIES = ['active', 'joined', 'churned', 'deactivated'] as const;
export type PoolSeries = (typeof POOL_SERIES)[number];

/** Realised net hourly histogram across drivers (last LONG_RUN_WEEKS weeks): bin edges in $/h. */
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
  /** One value per metric over the last LONG_RUN_WEEKS weeks. */
  longRun: Float64Array;
  /** One value per metric over the whole horizon. */
  whole: Float64Array;
  /** Series-major pool counts: series s in week w at [s * weeks + w]. */
  pool: Float64Array;
  /** Share of drivers who worked in the last weeks, by realised net hourly bin. */
  earnings: Float64Array;
  ledger: Ledger;
}

/** Mean and 95% interval of a set of values, element-wise. */
export interface IntervalArrays {
  mean: Float64Array;
  low: Float64Array;
  high: Float64Array;
}

/** Replication statistics of one scenario. */
export interface ScenarioSummary {
  /** Replications aggregated. */
  n: number;
  weeks: number;
  weekly: IntervalArrays;
  shortRun: IntervalArrays;
  longRun: IntervalArrays;
  whole: IntervalArrays;
  pool: IntervalArrays;
  earnings: Float64Array;
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
    whole: IntervalArrays;
  };
}

export const SUMMARY_LENGTH = METRIC_COUNT;

/**
 * What a calibration (issue 17) may fit: the behaviour and market constants a station's
 * weekly history can inform, the default set, and which history columns inform each (shown
 * before a fit; after it the app shows the columns that moved with each constant), plus the
 * result's shape, shared by the runner and the app.
 */
import type { HistoryColumnId } from './station-history';

export interface FittableConstant {
  readonly id: string;
  /** History columns that move with it (docs/MODEL.md "Calibration"). */
  readonly informedBy: readonly HistoryColumnId[];
}

export const FITTABLE: readonly FittableConstant[] = [
  { id: 'hoursWanted', informedBy: ['hours_worked', 'blocks_filled', 'time_to_fill_h'] },
  { id: 'checksPerHour', informedBy: ['time_to_fill_h'] },
  { id: 'applicantsPerWeek', informedBy: ['new_drivers', 'active_drivers'] },
  { id: 'baseChurn', informedBy: ['churned_drivers', 'active_drivers'] },
  { id: 'activationShare', informedBy: ['new_drivers', 'active_drivers'] },
  { id: 'shortNoticeShare', informedBy: ['blocks_filled', 'surge_share'] },
  { id: 'wageNoise', informedBy: ['blocks_filled', 'surge_share'] },
  { id: 'wageGapChurn', informedBy: ['churned_drivers'] },
  { id: 'frustrationChurn', informedBy: ['churned_drivers'] },
  { id: 'wordOfMouth', informedBy: ['new_drivers'] },
  { id: 'noShowRate', informedBy: ['no_shows'] },
  { id: 'outsideWage', informedBy: ['new_drivers', 'churned_drivers', 'blocks_filled'] },
  { id: 'supplyElasticity', informedBy: ['new_drivers'] },
  { id: 'beliefSmoothing', informedBy: [] },
  { id: 'demandPerDay', informedBy: ['blocks_offered', 'hours_worked'] },
];

export const FITTABLE_IDS = FITTABLE.map((f) => f.id);

/** The constants fitted unless the user picks others. */
export const DEFAULT_FIT = ['hoursWanted', 'checksPerHour', 'applicantsPerWeek', 'noShowRate'];

/** Replications per evaluation by default (common random numbers: the same at every one). */
export const DEFAULT_FIT_REPS = 8;
/** Weeks held out by default for the forecast check. */
export const DEFAULT_HOLDOUT = 4;
/** Coverage of the constants' intervals. */
export const INTERVAL_LEVEL = 0.9;

export interface FittedConstant {
  readonly id: string;
  readonly start: number;
  readonly value: number;
  /** The 90% interval. */
  readonly low: number;
  readonly high: number;
  /** Standard error of log(value). */
  readonly logSe: number;
  readonly identified: boolean;
  /** Why it is not identified, in a sentence (empty when it is). */
  readonly warning: string;
  /** Columns whose statistics moved most with it in the fit, most first. */
  readonly movedBy: readonly string[];
}

export interface FittedMoment {
  /** History column, or `fill_share` (blocks filled over blocks offered). */
  readonly column: string;
  readonly observed: number;
  readonly start: number;
  readonly fitted: number;
  /** Standard deviation of one history's statistic, simulated at the start (its weight). */
  readonly sd: number;
}

export interface HoldoutSeries {
  readonly column: string;
  readonly observed: number[];
  readonly mean: number[];
  /** 95% forecast interval for one week's figure (simulation and fit uncertainty). */
  readonly low: number[];
  readonly high: number[];
  /** |mean forecast − observed| / observed over the hold-out weeks (NaN when not present). */
  readonly error: number;
}

export interface CalibrationResult {
  readonly constants: FittedConstant[];
  /** Every parameter of the fitted station (the baseline it would become). */
  readonly params: Record<string, number | boolean>;
  /** Parameters set from the history before the fit (base pay, demand, start week). */
  readonly anchored: Record<string, number>;
  readonly moments: FittedMoment[];
  /** Covariance of log(constants) (the constants' order), for drawing over the fit. */
  readonly covariance: number[][];
  /** Weeks held out, their calendar weeks, and the forecast of each column. */
  readonly holdoutWeeks: number[];
  readonly holdout: HoldoutSeries[];
  readonly fitWeeks: number;
  readonly replications: number;
  readonly seed: number;
  readonly evaluations: number;
  readonly cost: number;
  readonly warnings: string[];
}

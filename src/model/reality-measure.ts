/**
 * How a reality-check fact is measured and judged (docs/MODEL.md section 6): the kinds of
 * measurement a fact can ask of a paired comparison, and the pure functions that read the
 * measured figure (with its 95% interval where one exists) and judge it against the fact's
 * numeric target. The facts themselves are data in src/model/reality-facts.ts.
 */
import { METRIC_INDEX, type MetricId } from './metrics';
import type { ParamId } from './params';
import type { Comparison, IntervalArrays, ScenarioSummary } from './results';

/** A period of a run, as the comparison reports it. */
export type Period = 'short' | 'long' | 'whole';

/** What a fact measures on the comparison of a changed scenario with its baseline. */
export type Measure =
  /** A metric's level in one run and period (the mean over replications). */
  | {
      readonly kind: 'level';
      readonly side: 'baseline' | 'scenario';
      readonly metric: MetricId;
      readonly period: Period;
    }
  /** The paired change (scenario − baseline) of a metric over a period. */
  | { readonly kind: 'delta'; readonly metric: MetricId; readonly period: Period }
  /**
   * Elasticity: the (log) relative change of a metric over a period divided by the (log)
   * relative change of the parameter the fact moves.
   */
  | {
      readonly kind: 'elasticity';
      readonly metric: MetricId;
      readonly period: Period;
      readonly param: ParamId;
    }
  /**
   * Fade: the mean paired weekly change of a metric over the late weeks divided by the one
   * over the early weeks (weeks numbered from 1, both ends included). 1 means the effect
   * persists, 0 that it is gone.
   */
  | {
      readonly kind: 'fade';
      readonly metric: MetricId;
      readonly early: readonly [number, number];
      readonly late: readonly [number, number];
    }
  /** The lowest weekly mean of a metric in one run. */
  | {
      readonly kind: 'weekly-min';
      readonly side: 'baseline' | 'scenario';
      readonly metric: MetricId;
    }
  /** The highest weekly mean of a metric in one run. */
  | {
      readonly kind: 'weekly-max';
      readonly side: 'baseline' | 'scenario';
      readonly metric: MetricId;
    }
  /**
   * The precision gained by pairing replications on common random numbers: the variance of
   * an unpaired difference (the two runs' variances added) over the paired difference's.
   */
  | { readonly kind: 'crn-gain'; readonly metric: MetricId; readonly period: Period };

/** A numeric target: the measured figure must lie in [low, high] (either end may be open). */
export interface Target {
  readonly low?: number;
  readonly high?: number;
  /**
   * For a delta: its 95% interval must also exclude zero, so a change the replications
   * cannot tell from noise does not pass.
   */
  readonly beyondNoise?: boolean;
}

/** The parameter move the fact made, for elasticities. */
export interface Moved {
  readonly from: number;
  readonly to: number;
}

/** A measured figure, and its 95% interval when the measurement has one. */
export interface Measured {
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
}

export type FactVerdict = 'pass' | 'fail' | 'unknown';

export interface Judged {
  readonly measured: Measured;
  readonly verdict: FactVerdict;
  /** Why it failed or could not be judged, in a sentence ('' when it passed). */
  readonly reason: string;
}

function periodOf(
  a: { shortRun: IntervalArrays; longRun: IntervalArrays; whole: IntervalArrays },
  p: Period,
) {
  if (p === 'short') return a.shortRun;
  if (p === 'long') return a.longRun;
  return a.whole;
}

function side(c: Comparison, s: 'baseline' | 'scenario'): ScenarioSummary {
  return s === 'baseline' ? c.baseline : c.scenario;
}

/** Mean of a run's weekly means of metric `m` over weeks [from, to] (1-based, inclusive). */
function weeklyMean(a: IntervalArrays, weeks: number, m: number, from: number, to: number): number {
  const lo = Math.max(1, from);
  const hi = Math.min(weeks, to);
  if (hi < lo) return NaN;
  let sum = 0;
  for (let w = lo; w <= hi; w++) sum += a.mean[m * weeks + w - 1];
  return sum / (hi - lo + 1);
}

function extreme(
  a: IntervalArrays,
  weeks: number,
  m: number,
  pick: (x: number, y: number) => number,
) {
  let v = NaN;
  for (let w = 0; w < weeks; w++) {
    const x = a.mean[m * weeks + w];
    v = Number.isNaN(v) ? x : pick(v, x);
  }
  return v;
}

/** Half the width of a 95% interval. */
function half(a: IntervalArrays, i: number): number {
  return (a.high[i] - a.low[i]) / 2;
}

/** Reads the figure a measure asks for from a comparison. */
export function measure(m: Measure, c: Comparison, moved?: Moved): Measured {
  const i = METRIC_INDEX[m.metric];
  switch (m.kind) {
    case 'level': {
      const a = periodOf(side(c, m.side), m.period);
      return { value: a.mean[i], low: a.low[i], high: a.high[i] };
    }
    case 'delta': {
      const a = periodOf(c.delta, m.period);
      return { value: a.mean[i], low: a.low[i], high: a.high[i] };
    }
    case 'elasticity': {
      // Arc elasticity: ln(changed / base) over ln(moved.to / moved.from), the same for a cut
      // and a raise of the same factor.
      const base = periodOf(c.baseline, m.period).mean[i];
      const d = periodOf(c.delta, m.period);
      const lnMove =
        moved && moved.from > 0 && moved.to > 0 ? Math.log(moved.to / moved.from) : NaN;
      const arc = (delta: number): number =>
        base > 0 && base + delta > 0 && lnMove !== 0
          ? Math.log((base + delta) / base) / lnMove
          : NaN;
      const ends = [arc(d.low[i]), arc(d.high[i])];
      return { value: arc(d.mean[i]), low: Math.min(...ends), high: Math.max(...ends) };
    }
    case 'fade': {
      const weeks = c.baseline.weeks;
      const early = weeklyMean(c.delta.weekly, weeks, i, m.early[0], m.early[1]);
      const late = weeklyMean(c.delta.weekly, weeks, i, m.late[0], m.late[1]);
      return { value: early !== 0 ? late / early : NaN };
    }
    case 'weekly-min':
    case 'weekly-max': {
      const s = side(c, m.side);
      const pick = m.kind === 'weekly-min' ? Math.min : Math.max;
      return { value: extreme(s.weekly, s.weeks, i, pick) };
    }
    case 'crn-gain': {
      const paired = half(periodOf(c.delta, m.period), i);
      const b = half(periodOf(c.baseline, m.period), i);
      const s = half(periodOf(c.scenario, m.period), i);
      return { value: paired > 0 ? (b * b + s * s) / (paired * paired) : NaN };
    }
  }
}

/** Judges a measured figure against its target. */
export function judge(measured: Measured, target: Target): Judged {
  const { value } = measured;
  if (!Number.isFinite(value)) {
    return { measured, verdict: 'unknown', reason: 'The run gave no figure to judge.' };
  }
  if (target.low !== undefined && value < target.low) {
    return { measured, verdict: 'fail', reason: 'Below the target range.' };
  }
  if (target.high !== undefined && value > target.high) {
    return { measured, verdict: 'fail', reason: 'Above the target range.' };
  }
  if (target.beyondNoise) {
    const { low, high } = measured;
    if (low === undefined || high === undefined || !(low > 0 || high < 0)) {
      return {
        measured,
        verdict: 'fail',
        reason: 'Its 95% interval includes no change: the replications cannot tell it from noise.',
      };
    }
  }
  return { measured, verdict: 'pass', reason: '' };
}

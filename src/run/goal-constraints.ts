/**
 * How a goal seek's constraint fares at a point: whether its mean is on the right side of the
 * bound, and the probability that the true mean is, from the interval's standard error.
 */
import { tQuantile975 } from '../sim/stats';
import type { GoalConstraint, GoalRule } from './goal-spec';
import type { IntervalValue } from './metric-value';

export interface ConstraintCheck extends GoalConstraint {
  /** The candidate's value of the metric. */
  readonly actual: IntervalValue;
  /**
   * Whether the constraint is met under the rule: the mean on the right side of the bound
   * ('mean'), or the worse end of the 95% interval ('interval').
   */
  readonly met: boolean;
  /**
   * Probability that the constraint holds for the true mean, from a normal approximation of
   * the mean's sampling error: se = half-width of the 95% interval / t(0.975, n − 1), and
   * P = Φ((mean − value) / se) for >= (Φ((value − mean) / se) for <=). With no spread to
   * measure (one replication), 1 when met and 0 when not.
   */
  readonly probability: number;
}

/** The standard normal CDF (Abramowitz and Stegun 7.1.26 through erf; error under 1.5e-7). */
export function normalCdf(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Whether a value meets a constraint under the rule (a missing number never does). */
export function meets(constraint: GoalConstraint, actual: IntervalValue, rule: GoalRule): boolean {
  const at = rule === 'mean' ? actual.mean : constraint.op === '>=' ? actual.low : actual.high;
  if (!Number.isFinite(at)) return false;
  return constraint.op === '>=' ? at >= constraint.value : at <= constraint.value;
}

/** How a constraint fares at a point with `n` replications, met under `rule`. */
export function checkConstraint(
  constraint: GoalConstraint,
  actual: IntervalValue,
  n: number,
  rule: GoalRule = 'mean',
): ConstraintCheck {
  const margin =
    constraint.op === '>=' ? actual.mean - constraint.value : constraint.value - actual.mean;
  const met = meets(constraint, actual, rule);
  const t = n > 1 ? tQuantile975(n - 1) : Number.POSITIVE_INFINITY;
  const se = (actual.high - actual.low) / 2 / t;
  let probability: number;
  if (!Number.isFinite(margin)) probability = 0;
  else if (!(se > 0)) probability = margin >= 0 ? 1 : 0;
  else probability = normalCdf(margin / se);
  return { ...constraint, actual, met, probability };
}

/**
 * How a goal seek's constraint fares at a point: whether its mean is on the right side of the
 * bound, and the probability that the true mean is, from the interval's standard error.
 */
import { normalCdf } from '../model/normal';
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

export { normalCdf };

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

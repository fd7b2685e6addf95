/**
 * What goal seek is asked: an objective to minimise or maximise, constraints on other metrics,
 * one to GOAL_MAX_LEVERS levers with their ranges, and a budget of runs; and the check that
 * refuses a request it cannot answer, with a message naming what is wrong.
 */
import { METRIC_BY_ID, type MetricId } from '../model/metrics';
import type { ParamId } from '../model/params';
import type { Window } from '../model/report';
import { checkParam } from '../model/scenario';
import { axisParamValue } from '../model/sweep';

export interface GoalConstraint {
  readonly metric: MetricId;
  readonly op: '>=' | '<=';
  readonly value: number;
}

export interface GoalLever {
  readonly id: ParamId;
  readonly from: number;
  readonly to: number;
}

export interface GoalSpec {
  readonly objective: { readonly metric: MetricId; readonly sense: 'min' | 'max' };
  readonly constraints: readonly GoalConstraint[];
  /** One to GOAL_MAX_LEVERS levers, each within its range (`from` < `to`). */
  readonly levers: readonly GoalLever[];
  /** Most comparisons to run, at least 2 per lever and 2^levers. */
  readonly budget: number;
  /** The summary window the metrics are read over (default the long run). */
  readonly window?: Window;
}

export const GOAL_MAX_LEVERS = 3;

/** Throws a RangeError naming the first thing wrong with a goal seek's request. */
export function validateGoal(spec: GoalSpec): void {
  const { levers, budget } = spec;
  if (levers.length < 1 || levers.length > GOAL_MAX_LEVERS) {
    throw new RangeError(`goal seek takes 1 to ${GOAL_MAX_LEVERS} levers, got ${levers.length}`);
  }
  validateLevers(levers);
  for (const m of [spec.objective.metric, ...spec.constraints.map((c) => c.metric)]) {
    if (!METRIC_BY_ID.has(m)) throw new RangeError(`unknown metric "${m}"`);
  }
  for (const c of spec.constraints) {
    if (!Number.isFinite(c.value)) {
      throw new RangeError(`the bound of "${c.metric}" must be a number, got ${c.value}`);
    }
  }
  const least = 2 ** levers.length;
  if (!Number.isInteger(budget) || budget < least) {
    throw new RangeError(
      `the budget must be a whole number of at least ${least} runs for ${levers.length} lever(s), got ${budget}`,
    );
  }
}

/** Each lever listed once, both ends within its range, `from` below `to`. */
function validateLevers(levers: readonly GoalLever[]): void {
  const seen = new Set<string>();
  for (const lever of levers) {
    if (seen.has(lever.id)) throw new RangeError(`lever "${lever.id}" is listed twice`);
    seen.add(lever.id);
    for (const v of [lever.from, lever.to]) {
      const r = checkParam(lever.id, axisParamValue(lever.id, v));
      if (!r.ok) throw new RangeError(r.error);
    }
    if (!(lever.from < lever.to)) {
      throw new RangeError(
        `lever "${lever.id}": "from" (${lever.from}) must be below "to" (${lever.to})`,
      );
    }
  }
}

/**
 * What goal seek is asked: an objective to minimise or maximise, constraints on other metrics,
 * one to GOAL_MAX_LEVERS levers with their ranges, and a budget of runs; and the check that
 * refuses a request it cannot answer, with a message naming what is wrong.
 */
import { TREE_GUARDRAIL_IDS, effectiveThreshold, type Thresholds } from '../model/guardrails';
import { METRIC_BY_ID, type MetricDef, type MetricId } from '../model/metrics';
import type { ParamId } from '../model/params';
import type { Window } from '../model/report';
import { checkParam } from '../model/scenario';
import { axisParamValue } from '../model/sweep';

export interface GoalConstraint {
  readonly metric: MetricId;
  readonly op: '>=' | '<=';
  readonly value: number;
  /** Set on a guardrail kept at its threshold in force (added from `GoalSpec.guardrails`). */
  readonly guardrail?: true;
}

/**
 * When a constraint counts as met: 'interval' when the worse end of the 95% interval of its
 * long-run mean is on the right side of the bound (so the bound holds with at least 97.5%
 * confidence, one-sided); 'mean' when the mean is.
 */
export type GoalRule = 'interval' | 'mean';

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
  /** When a constraint counts as met (default 'mean'; the app asks 'interval'). */
  readonly rule?: GoalRule;
  /**
   * Guardrails kept as constraints at their thresholds in force (default none; the app keeps
   * every one unless the user unticks it). Whatever is kept, the answer judges every guardrail.
   */
  readonly guardrails?: readonly MetricId[];
  /** The user's guardrail thresholds (the table's where unset). */
  readonly thresholds?: Thresholds;
}

/**
 * Every constraint of a request: the user's, then each guardrail kept, at its threshold in
 * force, on its right side (at most the threshold when lower is better).
 */
export function goalConstraints(spec: GoalSpec): GoalConstraint[] {
  const kept = TREE_GUARDRAIL_IDS.filter((id) => spec.guardrails?.includes(id));
  return [
    ...spec.constraints,
    ...kept.map((id): GoalConstraint => {
      const m = METRIC_BY_ID.get(id) as MetricDef;
      const value = effectiveThreshold(m, spec.thresholds) as number;
      return { metric: id, op: m.better === 'down' ? '<=' : '>=', value, guardrail: true };
    }),
  ];
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
  for (const id of spec.guardrails ?? []) {
    if (!TREE_GUARDRAIL_IDS.includes(id)) throw new RangeError(`"${id}" is not a guardrail`);
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

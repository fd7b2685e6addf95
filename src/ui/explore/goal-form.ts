/**
 * The goal seek form as typed (objective, constraints, levers and budget as text) and reading
 * it into the GoalSpec the engine takes, with a message naming the field that is not a number.
 * Percent metrics are typed as percentages (95) and sought as shares (0.95).
 */
import { TREE_GUARDRAIL_IDS, type Thresholds } from '../../model/guardrails';
import { type MetricId } from '../../model/metrics';
import { PARAMS, type ParamDef, type ParamId } from '../../model/params';
import type { Parsed, Scenario } from '../../model/scenario';
import type { GoalRule, GoalSpec } from '../../run/goal-spec';
import { paramDef } from '../charts/explore-data';
import { metricDef } from '../shared/comparison-rows';
import { parseNumberText } from '../shared/lever-values';
import { rangeAround } from './axis-form';

export interface ConstraintForm {
  metric: MetricId;
  op: '>=' | '<=';
  value: string;
}

export interface LeverForm {
  id: ParamId;
  from: string;
  to: string;
}

export interface GoalForm {
  objective: MetricId;
  sense: 'min' | 'max';
  constraints: ConstraintForm[];
  levers: LeverForm[];
  budget: string;
  /** Guardrails kept as constraints (every one unless unticked). */
  guardrails: MetricId[];
  /** When a constraint counts as met. */
  rule: GoalRule;
}

/** The form as the goal tool opens: the cheapest pay keeping on-time 95% and $18/h. */
export function defaultGoalForm(): GoalForm {
  return {
    objective: 'costPerPackage',
    sense: 'min',
    constraints: [
      { metric: 'onTimeRate', op: '>=', value: '95' },
      { metric: 'driverNetHourly', op: '>=', value: '18' },
    ],
    levers: [{ id: 'payPerHour', from: '16', to: '30' }],
    budget: '12',
    guardrails: [...TREE_GUARDRAIL_IDS],
    rule: 'interval',
  };
}

/** The constraint "Add a constraint" appends. */
export const NEW_CONSTRAINT: ConstraintForm = { metric: 'fillRate', op: '>=', value: '90' };

/**
 * The lever "Add a lever" appends: the first numeric policy lever not yet used, around the
 * scenario's value; undefined when every one is used.
 */
export function nextGoalLever(
  levers: readonly LeverForm[],
  scenario: Scenario,
): LeverForm | undefined {
  const used = new Set(levers.map((l) => l.id));
  const next = (PARAMS as readonly ParamDef[]).find(
    (p) => p.kind !== 'boolean' && p.group === 'policy' && !used.has(p.id as ParamId),
  );
  if (!next) return undefined;
  const id = next.id as ParamId;
  return { id, ...rangeAround(id, scenario) };
}

/**
 * The spec the form describes, with the guardrails kept at the thresholds in force, or a
 * message naming the first field that is not a number.
 */
export function goalSpec(form: GoalForm, thresholds: Thresholds = {}): Parsed<GoalSpec> {
  const constraints: GoalSpec['constraints'][number][] = [];
  for (const c of form.constraints) {
    const m = metricDef(c.metric);
    const v = parseNumberText(c.value);
    if (v === undefined) {
      return { ok: false, error: `The bound of ${m.label} must be a number, got "${c.value}".` };
    }
    constraints.push({ metric: c.metric, op: c.op, value: m.percent ? v / 100 : v });
  }
  const levers: GoalSpec['levers'][number][] = [];
  for (const l of form.levers) {
    const from = parseNumberText(l.from);
    const to = parseNumberText(l.to);
    if (from === undefined || to === undefined) {
      return {
        ok: false,
        error: `${paramDef(l.id).label}: "from" and "to" must be numbers, got "${l.from}" and "${l.to}".`,
      };
    }
    levers.push({ id: l.id, from, to });
  }
  const budget = parseNumberText(form.budget);
  if (budget === undefined) {
    return {
      ok: false,
      error: `The budget must be a whole number of runs, got "${form.budget}".`,
    };
  }
  const objective = { metric: form.objective, sense: form.sense };
  const guardrails = TREE_GUARDRAIL_IDS.filter((id) => form.guardrails.includes(id));
  const { rule } = form;
  return {
    ok: true,
    value: { objective, constraints, levers, budget, guardrails, rule, thresholds },
  };
}

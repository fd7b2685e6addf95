/**
 * Goal seek's guardrails, as templates: the form's fieldset (every guardrail kept as a
 * constraint at the threshold in force unless unticked, and the rule a constraint is met by),
 * and the words of the answer about them.
 */
import { html, type TemplateResult } from 'lit';
import {
  TREE_GUARDRAIL_IDS,
  breachNames,
  breachSide,
  effectiveThreshold,
  type Thresholds,
} from '../../model/guardrails';
import type { MetricId } from '../../model/metrics';
import type { GoalResult } from '../../run/goal-seek';
import type { GoalRule } from '../../run/goal-spec';
import { metricDef } from '../shared/comparison-rows';
import { formatThreshold } from '../shared/format';
import { inputText } from './explore-fields';

/** How each rule reads, in the form and in the answer. */
export const RULE_TEXT: Readonly<Record<GoalRule, string>> = {
  interval:
    'with 95% confidence: the worse end of the 95% interval is on the right side of the bound',
  mean: 'by the point estimate: the long-run mean is on the right side of the bound',
};

/** A guardrail's threshold in force, in words: "at most 10%". */
export function guardrailBound(id: MetricId, thresholds: Thresholds): string {
  const m = metricDef(id);
  const t = effectiveThreshold(m, thresholds);
  const word = breachSide(m) === 'above' ? 'at most' : 'at least';
  return `${word} ${t === undefined ? '–' : formatThreshold(m, t)}`;
}

/** The form's guardrails fieldset: a box per guardrail, and the rule. */
export function guardrailFields(
  kept: readonly MetricId[],
  rule: GoalRule,
  thresholds: Thresholds,
  edit: (change: { guardrails?: MetricId[]; rule?: GoalRule }) => void,
): TemplateResult {
  const toggle = (id: MetricId, on: boolean) =>
    edit({ guardrails: TREE_GUARDRAIL_IDS.filter((g) => (g === id ? on : kept.includes(g))) });
  return html`<fieldset style="width:100%" data-goal-guardrails>
    <legend>And every guardrail (thresholds as set in the workspace)</legend>
    <div class="metrics">
      ${TREE_GUARDRAIL_IDS.map(
        (id) =>
          html`<label
            ><input
              type="checkbox"
              data-goal-keep=${id}
              .checked=${kept.includes(id)}
              @change=${(e: Event) => toggle(id, (e.target as HTMLInputElement).checked)}
            />
            ${metricDef(id).label} ${guardrailBound(id, thresholds)}</label
          >`,
      )}
    </div>
    <label
      >A constraint is met
      <select data-goal-rule @change=${(e: Event) => edit({ rule: inputText(e) as GoalRule })}>
        <option value="interval" ?selected=${rule === 'interval'}>${RULE_TEXT.interval}</option>
        <option value="mean" ?selected=${rule === 'mean'}>${RULE_TEXT.mean}</option>
      </select></label
    >
  </fieldset>`;
}

/** The answer's heading: met only when every constraint holds and no guardrail is breached. */
export function answerHeading(g: GoalResult): string {
  if (g.met) return 'Best setting found: every constraint and guardrail met';
  const closest = 'No setting met every constraint; the closest one found';
  if (g.breached.length === 0) return closest;
  const names = breachNames(g.breached);
  return g.feasible
    ? `The best setting found breaches ${names}: not met`
    : `${closest} breaches ${names}`;
}

/** The answer's note on the guardrails not checked, and the rule used. */
export function answerNote(g: GoalResult): TemplateResult {
  const unchecked = g.unchecked.length
    ? html` Not kept as constraints (unticked): ${breachNames(g.unchecked)}; they are judged below
      all the same.`
    : html` Every guardrail was kept as a constraint.`;
  return html`<p data-goal-rule-used=${g.rule}>
    Constraints are met ${RULE_TEXT[g.rule]}.${unchecked}
  </p>`;
}

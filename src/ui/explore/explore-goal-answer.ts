/**
 * Goal seek's answer: the best setting found (or the closest when none met every constraint),
 * the objective and each constraint with its long-run value, change from the baseline, target
 * and chance of holding, the confidence they all hold, and a button to make it the scenario.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { breachNames, guardrailBreach, type Thresholds } from '../../model/guardrails';
import type { MetricDef, MetricId } from '../../model/metrics';
import type { GoalResult } from '../../run/goal-seek';
import type { ConstraintCheck } from '../../run/goal-constraints';
import type { GoalSpec } from '../../run/goal-spec';
import { metricValue } from '../../run/metric-value';
import { metricDef } from '../shared/comparison-rows';
import { formatChance, formatMetric, unitLabel } from '../shared/format';
import { deltaText, settingText, valueText } from './explore-text';
import { emit } from './explore-events';
import { exploreStyles } from './explore.styles';
import { answerHeading, answerNote, guardrailBound } from './goal-guardrails';

/**
 * @fires scenario-choose - CustomEvent<{ values }>, when the answer is made the scenario.
 */
@customElement('explore-goal-answer')
export class ExploreGoalAnswer extends LitElement {
  @property({ attribute: false }) result: GoalResult | undefined;
  /** The request answered (nothing is shown without it). */
  @property({ attribute: false }) spec: GoalSpec | undefined;

  static override styles = exploreStyles;

  override render() {
    const g = this.result;
    const spec = this.spec;
    if (!g || !spec) return nothing;
    // Near-certainties keep a decimal, so 99.9% does not read as a sure 100%.
    return html`<section
      class="goal"
      data-goal-result
      data-goal-met=${String(g.met)}
      aria-label="Goal seek answer"
    >
      <h3 class=${g.met ? '' : 'unmet'}>${g.met ? '' : '⚠ '}${answerHeading(g)}</h3>
      <p class="big">${settingText(g.best.values)}</p>
      <table>
        <thead>
          <tr>
            <th>Metric</th>
            <th>Long-run value (95% interval)</th>
            <th>Change vs baseline</th>
            <th>Target</th>
            <th>Chance it holds</th>
          </tr>
        </thead>
        <tbody>
          ${this.objectiveRow(g, spec)} ${g.constraints.map((c) => this.constraintRow(g, c))}
          ${g.unchecked.map((id) => this.uncheckedRow(g, id, spec.thresholds ?? {}))}
        </tbody>
      </table>
      ${answerNote(g)} ${this.confidence(g)} ${this.apply(g)}
    </section>`;
  }

  /** "Make this the scenario" for an answer met; a plain "anyway" button naming what fails. */
  private apply(g: GoalResult) {
    const choose = () => emit(this, 'scenario-choose', { values: g.best.values });
    if (g.met) {
      return html`<button type="button" class="primary" data-goal-apply @click=${choose}>
        Make this the scenario
      </button>`;
    }
    const why = g.breached.length
      ? `it breaches ${breachNames(g.breached)}`
      : 'it misses a constraint';
    return html`<button type="button" data-goal-apply data-goal-unmet @click=${choose}>
      Try this setting anyway (${why})
    </button>`;
  }

  /** A guardrail not kept as a constraint, judged all the same. */
  private uncheckedRow(g: GoalResult, id: MetricId, thresholds: Thresholds) {
    const m = metricDef(id);
    const actual = metricValue(g.best.comparison, id);
    const breached = guardrailBreach(m, actual.mean, thresholds);
    return html`<tr data-guardrail=${id} data-breached=${String(breached)} data-goal-unchecked>
      <td>${m.label}, ${unitLabel(m)} (guardrail)</td>
      <td>${valueText(m, actual)}</td>
      <td>${deltaText(m, g.best.comparison)}</td>
      <td>${guardrailBound(id, thresholds)}, not checked: ${breached ? '⚠ breached' : 'within'}</td>
      <td>–</td>
    </tr>`;
  }

  private objectiveRow(g: GoalResult, spec: GoalSpec) {
    const om = metricDef(spec.objective.metric);
    const sense = spec.objective.sense === 'max' ? 'highest' : 'lowest';
    return html`<tr data-goal-objective>
      <td>${om.label}, ${unitLabel(om)} (${sense})</td>
      <td>${valueText(om, g.objective)}</td>
      <td>${deltaText(om, g.best.comparison)}</td>
      <td>objective</td>
      <td>–</td>
    </tr>`;
  }

  private constraintRow(g: GoalResult, c: ConstraintCheck) {
    const m = metricDef(c.metric);
    if (c.guardrail) {
      const breached = g.breached.includes(c.metric);
      return html`<tr data-guardrail=${c.metric} data-breached=${String(breached)}>
        <td>${m.label}, ${unitLabel(m)} (guardrail)</td>
        ${this.checkCells(g, c, m)}
      </tr>`;
    }
    return html`<tr data-goal-constraint=${c.metric}>
      <td>${m.label}, ${unitLabel(m)}</td>
      ${this.checkCells(g, c, m)}
    </tr>`;
  }

  private checkCells(g: GoalResult, c: ConstraintCheck, m: MetricDef) {
    return html` <td>${valueText(m, c.actual)}</td>
      <td>${deltaText(m, g.best.comparison)}</td>
      <td>
        ${c.op === '>=' ? '≥' : '≤'} ${formatMetric(m, c.value)} ${c.met ? '✓ met' : '✗ not met'}
      </td>
      <td>${formatChance(c.probability)}</td>`;
  }

  private confidence(g: GoalResult) {
    return html`<p>
      Confidence that every constraint holds:
      <strong data-goal-confidence=${String(g.confidence)}>${formatChance(g.confidence)}</strong>
      (the product of the constraints' chances, treated as independent). ${g.points.length} runs;
      ${
        g.converged
          ? 'the search converged at the levers’ finest step.'
          : 'the budget ran out before the search converged; a larger budget may find better.'
      }
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'explore-goal-answer': ExploreGoalAnswer;
  }
}

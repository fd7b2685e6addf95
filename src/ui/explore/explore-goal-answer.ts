/**
 * Goal seek's answer: the best setting found (or the closest when none met every constraint),
 * the objective and each constraint with its long-run value, change from the baseline, target
 * and chance of holding, the confidence they all hold, and a button to make it the scenario.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { GoalResult } from '../../run/goal-seek';
import type { ConstraintCheck } from '../../run/goal-constraints';
import type { GoalSpec } from '../../run/goal-spec';
import { metricDef } from '../shared/comparison-rows';
import { formatChance, formatMetric, unitLabel } from '../shared/format';
import { deltaText, settingText, valueText } from './explore-text';
import { emit } from './explore-events';
import { exploreStyles } from './explore.styles';

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
    return html`<section class="goal" data-goal-result aria-label="Goal seek answer">
      <h3>
        ${
          g.feasible
            ? 'Best setting found'
            : 'No setting met every constraint; the closest one found'
        }
      </h3>
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
        </tbody>
      </table>
      ${this.confidence(g)}
      <button
        type="button"
        class="primary"
        data-goal-apply
        @click=${() => emit(this, 'scenario-choose', { values: g.best.values })}
      >
        Make this the scenario
      </button>
    </section>`;
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
    return html`<tr data-goal-constraint=${c.metric}>
      <td>${m.label}, ${unitLabel(m)}</td>
      <td>${valueText(m, c.actual)}</td>
      <td>${deltaText(m, g.best.comparison)}</td>
      <td>
        ${c.op === '>=' ? '≥' : '≤'} ${formatMetric(m, c.value)} ${c.met ? '✓ met' : '✗ not met'}
      </td>
      <td>${formatChance(c.probability)}</td>
    </tr>`;
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

/**
 * The Goal seek tool: the best setting of up to three levers for an objective, keeping
 * constraints on other metrics, within a budget of runs; the answer below its form.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CompareRunner } from '../../model/contract';
import type { Thresholds } from '../../model/guardrails';
import { defaultScenario, type Parsed, type Scenario } from '../../model/scenario';
import { goalPlan, goalSeek, type GoalResult } from '../../run/goal-seek';
import { GOAL_MAX_LEVERS, type GoalSpec } from '../../run/goal-spec';
import { paramDef } from '../charts/explore-data';
import { metricDef } from '../shared/comparison-rows';
import { unitLabel } from '../shared/format';
import { rangeAround } from './axis-form';
import { inputText, leverSelect, metricSelect } from './explore-fields';
import { emit } from './explore-events';
import { gatePlan } from './explore-plans';
import { exploreStyles } from './explore.styles';
import './explore-goal-answer';
import './explore-run-bar';
import {
  NEW_CONSTRAINT,
  defaultGoalForm,
  goalSpec,
  nextGoalLever,
  type ConstraintForm,
  type GoalForm,
  type LeverForm,
} from './goal-form';
import { guardrailFields } from './goal-guardrails';
import { IDLE, type RunJob, type RunStatus } from './run-session';

/**
 * @fires explore-run - CustomEvent<RunRequest>, when the seek is asked to run.
 * @fires scenario-choose - CustomEvent<{ values }>, from the answer, when it is made the scenario.
 */
@customElement('explore-goal')
export class ExploreGoal extends LitElement {
  /** Runs a comparison on the app's pool; undefined until the app provides it. */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  @property({ attribute: false }) status: RunStatus = IDLE;
  /** The user's guardrail thresholds (the table's where unset). */
  @property({ attribute: false }) thresholds: Thresholds = {};

  @state() private form: GoalForm = defaultGoalForm();
  @state() private result: GoalResult | undefined;
  /** The request of the last seek started. */
  @state() private specShown: GoalSpec | undefined;

  static override styles = exploreStyles;

  override render() {
    return html`<form @submit=${this.onSubmit} aria-label="Goal seek">
        ${this.objectiveFields()} ${this.constraintFields()}
        ${guardrailFields(this.form.guardrails, this.form.rule, this.thresholds, (c) =>
          this.edit(c),
        )}
        ${this.leverFields()}
        <label
          >Budget (runs)
          <input
            class="num"
            data-goal-budget
            .value=${this.form.budget}
            @input=${(e: Event) => this.edit({ budget: inputText(e) })}
        /></label>
      </form>
      <explore-run-bar
        .what=${'goal' as const}
        .status=${this.status}
        .ready=${this.runner !== undefined}
        @run-start=${this.run}
      ></explore-run-bar>
      ${
        this.result
          ? html`<explore-goal-answer
              .result=${this.result}
              .spec=${this.specShown}
            ></explore-goal-answer>`
          : html`<p class="note">Set an objective, constraints and levers, then seek.</p>`
      }`;
  }

  private edit(change: Partial<GoalForm>): void {
    this.form = { ...this.form, ...change };
  }

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    this.run();
  };

  private run = (): void => {
    const { runner, baseline } = this;
    if (!runner) return;
    const spec = goalSpec(this.form, this.thresholds);
    const job: Parsed<RunJob> = !spec.ok
      ? spec
      : {
          ok: true,
          value: async (options) => {
            this.result = await goalSeek(runner, baseline, spec.value, options);
            // Set with the answer: a cancelled seek leaves the last answer and its spec as they were.
            this.specShown = spec.value;
          },
        };
    emit(this, 'explore-run', {
      what: 'goal',
      job,
      ...(spec.ok ? { plan: () => gatePlan('goal', goalPlan(baseline, spec.value)) } : {}),
    });
  };

  private objectiveFields() {
    const { sense, objective } = this.form;
    return html`<fieldset style="width:100%">
      <legend>Objective</legend>
      <div class="row">
        <label
          >Find the
          <select
            data-goal-sense
            @change=${(e: Event) => this.edit({ sense: inputText(e) as 'min' | 'max' })}
          >
            <option value="min" ?selected=${sense === 'min'}>lowest</option>
            <option value="max" ?selected=${sense === 'max'}>highest</option>
          </select></label
        >
        ${metricSelect(objective, (m) => this.edit({ objective: m }), 'of')}
      </div>
    </fieldset>`;
  }

  private constraintFields() {
    return html`<fieldset style="width:100%">
      <legend>Keeping (long run)</legend>
      ${this.form.constraints.map((c, i) => this.constraintRow(c, i))}
      <button
        type="button"
        @click=${() => this.edit({ constraints: [...this.form.constraints, NEW_CONSTRAINT] })}
      >
        Add a constraint
      </button>
    </fieldset>`;
  }

  private constraintRow(c: ConstraintForm, i: number) {
    const set = (next: ConstraintForm) =>
      this.edit({ constraints: this.form.constraints.map((x, j) => (j === i ? next : x)) });
    const remove = () =>
      this.edit({ constraints: this.form.constraints.filter((_, j) => j !== i) });
    return html`<div class="row" data-constraint=${i}>
      ${metricSelect(c.metric, (metric) => set({ ...c, metric }), 'Metric')}
      <label
        >is
        <select
          aria-label="Comparison"
          @change=${(e: Event) => set({ ...c, op: inputText(e) as '>=' | '<=' })}
        >
          <option value=">=" ?selected=${c.op === '>='}>at least ≥</option>
          <option value="<=" ?selected=${c.op === '<='}>at most ≤</option>
        </select></label
      >
      <label
        >Value (${unitLabel(metricDef(c.metric))})
        <input
          class="num"
          .value=${c.value}
          @input=${(e: Event) => set({ ...c, value: inputText(e) })}
      /></label>
      <button type="button" aria-label="Remove this constraint" @click=${remove}>Remove</button>
    </div>`;
  }

  private leverFields() {
    const { levers } = this.form;
    const add = () => {
      const next = nextGoalLever(this.form.levers, this.scenario);
      if (next) this.edit({ levers: [...this.form.levers, next] });
    };
    return html`<fieldset style="width:100%">
      <legend>By moving (up to ${GOAL_MAX_LEVERS} levers)</legend>
      ${levers.map((l, i) => this.leverRow(l, i))}
      <button type="button" ?disabled=${levers.length >= GOAL_MAX_LEVERS} @click=${add}>
        Add a lever
      </button>
    </fieldset>`;
  }

  private leverRow(l: LeverForm, i: number) {
    const { levers } = this.form;
    const set = (next: LeverForm) =>
      this.edit({ levers: this.form.levers.map((x, j) => (j === i ? next : x)) });
    const def = paramDef(l.id);
    const unit = def.unit ? ` (${def.unit})` : '';
    return html`<div class="row" data-goal-lever=${i}>
      ${leverSelect(l.id, (id) => set({ id, ...rangeAround(id, this.scenario) }), 'Lever', true)}
      <label
        >From${unit}
        <input
          class="num"
          .value=${l.from}
          @input=${(e: Event) => set({ ...l, from: inputText(e) })}
      /></label>
      <label
        >To${unit}
        <input class="num" .value=${l.to} @input=${(e: Event) => set({ ...l, to: inputText(e) })}
      /></label>
      <button
        type="button"
        aria-label="Remove this lever"
        ?disabled=${levers.length <= 1}
        @click=${() => this.edit({ levers: this.form.levers.filter((_, j) => j !== i) })}
      >
        Remove
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'explore-goal': ExploreGoal;
  }
}

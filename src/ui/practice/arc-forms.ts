/**
 * The forms of the metric-question arc before the run, one per step, each with its Commit
 * button (the next step is shown only once this one is committed, so the screen gives nothing
 * away early): the goal and the North Star; inputs and guardrails with a reason (or, in a
 * ship-or-not drill, the criteria: the metric that must get better, the guardrails and the run
 * length judged on); the call with a sentence. Also the one-line summaries of committed steps.
 * Templates only: practice-mode.ts holds the answers and places them in its shadow root.
 *
 * Hooks: `data-goal-text`, `select[data-north-star]`, `[data-input=<id>]` and
 * `[data-guardrail=<id>]` checkboxes, `[data-guardrail-reason]`, `select[data-ship-goal]`,
 * `[data-horizon=<short|long>]`, `[data-call=<ship|change|dont>]`, `[data-call-reason]`,
 * `[data-commit=<goal|metrics|call>]`.
 */
import { html, nothing } from 'lit';
import { CALLS, GUARDRAILS_MAX, GUARDRAILS_MIN, metricDef, type Call } from '../../model/arc';
import type { MetricId } from '../../model/metrics';
import { RUN_LENGTHS, RUN_LENGTH_TEXT, type RunLength } from '../../model/scoring';
import { metricOptions } from '../shared/metric-options';
import { CALL_TEXT } from './arc-feedback';

type Handler<T> = (value: T) => void;

/** Step 1: the goal in a sentence and the North Star from the tree. */
export function goalForm(p: {
  goal: string;
  northStar: MetricId | '';
  onGoal: Handler<string>;
  onNorthStar: Handler<MetricId | ''>;
  onCommit: () => void;
}) {
  return html`<section aria-labelledby="goal-heading">
    <h3 id="goal-heading" tabindex="-1">Step 1 · The goal and the North Star</h3>
    <label class="block" for="goal-text">What is this service for, in a sentence?</label>
    <textarea
      id="goal-text"
      data-goal-text
      .value=${p.goal}
      @input=${(e: Event) => p.onGoal((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <label class="block" for="ns-choice"
      >Your North Star: the metric in the tree closest to it</label
    >
    <select
      id="ns-choice"
      data-north-star
      @change=${(e: Event) => p.onNorthStar((e.target as HTMLSelectElement).value as MetricId | '')}
    >
      <option value="" ?selected=${p.northStar === ''}>Choose a metric…</option>
      ${metricOptions(p.northStar)}
    </select>
    <div class="row commit">
      <button type="button" class="primary" data-commit="goal" @click=${p.onCommit}>
        Commit and go on
      </button>
      <span class="lede">Once committed, an answer is locked and the next step opens.</span>
    </div>
  </section>`;
}

function checkbox(kind: 'input' | 'guardrail', id: MetricId, on: boolean, toggle: () => void) {
  const label = metricDef(id).label;
  return kind === 'input'
    ? html`<input
        type="checkbox"
        data-input=${id}
        aria-label=${`${label} as an input metric`}
        .checked=${on}
        @change=${toggle}
      />`
    : html`<input
        type="checkbox"
        data-guardrail=${id}
        aria-label=${`${label} as a guardrail`}
        .checked=${on}
        @change=${toggle}
      />`;
}

/** A table of metrics with a checkbox per role (input, guardrail; or guardrail only). */
function roleTable(p: {
  metrics: readonly MetricId[];
  inputs?: readonly MetricId[];
  guardrails: readonly MetricId[];
  onInput?: Handler<MetricId>;
  onGuardrail: Handler<MetricId>;
}) {
  const inputs = p.inputs;
  const onInput = p.onInput;
  return html`<table class="roles">
    <thead>
      <tr>
        <th scope="col">Metric</th>
        ${inputs ? html`<th scope="col">Input</th>` : nothing}
        <th scope="col">Guardrail</th>
      </tr>
    </thead>
    <tbody>
      ${p.metrics.map(
        (id) =>
          html`<tr>
            <th scope="row">${metricDef(id).label}</th>
            ${
              inputs && onInput
                ? html`<td>${checkbox('input', id, inputs.includes(id), () => onInput(id))}</td>`
                : nothing
            }
            <td>
              ${checkbox('guardrail', id, p.guardrails.includes(id), () => p.onGuardrail(id))}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Step 2 of a metric question: input metrics and guardrails, and why. */
export function metricsForm(p: {
  metrics: readonly MetricId[];
  inputs: readonly MetricId[];
  guardrails: readonly MetricId[];
  reason: string;
  onInput: Handler<MetricId>;
  onGuardrail: Handler<MetricId>;
  onReason: Handler<string>;
  onCommit: () => void;
}) {
  return html`<section aria-labelledby="metrics-heading">
    <h3 id="metrics-heading" tabindex="-1">Step 2 · Input metrics and guardrails</h3>
    <p class="lede">
      Inputs: the metrics the change acts through first. Guardrails: ${GUARDRAILS_MIN} or
      ${GUARDRAILS_MAX} counter-metrics that must not get worse while the North Star moves.
    </p>
    ${roleTable(p)}
    <label class="block" for="guardrail-reason">Why these guardrails?</label>
    <textarea
      id="guardrail-reason"
      data-guardrail-reason
      .value=${p.reason}
      @input=${(e: Event) => p.onReason((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <div class="row commit">
      <button type="button" class="primary" data-commit="metrics" @click=${p.onCommit}>
        Commit and go on
      </button>
      <span>${p.guardrails.length} guardrail${p.guardrails.length === 1 ? '' : 's'} chosen.</span>
    </div>
  </section>`;
}

/** Step 1 of a ship-or-not drill: the criteria, stated before the reveal. */
export function criteriaForm(p: {
  goal: MetricId | '';
  guardrails: readonly MetricId[];
  metrics: readonly MetricId[];
  horizon: RunLength;
  onGoal: Handler<MetricId | ''>;
  onGuardrail: Handler<MetricId>;
  onHorizon: Handler<RunLength>;
  onCommit: () => void;
}) {
  return html`<section aria-labelledby="metrics-heading">
    <h3 id="metrics-heading" tabindex="-1">Step 1 · Your criteria</h3>
    <p class="lede">
      State how you will decide before you see anything: the metric that must get better, the
      guardrails that must not get worse, and the run length you judge on.
    </p>
    <label class="block" for="ship-goal">The metric that must get better</label>
    <select
      id="ship-goal"
      data-ship-goal
      @change=${(e: Event) => p.onGoal((e.target as HTMLSelectElement).value as MetricId | '')}
    >
      <option value="" ?selected=${p.goal === ''}>Choose a metric…</option>
      ${metricOptions(p.goal)}
    </select>
    ${roleTable({ metrics: p.metrics, guardrails: p.guardrails, onGuardrail: p.onGuardrail })}
    <fieldset class="horizon">
      <legend>Judge on</legend>
      ${RUN_LENGTHS.map(
        (run) =>
          html`<label
            ><input
              type="radio"
              name="horizon"
              data-horizon=${run}
              .checked=${p.horizon === run}
              @change=${() => p.onHorizon(run)}
            />
            ${RUN_LENGTH_TEXT[run]}</label
          >`,
      )}
    </fieldset>
    <div class="row commit">
      <button type="button" class="primary" data-commit="metrics" @click=${p.onCommit}>
        Commit and go on
      </button>
    </div>
  </section>`;
}

/** The last step: the call and a sentence of reasoning; committing it runs the simulation. */
export function callForm(p: {
  step: string;
  call: Call | '';
  reason: string;
  disabled: boolean;
  onCall: Handler<Call>;
  onReason: Handler<string>;
  onCommit: () => void;
}) {
  return html`<section aria-labelledby="call-heading">
    <h3 id="call-heading" tabindex="-1">${p.step} · The call</h3>
    <fieldset class="calls" ?disabled=${p.disabled}>
      <legend>Would you ship it?</legend>
      ${CALLS.map(
        (c) =>
          html`<label
            ><input
              type="radio"
              name="call"
              data-call=${c}
              .checked=${p.call === c}
              @change=${() => p.onCall(c)}
            />
            ${CALL_TEXT[c]}</label
          >`,
      )}
    </fieldset>
    <label class="block" for="call-reason">Why, in one sentence</label>
    <textarea
      id="call-reason"
      data-call-reason
      ?disabled=${p.disabled}
      .value=${p.reason}
      @input=${(e: Event) => p.onReason((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <div class="row commit">
      <button
        type="button"
        class="primary"
        data-commit="call"
        data-run
        ?disabled=${p.disabled}
        @click=${p.onCommit}
      >
        Commit and run the simulation
      </button>
    </div>
  </section>`;
}

/** A committed step, one line: its heading and the answer given. */
export function committedLine(title: string, answer: string, feedback: readonly string[] = []) {
  return html`<section class="committed" data-committed=${title}>
    <p><strong>${title}</strong> (committed): ${answer}</p>
    ${feedback.map((line) => html`<p class="lede">${line}</p>`)}
  </section>`;
}

/** A list of metric labels for a summary line: "Fill rate, Cost per package" or "none". */
export function labels(ids: readonly MetricId[]): string {
  return ids.length > 0 ? ids.map((id) => metricDef(id).label).join(', ') : 'none';
}

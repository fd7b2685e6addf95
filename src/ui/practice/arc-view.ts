/**
 * A round of practice mode below its header: the committed steps (one line each; the North
 * Star's with its feedback, which gives nothing of the run away), the step in hand, the run's
 * progress, and the reveal. Template only; `m` is the practice-mode element, whose state the
 * forms change through its setters.
 */
import { html, nothing } from 'lit';
import { choosableMetrics, gradeNorthStar, type ArcAnswers } from '../../model/arc';
import type { MetricId } from '../../model/metrics';
import type { Prompt } from '../../model/prompts';
import { NORTH_STAR } from '../../model/prompts';
import type { ShipDrill } from '../../model/ship-drills';
import { RUN_LENGTHS, RUN_LENGTH_TEXT, predictionKey } from '../../model/scoring';
import { METRIC_BY_ID } from '../../model/metrics';
import { formatDelta } from '../shared/format';
import { CALL_TEXT, northStarFeedback, quote } from './arc-feedback';
import { callForm, committedLine, criteriaForm, goalForm, labels, metricsForm } from './arc-forms';
import { questionReview, shipReview } from './arc-review';
import type { PracticeMode, PracticeStep } from './practice-mode';
import './practice-predictions';
import type { PredictionChangeDetail } from './practice-predictions';
import './practice-reveal';
import { cancelPractice } from './practice-run';

const ORDER: Readonly<Record<'question' | 'ship', readonly PracticeStep[]>> = {
  question: ['goal', 'metrics', 'predict', 'call', 'running', 'reveal'],
  ship: ['metrics', 'call', 'running', 'reveal'],
};

function toggle(list: readonly MetricId[], id: MetricId): MetricId[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

export function arcView(m: PracticeMode, prompt: Prompt, runnable: boolean) {
  const order = ORDER[m.kind];
  const at = order.indexOf(m.step);
  const done = (s: PracticeStep) => order.includes(s) && order.indexOf(s) < at;
  return html`
    ${done('goal') ? goalDone(m.answers) : nothing} ${done('metrics') ? metricsDone(m) : nothing}
    ${done('predict') ? predictDone(m.answers, prompt) : nothing}
    ${done('call') ? committedLine('The call', callLine(m.answers)) : nothing}
    ${m.step === 'goal' ? goalStep(m) : nothing}
    ${m.step === 'metrics' ? metricsStep(m, prompt) : nothing}
    ${m.step === 'predict' ? predictStep(m, prompt) : nothing}
    ${m.step === 'call' ? callStep(m, runnable) : nothing}
    ${m.step === 'running' ? runningView(m) : nothing}
    ${m.step === 'reveal' ? revealView(m, prompt) : nothing}
    ${m.notice && m.step !== 'reveal' ? noticeLine(m) : nothing}
  `;
}

function goalDone(a: ArcAnswers) {
  const pick = a.northStar ? (METRIC_BY_ID.get(a.northStar)?.label ?? a.northStar) : 'none';
  return committedLine(
    'Step 1 · Goal and North Star',
    `${a.goal.trim() ? `“${quote(a.goal)}”` : 'no goal stated'}; North Star: ${pick}`,
    northStarFeedback(gradeNorthStar(a, []), a.goal).slice(1),
  );
}

function metricsDone(m: PracticeMode) {
  const a = m.answers;
  if (m.kind === 'ship') {
    return committedLine(
      'Step 1 · Your criteria',
      `${labels(m.shipGoal ? [m.shipGoal] : [])} must get better; ${labels(a.guardrails)} must not get worse; judged on the ${RUN_LENGTH_TEXT[m.horizon].toLowerCase()}`,
    );
  }
  return committedLine(
    'Step 2 · Inputs and guardrails',
    `inputs: ${labels(a.inputs)}; guardrails: ${labels(a.guardrails)}${a.guardrailReason.trim() ? `; why: “${quote(a.guardrailReason)}”` : ''}`,
  );
}

function predictDone(a: ArcAnswers, prompt: Prompt) {
  const made = Object.keys(a.predictions).length;
  return committedLine(
    'Step 3 · Direction and size',
    `${made} of ${prompt.metrics.length * RUN_LENGTHS.length} predictions made`,
  );
}

function callLine(a: ArcAnswers): string {
  return `${a.call ? CALL_TEXT[a.call] : 'no call'}${a.callReason.trim() ? `: “${quote(a.callReason)}”` : ''}`;
}

function goalStep(m: PracticeMode) {
  return goalForm({
    goal: m.answers.goal,
    northStar: m.answers.northStar,
    onGoal: (goal) => m.set({ goal }),
    onNorthStar: (northStar) => m.set({ northStar }),
    onCommit: () => (m.step = 'metrics'),
  });
}

function metricsStep(m: PracticeMode, prompt: Prompt) {
  const a = m.answers;
  const metrics = choosableMetrics(prompt.metrics, m.kind === 'ship');
  if (m.kind === 'ship') {
    return criteriaForm({
      goal: m.shipGoal,
      guardrails: a.guardrails,
      metrics,
      horizon: m.horizon,
      onGoal: (goal) => m.setShip(goal, m.horizon),
      onGuardrail: (id) => m.set({ guardrails: toggle(a.guardrails, id) }),
      onHorizon: (h) => m.setShip(m.shipGoal, h),
      onCommit: () => (m.step = 'call'),
    });
  }
  return metricsForm({
    metrics,
    inputs: a.inputs,
    guardrails: a.guardrails,
    reason: a.guardrailReason,
    onInput: (id) => m.set({ inputs: toggle(a.inputs, id) }),
    onGuardrail: (id) => m.set({ guardrails: toggle(a.guardrails, id) }),
    onReason: (guardrailReason) => m.set({ guardrailReason }),
    onCommit: () => (m.step = 'predict'),
  });
}

function predictStep(m: PracticeMode, prompt: Prompt) {
  const a = m.answers;
  const onChange = (e: CustomEvent<PredictionChangeDetail>) => {
    const { key, direction, size } = e.detail;
    if (direction) m.set({ predictions: { ...a.predictions, [key]: direction } });
    if (size) m.set({ sizes: { ...a.sizes, [key]: size } });
  };
  const made = Object.keys(a.predictions).length;
  const asked = prompt.metrics.length * RUN_LENGTHS.length;
  return html`<section aria-labelledby="predict-heading">
    <h3 id="predict-heading" tabindex="-1">Step 3 · Direction and size, short and long run</h3>
    <p class="lede" data-flat-rule>
      Flat means a change smaller than the metric’s smallest change that matters, the threshold
      written under its name, not “the interval includes zero”. Up or down: the run’s 95% interval
      excludes zero and the change is at least that threshold; a move the run cannot settle either
      way is shown but not scored. Sizes are multiples of the threshold: small up to 3×, medium up
      to 10×, large beyond.
    </p>
    <practice-predictions
      .metrics=${prompt.metrics}
      .predictions=${a.predictions}
      .sizes=${a.sizes}
      ?showNorthStar=${true}
      @prediction-change=${onChange}
    ></practice-predictions>
    <div class="row commit">
      <button type="button" class="primary" data-commit="predict" @click=${() => (m.step = 'call')}>
        Commit and go on
      </button>
      <span
        >${made} of ${asked} directions
        made${made < asked ? '; a missing one counts as wrong' : ''}.</span
      >
    </div>
  </section>`;
}

function callStep(m: PracticeMode, runnable: boolean) {
  return html`${callForm({
    step: m.kind === 'ship' ? 'Step 2' : 'Step 4',
    call: m.answers.call,
    reason: m.answers.callReason,
    disabled: !runnable || m.runner === undefined,
    onCall: (call) => m.setCall(call),
    onReason: (callReason) => m.set({ callReason }),
    onCommit: () => void m.runRound(),
  })}
  ${
    m.runner === undefined
      ? html`<p class="notice" role="status">
          The simulation is not connected yet: the app has not handed practice mode its workers.
        </p>`
      : nothing
  }`;
}

function runningView(m: PracticeMode) {
  return html`<section aria-labelledby="run-heading">
    <h3 id="run-heading" tabindex="-1">Running the simulation</h3>
    <p class="row" role="status">
      <progress max="1" .value=${m.run.progress} aria-label="Simulation progress"></progress>
      <span>${m.run.text}</span>
      <button type="button" data-action="cancel-practice" @click=${() => cancelPractice(m)}>
        Cancel
      </button>
    </p>
    <p class="lede" data-notice="estimate">${m.run.estimate}</p>
  </section>`;
}

function noticeLine(m: PracticeMode) {
  const anyway = m.step === 'call' && m.run.gateLabel === 'Run anyway';
  return html`<p class="notice" role="alert">
    ${m.notice}
    ${
      anyway
        ? html`<button
            type="button"
            data-action="run-anyway-practice"
            @click=${() => void m.runRound(true)}
          >
            Run anyway
          </button>`
        : nothing
    }
  </p>`;
}

function revealView(m: PracticeMode, prompt: Prompt) {
  const g = m.graded;
  const pair = m.revealed;
  if (!g || !pair) return nothing;
  return html`<section aria-labelledby="reveal-heading">
      <h3 id="reveal-heading" tabindex="-1">The answers</h3>
      ${m.notice ? html`<p class="notice" role="alert">${m.notice}</p>` : nothing}
      ${
        g.kind === 'question'
          ? questionReview(g.grade, m.answers, m.measured)
          : shipReview(g.grade, m.shipAnswer(), (prompt as ShipDrill).criteria)
      }
    </section>
    ${
      g.kind === 'question'
        ? html`<section aria-label="Every prediction">
            <practice-reveal
              .rows=${g.grade.rows}
              .decomposition=${m.comparison?.why}
              .baseline=${pair.baseline}
              .scenario=${pair.scenario}
              .previousBest=${m.previousBest}
              .measured=${m.measured}
            ></practice-reveal>
          </section>`
        : shipTable(m, prompt)
    }
    <div class="row">
      <button type="button" class="primary" @click=${m.backToPrompts}>Another prompt</button>
      <button type="button" @click=${m.tryAgain}>Try this prompt again</button>
    </div>`;
}

/** A ship drill's measured changes: each asked metric, short and long run. */
function shipTable(m: PracticeMode, prompt: Prompt) {
  return html`<section aria-label="What the simulation measured">
    <table class="measured" data-measured>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          ${RUN_LENGTHS.map((r) => html`<th scope="col">${RUN_LENGTH_TEXT[r]}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${prompt.metrics.map((id) => {
          const def = METRIC_BY_ID.get(id);
          if (!def) return nothing;
          return html`<tr>
            <th scope="row">${def.label}${id === NORTH_STAR ? ' (North Star)' : ''}</th>
            ${RUN_LENGTHS.map((run) => {
              const t = m.measured.find((x) => x.metric === id && x.run === run);
              return html`<td data-truth=${predictionKey(id, run)}>
                ${t ? formatDelta(def, t.delta, t.low, t.high) : '–'}
                ${t ? (t.verdict === 'negligible' ? '(flat)' : t.verdict === 'uncertain' ? '(can’t tell)' : `(${t.verdict})`) : ''}
              </td>`;
            })}
          </tr>`;
        })}
      </tbody>
    </table>
  </section>`;
}

import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  METRICS,
  METRIC_BY_ID,
  STAKEHOLDERS,
  type MetricId,
  type Stakeholder,
} from '../../model/metrics';
import { PARAM_BY_ID, defaultParams, type Params } from '../../model/params';
import {
  NORTH_STAR,
  PROMPTS,
  PROMPT_BY_ID,
  formatParamValue,
  PRACTICE_MIN_WEEKS,
  promptFromScenario,
  promptRun,
  type Prompt,
  type PromptRun,
} from '../../model/prompts';
import { defaultScenario, type Scenario } from '../../model/scenario';
import {
  DIRECTIONS,
  EMPTY_HISTORY,
  RUN_LENGTHS,
  RUN_LENGTH_TEXT,
  loadHistory,
  predictionKey,
  recordAttempt,
  scoreRound,
  truthsOf,
  type Direction,
  type History,
  type HistoryStorage,
  type PredictionKey,
  type Predictions,
  type RoundScore,
  type RunLength,
  type Truth,
} from '../../model/scoring';
import { isSuperseded } from '../../run/pool';
import { formatDelta, unitLabel } from '../shared/format';
import { DIFFICULTY_TEXT, type PromptPickDetail } from './practice-prompts';
import './practice-reveal';
import { DIRECTION_TEXT } from './practice-reveal';
import type { CompareRunner } from '../shared/runner';
import { visuallyHidden } from '../shared/styles';
import { metricOptions } from '../shared/metric-options';

export type PracticeStep = 'pick' | 'predict' | 'running' | 'reveal';

/** The browser's storage, or undefined where the page may not use it. */
function browserStorage(): HistoryStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Why a metric of this stakeholder is not the North Star, in a sentence. */
const NOT_NORTH_STAR: Readonly<Record<Stakeholder, string>> = {
  northStar: '',
  customers:
    'A rate does not grow with the business and can improve by delivering less; the count of packages on time grows only when more customers get what was promised.',
  merchants:
    'Marketplace sellers are one group of customers; the count covers every package, theirs included.',
  drivers:
    'Drivers are the supply side: their pay, hours and retention are inputs that feed the North Star, and some of them guardrails, but the service exists to deliver packages.',
  operator:
    'The operator’s measures (cost, fill, surge, fallback, idle hours) are inputs: each can look better while customers get less (fill reaches 100% when too few blocks are planned; cost falls when capacity is cut), so they are watched as inputs and guardrails rather than chased.',
  guardrails:
    'Guardrails are counter-metrics that must not degrade while the North Star moves; they say what not to break, not what to grow.',
};

const MOVED: Readonly<Record<Direction, string>> = {
  up: 'rose',
  down: 'fell',
  flat: 'showed no clear change',
};

const MODEL_NORTH_STAR_WHY =
  'It counts the value customers receive (packages that arrive when promised, by drivers or the fallback carrier), it grows with the business, and every stakeholder’s inputs feed it: drivers claim the blocks, the operator plans and pays for capacity, and sellers’ promises are kept when it rises.';

/**
 * Practice mode for interview candidates: pick a prompt (a change a PM might propose), write
 * the North Star you would pick and predict up, down or flat for each asked metric in the
 * short and the long run; run the simulation (baseline = the workspace baseline with the
 * prompt's setting, scenario = that baseline with the prompt's changes); then see the answers
 * with intervals, the score, the causal chain behind each miss and a note on the North Star.
 * Scores are kept in the browser (src/model/scoring.ts).
 *
 * Carries `data-step` (pick, predict, running, reveal). Test hooks: `data-prompt` on each
 * prompt, `data-predict="<metricId>:<short|long>"` on each prediction group, `data-truth` on
 * each answer row and `data-score` on the score (in practice-reveal).
 */
@customElement('practice-mode')
export class PracticeMode extends LitElement {
  /** Runs a comparison on the app's pool; undefined until the app provides it. */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  /** The workspace's baseline: prompts are changes against it. */
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  /** The workspace's current scenario (a candidate can make a prompt from it). */
  @property({ attribute: false }) scenario: Scenario = defaultScenario();

  @property({ type: String, reflect: true, attribute: 'data-step' })
  step: PracticeStep = 'pick';

  @state() private history: History = EMPTY_HISTORY;
  @state() private prompt: Prompt | undefined;
  @state() private predictions: Predictions = {};
  @state() private northStarText = '';
  @state() private northStarChoice: MetricId | '' = '';
  @state() private progress = 0;
  @state() private progressText = '';
  @state() private notice = '';
  @state() private result: RoundScore | undefined;
  /** Every metric's measured change in the last run, for the reveal's explanations. */
  @state() private measured: readonly Truth[] = [];
  @state() private revealed: PromptRun | undefined;
  @state() private previousBest: number | undefined;

  /** Counts runs, so a result arriving after the candidate moved on is dropped. */
  private runs = 0;

  static override styles = css`
    :host {
      display: block;
      max-width: 78rem;
      margin: 0 auto;
      font-size: 1.05rem;
      color: #1c2430;
    }
    section {
      background: #fff;
      border: 1px solid #dde2e8;
      border-radius: 8px;
      padding: 1rem 1.25rem;
      margin: 0 0 1rem;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.35rem;
    }
    h3 {
      margin: 0 0 0.5rem;
      font-size: 1.1rem;
    }
    p {
      margin: 0.25rem 0 0.5rem;
    }
    .lede {
      color: #4f5968;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    button {
      font: inherit;
      padding: 0.45rem 0.9rem;
      border-radius: 6px;
      border: 1px solid #1f4e8c;
      background: #fff;
      color: #1f4e8c;
      cursor: pointer;
    }
    button.primary {
      background: #1f4e8c;
      color: #fff;
      font-weight: 600;
    }
    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    button:focus-visible,
    textarea:focus-visible,
    select:focus-visible {
      outline: 3px solid #1f4e8c;
      outline-offset: 2px;
    }
    .notice {
      color: #8a1c1c;
    }
    .changes {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
    .difficulty {
      font-size: 0.9rem;
      padding: 0.1rem 0.5rem;
      border: 1px solid currentColor;
      border-radius: 999px;
    }
    label.block {
      display: block;
      font-weight: 600;
      margin: 0.5rem 0 0.25rem;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
      min-height: 3.5rem;
      font: inherit;
      padding: 0.4rem;
    }
    select {
      font: inherit;
      padding: 0.3rem;
      max-width: 100%;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 0.35rem 0.5rem;
      border-bottom: 1px solid #e3e7ec;
      vertical-align: middle;
    }
    thead th {
      font-size: 0.9rem;
      color: #4f5968;
    }
    .unit {
      display: block;
      font-weight: normal;
      font-size: 0.85rem;
      color: #4f5968;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      display: inline-flex;
      gap: 0.3rem;
    }
    legend {
      ${visuallyHidden}
    }
    .choice {
      position: relative;
    }
    .choice input {
      position: absolute;
      opacity: 0;
      inset: 0;
      margin: 0;
      cursor: pointer;
    }
    .choice span {
      display: inline-block;
      padding: 0.3rem 0.6rem;
      border: 1px solid #9aa5b3;
      border-radius: 6px;
      white-space: nowrap;
    }
    .choice input:checked + span {
      background: #1f4e8c;
      border-color: #1f4e8c;
      color: #fff;
      font-weight: 600;
    }
    .choice input:focus-visible + span {
      outline: 3px solid #1f4e8c;
      outline-offset: 2px;
    }
    progress {
      width: 16rem;
      height: 1rem;
    }
    .northstar-note strong {
      font-weight: 600;
    }
    @media (min-width: 1600px) {
      :host {
        max-width: 96rem;
        font-size: 1.2rem;
      }
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    const storage = browserStorage();
    this.history = storage
      ? loadHistory(storage)
      : { ...EMPTY_HISTORY, problems: ['scores cannot be kept in this browser'] };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A run still in flight is left to finish on the pool; its answer is no longer wanted.
    this.runs++;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('baseline') && this.step === 'predict') this.notice = '';
  }

  /**
   * A new step takes the focus to its heading, so that the keyboard goes on from there (the
   * button that led to it is gone, and the focus would fall back to the page).
   */
  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('step') || changed.get('step') === undefined) return;
    const heading = {
      pick: '#pick-heading',
      predict: '#prompt-heading',
      running: '#run-heading',
      reveal: '#reveal-heading',
    }[this.step];
    this.renderRoot.querySelector<HTMLElement>(heading)?.focus({ preventScroll: false });
  }

  override render() {
    return html`
      ${
        this.history.problems.length > 0
          ? html`<p class="notice" role="status">${this.history.problems.join(' ')}</p>`
          : nothing
      }
      ${this.step === 'pick' ? this.pickView() : this.roundView()}
    `;
  }

  // ---- step 0: pick a prompt ----------------------------------------------------------------

  private pickView() {
    return html`<section aria-labelledby="pick-heading">
      <h2 id="pick-heading" tabindex="-1">Practice metric reasoning</h2>
      <p class="lede">
        Pick a change a product manager might propose. First you say which North Star you would pick
        and predict how each metric moves in the short run and the long run; then the simulation
        answers, scores your predictions and explains each miss by the causal chain in the model.
      </p>
      <div class="row">
        <button type="button" data-custom-prompt @click=${this.promptFromWorkspace}>
          Make a prompt from my workspace scenario
        </button>
        ${this.notice ? html`<span class="notice" role="alert">${this.notice}</span>` : nothing}
      </div>
      <h3 style="margin-top:1rem">Prompts</h3>
      <practice-prompts
        .prompts=${PROMPTS}
        .history=${this.history}
        @prompt-pick=${(e: CustomEvent<PromptPickDetail>) => this.pick(e.detail.id)}
      ></practice-prompts>
    </section>`;
  }

  private pick(id: string): void {
    const prompt = PROMPT_BY_ID.get(id);
    if (prompt) this.start(prompt);
  }

  private promptFromWorkspace(): void {
    const r = promptFromScenario(this.baseline, this.scenario);
    if (!r.ok) {
      this.notice = r.error;
      return;
    }
    this.start(r.value);
  }

  private start(prompt: Prompt): void {
    this.prompt = prompt;
    this.predictions = {};
    this.result = undefined;
    this.revealed = undefined;
    this.notice = '';
    this.step = 'predict';
  }

  private backToPrompts(): void {
    this.runs++;
    this.step = 'pick';
    this.prompt = undefined;
    this.notice = '';
  }

  // ---- steps 1–3 --------------------------------------------------------------------------------

  private roundView() {
    const prompt = this.prompt;
    if (!prompt) return nothing;
    const run = promptRun(prompt, this.baseline);
    return html`
      <section aria-labelledby="prompt-heading">
        <div class="row">
          <h2 id="prompt-heading" tabindex="-1">${prompt.title}</h2>
          <span class="difficulty">${DIFFICULTY_TEXT[prompt.difficulty]}</span>
          <button type="button" @click=${this.backToPrompts}>Back to the prompts</button>
        </div>
        <p class="lede">${prompt.context}</p>
        ${
          run.ok
            ? this.changesView(prompt, run.value)
            : html`<p class="notice" role="alert">This prompt cannot run: ${run.error}.</p>`
        }
      </section>
      ${this.step === 'reveal' ? this.revealView(prompt) : this.predictView(prompt, run.ok)}
    `;
  }

  private changesView(prompt: Prompt, run: PromptRun) {
    // A library prompt starts from the default station; one made from the workspace from
    // the workspace baseline.
    const reference = prompt.fromWorkspace ? this.baseline.params : defaultParams();
    const ids = Object.keys(run.scenario.params) as (keyof Params)[];
    const changed = ids.filter((id) => run.scenario.params[id] !== run.baseline.params[id]);
    const setting = ids.filter(
      (id) => run.baseline.params[id] !== reference[id] && !changed.includes(id),
    );
    const longer = run.baseline.weeks > this.baseline.weeks && prompt.weeks === undefined;
    const line = (id: keyof Params, from: number | boolean, to: number | boolean) => {
      const def = PARAM_BY_ID.get(id);
      return def
        ? html`<li>${def.label}: ${formatParamValue(def, from)} → ${formatParamValue(def, to)}</li>`
        : nothing;
    };
    return html`<p>
        Compared with
        ${prompt.fromWorkspace ? 'your workspace baseline' : 'the default station (your workspace levers are left out, so every candidate answers the same question)'}
        over ${run.baseline.weeks}
        weeks${longer ? ` (at least ${PRACTICE_MIN_WEEKS}, so that the short and the long run do not overlap)` : ''},
        ${run.baseline.replications} paired replications. The change:
      </p>
      <ul class="changes">
        ${changed.map((id) => line(id, run.baseline.params[id], run.scenario.params[id]))}
      </ul>
      ${
        setting.length > 0
          ? html`<p>For both runs (the situation, not the change):</p>
              <ul class="changes">
                ${setting.map((id) => line(id, reference[id], run.baseline.params[id]))}
              </ul>`
          : nothing
      }`;
  }

  private predictView(prompt: Prompt, runnable: boolean) {
    const running = this.step === 'running';
    const made = Object.keys(this.predictions).length;
    const asked = prompt.metrics.length * RUN_LENGTHS.length;
    return html`
      <section aria-labelledby="ns-heading">
        <h3 id="ns-heading">Step 1a · Your North Star</h3>
        <label class="block" for="ns-text"
          >Which North Star would you pick for this service, and why?</label
        >
        <textarea
          id="ns-text"
          data-north-star-text
          .value=${this.northStarText}
          ?disabled=${running}
          @input=${(e: Event) => (this.northStarText = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <label class="block" for="ns-choice">The metric in the tree closest to it</label>
        <select
          id="ns-choice"
          data-north-star
          ?disabled=${running}
          @change=${(e: Event) =>
            (this.northStarChoice = (e.target as HTMLSelectElement).value as MetricId | '')}
        >
          <option value="" ?selected=${this.northStarChoice === ''}>Choose a metric…</option>
          ${metricOptions(this.northStarChoice)}
        </select>
      </section>
      <section aria-labelledby="predict-heading">
        <h3 id="predict-heading">Step 1b · Predict each metric</h3>
        <p class="lede">
          Up, down or flat, against the baseline. Flat means the change is too small to tell from
          zero: the 95% interval of the paired difference includes zero. Use Tab to move between
          groups and the arrow keys within one.
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              ${RUN_LENGTHS.map((run) => html`<th scope="col">${RUN_LENGTH_TEXT[run]}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${prompt.metrics.map((id) => this.predictRow(id, running))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="run-heading">
        <h3 id="run-heading" tabindex="-1">Step 2 · Run the simulation</h3>
        <div class="row">
          <button
            type="button"
            class="primary"
            data-run
            ?disabled=${running || !runnable || this.runner === undefined}
            @click=${this.runRound}
          >
            Run the simulation
          </button>
          <span
            >${made} of ${asked} predictions
            made${made < asked ? '; a missing one counts as wrong' : ''}.</span
          >
        </div>
        ${
          this.runner === undefined
            ? html`<p class="notice" role="status">
                The simulation is not connected yet: the app has not handed practice mode its
                workers.
              </p>`
            : nothing
        }
        ${
          running
            ? html`<p class="row" role="status">
                <progress
                  max="1"
                  .value=${this.progress}
                  aria-label="Simulation progress"
                ></progress>
                <span>${this.progressText}</span>
              </p>`
            : nothing
        }
        ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
      </section>
    `;
  }

  private predictRow(id: MetricId, disabled: boolean) {
    const def = METRIC_BY_ID.get(id);
    if (!def) return nothing;
    return html`<tr>
      <th scope="row" title=${def.definition}>
        ${def.label}${id === NORTH_STAR ? ' (North Star)' : ''}
        <span class="unit"
          >${unitLabel(def)} · ${def.better === 'up' ? 'higher is better' : 'lower is better'}</span
        >
      </th>
      ${RUN_LENGTHS.map((run) => this.choiceGroup(id, def.label, run, disabled))}
    </tr>`;
  }

  private choiceGroup(id: MetricId, label: string, run: RunLength, disabled: boolean) {
    const key = predictionKey(id, run);
    const name = `predict-${key}`;
    return html`<td>
      <fieldset data-predict=${key} ?disabled=${disabled}>
        <legend>${label}, ${RUN_LENGTH_TEXT[run].toLowerCase()}</legend>
        ${DIRECTIONS.map(
          (d) =>
            html`<label class="choice">
              <input
                type="radio"
                name=${name}
                value=${d}
                .checked=${this.predictions[key] === d}
                @change=${() => this.predict(key, d)}
              /><span>${DIRECTION_TEXT[d]}</span>
            </label>`,
        )}
      </fieldset>
    </td>`;
  }

  private predict(key: PredictionKey, direction: Direction): void {
    this.predictions = { ...this.predictions, [key]: direction };
  }

  private async runRound(): Promise<void> {
    const prompt = this.prompt;
    const runner = this.runner;
    if (!prompt || !runner) return;
    const pair = promptRun(prompt, this.baseline);
    if (!pair.ok) {
      this.notice = pair.error;
      return;
    }
    const token = ++this.runs;
    this.step = 'running';
    this.notice = '';
    this.progress = 0;
    this.progressText = 'Starting…';
    try {
      const comparison = await runner(pair.value.baseline, pair.value.scenario, (p) => {
        if (token !== this.runs) return;
        this.progress = Number.isFinite(p.fraction) ? p.fraction : 0;
        this.progressText = `${p.done} of ${p.total} replications simulated`;
      });
      if (token !== this.runs) return;
      this.measured = truthsOf(
        comparison,
        METRICS.map((m) => m.id),
      );
      this.finish(prompt, pair.value, truthsOf(comparison, prompt.metrics));
    } catch (error) {
      if (token !== this.runs) return;
      this.step = 'predict';
      this.notice = isSuperseded(error)
        ? 'The run was interrupted by another run on the same workers; your predictions are kept: run it again.'
        : `The simulation failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private finish(prompt: Prompt, pair: PromptRun, truths: readonly Truth[]): void {
    const result = scoreRound(truths, this.predictions);
    this.previousBest = this.history.records[prompt.id]?.best;
    this.result = result;
    this.revealed = pair;
    this.step = 'reveal';
    const storage = browserStorage();
    if (!storage) return;
    const r = recordAttempt(storage, this.history, prompt.id, prompt.title, result.score);
    if (r.ok) this.history = r.value;
    else this.notice = r.error;
  }

  private tryAgain(): void {
    if (this.prompt) this.start(this.prompt);
  }

  private revealView(prompt: Prompt) {
    const pair = this.revealed;
    return html`
      <section aria-labelledby="reveal-heading">
        <h3 id="reveal-heading" tabindex="-1">Step 3 · The answers</h3>
        ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
        <practice-reveal
          .result=${this.result}
          .baseline=${pair?.baseline ?? this.baseline}
          .scenario=${pair?.scenario ?? this.scenario}
          .previousBest=${this.previousBest}
          .measured=${this.measured}
        ></practice-reveal>
      </section>
      <section aria-labelledby="ns-note-heading" class="northstar-note">
        <h3 id="ns-note-heading">Your North Star and the model’s</h3>
        ${this.northStarNote(prompt)}
      </section>
      <div class="row">
        <button type="button" class="primary" @click=${this.backToPrompts}>Another prompt</button>
        <button type="button" @click=${this.tryAgain}>Try this prompt again</button>
      </div>
    `;
  }

  private northStarNote(prompt: Prompt) {
    const model = METRIC_BY_ID.get(NORTH_STAR);
    const chosen = this.northStarChoice === '' ? undefined : METRIC_BY_ID.get(this.northStarChoice);
    const text = this.northStarText.trim();
    const nsRows = this.result?.rows.filter((r) => r.truth.metric === NORTH_STAR) ?? [];
    let verdict;
    if (!chosen) {
      verdict = html`<p>You did not choose a metric from the tree.</p>`;
    } else if (chosen.id === NORTH_STAR) {
      verdict = html`<p><strong>You picked the model’s North Star.</strong></p>`;
    } else {
      const group = STAKEHOLDERS.find((s) => s.id === chosen.stakeholder);
      verdict = html`<p>
          You picked <strong>${chosen.label}</strong>
          (${group ? group.label.toLowerCase() : chosen.stakeholder}).
        </p>
        <p>${NOT_NORTH_STAR[chosen.stakeholder]}</p>`;
    }
    return html`
      ${text ? html`<p>You wrote: “${text}”</p>` : html`<p>You wrote no North Star.</p>`} ${verdict}
      <p>
        The model’s North Star is <strong>${model?.label ?? NORTH_STAR}</strong>.
        ${MODEL_NORTH_STAR_WHY}
      </p>
      ${
        nsRows.length > 0 && model && prompt.metrics.includes(NORTH_STAR)
          ? html`<p>
              In this round it
              ${nsRows.map(
                (r, i) =>
                  html`${i > 0 ? ' and ' : ''}${
                    r.truth.direction ? MOVED[r.truth.direction] : 'had no estimate'
                  }
                  in the ${r.truth.run} run
                  (${formatDelta(model, r.truth.delta, r.truth.low, r.truth.high)} packages a week)`,
              )}.
            </p>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'practice-mode': PracticeMode;
  }
}

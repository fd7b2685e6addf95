import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { METRICS, type MetricId } from '../../model/metrics';
import {
  PROMPTS,
  PROMPT_BY_ID,
  promptFromScenario,
  promptRun,
  type Prompt,
  type PromptRun,
} from '../../model/prompts';
import { defaultScenario, type Scenario } from '../../model/scenario';
import {
  EMPTY_HISTORY,
  RUN_LENGTHS,
  loadHistory,
  recordAttempt,
  scoreRound,
  truthsOf,
  type History,
  type HistoryStorage,
  type Predictions,
  type RoundScore,
  type Truth,
} from '../../model/scoring';
import { isSuperseded } from '../../run/pool';
import { metricOptions } from '../shared/metric-options';
import { GO, decideRun, pairPlan } from '../shared/run-gate';
import type { CompareRunner } from '../shared/runner';
import { northStarNote } from './north-star-note';
import { practiceModeStyles } from './practice-mode.styles';
import './practice-predictions';
import type { PredictionChangeDetail } from './practice-predictions';
import type { PromptPickDetail } from './practice-prompts';
import './practice-prompts';
import './practice-reveal';
import './root-cause-drill';
import { roundHeader } from './round-header';

export type PracticeStep = 'pick' | 'predict' | 'running' | 'reveal';

/** The browser's storage, or undefined where the page may not use it. */
function browserStorage(): HistoryStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Practice mode for interview candidates: pick a prompt (a change a PM might propose), write
 * the North Star you would pick and predict up, down or flat for each asked metric in the
 * short and the long run; run the simulation (baseline = the workspace baseline with the
 * prompt's setting, scenario = that baseline with the prompt's changes); then see the answers
 * with intervals, the score, the causal chain behind each miss and a note on the North Star.
 * Scores are kept in the browser (src/model/scoring.ts).
 *
 * The element holds the round's state, runs it and moves the focus; its parts are the prompt
 * list (practice-prompts.ts), the round's header (round-header.ts), the prediction table
 * (practice-predictions.ts), the answers (practice-reveal.ts) and the North Star note
 * (north-star-note.ts).
 *
 * Carries `data-step` (pick, predict, running, reveal). Test hooks: `data-prompt` on each
 * prompt, `data-predict="<metricId>:<short|long>"` on each prediction group (in
 * practice-predictions), `data-truth` on each answer row and `data-score` on the score (in
 * practice-reveal).
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
  /** Aborts the round's run in flight (it stops on the workers). */
  private abort: AbortController | undefined;
  @state() private notice = '';
  /** The run gate's word on the round (src/ui/shared/run-gate.ts): "Run anyway", its estimate. */
  @state() private gate = GO;
  @state() private result: RoundScore | undefined;
  /** Every metric's measured change in the last run, for the reveal's explanations. */
  @state() private measured: readonly Truth[] = [];
  @state() private revealed: PromptRun | undefined;
  @state() private previousBest: number | undefined;

  /** Counts runs, so a result arriving after the candidate moved on is dropped. */
  private runs = 0;

  static override styles = practiceModeStyles;

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
      <h3 style="margin-top:1rem">Diagnose</h3>
      <root-cause-drill></root-cause-drill>
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
      ${roundHeader(prompt, run, this.baseline, this.backToPrompts)}
      ${this.step === 'reveal' ? this.revealView(prompt) : this.predictView(prompt, run.ok)}
    `;
  }

  /** Steps 1 and 2: the North Star, the predictions, and the button that runs the round. */
  private predictView(prompt: Prompt, runnable: boolean) {
    const running = this.step === 'running';
    return html`
      ${this.northStarForm(running)}
      <section aria-labelledby="predict-heading">
        <h3 id="predict-heading">Step 1b · Predict each metric</h3>
        <p class="lede">
          Up, down or flat, against the baseline, judged as the workspace judges it. Up or down: the
          95% interval of the paired difference excludes zero and the change is at least the
          metric’s smallest change that matters (shown in the workspace under its name). Flat: no
          meaningful change, the whole interval within ± that change. A change the run cannot settle
          either way (can’t tell yet) is shown but not scored. Use Tab to move between groups and
          the arrow keys within one.
        </p>
        <practice-predictions
          .metrics=${prompt.metrics}
          .predictions=${this.predictions}
          ?disabled=${running}
          @prediction-change=${(e: CustomEvent<PredictionChangeDetail>) =>
            (this.predictions = { ...this.predictions, [e.detail.key]: e.detail.direction })}
        ></practice-predictions>
      </section>
      ${this.runSection(prompt, runnable, running)}
    `;
  }

  private northStarForm(running: boolean) {
    return html`<section aria-labelledby="ns-heading">
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
    </section>`;
  }

  private runSection(prompt: Prompt, runnable: boolean, running: boolean) {
    const made = Object.keys(this.predictions).length;
    const asked = prompt.metrics.length * RUN_LENGTHS.length;
    return html`<section aria-labelledby="run-heading">
      <h3 id="run-heading" tabindex="-1">Step 2 · Run the simulation</h3>
      <div class="row">
        <button
          type="button"
          class="primary"
          data-run
          ?disabled=${running || !runnable || this.runner === undefined}
          @click=${() => this.runRound()}
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
              The simulation is not connected yet: the app has not handed practice mode its workers.
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
                <button type="button" data-action="cancel-practice" @click=${this.cancelRound}>
                  Cancel
                </button>
              </p>
              <p class="lede" data-notice="estimate">${this.gate.note}</p>`
          : nothing
      }
      ${this.notice ? this.noticeLine(running) : nothing}
    </section>`;
  }

  /** The notice, with "Run anyway" for a round the run gate asked about. */
  private noticeLine(running: boolean) {
    const anyway = !running && this.gate.label === 'Run anyway';
    return html`<p class="notice" role="alert">
      ${this.notice}
      ${
        anyway
          ? html`<button
              type="button"
              data-action="run-anyway-practice"
              @click=${() => this.runRound(true)}
            >
              Run anyway
            </button>`
          : nothing
      }
    </p>`;
  }

  /** Runs the round once the run gate lets it (`anyway`: over the time budget too). */
  private async runRound(anyway = false): Promise<void> {
    const prompt = this.prompt;
    const runner = this.runner;
    if (!prompt || !runner) return;
    const pair = promptRun(prompt, this.baseline);
    if (!pair.ok) {
      this.notice = pair.error;
      return;
    }
    const { baseline, scenario } = pair.value;
    this.gate = decideRun(pairPlan(baseline, scenario, 'This round'), anyway, false);
    if (!this.gate.start) {
      this.notice = this.gate.notice;
      return;
    }
    const token = ++this.runs;
    this.step = 'running';
    this.notice = '';
    this.progress = 0;
    this.progressText = 'Starting…';
    this.abort = new AbortController();
    try {
      const comparison = await runner(
        pair.value.baseline,
        pair.value.scenario,
        (p) => {
          if (token !== this.runs) return;
          this.progress = Number.isFinite(p.fraction) ? p.fraction : 0;
          this.progressText = `${p.done} of ${p.total} replications simulated`;
        },
        this.abort.signal,
      );
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

  /** Cancel: the round's run stops on the workers; the predictions stay, to run again. */
  private readonly cancelRound = (): void => {
    this.runs++;
    this.abort?.abort();
    this.abort = undefined;
    this.step = 'predict';
    this.notice = 'Cancelled. Your predictions are kept: run the round again when ready.';
  };

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
        ${northStarNote({
          prompt,
          text: this.northStarText,
          choice: this.northStarChoice,
          result: this.result,
        })}
      </section>
      <div class="row">
        <button type="button" class="primary" @click=${this.backToPrompts}>Another prompt</button>
        <button type="button" @click=${this.tryAgain}>Try this prompt again</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'practice-mode': PracticeMode;
  }
}

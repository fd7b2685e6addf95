import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  DEFAULT_FIT,
  DEFAULT_FIT_REPS,
  DEFAULT_HOLDOUT,
  FITTABLE,
  type CalibrationResult,
} from '../../model/calibration';
import { fittedBaseline } from '../../model/fitted-baseline';
import { defaultScenario, type Scenario } from '../../model/scenario';
import {
  HC,
  HISTORY_COLUMNS,
  historyTemplate,
  parseHistory,
  type StationHistory,
} from '../../model/station-history';
import {
  calibrate,
  checkRequest,
  expectedEvaluations,
  type CalibrationProgress,
} from '../../run/calibrate';
import { isSuperseded } from '../../run/pool';
import { calibrateStyles } from './calibrate.styles';
import type { HistoriesRunner } from './calibrate-runner';
import { constantLabel, fitSummary } from './calibrate-text';
import { resultView } from './calibrate-result';

export const EXAMPLE_URL = `${import.meta.env.BASE_URL}examples/station-history.csv`;

/** The event "Use as baseline" fires: the fitted station as a scenario. */
export type CalibratedBaseline = CustomEvent<{ scenario: Scenario }>;

/**
 * Calibrate mode (issue 17): upload a station's weekly history (file input or drop; the
 * example or the template), choose the constants to fit, fit them on the workers with progress
 * and Cancel, read the constants with their 90% intervals, the warnings for constants the data
 * do not pin down, the statistics before and after and the hold-out check; "Use as baseline"
 * fires `calibrated-baseline` with the fitted station. The file is read in the page and never
 * sent anywhere. Test hooks: `data-calib-state` on the host (empty, ready, running, done,
 * cancelled, error), `data-history-errors`, `data-history-summary`, `data-fit-constant`,
 * `data-constant-row`, `data-identified`, `data-holdout-error`, `data-use-baseline`.
 */
@customElement('calibrate-mode')
export class CalibrateMode extends LitElement {
  @property({ attribute: false }) histories: HistoriesRunner | undefined;
  /** The workspace's baseline: the station the fit starts from. */
  @property({ attribute: false }) baseline: Scenario = defaultScenario();

  @state() private history: StationHistory | undefined;
  @state() private fileName = '';
  @state() private errors: string[] = [];
  @state() private errorFile = '';
  @state() private fit: string[] = [...DEFAULT_FIT];
  @state() private holdout = DEFAULT_HOLDOUT;
  @state() private reps = DEFAULT_FIT_REPS;
  @state() private progress: CalibrationProgress | undefined;
  @state() private result: CalibrationResult | undefined;
  @state() private seconds = 0;
  @state() private message = '';
  @state() private dragging = false;
  private abort: AbortController | undefined;

  static override styles = calibrateStyles;

  private get status(): string {
    if (this.progress) return 'running';
    if (this.result) return 'done';
    if (this.message.startsWith('Cancelled')) return 'cancelled';
    if (this.message !== '') return 'error';
    return this.history ? 'ready' : 'empty';
  }

  override updated(): void {
    this.dataset.calibState = this.status;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  /** Reads a file's text: a good history replaces the one loaded; a bad one only says why. */
  loadText(text: string, name: string): void {
    const parsed = parseHistory(text);
    if (!parsed.ok) {
      this.errors = parsed.errors;
      this.errorFile = name;
      return;
    }
    this.errors = [];
    this.history = parsed.value;
    this.fileName = name;
    this.result = undefined;
    this.message = '';
    this.holdout = Math.min(DEFAULT_HOLDOUT, Math.max(0, parsed.value.weeks - 8));
  }

  private async readFile(file: File | undefined): Promise<void> {
    if (!file) return;
    if (file.size > 1_000_000) {
      this.errors = [`The file is ${(file.size / 1e6).toFixed(1)} MB; a history is at most 1 MB.`];
      this.errorFile = file.name;
      return;
    }
    this.loadText(await file.text(), file.name);
  }

  private async loadExample(): Promise<void> {
    const response = await fetch(EXAMPLE_URL);
    this.loadText(await response.text(), 'station-history.csv (example)');
  }

  private downloadTemplate(): void {
    const url = URL.createObjectURL(new Blob([historyTemplate()], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'station-history-template.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private toggle(id: string, on: boolean): void {
    this.fit = on
      ? [...this.fit, id].filter((v, i, a) => a.indexOf(v) === i)
      : this.fit.filter((v) => v !== id);
  }

  private request() {
    const h = this.history as StationHistory;
    return {
      history: h,
      fit: FITTABLE.map((f) => f.id).filter((id) => this.fit.includes(id)),
      holdout: this.holdout,
      replications: this.reps,
      seed: this.baseline.seed,
      params: this.baseline.params,
    };
  }

  private async runFit(): Promise<void> {
    const runner = this.histories;
    if (!this.history || !runner) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.result = undefined;
    this.message = '';
    const t0 = performance.now();
    this.progress = {
      evaluations: 0,
      expected: expectedEvaluations(this.fit.length),
      phase: 'anchor',
    };
    try {
      const result = await calibrate(
        this.request(),
        (s) => runner(s, abort.signal),
        (p) => {
          if (!abort.signal.aborted) this.progress = p;
        },
      );
      if (abort.signal.aborted) return;
      this.result = result;
      this.seconds = (performance.now() - t0) / 1000;
    } catch (error) {
      if (abort.signal.aborted || isSuperseded(error)) {
        this.message = 'Cancelled. No constant was changed; fit again when ready.';
      } else
        this.message = `The fit failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (this.abort === abort) this.progress = undefined;
    }
  }

  private cancel(): void {
    this.abort?.abort();
    this.progress = undefined;
    this.message = 'Cancelled. No constant was changed; fit again when ready.';
  }

  private useAsBaseline(): void {
    const r = this.result;
    if (!r) return;
    // The fitted station, with its fit: each replication draws the constants over their
    // uncertainty (src/sim/fit-draw.ts), both sides of every comparison the same draw.
    const scenario = fittedBaseline(this.baseline, r);
    this.dispatchEvent(
      new CustomEvent('calibrated-baseline', {
        detail: { scenario },
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    return html`
      <h2>Fit my station</h2>
      <p class="lead">
        Upload your station's weekly history. gigsim fits the behavioural constants you choose so
        that the simulated station matches your weeks, says how sure the fit is, and checks it on
        the last weeks it did not see. The file is read in this tab and never leaves it.
      </p>
      ${this.uploadView()} ${this.history ? this.setupView() : nothing}
      ${this.progress ? this.progressView(this.progress) : nothing}
      ${this.message ? html`<p class="note" role="status" data-calib-message>${this.message}</p>` : nothing}
      ${
        this.result && this.history
          ? html`<p class="summary" role="status">${fitSummary(this.result, this.seconds)}</p>
              ${resultView(this.result, this.history, () => this.useAsBaseline())}`
          : nothing
      }
    `;
  }

  private uploadView() {
    const drop = (e: DragEvent) => {
      e.preventDefault();
      this.dragging = false;
      void this.readFile(e.dataTransfer?.files[0]);
    };
    return html`<section
      class="drop ${this.dragging ? 'dragging' : ''}"
      aria-label="Weekly history"
      @dragover=${(e: DragEvent) => {
        e.preventDefault();
        this.dragging = true;
      }}
      @dragleave=${() => (this.dragging = false)}
      @drop=${drop}
    >
      <label class="file">
        <span>Weekly history (CSV)</span>
        <input
          type="file"
          accept=".csv,text/csv"
          data-history-file
          @change=${(e: Event) => void this.readFile((e.target as HTMLInputElement).files?.[0])}
        />
      </label>
      <span class="or">or drop it here ·</span>
      <button type="button" data-load-example @click=${() => void this.loadExample()}>
        Load the example
      </button>
      <button
        type="button"
        class="link"
        data-download-template
        @click=${() => this.downloadTemplate()}
      >
        Download the template
      </button>
      ${
        this.errors.length > 0
          ? html`<div class="errors" role="alert" data-history-errors>
              <p>
                ${this.errorFile} was not
                loaded${this.history ? `; ${this.fileName} is still the history used` : ''}:
              </p>
              <ul>
                ${this.errors.map((e) => html`<li>${e}</li>`)}
              </ul>
            </div>`
          : nothing
      }
    </section>`;
  }

  private setupView() {
    const h = this.history as StationHistory;
    const have = HISTORY_COLUMNS.filter((_, i) => h.present[i]).map((c) => c.id);
    const problem = checkRequest(this.request());
    const running = this.progress !== undefined;
    return html`<p data-history-summary>
        <strong>${this.fileName}</strong>: ${h.weeks} weeks from week ${h.firstWeek}; columns
        ${have.join(', ')}${h.present[HC.base_pay] ? ' (base pay sets the station’s pay)' : ''}.
      </p>
      ${this.constantsView(have, running)}
      <div class="settings">
        <label
          >Weeks held out
          <input
            type="number"
            min="0"
            max=${Math.max(0, h.weeks - 6)}
            .value=${String(this.holdout)}
            data-holdout
            @change=${(e: Event) => (this.holdout = Number((e.target as HTMLInputElement).value))}
            ?disabled=${running}
        /></label>
        <label
          >Replications an evaluation
          <select
            data-fit-reps
            ?disabled=${running}
            @change=${(e: Event) => (this.reps = Number((e.target as HTMLSelectElement).value))}
          >
            ${[4, 8, 16].map((r) => html`<option value=${r} ?selected=${r === this.reps}>${r}</option>`)}
          </select></label
        >
        <button
          type="button"
          class="primary"
          data-fit
          ?disabled=${running || problem !== undefined || !this.histories}
          @click=${() => void this.runFit()}
        >
          Fit
        </button>
        ${problem ? html`<span class="note" data-fit-problem>${problem}</span>` : nothing}
      </div>`;
  }

  private constantsView(have: readonly string[], running: boolean) {
    return html`<fieldset class="constants" ?disabled=${running}>
      <legend>Constants to fit (each is informed by the columns named)</legend>
      ${FITTABLE.map((f) => {
        const missing = f.informedBy.filter((c) => !have.includes(c));
        const { label, unit } = constantLabel(f.id);
        return html`<label class="constant">
          <input
            type="checkbox"
            data-fit-constant=${f.id}
            .checked=${this.fit.includes(f.id)}
            @change=${(e: Event) => this.toggle(f.id, (e.target as HTMLInputElement).checked)}
          />
          <span>${label}${unit ? ` (${unit})` : ''}</span>
          <small
            >${f.informedBy.length === 0 ? 'no column informs it' : f.informedBy.join(', ')}${missing.length > 0 && missing.length === f.informedBy.length && f.informedBy.length > 0 ? ' — none in your file' : ''}</small
          >
        </label>`;
      })}
    </fieldset>`;
  }

  private progressView(p: CalibrationProgress) {
    const fraction = Math.min(0.97, p.evaluations / Math.max(1, p.expected));
    return html`<div class="progress" role="status">
      <progress max="1" .value=${fraction} aria-label="Fit progress"></progress>
      <span
        >${p.phase === 'anchor' ? 'Sizing the station' : 'Fitting'}: evaluation ${p.evaluations + 1}
        (about ${p.expected} in all), every one the same ${this.reps} replications</span
      >
      <button type="button" data-fit-cancel @click=${() => this.cancel()}>Cancel</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'calibrate-mode': CalibrateMode;
  }
}

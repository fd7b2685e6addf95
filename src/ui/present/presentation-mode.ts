import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guardrailBreach, type Thresholds } from '../../model/guardrails';
import { METRICS, STAKEHOLDERS, type MetricDef, type MetricId } from '../../model/metrics';
import type { Comparison } from '../../model/results';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { VERDICT_TEXT } from '../../model/verdict';
import { isSuperseded } from '../../run/pool';
import { scenarioKey } from '../../run/result-cache';
import { metricWeeks } from '../shared/series';
import { pointValues } from '../charts/chart-data';
import { runWindowText } from '../shared/run-windows';
import {
  PERIOD_LABEL,
  leverChanges,
  metricDef,
  metricNumbers,
  poolSeries,
  verdictMark,
  type RunPeriod,
} from '../shared/comparison-rows';
import { NO_VALUE, formatChange, formatInterval, formatMetric, unitLabel } from '../shared/format';
import '../charts/pool-chart';
import {
  DEFAULT_PRESENT_METRICS,
  MAX_COLUMNS,
  clampStart,
  deckSlides,
  orderedMetrics,
  stepWindow,
  windowText,
  type Slide,
} from './presentation-deck';
import type { CompareRunner } from '../shared/runner';
import { loadSaved, type StorageLike } from '../shared/saved-scenarios';
import '../charts/weekly-chart';
import { verdictColours } from '../shared/styles';

type ChartChoice = 'weekly' | 'pool';

/** Comparisons kept for slides visited (each is small: a few hundred kilobytes at most). */
const KEEP_RESULTS = 24;

/** Where slide runs stand. */
type SlideRun =
  | { state: 'queued' }
  | { state: 'running'; progress: number }
  | { state: 'done'; comparison: Comparison }
  | { state: 'failed'; error: string };

/** Whether a key press belongs to a control that uses the arrow keys itself. */
function ownsArrows(e: KeyboardEvent): boolean {
  const target = e.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/**
 * Presentation mode, for meetings: large type, no levers, the scenarios side by side (the
 * workspace's scenario and the saved ones, up to four at once) against the baseline, on a
 * chosen set of metrics (six by default; the user picks others) with one or two charts per
 * scenario. ← and → (or the buttons) move the window one scenario at a time. Each scenario's
 * comparison runs through `runner`, one after the other (the pool serves one request at a
 * time and caches replications), with progress shown; a full-screen button uses the
 * Fullscreen API where the browser allows it.
 *
 * Test hooks: the host carries `data-state="running" | "idle"` and `data-window-start`; each
 * shown scenario's column head carries `data-slide="<index>"` and `data-slide-name`; each
 * cell carries `data-slide`, `data-metric` and raw numbers in `data-value` (scenario),
 * `data-baseline`, `data-delta`, `data-ci-low`, `data-ci-high` of the period shown.
 *
 * @fires summary-open - CustomEvent<{ baseline: Scenario, scenario: Scenario, name: string }>:
 *   show the one-page summary of a scenario against the baseline.
 */
@customElement('presentation-mode')
export class PresentationMode extends LitElement {
  /** Runs a comparison on the app's pool. */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  /** The baseline every scenario is compared with; its run settings apply to all. */
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  /** The workspace's scenario: the deck's first slide. */
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  /** The user's guardrail thresholds, for breach flags. */
  @property({ attribute: false }) thresholds: Thresholds = {};
  /** Where saved scenarios are read (the browser's localStorage when unset). */
  @property({ attribute: false }) storage: StorageLike | undefined;

  @property({ type: String, reflect: true, attribute: 'data-state' })
  state: 'running' | 'idle' = 'idle';

  @property({ type: Number, reflect: true, attribute: 'data-window-start' })
  start = 0;

  @state() private columns = MAX_COLUMNS;
  @state() private metrics: ReadonlySet<MetricId> = new Set(DEFAULT_PRESENT_METRICS);
  @state() private period: RunPeriod = 'longRun';
  @state() private charts: ReadonlySet<ChartChoice> = new Set<ChartChoice>(['weekly']);
  @state() private chartMetric: MetricId = 'onTimePackagesPerWeek';
  @state() private saved: readonly Slide[] = [];
  @state() private savedProblem = '';
  @state() private runs: ReadonlyMap<string, SlideRun> = new Map();
  @state() private fullscreen = false;

  private generation = 0;
  private readonly onKey = (e: KeyboardEvent) => this.handleKey(e);
  private readonly onFullscreen = () => {
    // Inside a shadow root, document.fullscreenElement names the host, not this element.
    this.fullscreen = this.matches(':fullscreen');
  };
  private readonly onStorage = () => this.readSaved();

  static override styles = [
    verdictColours,
    css`
      :host {
        display: block;
        color: #1c2430;
        font-size: clamp(1rem, 0.55rem + 0.75vw, 1.45rem);
        line-height: 1.3;
      }
      :host(:fullscreen) {
        background: #f6f7f9;
        overflow: auto;
        padding: 1.25rem 1.75rem;
        box-sizing: border-box;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.25rem;
        margin-bottom: 0.75rem;
        font-size: 0.8em;
      }
      .stepper {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        border-radius: 6px;
      }
      .stepper:focus-visible {
        outline: 3px solid #2f6fb3;
        outline-offset: 4px;
      }
      .stepper .where {
        font-weight: 600;
        min-width: 11em;
        text-align: center;
        font-variant-numeric: tabular-nums;
      }
      button,
      select {
        font: inherit;
        font-size: 1em;
        padding: 0.3em 0.7em;
        border-radius: 6px;
        border: 1px solid #9aa5b3;
        background: #fff;
        color: #1c2430;
        cursor: pointer;
      }
      button:disabled {
        opacity: 0.45;
        cursor: default;
      }
      button:focus-visible,
      select:focus-visible,
      input:focus-visible,
      summary:focus-visible {
        outline: 3px solid #1c6fd1;
        outline-offset: 2px;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.35em;
      }
      details.pick {
        position: relative;
      }
      details.pick summary {
        cursor: pointer;
        padding: 0.3em 0.7em;
        border: 1px solid #9aa5b3;
        border-radius: 6px;
        background: #fff;
        list-style: none;
      }
      details.pick summary::-webkit-details-marker {
        display: none;
      }
      details.pick summary::after {
        content: ' ▾';
      }
      details.pick[open] summary::after {
        content: ' ▴';
      }
      .menu {
        position: absolute;
        z-index: 5;
        top: calc(100% + 0.3rem);
        left: 0;
        background: #fff;
        border: 1px solid #c9d0d8;
        border-radius: 8px;
        box-shadow: 0 6px 18px rgb(0 0 0 / 0.15);
        padding: 0.6rem 0.9rem;
        max-height: 70vh;
        overflow: auto;
        width: max-content;
        max-width: 90vw;
      }
      .menu fieldset {
        border: none;
        margin: 0 0 0.4rem;
        padding: 0;
      }
      .menu legend {
        font-weight: 700;
        padding: 0;
        margin-bottom: 0.15rem;
      }
      .menu label {
        display: flex;
        padding: 0.1rem 0;
      }
      .status {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: 1.6em;
        margin: 0 0 0.5rem;
        font-size: 0.8em;
        color: #4a5565;
      }
      .note {
        font-size: 0.8em;
        color: #4a5565;
        margin: 0 0 0.75rem;
      }
      .problem {
        color: #8a1c1c;
      }
      table {
        width: 100%;
        table-layout: fixed;
        border-collapse: separate;
        border-spacing: 0;
        background: #fff;
        border: 1px solid #dde2e8;
        border-radius: 10px;
        font-variant-numeric: tabular-nums;
      }
      col.label {
        width: 11em;
      }
      col.base {
        width: 8em;
      }
      th,
      td {
        padding: 0.4em 0.7em;
        border-bottom: 1px solid #e3e7ec;
        vertical-align: top;
        text-align: right;
        overflow-wrap: anywhere;
      }
      th[scope='row'] {
        text-align: left;
        font-weight: 600;
      }
      thead th {
        vertical-align: bottom;
        text-align: right;
        border-bottom: 2px solid #1c2430;
      }
      thead th.corner {
        text-align: left;
        font-weight: 400;
        color: #4a5565;
        font-size: 0.8em;
      }
      .name {
        display: block;
        font-size: 1.05em;
      }
      .levers {
        display: block;
        font-weight: 400;
        font-size: 0.72em;
        color: #4a5565;
      }
      .unit {
        display: block;
        font-weight: 400;
        font-size: 0.72em;
        color: #5c6776;
      }
      .value {
        display: block;
        font-size: 1.3em;
        font-weight: 600;
        line-height: 1.15;
      }
      .delta {
        display: block;
        font-size: 0.95em;
      }
      .ci {
        display: block;
        font-size: 0.72em;
        color: #5c6776;
      }
      .breach {
        display: block;
        font-size: 0.72em;
        color: #a3261f;
        font-weight: 700;
      }
      .wait {
        color: #4a5565;
        font-size: 0.8em;
      }
      .charts {
        margin-top: 1rem;
      }
      .chart-grid {
        display: grid;
        /* Two charts a row at most (one where two would be narrower than 38rem); one fills it. */
        grid-template-columns: repeat(
          auto-fit,
          minmax(min(100%, max(38rem, calc(50% - 0.75rem))), 1fr)
        );
        gap: 0.75rem;
      }
      figure {
        margin: 0;
        padding: 0.5rem 0.25rem 0.25rem;
        background: #fff;
        border: 1px solid #dde2e8;
        border-radius: 10px;
        min-width: 0;
      }
      figcaption {
        font-weight: 700;
        font-size: 0.9em;
        padding: 0 0.5rem;
      }
      tr.actions td {
        border-bottom: none;
      }
      tr.north-star th,
      tr.north-star td {
        background: #f3f6fa;
      }
      .empty {
        color: #4a5565;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('storage', this.onStorage);
    document.addEventListener('fullscreenchange', this.onFullscreen);
    this.readSaved();
  }

  /**
   * Opening the mode puts the focus on the stepper, so that ← and → step through the
   * scenarios at once (the header's mode links would otherwise take the arrows).
   */
  override firstUpdated(): void {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const typing =
      active instanceof HTMLElement &&
      (active.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(active.tagName));
    if (!typing) this.stepper()?.focus({ preventScroll: true });
  }

  private stepper(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.stepper');
  }

  /** One picker open at a time: opening one closes the other. */
  private onPickToggle = (e: Event): void => {
    const opened = e.currentTarget;
    if (!(opened instanceof HTMLDetailsElement) || !opened.open) return;
    for (const d of this.renderRoot.querySelectorAll<HTMLDetailsElement>('details.pick')) {
      if (d !== opened) d.open = false;
    }
  };

  /** Escape closes a picker and gives the focus back to its summary. */
  private onPickKey = (e: KeyboardEvent): void => {
    const details = e.currentTarget;
    if (e.key !== 'Escape' || !(details instanceof HTMLDetailsElement) || !details.open) return;
    e.preventDefault();
    details.open = false;
    details.querySelector('summary')?.focus();
  };

  /** A step by a button; a button that the step disables hands the focus to the stepper. */
  private async stepBy(by: number, e: Event): Promise<void> {
    const button = e.currentTarget;
    this.step(by);
    await this.updateComplete;
    if (button instanceof HTMLButtonElement && button.disabled) this.stepper()?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('storage', this.onStorage);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    this.generation++; // runs in flight stop reporting here
    this.state = 'idle';
  }

  /** Reads the saved scenarios again (they may have changed in the workspace). */
  private readSaved(): void {
    let storage = this.storage;
    if (!storage) {
      try {
        storage = window.localStorage;
      } catch {
        // The page may not use storage here (a sandbox, or the user's settings).
      }
    }
    if (!storage) {
      this.saved = [];
      this.savedProblem = 'saved scenarios are not available in this browser';
      return;
    }
    const s = loadSaved(storage);
    this.saved = s.entries.map((e) => ({ name: e.name, scenario: e.scenario, current: false }));
    this.savedProblem = s.problem ?? '';
  }

  /** Every slide of the deck, the workspace's scenario first. */
  get slides(): Slide[] {
    return deckSlides(this.scenario, this.saved, this.baseline);
  }

  private get size(): number {
    return Math.max(1, Math.min(MAX_COLUMNS, this.columns));
  }

  private visible(): { slide: Slide; index: number }[] {
    const slides = this.slides;
    const start = clampStart(this.start, this.size, slides.length);
    return slides.slice(start, start + this.size).map((slide, i) => ({ slide, index: start + i }));
  }

  private pairKey(slide: Slide): string {
    return `${scenarioKey(this.baseline)}|${scenarioKey(slide.scenario)}`;
  }

  /** Moves the window by `by` scenarios. */
  step(by: number): void {
    this.start = stepWindow(this.start, by, this.size, this.slides.length);
  }

  private handleKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    if (ownsArrows(e)) return;
    e.preventDefault();
    this.step(e.key === 'ArrowRight' ? 1 : -1);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const total = this.slides.length;
    const start = clampStart(this.start, this.size, total);
    if (start !== this.start) this.start = start;
    if (changed.has('storage')) this.readSaved();
    // Private states are not among `this`'s keys.
    const c = changed as Map<PropertyKey, unknown>;
    if (
      c.has('start') ||
      c.has('columns') ||
      c.has('baseline') ||
      c.has('scenario') ||
      c.has('saved') ||
      c.has('runner')
    ) {
      void this.runVisible();
    }
  }

  private setRun(key: string, run: SlideRun): void {
    const next = new Map(this.runs);
    next.delete(key);
    next.set(key, run);
    // Forget the oldest finished results beyond the bound.
    for (const k of next.keys()) {
      if (next.size <= KEEP_RESULTS) break;
      if (k !== key) next.delete(k);
    }
    this.runs = next;
  }

  /** Runs the shown scenarios' comparisons that are not in hand, one after the other. */
  private async runVisible(): Promise<void> {
    const runner = this.runner;
    const generation = ++this.generation;
    if (!runner) return;
    const todo = this.visible()
      .map((v) => v.slide)
      .filter((s) => this.runs.get(this.pairKey(s))?.state !== 'done');
    if (todo.length === 0) {
      this.state = 'idle';
      return;
    }
    this.state = 'running';
    for (const s of todo) this.setRun(this.pairKey(s), { state: 'queued' });
    for (const slide of todo) {
      if (generation !== this.generation) return;
      const key = this.pairKey(slide);
      this.setRun(key, { state: 'running', progress: 0 });
      try {
        const comparison = await runner(this.baseline, slide.scenario, (p) => {
          if (generation === this.generation) {
            this.setRun(key, { state: 'running', progress: p.fraction });
          }
        });
        this.setRun(key, { state: 'done', comparison });
      } catch (error) {
        if (generation !== this.generation) {
          // A newer pass owns the state; it reruns this slide if it is still shown.
          if (this.runs.get(key)?.state === 'running') this.setRun(key, { state: 'queued' });
          return;
        }
        this.setRun(key, {
          state: 'failed',
          error: isSuperseded(error)
            ? 'another run took the simulation over; press “Run again”'
            : error instanceof Error
              ? error.message
              : String(error),
        });
      }
    }
    if (generation === this.generation) this.state = 'idle';
  }

  private toggleFullscreen = async (): Promise<void> => {
    try {
      if (this.matches(':fullscreen')) await document.exitFullscreen();
      else await this.requestFullscreen();
    } catch {
      // Refused (no user gesture, or not allowed here): the view works as it is.
    }
  };

  private openSummary(slide: Slide): void {
    this.dispatchEvent(
      new CustomEvent<{ baseline: Scenario; scenario: Scenario; name: string }>('summary-open', {
        detail: { baseline: this.baseline, scenario: slide.scenario, name: slide.name },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private toggleMetric(id: MetricId, on: boolean): void {
    const next = new Set(this.metrics);
    if (on) next.add(id);
    else next.delete(id);
    this.metrics = next;
  }

  private toggleChart(id: ChartChoice, on: boolean): void {
    const next = new Set(this.charts);
    if (on) next.add(id);
    else next.delete(id);
    this.charts = next;
  }

  override render() {
    const slides = this.slides;
    const shown = this.visible();
    const metricIds = orderedMetrics(
      METRICS.map((m) => m.id),
      this.metrics,
    );
    return html`
      ${this.controls(slides.length)} ${this.statusLine(shown)}
      <p class="note">
        Each scenario against the baseline on the workspace’s run settings: ${this.baseline.weeks}
        weeks, ${this.baseline.replications} paired replications, seed ${this.baseline.seed}.
        ${PERIOD_LABEL[this.period]}:
        ${runWindowText(this.baseline.weeks)[this.period === 'longRun' ? 'long' : 'short']}; changes
        with their 95% interval.
        ${
          slides.length === 1
            ? html`<span class="empty" data-empty
                >Save scenarios in the workspace (scenario bar, “Save as”) to step through them
                here.</span
              >`
            : nothing
        }
        ${this.savedProblem ? html`<span class="problem">${this.savedProblem}.</span>` : nothing}
      </p>
      <table
        aria-label="Scenarios against the baseline"
        style=${`width: min(100%, ${19 + 20 * shown.length}em)`}
      >
        <colgroup>
          <col class="label" />
          <col class="base" />
          ${shown.map(() => html`<col />`)}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" class="corner">Metric</th>
            <th scope="col"><span class="name">Baseline</span></th>
            ${shown.map(({ slide, index }) => this.slideHead(slide, index))}
          </tr>
        </thead>
        <tbody>
          ${
            metricIds.length === 0
              ? html`<tr>
                  <td colspan=${2 + shown.length} class="empty">
                    No metric is chosen: pick some under “Metrics”.
                  </td>
                </tr>`
              : metricIds.map((id) => this.metricRow(id, shown))
          }
          <tr class="actions">
            <td></td>
            <td></td>
            ${shown.map(
              ({ slide, index }) =>
                html`<td>
                  <button
                    type="button"
                    data-action="slide-summary"
                    data-slide=${index}
                    ?disabled=${this.runs.get(this.pairKey(slide))?.state !== 'done'}
                    @click=${() => this.openSummary(slide)}
                  >
                    Summary
                  </button>
                </td>`,
            )}
          </tr>
        </tbody>
      </table>
      ${[...this.charts]
        .sort()
        .reverse()
        .map((chart) => this.chartGrid(chart, shown))}
    `;
  }

  private controls(total: number) {
    const size = this.size;
    const atStart = this.start <= 0;
    const atEnd = this.start + size >= total;
    const canFull = typeof document !== 'undefined' && document.fullscreenEnabled;
    return html`<div class="controls">
      <div class="stepper" role="group" tabindex="-1" aria-label="Step through the scenarios (← →)">
        <button
          type="button"
          data-action="previous"
          aria-label="Previous scenario (←)"
          ?disabled=${atStart}
          @click=${(e: Event) => void this.stepBy(-1, e)}
        >
          ← Previous
        </button>
        <span class="where" aria-live="polite" data-window
          >${windowText(this.start, size, total)}</span
        >
        <button
          type="button"
          data-action="next"
          aria-label="Next scenario (→)"
          ?disabled=${atEnd}
          @click=${(e: Event) => void this.stepBy(1, e)}
        >
          Next →
        </button>
      </div>
      <label
        >Side by side
        <select
          data-control="columns"
          @change=${(e: Event) => (this.columns = Number((e.target as HTMLSelectElement).value))}
        >
          ${[1, 2, 3, 4].map((n) => html`<option value=${n} ?selected=${n === size}>${n}</option>`)}
        </select></label
      >
      <label
        >Period
        <select
          data-control="period"
          @change=${(e: Event) =>
            (this.period =
              (e.target as HTMLSelectElement).value === 'shortRun' ? 'shortRun' : 'longRun')}
        >
          <option value="longRun" ?selected=${this.period === 'longRun'}>Long run</option>
          <option value="shortRun" ?selected=${this.period === 'shortRun'}>Short run</option>
        </select></label
      >
      ${this.metricPicker()} ${this.chartPicker()}
      <button
        type="button"
        data-action="fullscreen"
        ?disabled=${!canFull}
        title=${
          canFull
            ? 'Fill the screen with this view (Esc leaves)'
            : 'Full screen is not available here: use the browser’s own full screen (F11)'
        }
        @click=${this.toggleFullscreen}
      >
        ${this.fullscreen ? 'Leave full screen' : 'Full screen'}
      </button>
    </div>`;
  }

  private metricPicker() {
    return html`<details
      class="pick"
      data-control="metrics"
      @toggle=${this.onPickToggle}
      @keydown=${this.onPickKey}
    >
      <summary>Metrics (${this.metrics.size})</summary>
      <div class="menu">
        ${STAKEHOLDERS.map(
          (s) =>
            html`<fieldset>
              <legend>${s.label}</legend>
              ${(METRICS as readonly MetricDef[])
                .filter((m) => m.stakeholder === s.id)
                .map(
                  (m) =>
                    html`<label
                      ><input
                        type="checkbox"
                        data-pick-metric=${m.id}
                        .checked=${this.metrics.has(m.id as MetricId)}
                        @change=${(e: Event) =>
                          this.toggleMetric(
                            m.id as MetricId,
                            (e.target as HTMLInputElement).checked,
                          )}
                      />${m.label}</label
                    >`,
                )}
            </fieldset>`,
        )}
        <button
          type="button"
          data-action="default-metrics"
          @click=${() => (this.metrics = new Set(DEFAULT_PRESENT_METRICS))}
        >
          Back to the default six
        </button>
      </div>
    </details>`;
  }

  private chartPicker() {
    return html`<details
      class="pick"
      data-control="charts"
      @toggle=${this.onPickToggle}
      @keydown=${this.onPickKey}
    >
      <summary>Charts (${this.charts.size})</summary>
      <div class="menu">
        <label
          ><input
            type="checkbox"
            data-pick-chart="weekly"
            .checked=${this.charts.has('weekly')}
            @change=${(e: Event) =>
              this.toggleChart('weekly', (e.target as HTMLInputElement).checked)}
          />Weekly course of
          <select
            data-control="chart-metric"
            aria-label="Metric of the weekly chart"
            @change=${(e: Event) => {
              const id = (e.target as HTMLSelectElement).value;
              const m = METRICS.find((d) => d.id === id);
              if (m) this.chartMetric = m.id;
            }}
          >
            ${METRICS.map(
              (m) =>
                html`<option value=${m.id} ?selected=${m.id === this.chartMetric}>
                  ${m.label}
                </option>`,
            )}
          </select></label
        >
        <label
          ><input
            type="checkbox"
            data-pick-chart="pool"
            .checked=${this.charts.has('pool')}
            @change=${(e: Event) =>
              this.toggleChart('pool', (e.target as HTMLInputElement).checked)}
          />Driver pool</label
        >
      </div>
    </details>`;
  }

  private statusLine(shown: { slide: Slide; index: number }[]) {
    const running = shown.find(
      ({ slide }) => this.runs.get(this.pairKey(slide))?.state === 'running',
    );
    if (!running) {
      return html`<div class="status" role="status" data-progress="done"></div>`;
    }
    const r = this.runs.get(this.pairKey(running.slide));
    const fraction = r?.state === 'running' ? r.progress : 0;
    const n = shown.indexOf(running) + 1;
    return html`<div class="status" role="status" data-progress=${fraction}>
      <span
        >Running ${n} of ${shown.length}: “${running.slide.name}”, ${Math.round(fraction * 100)}% of
        the replications in.</span
      >
      <progress max="1" .value=${fraction} aria-label="Replications done"></progress>
    </div>`;
  }

  private slideHead(slide: Slide, index: number) {
    const changes = leverChanges(this.baseline, slide.scenario);
    const levers =
      changes.length === 0
        ? 'same levers as the baseline'
        : changes
            .slice(0, 3)
            .map((l) => `${l.label}: ${l.scenario}`)
            .join(' · ') + (changes.length > 3 ? ` · +${changes.length - 3} more` : '');
    return html`<th scope="col" data-slide=${index} data-slide-name=${slide.name}>
      <span class="name">${slide.name}</span>
      <span class="levers">${levers}</span>
    </th>`;
  }

  private metricRow(id: MetricId, shown: { slide: Slide; index: number }[]) {
    const m = metricDef(id);
    const first = shown
      .map(({ slide }) => this.runs.get(this.pairKey(slide)))
      .find((r) => r?.state === 'done');
    const baseline =
      first?.state === 'done' ? metricNumbers(first.comparison, id, this.period).baseline : NaN;
    return html`<tr class=${id === 'onTimePackagesPerWeek' ? 'north-star' : ''}>
      <th scope="row">${m.label}<span class="unit">${unitLabel(m)}</span></th>
      <td data-baseline-metric=${id}>
        ${first ? this.value(m, baseline) : html`<span class="wait">…</span>`}
      </td>
      ${shown.map(({ slide, index }) => this.cell(m, id, slide, index))}
    </tr>`;
  }

  private cell(m: MetricDef, id: MetricId, slide: Slide, index: number) {
    const run = this.runs.get(this.pairKey(slide));
    if (!run || run.state !== 'done') {
      return html`<td data-slide=${index} data-pending>
        <span class="wait">${this.waitText(run)}</span>
      </td>`;
    }
    const n = metricNumbers(run.comparison, id, this.period);
    const interval = formatInterval(m, n.low, n.high);
    const breach = guardrailBreach(m, n.scenario, this.thresholds);
    return html`<td
      data-slide=${index}
      data-metric=${id}
      data-value=${String(n.scenario)}
      data-baseline=${String(n.baseline)}
      data-delta=${String(n.delta)}
      data-ci-low=${String(n.low)}
      data-ci-high=${String(n.high)}
    >
      ${this.value(m, n.scenario)}
      <span class="delta ${n.verdict}"
        >${formatChange(m, n.delta)} ${verdictMark(n)} ${VERDICT_TEXT[n.verdict]}</span
      >
      <span class="ci">${interval || `${NO_VALUE} no interval`}</span>
      ${breach ? html`<span class="breach">⚠ guardrail breached</span>` : nothing}
    </td>`;
  }

  /** A value in large type, or "–" and why there is none. */
  private value(m: MetricDef, v: number) {
    if (Number.isFinite(v)) return html`<span class="value">${formatMetric(m, v)}</span>`;
    return html`<span class="value">${NO_VALUE}</span
      ><span class="ci">no value: the replications gave none for this period</span>`;
  }

  private waitText(run: SlideRun | undefined): string {
    if (!run || run.state === 'queued') return 'waiting to run…';
    if (run.state === 'running') return `running… ${Math.round(run.progress * 100)}%`;
    if (run.state === 'failed') return `${NO_VALUE} not run: ${run.error}`;
    return '';
  }

  private chartGrid(chart: ChartChoice, shown: { slide: Slide; index: number }[]) {
    const label =
      chart === 'weekly' ? `${metricDef(this.chartMetric).label} by week` : 'Driver pool';
    // Each shown scenario's series, worked out once; the charts of a row share their scales,
    // so that heights compare across the columns.
    const cells = shown.map(({ slide, index }) => {
      const run = this.runs.get(this.pairKey(slide));
      const c = run?.state === 'done' ? run.comparison : undefined;
      const series = !c
        ? undefined
        : chart === 'weekly'
          ? {
              kind: 'weekly' as const,
              baseline: metricWeeks(c.baseline.weekly, this.chartMetric, c.baseline.weeks),
              scenario: metricWeeks(c.scenario.weekly, this.chartMetric, c.scenario.weeks),
              delta: metricWeeks(c.delta.weekly, this.chartMetric, c.baseline.weeks),
            }
          : {
              kind: 'pool' as const,
              baseline: poolSeries(c.baseline),
              scenario: poolSeries(c.scenario),
            };
      return { slide, index, run, series };
    });
    const sharedValues = cells.flatMap(({ series }) =>
      series?.kind === 'weekly' ? pointValues(series.baseline, series.scenario) : [],
    );
    const sharedPools = cells.flatMap(({ series }) =>
      series?.kind === 'pool' ? [series.baseline, series.scenario] : [],
    );
    return html`<section class="charts" data-chart-row=${chart} aria-label=${label}>
      <div class="chart-grid">
        ${cells.map(({ slide, index, run, series }) => {
          return html`<figure data-slide=${index}>
            <figcaption>${slide.name}</figcaption>
            ${
              !series
                ? html`<p class="wait">${this.waitText(run)}</p>`
                : series.kind === 'weekly'
                  ? html`<weekly-chart
                      .metric=${this.chartMetric}
                      .baseline=${series.baseline}
                      .scenario=${series.scenario}
                      .delta=${series.delta}
                      .sharedValues=${sharedValues}
                    ></weekly-chart>`
                  : html`<pool-chart
                      .baseline=${series.baseline}
                      .scenario=${series.scenario}
                      .sharedPools=${sharedPools}
                    ></pool-chart>`
            }
          </figure>`;
        })}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'presentation-mode': PresentationMode;
  }
}

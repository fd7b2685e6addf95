import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Thresholds } from '../../model/guardrails';
import type { MinChanges } from '../../model/verdict';
import { METRICS, type MetricId } from '../../model/metrics';
import { defaultScenario, type Scenario } from '../../model/scenario';
import type { RunPeriod } from '../shared/comparison-rows';
import type { CompareRunner } from '../shared/runner';
import { loadSaved, type StorageLike } from '../shared/saved-scenarios';
import { verdictColours } from '../shared/styles';
import '../charts/replay-panel';
import { chartGrid } from './chart-grid';
import { controlsBar, type ControlsActions } from './present-controls';
import { chartPicker, metricPicker, type PickerActions } from './present-pickers';
import {
  DEFAULT_PRESENT_METRICS,
  MAX_COLUMNS,
  clampStart,
  deckSlides,
  orderedMetrics,
  stepWindow,
  windowSlides,
  type ShownSlide,
  type Slide,
} from './presentation-deck';
import { presentationModeStyles } from './presentation-mode.styles';
import { settingsNote, statusLine, type RunActions } from './run-status';
import { breachBanner } from '../shared/scenario-guardrails';
import { scenarioTable } from '../shared/scenario-table';
import { scenarioTableStyles } from '../shared/scenario-table.styles';
import { chartOrder, type ChartChoice } from './slide-charts';
import { SlideRunner } from '../shared/scenario-runner';
import type { Column, SlideRun } from '../shared/scenario-runs';

/** `set` with `item` in or out. */
function toggled<T>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
}

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
 * This element keeps the state and the keyboard; its parts are drawn by present-controls.ts,
 * present-pickers.ts, run-status.ts, scenario-table.ts and chart-grid.ts, and
 * ../shared/scenario-runner.ts runs the comparisons.
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
  /** The user's smallest changes that matter, for the verdicts and the headlines. */
  @property({ attribute: false }) minChanges: MinChanges = {};
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
  @state() private fullscreen = false;

  private readonly slideRuns = new SlideRunner(this, (state) => (this.state = state));
  private readonly onKey = (e: KeyboardEvent) => this.handleKey(e);
  private readonly onFullscreen = () => {
    // Inside a shadow root, document.fullscreenElement names the host, not this element.
    this.fullscreen = this.matches(':fullscreen');
  };
  private readonly onStorage = () => this.readSaved();
  private readonly runOf = (slide: Column): SlideRun | undefined =>
    this.slideRuns.runOf(this.baseline, slide.scenario);
  /** The status line's Cancel and Run again. */
  private readonly runActions: RunActions = {
    cancel: () => this.slideRuns.cancel(),
    rerun: (anyway = false) =>
      void this.slideRuns.run(
        this.runner,
        this.baseline,
        this.visible().map((v) => v.slide),
        anyway,
      ),
  };

  private readonly controlsActions: ControlsActions = {
    stepBy: (by, e) => void this.stepBy(by, e),
    chooseColumns: (n) => (this.columns = n),
    choosePeriod: (period) => (this.period = period),
    toggleFullscreen: () => void this.toggleFullscreen(),
  };

  private readonly pickerActions: PickerActions = {
    toggleMetric: (id, on) => (this.metrics = toggled(this.metrics, id, on)),
    defaultMetrics: () => (this.metrics = new Set(DEFAULT_PRESENT_METRICS)),
    toggleChart: (id, on) => (this.charts = toggled(this.charts, id, on)),
    chooseChartMetric: (id) => (this.chartMetric = id),
  };

  static override styles = [verdictColours, scenarioTableStyles, presentationModeStyles];

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
    // Runs in flight stop reporting here (the slide runner hears of it as a controller).
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

  private visible(): ShownSlide[] {
    return windowSlides(this.slides, this.start, this.size);
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
      void this.slideRuns.run(
        this.runner,
        this.baseline,
        this.visible().map((v) => v.slide),
      );
    }
  }

  private async toggleFullscreen(): Promise<void> {
    try {
      if (this.matches(':fullscreen')) await document.exitFullscreen();
      else await this.requestFullscreen();
    } catch {
      // Refused (no user gesture, or not allowed here): the view works as it is.
    }
  }

  private openSummary(slide: Slide): void {
    this.dispatchEvent(
      new CustomEvent<{ baseline: Scenario; scenario: Scenario; name: string }>('summary-open', {
        detail: { baseline: this.baseline, scenario: slide.scenario, name: slide.name },
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    const shown = this.visible();
    return html`
      ${this.controls()} ${statusLine(shown, this.runOf, this.runActions, this.slideRuns.decision)}
      ${settingsNote({
        baseline: this.baseline,
        period: this.period,
        total: this.slides.length,
        savedProblem: this.savedProblem,
      })}
      ${breachBanner(shown, this.runOf, this.thresholds)}
      ${scenarioTable({
        shown,
        metricIds: orderedMetrics(
          METRICS.map((m) => m.id),
          this.metrics,
        ),
        baseline: this.baseline,
        period: this.period,
        thresholds: this.thresholds,
        minChanges: this.minChanges,
        runOf: this.runOf,
        openSummary: (slide) => this.openSummary(slide),
      })}
      ${chartOrder(this.charts).map((chart) => chartGrid(chart, shown, this.runOf, this.chartMetric))}
      <replay-panel
        .baseline=${this.baseline}
        .scenario=${this.scenario}
        label="Replay a day: the workspace's scenario beside the baseline, driver by driver"
      ></replay-panel>
    `;
  }

  private controls() {
    const view = {
      start: this.start,
      size: this.size,
      total: this.slides.length,
      period: this.period,
      fullscreen: this.fullscreen,
    };
    const picked = { metrics: this.metrics, charts: this.charts, chartMetric: this.chartMetric };
    const pickers = html`${metricPicker(picked, this.pickerActions)}
    ${chartPicker(picked, this.pickerActions)}`;
    return controlsBar(view, this.controlsActions, pickers);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'presentation-mode': PresentationMode;
  }
}

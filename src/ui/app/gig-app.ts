import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MetricId } from '../../model/metrics';
import type { Comparison } from '../../model/results';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { createBrowserPool } from '../../run/browser';
import type { SimulationPool } from '../../run/simulation-pool';
import { GO, decideRun, pairPlan, type RunDecision } from '../shared/run-gate';
import type { Pin } from '../shared/scenario-runs';
import { APP_MODES, DEFAULT_MODE, modeSearch, readMode, type AppMode } from './app-mode';
import { appHeader, runStatus, type HeaderHandlers } from './app-header';
import { appNotices, type NoticeHandlers } from './app-notices';
import { gigAppStyles } from './gig-app.styles';
import { appRunner } from './app-runner';
import { modeView, summaryView, type ModeHandlers, type SummaryRequest } from './mode-views';
import { PinRuns, addPin, droppedNotice, pinsOn } from './pin-runs';
import { inTextField, isUndoKey } from './view-history';
import { ViewMemory, type MemoryNotice } from './view-memory';
import {
  CHART_IDS,
  DEFAULT_CHART,
  DEFAULT_METRIC,
  alignSettings,
  defaultView,
  encodeView,
  withMinChange,
  withThreshold,
} from './view-state';
import type { ChartKind, MinChanges, Thresholds, ViewState } from './view-state';
import { workspaceLayout, type ScenarioInput, type WorkspaceHandlers } from './workspace-layout';
import { WorkspaceRun } from './workspace-run';

export { ESTIMATE_INTERVAL_MS } from './workspace-run';

/** Quiet time after the last lever input before the comparison reruns. */
export const LEVER_DEBOUNCE_MS = 200;

/**
 * The application root: header, scenario bar, the levers on the left, the metric tree and the
 * charts in the main column. Carries `data-state="idle" | "running"` for tests and assistive
 * tools ("running" from the first lever input until the new comparison is complete).
 *
 * It owns the worker pool and the view: `baseline` and `scenario` (public: tests set them),
 * the chart and metric shown and the user's guardrail thresholds. Whenever either scenario
 * changes it reruns the paired comparison (workspace-run.ts); the last comparison stays on
 * screen, marked as updating, while estimates of the new one stream in. Baseline and scenario
 * always share their run settings (seed, weeks, replications), which pairing needs: the
 * scenario's win. It holds the state and places the templates: the header (app-header.ts),
 * the workspace's layout (workspace-layout.ts), the other modes' and the summary's main area
 * (mode-views.ts); its look is gig-app.styles.ts.
 *
 * The view lives in the URL hash (view-state.ts, view-hash.ts), written on every change and
 * read on load and on hashchange/popstate. A change of what the user decides (levers, baseline,
 * settings, thresholds) is a history entry, a drag or rapid typing one entry (view-history.ts),
 * so Back/Forward and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (outside text fields) step through them;
 * the view and the pins autosave (autosave.ts) and come back when the app is opened without a
 * hash, with a note (app-notices.ts); view-memory.ts keeps the three in step. A link that
 * cannot be read leaves the current view as it is and says why above the scenario bar.
 *
 * Pins (pin-runs.ts): up to four scenarios pinned in the workspace, shown side by side with the
 * baseline and the current scenario; their comparisons run on the pool only while the
 * workspace's own run is done, and stop when a lever moves.
 *
 * Modes (app-mode.ts): a navigation in the header switches the main area between the workspace,
 * `<practice-mode>`, `<presentation-mode>` and `<model-page>`. The mode is the URL query's
 * `mode` key (pushed on a switch, so back and forward move between modes) and is mirrored to
 * `data-mode`. Each mode gets a `CompareRunner` over the app's pool. The pool serves one
 * request at a time, so a mode's run supersedes the workspace's: the workspace comparison is
 * never run while another mode shows, and on coming back it reruns unless the comparison on
 * screen is the final answer for the current baseline and scenario (the pool's cache makes a
 * rerun of a pair it has seen nearly free). The one-page summary (`<comparison-summary>`)
 * opens over any mode from the header's "Summary" button or from presentation mode.
 */
@customElement('gig-app')
export class GigApp extends LitElement {
  /** Whether a simulation is in flight; mirrored to the `data-state` attribute. */
  @property({ type: String, reflect: true, attribute: 'data-state' })
  state: 'idle' | 'running' = 'idle';

  /** The mode shown; mirrored to the `data-mode` attribute and carried by the URL query. */
  @property({ type: String, reflect: true, attribute: 'data-mode' })
  mode: AppMode = DEFAULT_MODE;

  /** The scenario the metrics are compared against. */
  @property({ attribute: false })
  baseline: Scenario = defaultScenario();

  /** The scenario whose metrics are shown. */
  @property({ attribute: false })
  scenario: Scenario = defaultScenario();

  @state() private chart: ChartKind = DEFAULT_CHART;
  @state() private metric: MetricId = DEFAULT_METRIC;
  @state() private thresholds: Thresholds = {};
  @state() private minChanges: MinChanges = {};
  /** Lever edits not yet committed to `scenario` (debounced). */
  @state() private draft: Scenario | undefined;
  @state() private comparison: Comparison | undefined;
  @state() private progress = 0;
  @state() private error = '';
  /** Set by Cancel: the numbers shown are not for the levers as set. */
  @state() private cancelNotice = '';
  /** The cancel notice's button, and the estimate said while a long run goes (run-gate.ts). */
  @state() private gate: RunDecision = GO;
  /** Why the link could not be used, shown by the scenario bar. */
  @state() private linkNotice = '';
  /** Why the link's mode could not be used, shown under the header. */
  @state() private modeNotice = '';
  /** The comparison the one-page summary shows, while it is open. */
  @state() private summary: SummaryRequest | undefined;
  /** The scenarios pinned in the workspace (autosaved). */
  @state() private pins: readonly Pin[] = [];
  @state() private labSettings: ViewState['lab'];
  /** Why the last pin was refused, or "". */
  @state() private pinMessage = '';
  /** Whether a lever field holds typed text not yet applied (the page is not idle then). */
  @state() private typing = false;
  /** Where the view came from (the autosave), or why it could not be kept. */
  @state() private memoryNotice: MemoryNotice | undefined;

  private pool: SimulationPool | undefined;
  /** Cancel committed settling lever edits: the pair changes without a run. */
  private holdRun = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The view in the URL, the browser's history and the autosave. */
  private readonly memory = new ViewMemory();
  /** The next write of the view goes over the current history entry (the first one). */
  private replaceNext = true;
  private readonly pinRuns = new PinRuns(this);
  private readonly onLocation = () => {
    this.memory.history.popped();
    this.readMode();
    this.readUrl();
  };
  /** Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (Cmd on a Mac) in the workspace, outside text fields. */
  private readonly onKey = (e: KeyboardEvent) => {
    const which = isUndoKey(e);
    if (!which || e.defaultPrevented || this.mode !== 'workspace' || this.summary) return;
    if (inTextField(e.composedPath())) return;
    e.preventDefault();
    // Lever edits still settling are the last change: they become an entry first.
    this.commitDraft();
    void this.updateComplete.then(() =>
      which === 'undo' ? this.memory.history.undo() : this.memory.history.redo(),
    );
  };

  /** The workspace's comparison runs, and what each tells the page. */
  private readonly workspaceRun = new WorkspaceRun({
    started: () => {
      this.state = 'running';
      this.error = '';
      this.cancelNotice = '';
      this.progress = 0;
    },
    progressed: (fraction, estimate) => {
      this.progress = fraction;
      if (estimate) this.comparison = estimate;
    },
    finished: (final) => {
      this.comparison = final;
      this.progress = 1;
      this.state = this.settling ? 'running' : 'idle';
    },
    ended: (error) => {
      this.state = this.settling ? 'running' : 'idle';
      if (error !== undefined) this.error = error;
    },
    cancelled: (last) => {
      this.state = 'idle';
      if (last) {
        this.comparison = last;
        this.progress = 1;
      }
      this.cancelNotice = last
        ? 'Cancelled. The numbers shown are from the last complete run, not for the levers as set now.'
        : 'Cancelled. The numbers shown are an early estimate from the replications done, not a final answer.';
    },
    rendered: () => this.updateComplete,
  });

  /**
   * Runs a comparison on the app's pool for a mode other than the workspace. It supersedes the
   * workspace's run in flight, if any (the workspace reruns when it is shown again).
   */
  readonly runner = appRunner(() => this.pool);

  static override styles = gigAppStyles;

  /** The view as the URL carries it. */
  get view(): ViewState {
    return {
      baseline: this.baseline,
      scenario: this.scenario,
      chart: this.chart,
      metric: this.metric,
      thresholds: this.thresholds,
      minChanges: this.minChanges,
      pins: this.pins,
      ...(this.labSettings ? { lab: this.labSettings } : {}),
    };
  }

  /** Whether lever edits are still settling (debounced, or typed and not yet applied). */
  private get settling(): boolean {
    return this.draft !== undefined || this.typing;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.memory.history.attach();
    this.readMode();
    if (location.hash.replace(/^#/, '') === '' && !this.hasUpdated) this.restore();
    else this.readUrl();
    window.addEventListener('hashchange', this.onLocation);
    window.addEventListener('popstate', this.onLocation);
    window.addEventListener('keydown', this.onKey);
    if (this.hasUpdated && !this.pool) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onLocation);
    window.removeEventListener('popstate', this.onLocation);
    window.removeEventListener('keydown', this.onKey);
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pool?.close();
    this.pool = undefined;
  }

  /** Takes the mode from the URL query; an unknown mode shows the workspace and says why. */
  private readMode(): void {
    const r = readMode(location.search);
    this.modeNotice = r.error ? `This link could not be used fully: ${r.error}.` : '';
    if (r.mode !== this.mode) this.leaveMode();
    this.mode = r.mode;
  }

  /** The URL of a mode, keeping the view's hash. */
  private modeUrl(mode: AppMode): string {
    return `${location.pathname}${modeSearch(location.search, mode)}${location.hash}`;
  }

  /** Switches to `mode`, adding it to the browser's history. */
  selectMode(mode: AppMode): void {
    this.summary = undefined;
    this.modeNotice = '';
    if (mode === this.mode) return;
    this.leaveMode();
    this.memory.history.push(this.modeUrl(mode));
    this.mode = mode;
  }

  /** Before the mode changes: lever edits still settling become the scenario. */
  private leaveMode(): void {
    this.summary = undefined;
    this.commitDraft();
  }

  /** Opened without a link: the autosaved view and pins, if any, with a note saying so. */
  private restore(): void {
    const r = this.memory.restore();
    this.memoryNotice = r.notice;
    if (!r.saved) return;
    this.showView(r.saved.view);
    this.pins = r.saved.pins;
  }

  private showView(v: ViewState): void {
    this.baseline = v.baseline;
    this.scenario = v.scenario;
    this.chart = v.chart;
    this.metric = v.metric;
    this.thresholds = v.thresholds;
    this.minChanges = v.minChanges;
    this.pins = v.pins ?? [];
    this.labSettings = v.lab;
  }

  /** Takes the view from the URL hash; a link that cannot be used keeps the current view. */
  private readUrl(): void {
    const r = this.memory.read(location.hash);
    // The link is the view shown: a note that an earlier link could not be used is stale.
    if (!r) return void (this.linkNotice = '');
    if (!r.ok) {
      this.linkNotice =
        `This link could not be used: ${r.error}. ` +
        (this.hasUpdated ? 'The view is unchanged.' : 'Showing the defaults instead.');
      // Leave the link in the address bar as it was until the view next changes.
      this.memory.hash.keep(this.view);
      return;
    }
    this.linkNotice = droppedNotice(r.value.dropped);
    this.cancelDraft();
    this.showView(r.value);
  }

  private cancelDraft(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draft = undefined;
  }

  /** Lever edits still settling become the scenario at once; returns them, if any. */
  private commitDraft(): Scenario | undefined {
    const draft = this.draft;
    this.cancelDraft();
    if (draft) this.scenario = draft;
    return draft;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scenario') || changed.has('baseline')) {
      this.baseline = alignSettings(this.baseline, this.scenario);
    }
    const pairChanged = changed.has('scenario') || changed.has('baseline');
    const fresh = !this.pool;
    if (!this.pool) this.pool = createBrowserPool();
    // The workspace's comparison runs only while the workspace shows (the pool serves one
    // request at a time, and another mode's runs must not be superseded by it).
    if (this.mode !== 'workspace' || this.summary) return;
    if (fresh || pairChanged) {
      if (this.holdRun) this.holdRun = false;
      else this.simulate();
    } else if (
      // Back from another mode or from the summary (a private state: not in `this`'s keys).
      (changed.has('mode') || (changed as Map<PropertyKey, unknown>).has('summary')) &&
      !this.workspaceRun.inFlight &&
      !this.workspaceRun.isFinal(this.baseline, this.scenario)
    ) {
      this.simulate();
    }
  }

  override updated(changed: PropertyValues<this>): void {
    const notice = this.memory.writeChanged(changed, this.view, this.pins, this.replaceNext);
    if (notice) this.memoryNotice = notice;
    this.replaceNext = false;
    const pinsMayRun =
      this.mode === 'workspace' && !this.summary && this.state === 'idle' && !this.settling;
    this.pinRuns.sync(pinsMayRun, this.runner, this.baseline, pinsOn(this.pins, this.scenario));
  }

  /**
   * Reruns the workspace's comparison of the current pair; `force` when the user said to run
   * it ("Run again", "Run anyway"), over the time budget too.
   */
  private simulate(force = false): void {
    this.pinRuns.stop();
    const { pool, baseline, scenario } = this;
    if (!pool) return;
    // What the run would cost, checked before it starts: refused or asked about, nothing runs
    // and the last numbers stay, marked as not for the levers as set.
    this.gate = decideRun(pairPlan(baseline, scenario), force, !!this.comparison);
    if (this.gate.start) return void this.workspaceRun.start(pool, baseline, scenario);
    this.workspaceRun.cancel(pool);
    this.cancelNotice = this.gate.notice;
  }

  /** The workspace's events. */
  private readonly workspaceEvents: WorkspaceHandlers = {
    leverInput: (e) => {
      this.draft = e.detail.scenario;
      this.state = 'running';
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        const draft = this.draft;
        this.draft = undefined;
        if (draft) this.scenario = draft;
      }, LEVER_DEBOUNCE_MS);
    },
    scenarioInput: (e) => this.onScenarioInput(e),
    baselineInput: (e) => {
      // Lever edits still settling are the scenario the user sees: commit them first.
      this.commitDraft();
      this.baseline = e.detail.baseline;
    },
    noticeDismiss: () => (this.linkNotice = ''),
    metricSelect: (e) => (this.metric = e.detail.metric),
    rerun: () => this.simulate(true),
    chartSelect: (e) => {
      const chart = CHART_IDS.find((c) => c === e.detail.chart);
      if (chart) this.chart = chart;
    },
    thresholdChange: (e) => {
      this.thresholds = withThreshold(this.thresholds, e.detail.metric, e.detail.threshold);
    },
    minChangeChange: ({ detail: d }) => {
      this.minChanges = withMinChange(this.minChanges, d.metric, d.value);
    },
    leverPending: (e) => {
      this.typing = e.detail.pending;
      if (this.typing) this.state = 'running';
      else if (!this.draft && !this.workspaceRun.inFlight) this.state = 'idle';
    },
    pinAdd: () => {
      const r = addPin(this.pins, this.commitDraft() ?? this.scenario);
      this.pinMessage = r.ok ? '' : r.error;
      if (r.ok) this.pins = r.value;
    },
    pinRemove: (e) => {
      this.pinMessage = '';
      this.pins = this.pins.filter((_, i) => i !== e.detail.index);
    },
    summaryOpen: (e) => (this.summary = e.detail),
  };

  /** The notes' buttons. */
  private readonly noticeEvents: NoticeHandlers = {
    dismissMode: () => (this.modeNotice = ''),
    dismissMemory: () => (this.memoryNotice = undefined),
    startFresh: () => {
      this.memoryNotice = undefined;
      this.cancelDraft();
      this.showView(defaultView());
    },
  };

  /** The header's events. */
  private readonly headerEvents: HeaderHandlers = {
    modeSelect: (e) => this.selectMode(e.detail.mode),
    openSummary: () => this.openSummary(),
    cancelRun: () => this.cancelRun(),
  };

  /** Cancel: lever edits still settling stay on the levers; the run stops on the workers. */
  private cancelRun(): void {
    if (this.commitDraft()) this.holdRun = true;
    if (this.pool) this.workspaceRun.cancel(this.pool);
  }

  /** The other modes' and the summary's events. */
  private readonly modeEvents: ModeHandlers = {
    summaryOpen: (e) => (this.summary = e.detail),
    summaryClose: () => (this.summary = undefined),
    scenarioInput: (e) => this.onScenarioInput(e),
    labSettings: (e) => (this.labSettings = e.detail),
    calibratedBaseline: ({ detail: { scenario: s } }) => {
      this.showView({ ...this.view, baseline: s, scenario: s });
      this.selectMode('workspace');
    },
  };

  private onScenarioInput(e: ScenarioInput): void {
    this.cancelDraft();
    this.scenario = e.detail.scenario;
    // A saved scenario or file brings the guardrail thresholds (and a saved scenario the
    // smallest changes that matter) saved with it.
    if (e.detail.thresholds) this.thresholds = e.detail.thresholds;
    if (e.detail.minChanges) this.minChanges = e.detail.minChanges;
  }

  /** Opens the one-page summary of the workspace's comparison. */
  private openSummary(): void {
    const draft = this.commitDraft();
    this.summary = {
      baseline: this.baseline,
      scenario: draft ?? this.scenario,
      name: 'Workspace scenario',
    };
  }

  override render() {
    const shown = this.state === 'running' && this.mode === 'workspace' && !this.summary;
    const status = shown ? runStatus(this.settling, this.progress) : '';
    return html`
      ${appHeader(
        {
          mode: this.mode,
          links: Object.fromEntries(APP_MODES.map((m) => [m, this.modeUrl(m)])),
          summaryOpen: this.summary !== undefined,
          status,
          canCancel: status !== '',
        },
        this.headerEvents,
      )}
      ${appNotices(this.modeNotice, this.memoryNotice, this.noticeEvents)} ${this.main()}
    `;
  }

  /** The main area: the summary while it is open, else the mode's. */
  private main() {
    const { runner, baseline, scenario, thresholds, minChanges, metric, pool } = this;
    const judged = { runner, thresholds, minChanges, lab: this.labSettings };
    if (this.summary) return summaryView(this.summary, { ...judged, metric }, this.modeEvents);
    if (this.mode !== 'workspace') {
      return modeView(this.mode, { ...judged, baseline, scenario, pool }, this.modeEvents);
    }
    const view = encodeView(this.view);
    return workspaceLayout(
      {
        edited: this.draft ?? scenario,
        scenario,
        baseline,
        busy: this.state === 'running',
        comparison: this.comparison,
        progress: this.progress,
        error: this.error,
        cancelNotice: this.cancelNotice,
        rerunLabel: this.gate.label,
        runNote: this.gate.note,
        metric,
        chart: this.chart,
        thresholds,
        minChanges,
        link: `${location.origin}${location.pathname}${location.search}${view}`,
        linkNotice: this.linkNotice,
        pins: pinsOn(this.pins, scenario),
        pinMessage: this.pinMessage || this.pinRuns.notice,
        pinRunOf: (c) =>
          c.scenario === scenario
            ? this.workspaceRun.isFinal(baseline, scenario) && this.comparison
              ? { state: 'done', comparison: this.comparison }
              : { state: 'running', progress: this.progress }
            : this.pinRuns.runOf(baseline, c.scenario),
      },
      this.workspaceEvents,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gig-app': GigApp;
  }
}

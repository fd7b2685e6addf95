import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MetricId } from '../../model/metrics';
import type { CompareProgress } from '../../model/contract';
import type { Comparison } from '../../model/results';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { createBrowserPool } from '../../run/browser';
import { isSuperseded } from '../../run/pool';
import type { SimulationPool } from '../../run/simulation-pool';
import { APP_MODES, DEFAULT_MODE, MODE_INFO, modeSearch, readMode, type AppMode } from './app-mode';
import { poolRunner } from '../../run/explorer';
import '../workspace/chart-panel';
import '../summary/comparison-summary';
import '../explore/explorer-view';
import '../workspace/lever-panel';
import '../workspace/metric-tree';
import './mode-nav';
import '../model-page/model-page';
import '../practice/practice-mode';
import '../present/presentation-mode';
import type { CompareRunner } from '../shared/runner';
import '../workspace/scenario-bar';
import {
  CHART_IDS,
  DEFAULT_CHART,
  DEFAULT_METRIC,
  alignSettings,
  decodeView,
  encodeView,
  type ChartKind,
  type Thresholds,
  type ViewState,
  sameScenario,
} from './view-state';

/** What the one-page summary shows: a scenario against a baseline, under a name. */
interface SummaryRequest {
  readonly baseline: Scenario;
  readonly scenario: Scenario;
  readonly name: string;
}

/** Quiet time after the last lever input before the comparison reruns. */
export const LEVER_DEBOUNCE_MS = 200;
/** Shortest time between two refinements of the shown estimate, ms. */
export const ESTIMATE_INTERVAL_MS = 150;

/**
 * The application root: header, scenario bar, the levers on the left, the metric tree and the
 * charts in the main column. Carries `data-state="idle" | "running"` for tests and assistive
 * tools ("running" from the first lever input until the new comparison is complete).
 *
 * It owns the worker pool and the view: `baseline` and `scenario` (public: tests set them),
 * the chart and metric shown and the user's guardrail thresholds. Whenever either scenario
 * changes it reruns the paired comparison; the last comparison stays on screen, marked as
 * updating, while estimates of the new one stream in. Baseline and scenario always share their
 * run settings (seed, weeks, replications), which pairing needs: the scenario's win.
 *
 * The view lives in the URL hash (view-state.ts), rewritten with history.replaceState on every
 * change and read on load and on hashchange/popstate. A link that cannot be read leaves the
 * current view as it is and says why above the scenario bar.
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
  /** Lever edits not yet committed to `scenario` (debounced). */
  @state() private draft: Scenario | undefined;
  @state() private comparison: Comparison | undefined;
  @state() private progress = 0;
  @state() private error = '';
  /** Why the link could not be used, shown by the scenario bar. */
  @state() private linkNotice = '';
  /** Why the link's mode could not be used, shown under the header. */
  @state() private modeNotice = '';
  /** The comparison the one-page summary shows, while it is open. */
  @state() private summary: SummaryRequest | undefined;

  private pool: SimulationPool | undefined;
  private runs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  /** The hash last written to or read from the URL. */
  private lastHash: string | undefined;
  /** The pair whose final comparison is on screen, if the one shown is final. */
  private finalFor: { baseline: Scenario; scenario: Scenario } | undefined;
  /** Whether a workspace run is in flight (not yet answered, failed or superseded). */
  private workspaceRunning = false;
  private readonly onLocation = () => {
    this.readMode();
    this.readUrl();
  };

  /**
   * Runs a comparison on the app's pool for a mode other than the workspace. It supersedes the
   * workspace's run in flight, if any (the workspace reruns when it is shown again).
   */
  readonly runner: CompareRunner = (baseline, scenario, onProgress, signal) => {
    const pool = this.pool;
    if (!pool) return Promise.reject(new Error('the worker pool is not running'));
    // An abort stops the comparison in flight on the workers, not only the caller's wait.
    return poolRunner(pool)(baseline, scenario, onProgress, signal);
  };

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
    header {
      display: flex;
      align-items: baseline;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      padding: 0.6rem 1.5rem;
      background: #1c2430;
      color: #fff;
    }
    h1 {
      margin: 0;
      font-size: 1.5rem;
      letter-spacing: 0.02em;
    }
    .tagline {
      color: #c9d2de;
    }
    mode-nav {
      margin-left: 0.5rem;
      align-self: center;
    }
    .summary-button {
      align-self: center;
      font: inherit;
      font-size: 1rem;
      padding: 0.35rem 0.8rem;
      border-radius: 6px;
      border: 1px solid #9fb0c3;
      background: transparent;
      color: #fff;
      cursor: pointer;
    }
    .summary-button:hover {
      background: #2d3947;
    }
    .summary-button:focus-visible {
      outline: 3px solid #7fb2f0;
      outline-offset: 2px;
    }
    .mode-notice {
      margin: 1rem 1.5rem 0;
      padding: 0.6rem 1rem;
      border: 1px solid #d9a400;
      background: #fff7db;
      border-radius: 8px;
    }
    .single {
      padding: 1rem 1.5rem 1.5rem;
    }
    .status {
      margin-left: auto;
      color: #c9d2de;
      font-size: 0.9rem;
      font-variant-numeric: tabular-nums;
    }
    section {
      background: #fff;
      border: 1px solid #dde2e8;
      border-radius: 8px;
      padding: 1rem;
      min-width: 0;
    }
    .bar {
      margin: 1rem 1.5rem 0;
      padding: 0.75rem 1rem;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(17rem, 22rem) minmax(0, 1fr);
      gap: 1rem;
      padding: 1rem 1.5rem 1.5rem;
      align-items: start;
    }
    .levers {
      position: sticky;
      top: 0.5rem;
      max-height: calc(100vh - 1rem);
      overflow: auto;
      /* Its layout does not depend on the metrics that change during a run. */
      contain: content;
    }
    /* Charts below the fold are not laid out or painted while estimates stream in. */
    section[data-region='charts'] {
      content-visibility: auto;
      contain-intrinsic-size: auto 640px;
    }
    .main {
      display: grid;
      gap: 1rem;
      min-width: 0;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.1rem;
    }
    .error {
      color: #8a1c1c;
    }
    @media print {
      header,
      .mode-notice {
        display: none;
      }
      .single {
        padding: 0;
      }
    }
    /* Wide screens: the charts sit beside the metric tree and stay in view while it scrolls. */
    @media (min-width: 1800px) {
      .main {
        grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr);
        align-items: start;
      }
      section[data-region='charts'] {
        position: sticky;
        top: 0.5rem;
      }
    }
    @media (max-width: 900px) {
      .layout {
        grid-template-columns: 1fr;
      }
      .levers {
        position: static;
        max-height: none;
      }
    }
  `;

  /** The view as the URL carries it. */
  get view(): ViewState {
    return {
      baseline: this.baseline,
      scenario: this.scenario,
      chart: this.chart,
      metric: this.metric,
      thresholds: this.thresholds,
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readMode();
    this.readUrl();
    window.addEventListener('hashchange', this.onLocation);
    window.addEventListener('popstate', this.onLocation);
    if (this.hasUpdated && !this.pool) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onLocation);
    window.removeEventListener('popstate', this.onLocation);
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
    history.pushState(history.state, '', this.modeUrl(mode));
    this.mode = mode;
  }

  /** Before the mode changes: lever edits still settling become the scenario. */
  private leaveMode(): void {
    this.summary = undefined;
    const draft = this.draft;
    this.cancelDraft();
    if (draft) this.scenario = draft;
  }

  /** Whether the comparison on screen is the final answer for the current pair. */
  private isFinal(): boolean {
    const f = this.finalFor;
    return (
      f !== undefined &&
      sameScenario(f.baseline, this.baseline) &&
      sameScenario(f.scenario, this.scenario)
    );
  }

  /** Takes the view from the URL hash; a link that cannot be used keeps the current view. */
  private readUrl(): void {
    const hash = location.hash;
    if (hash === this.lastHash) return;
    const r = decodeView(hash);
    if (!r.ok) {
      this.linkNotice =
        `This link could not be used: ${r.error}. ` +
        (this.hasUpdated ? 'The view is unchanged.' : 'Showing the defaults instead.');
      // Leave the link in the address bar as it was until the view next changes.
      this.lastHash = encodeView(this.view);
      return;
    }
    this.linkNotice = '';
    this.cancelDraft();
    const v = r.value;
    this.baseline = v.baseline;
    this.scenario = v.scenario;
    this.chart = v.chart;
    this.metric = v.metric;
    this.thresholds = v.thresholds;
    this.lastHash = encodeView(v);
  }

  private cancelDraft(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draft = undefined;
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
      void this.simulate();
    } else if (
      // Back from another mode or from the summary (a private state: not in `this`'s keys).
      (changed.has('mode') || (changed as Map<PropertyKey, unknown>).has('summary')) &&
      !this.workspaceRunning &&
      !this.isFinal()
    ) {
      void this.simulate();
    }
  }

  override updated(): void {
    const hash = encodeView(this.view);
    if (hash === this.lastHash) return;
    this.lastHash = hash;
    const url = hash === '' ? `${location.pathname}${location.search}` : hash;
    history.replaceState(history.state, '', url);
  }

  private async simulate(): Promise<void> {
    const pool = this.pool;
    if (!pool) return;
    const run = ++this.runs;
    this.state = 'running';
    this.workspaceRunning = true;
    this.finalFor = undefined;
    const pair = { baseline: this.baseline, scenario: this.scenario };
    this.error = '';
    this.progress = 0;
    // User Timing marks (seen in the browser's performance panel; bench/browser.bench.ts
    // reads them): the run starts, its first estimate and its final answer are on the page.
    // Only the latest run's marks are kept, so memory stays flat over many runs.
    for (const name of ['gigsim:run', 'gigsim:estimate', 'gigsim:final']) {
      performance.clearMarks(name);
    }
    performance.mark('gigsim:run', { detail: run });
    let estimated = false;
    clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    // Progress and estimates reach the page at most every ESTIMATE_INTERVAL_MS (the first
    // estimate at once): redrawing the metric tree and the charts for every replication that
    // finishes would take the main thread from the workers on a small machine.
    // The newest report, and the newest that offers an estimate (read only when shown: the
    // pool aggregates an estimate when it is first read).
    let latest: CompareProgress | undefined;
    let latestEstimate: CompareProgress | undefined;
    let lastShown = -Infinity;
    const show = () => {
      this.progressTimer = undefined;
      const p = latest;
      if (!p || run !== this.runs) return;
      const withEstimate = latestEstimate;
      latest = undefined;
      latestEstimate = undefined;
      lastShown = performance.now();
      this.progress = p.fraction;
      if (withEstimate?.estimate) {
        this.comparison = withEstimate.estimate;
        if (!estimated) {
          estimated = true;
          void this.updateComplete.then(() => {
            if (run === this.runs) performance.mark('gigsim:estimate', { detail: run });
          });
        }
      }
    };
    try {
      const final = await pool.compare(this.baseline, this.scenario, {
        onProgress: (p) => {
          latest = p;
          const offers = 'estimate' in p;
          if (offers) latestEstimate = p;
          if (!estimated && offers) {
            clearTimeout(this.progressTimer);
            show();
            return;
          }
          if (this.progressTimer !== undefined) return;
          const wait = Math.max(0, lastShown + ESTIMATE_INTERVAL_MS - performance.now());
          if (wait === 0) show();
          else this.progressTimer = setTimeout(show, wait);
        },
      });
      clearTimeout(this.progressTimer);
      this.progressTimer = undefined;
      if (run !== this.runs) return; // a newer run started while this answer was on its way
      this.workspaceRunning = false;
      this.comparison = final;
      this.finalFor = pair;
      this.progress = 1;
      this.state = this.draft ? 'running' : 'idle';
      await this.updateComplete;
      if (run === this.runs) performance.mark('gigsim:final', { detail: run });
    } catch (error) {
      clearTimeout(this.progressTimer);
      this.progressTimer = undefined;
      if (run !== this.runs) return; // the newer run owns the state
      this.workspaceRunning = false;
      // Superseded by another mode's run: the workspace is idle, its comparison not final,
      // and it reruns when it is shown again.
      this.state = this.draft ? 'running' : 'idle';
      if (isSuperseded(error)) return;
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private onLeverInput(e: CustomEvent<{ scenario: Scenario }>): void {
    this.draft = e.detail.scenario;
    this.state = 'running';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const draft = this.draft;
      this.draft = undefined;
      if (draft) this.scenario = draft;
    }, LEVER_DEBOUNCE_MS);
  }

  private onScenarioInput(e: CustomEvent<{ scenario: Scenario }>): void {
    this.cancelDraft();
    this.scenario = e.detail.scenario;
  }

  private onBaselineInput(e: CustomEvent<{ baseline: Scenario }>): void {
    // Lever edits still settling are the scenario the user sees: commit them first.
    const draft = this.draft;
    this.cancelDraft();
    if (draft) this.scenario = draft;
    this.baseline = e.detail.baseline;
  }

  private onMetricSelect(e: CustomEvent<{ metric: MetricId }>): void {
    this.metric = e.detail.metric;
  }

  private onChartSelect(e: CustomEvent<{ chart: string }>): void {
    const chart = CHART_IDS.find((c) => c === e.detail.chart);
    if (chart) this.chart = chart;
  }

  private onThresholdChange(e: CustomEvent<{ metric: MetricId; threshold: number | undefined }>) {
    const { metric, threshold } = e.detail;
    const keep = threshold !== undefined && Number.isFinite(threshold) && threshold > 0;
    const next: Thresholds = Object.fromEntries(
      Object.entries(this.thresholds).filter(([id]) => id !== metric),
    );
    if (keep) next[metric] = threshold;
    this.thresholds = next;
  }

  private statusText(): string {
    if (this.state !== 'running' || this.mode !== 'workspace' || this.summary) return '';
    if (this.draft) return 'Waiting for the levers to settle…';
    return `Updating… ${Math.round(this.progress * 100)}% of replications`;
  }

  /** Opens the one-page summary of the workspace's comparison. */
  private openSummary(): void {
    const draft = this.draft;
    this.cancelDraft();
    if (draft) this.scenario = draft;
    this.summary = {
      baseline: this.baseline,
      scenario: draft ?? this.scenario,
      name: 'Workspace scenario',
    };
  }

  private onSummaryOpen(e: CustomEvent<SummaryRequest>): void {
    this.summary = e.detail;
  }

  private closeSummary(): void {
    this.summary = undefined;
  }

  override render() {
    const links = Object.fromEntries(APP_MODES.map((m) => [m, this.modeUrl(m)]));
    return html`
      <header>
        <h1>gigsim</h1>
        <span class="tagline">what-if simulator for a crowdsourced delivery service</span>
        <mode-nav
          .mode=${this.mode}
          .links=${links}
          @mode-select=${(e: CustomEvent<{ mode: AppMode }>) => this.selectMode(e.detail.mode)}
        ></mode-nav>
        ${
          this.mode === 'workspace' || this.mode === 'present'
            ? html`<button
                type="button"
                class="summary-button"
                data-action="open-summary"
                aria-pressed=${this.summary ? 'true' : 'false'}
                title="A one-page summary of the workspace's comparison, to print or save as PDF"
                @click=${this.openSummary}
              >
                Summary
              </button>`
            : nothing
        }
        <span class="status" role="status" aria-live="polite">${this.statusText()}</span>
      </header>
      ${
        this.modeNotice
          ? html`<p class="mode-notice" role="alert" data-notice="mode">
              ${this.modeNotice}
              <button type="button" @click=${() => (this.modeNotice = '')}>Dismiss</button>
            </p>`
          : nothing
      }
      ${this.summary ? this.summaryView(this.summary) : this.modeView()}
    `;
  }

  private summaryView(request: SummaryRequest) {
    return html`<main class="single" aria-label="One-page summary">
      <comparison-summary
        .runner=${this.runner}
        .baseline=${request.baseline}
        .scenario=${request.scenario}
        .name=${request.name}
        .thresholds=${this.thresholds}
        .metric=${this.metric}
        @summary-close=${this.closeSummary}
      ></comparison-summary>
    </main>`;
  }

  private modeView() {
    switch (this.mode) {
      case 'practice':
        return html`<main class="single" aria-label=${MODE_INFO.practice.label}>
          <practice-mode
            .runner=${this.runner}
            .baseline=${this.baseline}
            .scenario=${this.scenario}
          ></practice-mode>
        </main>`;
      case 'present':
        return html`<main class="single wide" aria-label=${MODE_INFO.present.label}>
          <presentation-mode
            .runner=${this.runner}
            .baseline=${this.baseline}
            .scenario=${this.scenario}
            .thresholds=${this.thresholds}
            @summary-open=${this.onSummaryOpen}
          ></presentation-mode>
        </main>`;
      case 'explore':
        return html`<main class="single wide" aria-label=${MODE_INFO.explore.label}>
          <explorer-view
            .runner=${this.runner}
            .baseline=${this.baseline}
            .scenario=${this.scenario}
            @scenario-input=${this.onScenarioInput}
          ></explorer-view>
        </main>`;
      case 'model':
        return html`<main class="single" aria-label=${MODE_INFO.model.label}>
          <model-page .runner=${this.runner} .scenario=${this.scenario}></model-page>
        </main>`;
      case 'workspace':
        return this.workspace();
    }
  }

  private workspace() {
    const link = `${location.origin}${location.pathname}${location.search}${encodeView(this.view)}`;
    return html`
      <section class="bar" data-region="scenario" aria-label="Scenario">
        <scenario-bar
          .scenario=${this.draft ?? this.scenario}
          .busy=${this.state === 'running'}
          .baseline=${this.baseline}
          .comparison=${this.comparison}
          .link=${link}
          .notice=${this.linkNotice}
          @scenario-input=${this.onScenarioInput}
          @baseline-input=${this.onBaselineInput}
          @notice-dismiss=${() => (this.linkNotice = '')}
        ></scenario-bar>
      </section>
      <main class="layout">
        <section class="levers" data-region="levers" aria-labelledby="levers-title">
          <h2 id="levers-title">Levers</h2>
          <lever-panel
            .scenario=${this.draft ?? this.scenario}
            .baseline=${this.baseline}
            @scenario-input=${this.onLeverInput}
          ></lever-panel>
        </section>
        <div class="main">
          <section data-region="metrics" aria-labelledby="metrics-title">
            <h2 id="metrics-title">Metrics</h2>
            ${
              this.error
                ? html`<p class="error" role="alert">The simulation failed: ${this.error}</p>`
                : nothing
            }
            <metric-tree
              .comparison=${this.comparison}
              .progress=${this.progress}
              .updating=${this.state === 'running'}
              .selected=${this.metric}
              .thresholds=${this.thresholds}
              @metric-select=${this.onMetricSelect}
              @threshold-change=${this.onThresholdChange}
            ></metric-tree>
          </section>
          <section data-region="charts" aria-labelledby="charts-title">
            <h2 id="charts-title">Charts</h2>
            <chart-panel
              .comparison=${this.comparison}
              .metric=${this.metric}
              .chart=${this.chart}
              .wageFloor=${this.scenario.params.wageFloor}
              @metric-select=${this.onMetricSelect}
              @chart-select=${this.onChartSelect}
            ></chart-panel>
          </section>
        </div>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gig-app': GigApp;
  }
}

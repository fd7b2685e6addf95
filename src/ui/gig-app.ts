import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MetricId } from '../model/metrics';
import type { CompareProgress } from '../model/contract';
import type { Comparison } from '../model/results';
import { defaultScenario, type Scenario } from '../model/scenario';
import { createBrowserPool } from '../run/browser';
import { isSuperseded } from '../run/pool';
import type { SimulationPool } from '../run/simulation-pool';
import './chart-panel';
import './lever-panel';
import './metric-tree';
import './scenario-bar';
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
} from './view-state';

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
 */
@customElement('gig-app')
export class GigApp extends LitElement {
  /** Whether a simulation is in flight; mirrored to the `data-state` attribute. */
  @property({ type: String, reflect: true, attribute: 'data-state' })
  state: 'idle' | 'running' = 'idle';

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

  private pool: SimulationPool | undefined;
  private runs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  /** The hash last written to or read from the URL. */
  private lastHash: string | undefined;
  private readonly onLocation = () => this.readUrl();

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
    if (!this.pool) {
      this.pool = createBrowserPool();
      void this.simulate();
    } else if (changed.has('scenario') || changed.has('baseline')) {
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
    let latest: CompareProgress | undefined;
    let lastShown = -Infinity;
    const show = () => {
      this.progressTimer = undefined;
      const p = latest;
      if (!p || run !== this.runs) return;
      latest = undefined;
      lastShown = performance.now();
      this.progress = p.fraction;
      if (p.estimate) {
        this.comparison = p.estimate;
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
          // Keep the newest estimate even when a later report carries none.
          latest = p.estimate || !latest?.estimate ? p : { ...p, estimate: latest.estimate };
          if (!estimated && p.estimate !== undefined) {
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
      this.comparison = final;
      this.progress = 1;
      this.state = this.draft ? 'running' : 'idle';
      await this.updateComplete;
      if (run === this.runs) performance.mark('gigsim:final', { detail: run });
    } catch (error) {
      if (isSuperseded(error) || run !== this.runs) return; // the newer run owns the state
      this.error = error instanceof Error ? error.message : String(error);
      this.state = 'idle';
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
    if (this.state !== 'running') return '';
    if (this.draft) return 'Waiting for the levers to settle…';
    return `Updating… ${Math.round(this.progress * 100)}% of replications`;
  }

  override render() {
    const link = `${location.origin}${location.pathname}${location.search}${encodeView(this.view)}`;
    return html`
      <header>
        <h1>gigsim</h1>
        <span class="tagline">what-if simulator for a crowdsourced delivery service</span>
        <span class="status" role="status" aria-live="polite">${this.statusText()}</span>
      </header>
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

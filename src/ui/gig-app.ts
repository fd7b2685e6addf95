import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LONG_RUN_WEEKS, type Comparison } from '../model/results';
import { defaultScenario, type Scenario } from '../model/scenario';
import { createBrowserPool } from '../run/browser';
import { isSuperseded } from '../run/pool';
import type { SimulationPool } from '../run/simulation-pool';
import './chart-panel';
import './lever-panel';
import './metric-list';
import './metric-tree';

/**
 * The application root: the page frame with the lever panel and the metric area.
 * Carries `data-state="idle" | "running"` for tests and assistive tools.
 *
 * It owns the worker pool: on first render it compares `scenario` with `baseline` (both the
 * default scenario to begin with), and again whenever either is replaced; a newer run
 * supersedes the one in flight, whose results are never shown.
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

  @state() private comparison: Comparison | undefined;
  @state() private progress = 0;
  @state() private error = '';

  private pool: SimulationPool | undefined;
  private runs = 0;

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
    header {
      display: flex;
      align-items: baseline;
      gap: 1rem;
      padding: 0.75rem 1.5rem;
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
    .layout {
      display: grid;
      grid-template-columns: minmax(16rem, 22rem) 1fr;
      gap: 1rem;
      padding: 1rem 1.5rem;
    }
    section {
      background: #fff;
      border: 1px solid #dde2e8;
      border-radius: 8px;
      padding: 1rem;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.1rem;
    }
    @media (max-width: 800px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
  `;

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.pool) {
      this.pool = createBrowserPool();
      void this.simulate();
    } else if (changed.has('scenario') || changed.has('baseline')) {
      void this.simulate();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.pool) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pool?.close();
    this.pool = undefined;
  }

  private async simulate(): Promise<void> {
    const pool = this.pool;
    if (!pool) return;
    const run = ++this.runs;
    this.state = 'running';
    this.error = '';
    try {
      const final = await pool.compare(this.baseline, this.scenario, {
        onProgress: (p) => {
          this.progress = p.fraction;
          if (p.estimate) this.comparison = p.estimate;
        },
      });
      if (run !== this.runs) return; // a newer run started while this answer was on its way
      this.comparison = final;
      this.progress = 1;
      this.state = 'idle';
    } catch (error) {
      if (isSuperseded(error) || run !== this.runs) return; // the newer run owns the state
      this.error = error instanceof Error ? error.message : String(error);
      this.state = 'idle';
    }
  }

  override render() {
    return html`
      <header>
        <h1>gigsim</h1>
        <span class="tagline">what-if simulator for a crowdsourced delivery service</span>
      </header>
      <main class="layout">
        <section data-region="levers" aria-labelledby="levers-title">
          <h2 id="levers-title">Levers</h2>
          <lever-panel .scenario=${this.scenario} .baseline=${this.baseline}></lever-panel>
        </section>
        <section data-region="metrics" aria-labelledby="metrics-title">
          <h2 id="metrics-title">Metrics</h2>
          ${this.error ? html`<p role="alert">The simulation failed: ${this.error}</p>` : nothing}
          <metric-list
            .values=${this.comparison?.scenario.longRun}
            .progress=${this.progress}
            caption="Long run (last ${LONG_RUN_WEEKS} weeks), mean of ${this.scenario.replications} replications"
          ></metric-list>
          <metric-tree
            .comparison=${this.comparison}
            .progress=${this.progress}
            .updating=${this.state === 'running'}
          ></metric-tree>
          <chart-panel
            .comparison=${this.comparison}
            .wageFloor=${this.scenario.params.wageFloor}
          ></chart-panel>
        </section>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gig-app': GigApp;
  }
}

/**
 * The trade-off explorer: what a lever buys and what it costs. A tab per tool, each its own
 * component: a sweep of one lever (explore-sweep.ts), the trade-off curve of two metrics over
 * that sweep (explore-tradeoff.ts), a heatmap over two levers (explore-grid.ts), the
 * sensitivity of a metric to every lever and market assumption (explore-sensitivity.ts),
 * goal seek (explore-goal.ts) and global designs (explore-design.ts). This view hosts them: the tabs, the one run at a time
 * (run-session.ts) whose progress every tool's run bar shows, the sweep that the sweep and
 * trade-off tools share, a setting chosen as the scenario, and the export of the chart shown.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cache } from 'lit/directives/cache.js';
import type { Thresholds } from '../../model/guardrails';
import type { Comparison } from '../../model/results';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { atValues, type SweepAxis } from '../../model/sweep';
import type { ExplorerOptions } from '../../run/explorer-runner';
import type { SimulationPool } from '../../run/simulation-pool';
import { sweep, sweepPlan } from '../../run/sweep-grid';
import { downloadBlob, downloadSvg } from '../charts/chart-export';
import { WORKSPACE_NAME, type ExportContext } from '../shared/export-context';
import { tabStep } from '../shared/keys';
import type { CompareRunner } from '../shared/runner';
import { tabStyles } from '../shared/styles';
import { axisForm, readAxis, type AxisForm } from './axis-form';
import type { ExploreEvents } from './explore-events';
import { exploreStyles } from './explore.styles';
import { chosenText } from './explore-text';
import { TABS, exportFileName, type ExplorerTab } from './explorer-tabs';
import { gatePlan } from './explore-plans';
import { IDLE, RunSession, errorText, type RunStatus } from './run-session';
import { startSweep, withPoint, type ShownSweep } from './shown-sweep';
import './explore-design';
import './explore-goal';
import './explore-grid';
import './explore-sensitivity';
import './explore-sweep';
import './explore-tradeoff';

export type { ExplorerTab } from './explorer-tabs';

/** A chart that exports itself, captioned, as every chart of the explorer does. */
interface ExportableChart {
  svgText(context?: ExportContext): string;
  pngBlob(context?: ExportContext): Promise<Blob>;
}

type ExploreEvent<K extends keyof ExploreEvents> = CustomEvent<ExploreEvents[K]>;

/**
 * Runs go through `runner` one comparison at a time with progress; Cancel stops them and the
 * explorer stays usable. Every point is compared with `baseline` on the same seed (common
 * random numbers). The host carries `data-state="running"|"idle"`.
 *
 * @fires scenario-input - CustomEvent<{ scenario: Scenario }>, when a point, a cell or the
 *   goal seek's answer is chosen as the scenario.
 */
@customElement('explorer-view')
export class ExplorerView extends LitElement {
  /** Runs a comparison on the app's pool; undefined until the app provides it. */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  /** The app's worker pool, for the global design's jobs (the others go through `runner`). */
  @property({ attribute: false }) pool: SimulationPool | undefined;
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  /** The user's guardrail thresholds (the table's where unset), for every tool's verdicts. */
  @property({ attribute: false }) thresholds: Thresholds = {};

  @state() tab: ExplorerTab = 'sweep';

  @state() private status: RunStatus = IDLE;
  /** The sweep's axis as typed, shared by the sweep and trade-off tools. */
  @state() private sweepForm: AxisForm = axisForm('payPerHour', defaultScenario(), 5);
  /** The last sweep run, shared by the sweep and trade-off tools. */
  @state() private shownSweep: ShownSweep | undefined;
  /** The scenario the forms start around: the first the explorer is given. */
  @state() private startScenario: Scenario | undefined;

  private readonly session = new RunSession((status) => (this.status = status));

  static override styles = [
    tabStyles,
    exploreStyles,
    css`
      [role='tablist'] {
        flex-wrap: wrap;
        margin-bottom: 0.75rem;
      }
      [role='tab'] {
        font-size: 1.05rem;
        padding: 0.5rem 1rem;
      }
      [role='tab'][aria-selected='true'] {
        font-weight: 700;
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    // The forms start around the scenario's values the first time it is known.
    if (changed.has('scenario') && !this.startScenario) {
      this.startScenario = this.scenario;
      this.sweepForm = axisForm(this.sweepForm.id, this.scenario, 5);
    }
    this.setAttribute('data-state', this.status.running ? 'running' : 'idle');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session.cancel();
  }

  /** The shown chart as a standalone SVG, for slides, captioned. */
  svgText(): string {
    return this.chart().svgText(this.exportContext());
  }

  /** The shown chart as a PNG at twice its size, captioned. */
  pngBlob(): Promise<Blob> {
    return this.chart().pngBlob(this.exportContext());
  }

  /**
   * What an export's caption says: the tool, the workspace scenario it starts from against
   * the baseline, and the page's link (the app keeps the view in the URL).
   */
  private exportContext(): ExportContext {
    const tool = TABS.find((t) => t.id === this.tab)?.label ?? this.tab;
    return {
      name: `${WORKSPACE_NAME} (Explore, ${tool})`,
      scenario: this.scenario,
      baseline: this.baseline,
      link: location.href,
      date: new Date(),
    };
  }

  private chart(): ExportableChart {
    const tool = this.renderRoot.querySelector('#explorer-panel > *');
    const el = tool?.shadowRoot?.querySelector<HTMLElement & ExportableChart>(
      'sweep-chart, frontier-chart, heatmap-chart, tornado-chart, design-indices-chart',
    );
    if (!el) throw new Error('no chart is drawn yet');
    return el;
  }

  override render() {
    return html`
      <div role="tablist" aria-label="Explorer">
        ${TABS.map(
          (t) =>
            html`<button
              role="tab"
              id="xtab-${t.id}"
              data-explorer-tab=${t.id}
              aria-selected=${t.id === this.tab ? 'true' : 'false'}
              aria-controls="explorer-panel"
              tabindex=${t.id === this.tab ? 0 : -1}
              @click=${() => (this.tab = t.id)}
              @keydown=${this.onTabKey}
            >
              ${t.label}
            </button>`,
        )}
      </div>
      <div
        id="explorer-panel"
        role="tabpanel"
        aria-labelledby="xtab-${this.tab}"
        @explore-run=${this.onRun}
        @sweep-run=${this.onSweepRun}
        @axis-change=${this.onAxisChange}
        @scenario-choose=${this.onChoose}
        @run-cancel=${this.onCancel}
        @run-anyway=${this.onRunAnyway}
        @chart-export=${this.onExport}
      >
        ${cache(this.tool())}
      </div>
    `;
  }

  /** The tab's tool; `cache` keeps each tool's forms and answers while another tab shows. */
  private tool() {
    const { runner, baseline, scenario, status, thresholds } = this;
    const ready = runner !== undefined;
    switch (this.tab) {
      case 'sweep':
        return html`<explore-sweep
          .thresholds=${thresholds}
          .scenario=${scenario}
          .form=${this.sweepForm}
          .sweep=${this.shownSweep}
          .status=${status}
          .ready=${ready}
        ></explore-sweep>`;
      case 'tradeoff':
        return html`<explore-tradeoff
          .thresholds=${thresholds}
          .scenario=${scenario}
          .form=${this.sweepForm}
          .sweep=${this.shownSweep}
          .status=${status}
          .ready=${ready}
        ></explore-tradeoff>`;
      case 'grid':
        return html`<explore-grid
          .thresholds=${thresholds}
          .runner=${runner}
          .baseline=${baseline}
          .scenario=${scenario}
          .startScenario=${this.startScenario}
          .status=${status}
        ></explore-grid>`;
      case 'sensitivity':
        return html`<explore-sensitivity
          .runner=${runner}
          .scenario=${scenario}
          .status=${status}
        ></explore-sensitivity>`;
      case 'goal':
        return html`<explore-goal
          .thresholds=${thresholds}
          .runner=${runner}
          .baseline=${baseline}
          .scenario=${scenario}
          .status=${status}
        ></explore-goal>`;
      case 'design':
        return html`<explore-design
          .pool=${this.pool}
          .baseline=${baseline}
          .scenario=${scenario}
          .status=${status}
        ></explore-design>`;
    }
  }

  // ---- what the tools ask ------------------------------------------------------------------

  private onRun = (e: ExploreEvent<'explore-run'>): void => {
    e.stopPropagation();
    void this.session.run(e.detail);
  };

  /**
   * Runs the shared sweep. Asked as 'sweep' (either tool's run button), its points draw as they
   * come; asked as 'tradeoff' (the trade-off form submitted), they show when it ends.
   */
  private onSweepRun = (e: ExploreEvent<'sweep-run'>): void => {
    e.stopPropagation();
    const { runner, baseline, scenario } = this;
    if (!runner) return;
    const { what } = e.detail;
    const axis = readAxis(this.sweepForm);
    const onPoint = (point: Comparison) => {
      if (this.shownSweep) this.shownSweep = withPoint(this.shownSweep, point);
    };
    void this.session.run({
      what,
      job: axis.ok
        ? {
            ok: true,
            value: (options) =>
              this.runSweep(runner, baseline, axis.value, { ...options, scenario }),
          }
        : axis,
      ...(axis.ok ? { plan: () => gatePlan(what, sweepPlan(baseline, axis.value, scenario)) } : {}),
      ...(what === 'sweep' ? { onPoint } : {}),
    });
  };

  private async runSweep(
    runner: CompareRunner,
    baseline: Scenario,
    axis: SweepAxis,
    options: ExplorerOptions & { scenario: Scenario },
  ): Promise<void> {
    const before = this.shownSweep;
    this.shownSweep = startSweep(axis);
    try {
      const r = await sweep(runner, baseline, axis, options);
      this.shownSweep = { axis: r.axis, values: r.values, points: r.points };
    } catch (error) {
      // Cancelled or failed: the last complete sweep comes back, as it was.
      this.shownSweep = before;
      throw error;
    }
  }

  private onAxisChange = (e: ExploreEvent<'axis-change'>): void => {
    e.stopPropagation();
    this.sweepForm = e.detail.form;
  };

  private onCancel = (e: Event): void => {
    e.stopPropagation();
    this.session.cancel();
  };

  private onRunAnyway = (e: Event): void => {
    e.stopPropagation();
    void this.session.runAnyway();
  };

  private onChoose = (e: ExploreEvent<'scenario-choose'>): void => {
    e.stopPropagation();
    const { values } = e.detail;
    let scenario: Scenario;
    try {
      scenario = atValues(this.scenario, values);
    } catch (error) {
      this.session.fail(errorText(error));
      return;
    }
    this.session.say(chosenText(values));
    this.dispatchEvent(
      new CustomEvent<{ scenario: Scenario }>('scenario-input', {
        detail: { scenario },
        bubbles: true,
        composed: true,
      }),
    );
  };

  private onExport = async (e: ExploreEvent<'chart-export'>): Promise<void> => {
    e.stopPropagation();
    const { format } = e.detail;
    const name = exportFileName(this.tab, format);
    try {
      if (format === 'svg') downloadSvg(this.svgText(), name);
      else downloadBlob(await this.pngBlob(), name);
    } catch (error) {
      this.session.fail(`Nothing to export yet: ${errorText(error)}.`);
    }
  };

  private onTabKey = async (e: KeyboardEvent): Promise<void> => {
    const next = tabStep(
      e.key,
      TABS.findIndex((t) => t.id === this.tab),
      TABS.length,
    );
    if (next === undefined) return;
    e.preventDefault();
    const t = TABS[next];
    if (!t) return;
    this.tab = t.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#xtab-${t.id}`)?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'explorer-view': ExplorerView;
  }
}

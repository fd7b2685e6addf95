/**
 * The Two levers tool: a grid over two levers' ranges, one metric as a heatmap, each cell a
 * comparison with the baseline; a cell chosen becomes the scenario.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MetricId } from '../../model/metrics';
import { defaultScenario, type Parsed, type Scenario } from '../../model/scenario';
import type { CompareRunner } from '../../model/contract';
import type { Thresholds } from '../../model/guardrails';
import { grid, gridPlan, type GridResult } from '../../run/sweep-grid';
import { heatCells, leverTitle, matchIndex } from '../charts/explore-data';
import '../charts/heatmap-chart';
import { axisForm, numericValue, readAxis, type AxisForm } from './axis-form';
import { axisFields, metricSelect } from './explore-fields';
import { emit } from './explore-events';
import { gatePlan } from './explore-plans';
import { exploreStyles } from './explore.styles';
import './explore-run-bar';
import { IDLE, type RunJob, type RunRequest, type RunStatus } from './run-session';

/**
 * @fires explore-run - CustomEvent<RunRequest>, when the grid is asked to run.
 * @fires scenario-choose - CustomEvent<{ values }>, when a cell is chosen as the scenario.
 */
@customElement('explore-grid')
export class ExploreGrid extends LitElement {
  /** Runs a comparison on the app's pool; undefined until the app provides it. */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  /** The scenario the levers' ranges start around (the first the explorer was given). */
  @property({ attribute: false }) startScenario: Scenario | undefined;
  @property({ attribute: false }) status: RunStatus = IDLE;
  /** The user's guardrail thresholds (the table's where unset). */
  @property({ attribute: false }) thresholds: Thresholds = {};

  @state() private x: AxisForm = axisForm('payPerHour', defaultScenario(), 3);
  @state() private y: AxisForm = axisForm('blockHours', defaultScenario(), 3);
  @state() private metric: MetricId = 'costPerPackage';
  @state() private result: GridResult | undefined;
  private started = false;

  static override styles = exploreStyles;

  override willUpdate(): void {
    // The ranges start around the scenario's values the first time it is known.
    if (this.startScenario && !this.started) {
      this.started = true;
      this.x = axisForm(this.x.id, this.startScenario, 3);
      this.y = axisForm(this.y.id, this.startScenario, 3);
    }
  }

  override render() {
    return html`<form @submit=${this.onSubmit} aria-label="Two levers at once">
        <div class="row" style="width:100%">
          ${axisFields(this.x, (f) => (this.x = f), 'x', 'Horizontal lever', this.scenario)}
        </div>
        <div class="row" style="width:100%">
          ${axisFields(this.y, (f) => (this.y = f), 'y', 'Vertical lever', this.scenario)}
        </div>
        ${metricSelect(this.metric, (m) => (this.metric = m), 'Metric')}
      </form>
      <explore-run-bar
        .what=${'grid' as const}
        .status=${this.status}
        .ready=${this.runner !== undefined}
        .hasChart=${this.result !== undefined}
        @run-start=${this.run}
      ></explore-run-bar>
      ${this.heatmap()}`;
  }

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    this.run();
  };

  private run = (): void => {
    const { runner, baseline, scenario } = this;
    if (!runner) return;
    const ax = readAxis(this.x);
    const ay = readAxis(this.y);
    let job: Parsed<RunJob>;
    let plan: RunRequest['plan'];
    if (!ax.ok) job = ax;
    else if (!ay.ok) job = ay;
    else {
      job = {
        ok: true,
        value: async (options) => {
          this.result = await grid(runner, baseline, ax.value, ay.value, { ...options, scenario });
        },
      };
      plan = () => gatePlan('grid', gridPlan(baseline, ax.value, ay.value, scenario));
    }
    emit(this, 'explore-run', { what: 'grid', job, ...(plan ? { plan } : {}) });
  };

  private heatmap() {
    const g = this.result;
    if (!g) return html`<p class="note">Choose two levers and their ranges, then run the grid.</p>`;
    const xi = matchIndex(g.x, numericValue(this.scenario, g.axisX.id));
    const yi = matchIndex(g.y, numericValue(this.scenario, g.axisY.id));
    return html`<heatmap-chart
      .metric=${this.metric}
      .xValues=${g.x}
      .yValues=${g.y}
      .cells=${heatCells(g.x, g.y, g.points, this.metric, this.thresholds)}
      .xTitle=${leverTitle(g.axisX.id)}
      .yTitle=${leverTitle(g.axisY.id)}
      .current=${xi !== undefined && yi !== undefined ? { xi, yi } : undefined}
      @cell-select=${(e: CustomEvent<{ x: number; y: number }>) =>
        emit(this, 'scenario-choose', {
          values: { [g.axisX.id]: e.detail.x, [g.axisY.id]: e.detail.y },
        })}
    ></heatmap-chart>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'explore-grid': ExploreGrid;
  }
}

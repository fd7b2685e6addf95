import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { METRICS, METRIC_BY_ID, type MetricDef, type MetricId } from '../../model/metrics';
import { PARAMS, PARAM_GROUPS, type ParamDef, type ParamId } from '../../model/params';
import type { Comparison } from '../../model/results';
import { defaultScenario, type Parsed, type Scenario } from '../../model/scenario';
import { atValues, parseSweep, sweepValues, type SweepAxis } from '../../model/sweep';
import { paretoFront } from '../../model/frontier';
import {
  GOAL_MAX_LEVERS,
  defaultTornadoItems,
  goalSeek,
  grid,
  isAbortError,
  sweep,
  tornado,
  type ExplorerProgress,
  type GoalResult,
  type GoalSpec,
  type GridResult,
  type TornadoResult,
} from '../../run/explorer';
import { downloadBlob, downloadSvg } from '../charts/chart-export';
import { tabStep } from '../shared/keys';
import {
  baselineLongRun,
  heatCells,
  leverText,
  leverTitle,
  longRun,
  matchIndex,
  paramDef,
  planePoints,
  sweepPanels,
  type SweepMeasure,
  type TornadoBar,
} from '../charts/explore-data';
import { formatChance, formatDelta, formatMetric, unitLabel } from '../shared/format';
import { fieldText, parseNumberText, snapToStep } from '../shared/lever-values';
import type { CompareRunner } from '../shared/runner';
import '../charts/frontier-chart';
import '../charts/heatmap-chart';
import '../charts/sweep-chart';
import '../charts/tornado-chart';
import { tabStyles } from '../shared/styles';
import { metricOptions } from '../shared/metric-options';

export type ExplorerTab = 'sweep' | 'tradeoff' | 'grid' | 'sensitivity' | 'goal';

const TABS: readonly { id: ExplorerTab; label: string }[] = [
  { id: 'sweep', label: 'Sweep' },
  { id: 'tradeoff', label: 'Trade-off' },
  { id: 'grid', label: 'Two levers' },
  { id: 'sensitivity', label: 'Sensitivity' },
  { id: 'goal', label: 'Goal seek' },
];

const MAX_SWEEP_METRICS = 6;

/** An axis as typed in a form. */
interface AxisForm {
  id: ParamId;
  from: string;
  to: string;
  steps: string;
}

interface ConstraintForm {
  metric: MetricId;
  op: '>=' | '<=';
  value: string;
}

interface LeverForm {
  id: ParamId;
  from: string;
  to: string;
}

interface SweepShown {
  axis: SweepAxis;
  values: number[];
  points: Comparison[];
}

const ALL_PARAMS = PARAMS as readonly ParamDef[];
const NUMERIC_PARAMS = ALL_PARAMS.filter((p) => p.kind !== 'boolean');

function metricDef(id: MetricId): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`unknown metric "${id}"`);
  return m;
}

function numericValue(scenario: Scenario, id: ParamId): number {
  const v = scenario.params[id];
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** A range around the scenario's value (±25%, on the lever's step, within its range). */
function rangeAround(id: ParamId, scenario: Scenario): { from: string; to: string } {
  const def = paramDef(id);
  if (def.kind === 'boolean') return { from: 'false', to: 'true' };
  const v = numericValue(scenario, id);
  const d = v === 0 ? (def.max - def.min) / 4 : Math.abs(v) * 0.25;
  const from = snapToStep(def, v - d);
  const to = snapToStep(def, v + d);
  return from === to
    ? { from: fieldText(def.min), to: fieldText(def.max) }
    : { from: fieldText(from), to: fieldText(to) };
}

function axisForm(id: ParamId, scenario: Scenario, steps: number): AxisForm {
  return { id, ...rangeAround(id, scenario), steps: String(steps) };
}

/** The axis a form describes, through parseSweep (its messages name the key, value and range). */
function readAxis(form: AxisForm): Parsed<SweepAxis> {
  const def = paramDef(form.id);
  if (def.kind === 'boolean') return parseSweep(`${form.id}=false:true`);
  return parseSweep(`${form.id}=${form.from.trim()}:${form.to.trim()}:${form.steps.trim()}`);
}

/**
 * The trade-off explorer: what a lever buys and what it costs. Tabs for a sweep of one lever
 * (every chosen metric against its value), the trade-off curve of two metrics over that sweep
 * (Pareto frontier), a heatmap over two levers, the sensitivity of a metric to every lever and
 * market assumption (tornado), and goal seek. Runs go through `runner` one comparison at a time
 * with progress; Cancel stops them and the explorer stays usable. Every point is compared with
 * `baseline` on the same seed (common random numbers). The host carries
 * `data-state="running"|"idle"`.
 *
 * @fires scenario-input - CustomEvent<{ scenario: Scenario }>, when a point, a cell or the
 *   goal seek's answer is chosen as the scenario.
 */
@customElement('explorer-view')
export class ExplorerView extends LitElement {
  /** Runs a comparison on the app's pool; undefined until the app provides it. */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();

  @state() tab: ExplorerTab = 'sweep';

  @state() private sweepForm: AxisForm = axisForm('payPerHour', defaultScenario(), 5);
  @state() private sweepMetrics: MetricId[] = ['costPerPackage', 'onTimeRate', 'driverNetHourly'];
  @state() private measure: SweepMeasure = 'value';
  @state() private xMetric: MetricId = 'costPerPackage';
  @state() private yMetric: MetricId = 'onTimeRate';
  @state() private gridX: AxisForm = axisForm('payPerHour', defaultScenario(), 3);
  @state() private gridY: AxisForm = axisForm('blockHours', defaultScenario(), 3);
  @state() private gridMetric: MetricId = 'costPerPackage';
  @state() private tornadoMetric: MetricId = 'costPerPackage';
  @state() private spread = '20';
  @state() private objective: MetricId = 'costPerPackage';
  @state() private sense: 'min' | 'max' = 'min';
  @state() private constraints: ConstraintForm[] = [
    { metric: 'onTimeRate', op: '>=', value: '95' },
    { metric: 'driverNetHourly', op: '>=', value: '18' },
  ];
  @state() private goalLevers: LeverForm[] = [{ id: 'payPerHour', from: '16', to: '30' }];
  @state() private budget = '12';

  @state() private running: ExplorerTab | undefined;
  @state() private progress: ExplorerProgress | undefined;
  @state() private message = '';
  @state() private error = '';

  @state() private sweepShown: SweepShown | undefined;
  @state() private gridShown: GridResult | undefined;
  @state() private tornadoShown: TornadoResult | undefined;
  @state() private goalShown: GoalResult | undefined;
  private goalSpecShown: GoalSpec | undefined;

  private controller: AbortController | undefined;
  private formsSeeded = false;

  static override styles = [
    tabStyles,
    css`
      :host {
        display: block;
        font-size: 1rem;
        color: #1c2430;
      }
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
      button:focus-visible,
      input:focus-visible,
      select:focus-visible {
        outline: 3px solid #1c6fd1;
        outline-offset: 1px;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 0.6rem 1.1rem;
        margin-bottom: 0.6rem;
      }
      label,
      .field {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        font-weight: 600;
        font-size: 0.95rem;
      }
      input,
      select {
        font: inherit;
        font-weight: normal;
        font-size: 1rem;
        padding: 0.3rem 0.4rem;
      }
      input.num {
        width: 6rem;
      }
      fieldset {
        border: 1px solid #dde2e8;
        border-radius: 6px;
        padding: 0.4rem 0.75rem 0.6rem;
        margin: 0;
      }
      legend {
        font-weight: 700;
        padding: 0 0.3rem;
      }
      .metrics {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
        gap: 0.1rem 1rem;
        width: 100%;
      }
      .metrics label {
        flex-direction: row;
        align-items: center;
        font-weight: normal;
        gap: 0.4rem;
      }
      .actions {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        flex-wrap: wrap;
        margin: 0.5rem 0;
      }
      button {
        font: inherit;
        font-size: 1rem;
        padding: 0.4rem 1rem;
        border: 1px solid #9aa5b3;
        border-radius: 6px;
        background: #fff;
        cursor: pointer;
      }
      button.primary {
        background: #1c2430;
        border-color: #1c2430;
        color: #fff;
        font-weight: 600;
      }
      button:disabled {
        cursor: default;
        opacity: 0.5;
      }
      progress {
        width: 14rem;
        height: 1.1rem;
      }
      .error {
        color: #a3190f;
        font-weight: 600;
        margin: 0.3rem 0;
      }
      .note {
        color: #4a5565;
        margin: 0.3rem 0;
      }
      .export {
        margin-left: auto;
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 0.8rem;
        align-items: flex-end;
        margin-bottom: 0.4rem;
      }
      .goal table {
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
        margin: 0.5rem 0;
      }
      .goal th,
      .goal td {
        text-align: left;
        padding: 0.3rem 1rem 0.3rem 0;
        border-bottom: 1px solid #e3e7ec;
      }
      .goal h3 {
        margin: 0.6rem 0 0.3rem;
        font-size: 1.2rem;
      }
      .big {
        font-size: 1.25rem;
        font-weight: 700;
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    // The forms start around the scenario's values the first time it is known.
    if (changed.has('scenario') && !this.formsSeeded) {
      this.formsSeeded = true;
      this.sweepForm = axisForm(this.sweepForm.id, this.scenario, 5);
      this.gridX = axisForm(this.gridX.id, this.scenario, 3);
      this.gridY = axisForm(this.gridY.id, this.scenario, 3);
    }
    this.setAttribute('data-state', this.running ? 'running' : 'idle');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  /** The shown chart as a standalone SVG, for slides. */
  svgText(): string {
    return this.chart().svgText();
  }

  /** The shown chart as a PNG at twice its size. */
  pngBlob(): Promise<Blob> {
    return this.chart().pngBlob();
  }

  /** Whether the tab shown draws a chart now (goal seek answers with a table). */
  private hasChart(): boolean {
    switch (this.tab) {
      case 'sweep':
      case 'tradeoff':
        return (this.sweepShown?.points.length ?? 0) > 0;
      case 'grid':
        return this.gridShown !== undefined;
      case 'sensitivity':
        return this.tornadoShown !== undefined;
      case 'goal':
        return false;
    }
  }

  private chart(): { svgText(): string; pngBlob(): Promise<Blob> } {
    const el = this.renderRoot.querySelector<
      HTMLElement & { svgText(): string; pngBlob(): Promise<Blob> }
    >('sweep-chart, frontier-chart, heatmap-chart, tornado-chart');
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
              @click=${() => this.selectTab(t.id)}
              @keydown=${this.onTabKey}
            >
              ${t.label}
            </button>`,
        )}
      </div>
      <div id="explorer-panel" role="tabpanel" aria-labelledby="xtab-${this.tab}">
        ${this.panel()}
      </div>
    `;
  }

  private panel() {
    switch (this.tab) {
      case 'sweep':
        return html`${this.sweepFormView(true)} ${this.runBar('sweep')} ${this.sweepView()}`;
      case 'tradeoff':
        return html`${this.sweepFormView(false)} ${this.runBar('sweep')} ${this.tradeoffView()}`;
      case 'grid':
        return html`${this.gridFormView()} ${this.runBar('grid')} ${this.gridView()}`;
      case 'sensitivity':
        return html`${this.tornadoFormView()} ${this.runBar('sensitivity')} ${this.tornadoView()}`;
      case 'goal':
        return html`${this.goalFormView()} ${this.runBar('goal')} ${this.goalView()}`;
    }
  }

  // ---- forms ------------------------------------------------------------------------------

  private leverSelect(
    value: ParamId,
    onChange: (id: ParamId) => void,
    label: string,
    numericOnly = false,
  ) {
    const params = numericOnly ? NUMERIC_PARAMS : ALL_PARAMS;
    return html`<label
      >${label}
      <select
        data-lever-select
        @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as ParamId)}
      >
        ${PARAM_GROUPS.map(
          (g) =>
            html`<optgroup label=${g.label}>
              ${params
                .filter((p) => p.group === g.id)
                .map(
                  (p) =>
                    html`<option value=${p.id} ?selected=${p.id === value}>
                      ${p.label}${p.unit ? ` (${p.unit})` : ''}
                    </option>`,
                )}
            </optgroup>`,
        )}
      </select></label
    >`;
  }

  private metricSelect(value: MetricId, onChange: (id: MetricId) => void, label: string) {
    return html`<label
      >${label}
      <select
        data-metric-select
        @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as MetricId)}
      >
        ${metricOptions(value)}
      </select></label
    >`;
  }

  private axisFields(form: AxisForm, set: (f: AxisForm) => void, name: string, what: string) {
    const def = paramDef(form.id);
    const unit = def.unit ? ` (${def.unit})` : '';
    return html`${this.leverSelect(form.id, (id) => set(axisForm(id, this.scenario, Number(form.steps) || 5)), what)}
    ${
      def.kind === 'boolean'
        ? html`<span class="note">Sweeps off, then on.</span>`
        : html`<label
              >From${unit}
              <input
                class="num"
                data-sweep-from=${name}
                .value=${form.from}
                @input=${(e: Event) => set({ ...form, from: (e.target as HTMLInputElement).value })}
            /></label>
            <label
              >To${unit}
              <input
                class="num"
                data-sweep-to=${name}
                .value=${form.to}
                @input=${(e: Event) => set({ ...form, to: (e.target as HTMLInputElement).value })}
            /></label>
            <label
              >Points
              <input
                class="num"
                data-sweep-steps=${name}
                inputmode="numeric"
                .value=${form.steps}
                @input=${(e: Event) => set({ ...form, steps: (e.target as HTMLInputElement).value })}
            /></label>`
    }`;
  }

  private sweepFormView(withMetrics: boolean) {
    return html`<form @submit=${this.onSubmit} aria-label="Sweep a lever">
      ${this.axisFields(this.sweepForm, (f) => (this.sweepForm = f), 'sweep', 'Lever')}
      ${
        withMetrics
          ? html`<label
              >Show
              <select
                data-measure
                @change=${(e: Event) =>
                  (this.measure = (e.target as HTMLSelectElement).value as SweepMeasure)}
              >
                <option value="value" ?selected=${this.measure === 'value'}>Scenario value</option>
                <option value="delta" ?selected=${this.measure === 'delta'}>
                  Change vs baseline (paired)
                </option>
              </select></label
            >`
          : html`${this.metricSelect(this.xMetric, (m) => (this.xMetric = m), 'Horizontal metric')}
            ${this.metricSelect(this.yMetric, (m) => (this.yMetric = m), 'Vertical metric')}`
      }
      ${withMetrics ? this.metricChecks() : nothing}
    </form>`;
  }

  private metricChecks() {
    const full = this.sweepMetrics.length >= MAX_SWEEP_METRICS;
    return html`<fieldset class="metrics-set" style="width:100%">
      <legend>Metrics (up to ${MAX_SWEEP_METRICS}, one panel each)</legend>
      <div class="metrics">
        ${(METRICS as readonly MetricDef[]).map((m) => {
          const on = this.sweepMetrics.includes(m.id as MetricId);
          return html`<label
            ><input
              type="checkbox"
              data-sweep-metric=${m.id}
              .checked=${on}
              ?disabled=${!on && full}
              @change=${(e: Event) => this.toggleMetric(m.id as MetricId, (e.target as HTMLInputElement).checked)}
            />${m.label}</label
          >`;
        })}
      </div>
    </fieldset>`;
  }

  private toggleMetric(id: MetricId, on: boolean): void {
    const rest = this.sweepMetrics.filter((m) => m !== id);
    this.sweepMetrics = on
      ? (METRICS as readonly MetricDef[])
          .map((m) => m.id as MetricId)
          .filter((m) => m === id || rest.includes(m))
      : rest;
  }

  private gridFormView() {
    return html`<form @submit=${this.onSubmit} aria-label="Two levers at once">
      <div class="row" style="width:100%">
        ${this.axisFields(this.gridX, (f) => (this.gridX = f), 'x', 'Horizontal lever')}
      </div>
      <div class="row" style="width:100%">
        ${this.axisFields(this.gridY, (f) => (this.gridY = f), 'y', 'Vertical lever')}
      </div>
      ${this.metricSelect(this.gridMetric, (m) => (this.gridMetric = m), 'Metric')}
    </form>`;
  }

  private tornadoFormView() {
    const items = this.tornadoItems();
    return html`<form @submit=${this.onSubmit} aria-label="Sensitivity">
      ${this.metricSelect(this.tornadoMetric, (m) => (this.tornadoMetric = m), 'Metric')}
      <label
        >Spread (± % of each value; of the lever's range where the value is 0)
        <input
          class="num"
          data-spread
          .value=${this.spread}
          @input=${(e: Event) => (this.spread = (e.target as HTMLInputElement).value)}
      /></label>
      <span class="note"
        >${
          items.ok
            ? `${items.value.length} levers and market assumptions, ${2 * items.value.length} runs.`
            : ''
        }</span
      >
    </form>`;
  }

  private goalFormView() {
    const setC = (i: number, c: ConstraintForm) =>
      (this.constraints = this.constraints.map((x, j) => (j === i ? c : x)));
    const setL = (i: number, l: LeverForm) =>
      (this.goalLevers = this.goalLevers.map((x, j) => (j === i ? l : x)));
    return html`<form @submit=${this.onSubmit} aria-label="Goal seek">
      <fieldset style="width:100%">
        <legend>Objective</legend>
        <div class="row">
          <label
            >Find the
            <select
              data-goal-sense
              @change=${(e: Event) =>
                (this.sense = (e.target as HTMLSelectElement).value as 'min' | 'max')}
            >
              <option value="min" ?selected=${this.sense === 'min'}>lowest</option>
              <option value="max" ?selected=${this.sense === 'max'}>highest</option>
            </select></label
          >
          ${this.metricSelect(this.objective, (m) => (this.objective = m), 'of')}
        </div>
      </fieldset>
      <fieldset style="width:100%">
        <legend>Keeping (long-run means)</legend>
        ${this.constraints.map((c, i) => {
          const m = metricDef(c.metric);
          return html`<div class="row" data-constraint=${i}>
            ${this.metricSelect(c.metric, (metric) => setC(i, { ...c, metric }), 'Metric')}
            <label
              >is
              <select
                aria-label="Comparison"
                @change=${(e: Event) =>
                  setC(i, { ...c, op: (e.target as HTMLSelectElement).value as '>=' | '<=' })}
              >
                <option value=">=" ?selected=${c.op === '>='}>at least ≥</option>
                <option value="<=" ?selected=${c.op === '<='}>at most ≤</option>
              </select></label
            >
            <label
              >Value (${unitLabel(m)})
              <input
                class="num"
                .value=${c.value}
                @input=${(e: Event) => setC(i, { ...c, value: (e.target as HTMLInputElement).value })}
            /></label>
            <button
              type="button"
              aria-label="Remove this constraint"
              @click=${() => (this.constraints = this.constraints.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>`;
        })}
        <button
          type="button"
          @click=${() =>
            (this.constraints = [
              ...this.constraints,
              { metric: 'fillRate', op: '>=', value: '90' },
            ])}
        >
          Add a constraint
        </button>
      </fieldset>
      <fieldset style="width:100%">
        <legend>By moving (up to ${GOAL_MAX_LEVERS} levers)</legend>
        ${this.goalLevers.map((l, i) => {
          const def = paramDef(l.id);
          const unit = def.unit ? ` (${def.unit})` : '';
          return html`<div class="row" data-goal-lever=${i}>
            ${this.leverSelect(
              l.id,
              (id) => setL(i, { id, ...rangeAround(id, this.scenario) }),
              'Lever',
              true,
            )}
            <label
              >From${unit}
              <input
                class="num"
                .value=${l.from}
                @input=${(e: Event) => setL(i, { ...l, from: (e.target as HTMLInputElement).value })}
            /></label>
            <label
              >To${unit}
              <input
                class="num"
                .value=${l.to}
                @input=${(e: Event) => setL(i, { ...l, to: (e.target as HTMLInputElement).value })}
            /></label>
            <button
              type="button"
              aria-label="Remove this lever"
              ?disabled=${this.goalLevers.length <= 1}
              @click=${() => (this.goalLevers = this.goalLevers.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>`;
        })}
        <button
          type="button"
          ?disabled=${this.goalLevers.length >= GOAL_MAX_LEVERS}
          @click=${() => {
            const used = new Set(this.goalLevers.map((l) => l.id));
            const next = NUMERIC_PARAMS.find(
              (p) => p.group === 'policy' && !used.has(p.id as ParamId),
            );
            if (!next) return;
            const id = next.id as ParamId;
            this.goalLevers = [...this.goalLevers, { id, ...rangeAround(id, this.scenario) }];
          }}
        >
          Add a lever
        </button>
      </fieldset>
      <label
        >Budget (runs)
        <input
          class="num"
          data-goal-budget
          .value=${this.budget}
          @input=${(e: Event) => (this.budget = (e.target as HTMLInputElement).value)}
      /></label>
    </form>`;
  }

  private runBar(what: ExplorerTab) {
    const busy = this.running !== undefined;
    const p = this.progress;
    const runLabel =
      what === 'sweep'
        ? 'Run sweep'
        : what === 'grid'
          ? 'Run grid'
          : what === 'sensitivity'
            ? 'Run sensitivity'
            : 'Seek';
    return html`<div class="actions">
        <button
          class="primary"
          type="button"
          data-explorer-run=${what}
          ?disabled=${busy || !this.runner}
          @click=${() => void this.run(what)}
        >
          ${runLabel}
        </button>
        <button type="button" data-explorer-cancel ?disabled=${!busy} @click=${this.cancel}>
          Cancel
        </button>
        ${
          busy && p
            ? html`<progress
                  data-explorer-progress
                  max="1"
                  .value=${p.fraction}
                  aria-label="Progress"
                ></progress>
                <span role="status">${p.done} of ${p.total} runs done</span>`
            : busy
              ? html`<span role="status">Starting…</span>`
              : html`<span role="status" class="note" data-explorer-message>${this.message}</span>`
        }
        ${!this.runner ? html`<span class="note">The worker pool is starting…</span>` : nothing}
        <span class="export" role="group" aria-label="Export the chart">
          <span class="note">Export</span>
          <button
            type="button"
            data-export-format="svg"
            ?disabled=${!this.hasChart()}
            title=${this.hasChart() ? '' : 'Run this tab first: there is no chart to export yet'}
            @click=${this.exportSvg}
          >
            SVG
          </button>
          <button
            type="button"
            data-export-format="png"
            ?disabled=${!this.hasChart()}
            title=${this.hasChart() ? '' : 'Run this tab first: there is no chart to export yet'}
            @click=${this.exportPng}
          >
            PNG
          </button>
        </span>
      </div>
      ${this.error ? html`<p class="error" role="alert" data-explorer-error>${this.error}</p>` : nothing}`;
  }

  // ---- results ------------------------------------------------------------------------------

  private sweepView() {
    const s = this.sweepShown;
    if (!s)
      return html`<p class="note">Choose a lever, a range and metrics, then run the sweep.</p>`;
    // While a sweep runs, only the points in hand are drawn, on the whole range's axis.
    const done = s.values.slice(0, s.points.length);
    if (done.length === 0) {
      return html`<p class="note" role="status">The first point is running…</p>`;
    }
    return html`<sweep-chart
      .panels=${sweepPanels(done, s.points, this.sweepMetrics, this.measure)}
      .xDomain=${[Math.min(...s.values), Math.max(...s.values)]}
      .leverTitle=${leverTitle(s.axis.id)}
      .scenarioX=${numericValue(this.scenario, s.axis.id)}
      .measure=${this.measure}
      ?onOff=${paramDef(s.axis.id).kind === 'boolean'}
      @point-select=${(e: CustomEvent<{ value: number }>) =>
        this.choose({ [s.axis.id]: e.detail.value })}
    ></sweep-chart>`;
  }

  private tradeoffView() {
    const s = this.sweepShown;
    if (!s)
      return html`<p class="note">Run a sweep to see its points in the plane of two metrics.</p>`;
    const mx = metricDef(this.xMetric);
    const my = metricDef(this.yMetric);
    const values = s.values.slice(0, s.points.length);
    if (values.length === 0) {
      return html`<p class="note" role="status">The first point is running…</p>`;
    }
    const points = planePoints(s.axis.id, values, s.points, this.xMetric, this.yMetric);
    const b0 = s.points[0];
    return html`<frontier-chart
      .xMetric=${this.xMetric}
      .yMetric=${this.yMetric}
      .points=${points}
      .frontier=${paretoFront(points, mx.better, my.better)}
      .current=${matchIndex(values, numericValue(this.scenario, s.axis.id))}
      .baseline=${
        b0
          ? {
              x: baselineLongRun(b0, this.xMetric).mean,
              y: baselineLongRun(b0, this.yMetric).mean,
            }
          : undefined
      }
      .leverTitle=${leverTitle(s.axis.id)}
      @point-select=${(e: CustomEvent<{ value: number }>) =>
        this.choose({ [s.axis.id]: e.detail.value })}
    ></frontier-chart>`;
  }

  private gridView() {
    const g = this.gridShown;
    if (!g) return html`<p class="note">Choose two levers and their ranges, then run the grid.</p>`;
    const xi = matchIndex(g.x, numericValue(this.scenario, g.axisX.id));
    const yi = matchIndex(g.y, numericValue(this.scenario, g.axisY.id));
    return html`<heatmap-chart
      .metric=${this.gridMetric}
      .xValues=${g.x}
      .yValues=${g.y}
      .cells=${heatCells(g.x, g.y, g.points, this.gridMetric)}
      .xTitle=${leverTitle(g.axisX.id)}
      .yTitle=${leverTitle(g.axisY.id)}
      .current=${xi !== undefined && yi !== undefined ? { xi, yi } : undefined}
      @cell-select=${(e: CustomEvent<{ x: number; y: number }>) =>
        this.choose({ [g.axisX.id]: e.detail.x, [g.axisY.id]: e.detail.y })}
    ></heatmap-chart>`;
  }

  private tornadoView() {
    const t = this.tornadoShown;
    if (!t) return html`<p class="note">Set a spread and run the sensitivity analysis.</p>`;
    const bars: TornadoBar[] = t.rows.map((r) => ({
      id: r.id,
      label: r.label,
      range: `${leverText(r.id, r.low.value)} to ${leverText(r.id, r.high.value)}`,
      lowText: leverText(r.id, r.low.value),
      highText: leverText(r.id, r.high.value),
      low: r.low.metric,
      high: r.high.metric,
      lowDelta: r.low.delta,
      highDelta: r.high.delta,
    }));
    return html`<tornado-chart
      .metric=${t.metric}
      .center=${t.base.mean}
      .items=${bars}
    ></tornado-chart>`;
  }

  private goalView() {
    const g = this.goalShown;
    if (!g) return html`<p class="note">Set an objective, constraints and levers, then seek.</p>`;
    const spec = this.goalSpecShown;
    const om = metricDef(spec?.objective.metric ?? this.objective);
    const best = g.best;
    // Near-certainties keep a decimal, so 99.9% does not read as a sure 100%.
    return html`<section class="goal" data-goal-result aria-label="Goal seek answer">
      <h3>
        ${
          g.feasible
            ? 'Best setting found'
            : 'No setting met every constraint; the closest one found'
        }
      </h3>
      <p class="big">
        ${Object.entries(best.values)
          .map(([id, v]) => `${paramDef(id).label}: ${leverText(id, v as number)}`)
          .join(' · ')}
      </p>
      <table>
        <thead>
          <tr>
            <th>Metric</th>
            <th>Long-run value (95% interval)</th>
            <th>Change vs baseline</th>
            <th>Target</th>
            <th>Chance it holds</th>
          </tr>
        </thead>
        <tbody>
          <tr data-goal-objective>
            <td>
              ${om.label}, ${unitLabel(om)}
              (${spec?.objective.sense === 'max' ? 'highest' : 'lowest'})
            </td>
            <td>${this.valueText(om, g.objective)}</td>
            <td>${this.deltaText(om, best.comparison)}</td>
            <td>objective</td>
            <td>–</td>
          </tr>
          ${g.constraints.map((c) => {
            const m = metricDef(c.metric);
            return html`<tr data-goal-constraint=${c.metric}>
              <td>${m.label}, ${unitLabel(m)}</td>
              <td>${this.valueText(m, c.actual)}</td>
              <td>${this.deltaText(m, best.comparison)}</td>
              <td>
                ${c.op === '>=' ? '≥' : '≤'} ${formatMetric(m, c.value)}
                ${c.met ? '✓ met' : '✗ not met'}
              </td>
              <td>${formatChance(c.probability)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <p>
        Confidence that every constraint holds:
        <strong data-goal-confidence=${String(g.confidence)}>${formatChance(g.confidence)}</strong>
        (the product of the constraints' chances, treated as independent). ${g.points.length} runs;
        ${
          g.converged
            ? 'the search converged at the levers’ finest step.'
            : 'the budget ran out before the search converged; a larger budget may find better.'
        }
      </p>
      <button
        type="button"
        class="primary"
        data-goal-apply
        @click=${() => this.choose(best.values)}
      >
        Make this the scenario
      </button>
    </section>`;
  }

  private valueText(m: MetricDef, e: { mean: number; low: number; high: number }): string {
    if (!Number.isFinite(e.mean)) return '– (no value in the long run)';
    const v = formatMetric(m, e.mean);
    if (!Number.isFinite(e.low) || !Number.isFinite(e.high)) return v;
    return `${v} (${formatMetric(m, e.low)} to ${formatMetric(m, e.high)})`;
  }

  private deltaText(m: MetricDef, c: Comparison): string {
    const d = longRun(c, m.id as MetricId, 'delta');
    return formatDelta(m, d.mean, d.low, d.high);
  }

  // ---- running ------------------------------------------------------------------------------

  private tornadoItems(): Parsed<ReturnType<typeof defaultTornadoItems>> {
    const s = parseNumberText(this.spread);
    if (s === undefined || s <= 0 || s > 100) {
      return {
        ok: false,
        error: `The spread must be a number above 0 and at most 100 (percent), got "${this.spread}".`,
      };
    }
    return { ok: true, value: defaultTornadoItems(this.scenario, s / 100) };
  }

  private goalSpec(): Parsed<GoalSpec> {
    const constraints: GoalSpec['constraints'][number][] = [];
    for (const c of this.constraints) {
      const m = metricDef(c.metric);
      const v = parseNumberText(c.value);
      if (v === undefined) {
        return { ok: false, error: `The bound of ${m.label} must be a number, got "${c.value}".` };
      }
      constraints.push({ metric: c.metric, op: c.op, value: m.percent ? v / 100 : v });
    }
    const levers: GoalSpec['levers'][number][] = [];
    for (const l of this.goalLevers) {
      const def = paramDef(l.id);
      const from = parseNumberText(l.from);
      const to = parseNumberText(l.to);
      if (from === undefined || to === undefined) {
        return {
          ok: false,
          error: `${def.label}: "from" and "to" must be numbers, got "${l.from}" and "${l.to}".`,
        };
      }
      levers.push({ id: l.id, from, to });
    }
    const budget = parseNumberText(this.budget);
    if (budget === undefined) {
      return {
        ok: false,
        error: `The budget must be a whole number of runs, got "${this.budget}".`,
      };
    }
    return {
      ok: true,
      value: {
        objective: { metric: this.objective, sense: this.sense },
        constraints,
        levers,
        budget,
      },
    };
  }

  private async run(what: ExplorerTab): Promise<void> {
    const runner = this.runner;
    if (!runner || this.running) return;
    this.error = '';
    this.message = '';
    const controller = new AbortController();
    this.controller = controller;
    const onProgress = (p: ExplorerProgress) => {
      if (this.controller !== controller) return;
      this.progress = p;
      if (what === 'sweep' && p.point && this.sweepShown) {
        // Draw the points as they arrive.
        this.sweepShown = { ...this.sweepShown, points: [...this.sweepShown.points, p.point] };
      }
    };
    const options = { signal: controller.signal, onProgress, scenario: this.scenario };
    try {
      switch (what) {
        case 'sweep':
        case 'tradeoff': {
          const axis = readAxis(this.sweepForm);
          if (!axis.ok) throw new RangeError(axis.error);
          this.begin(what);
          const values = sweepValues(axis.value);
          this.sweepShown = { axis: axis.value, values, points: [] };
          const r = await sweep(runner, this.baseline, axis.value, options);
          this.sweepShown = { axis: r.axis, values: r.values, points: r.points };
          break;
        }
        case 'grid': {
          const ax = readAxis(this.gridX);
          if (!ax.ok) throw new RangeError(ax.error);
          const ay = readAxis(this.gridY);
          if (!ay.ok) throw new RangeError(ay.error);
          this.begin(what);
          this.gridShown = await grid(runner, this.baseline, ax.value, ay.value, options);
          break;
        }
        case 'sensitivity': {
          const items = this.tornadoItems();
          if (!items.ok) throw new RangeError(items.error);
          this.begin(what);
          this.tornadoShown = await tornado(
            runner,
            this.scenario,
            items.value,
            this.tornadoMetric,
            {
              signal: controller.signal,
              onProgress,
            },
          );
          break;
        }
        case 'goal': {
          const spec = this.goalSpec();
          if (!spec.ok) throw new RangeError(spec.error);
          this.begin(what);
          this.goalSpecShown = spec.value;
          this.goalShown = await goalSeek(runner, this.baseline, spec.value, {
            signal: controller.signal,
            onProgress,
          });
          break;
        }
      }
      if (this.controller === controller) this.message = 'Done.';
    } catch (error) {
      if (this.controller !== controller) return;
      if (isAbortError(error)) {
        this.message = 'Cancelled. Change the settings or run again.';
      } else {
        this.error = error instanceof Error ? error.message : String(error);
      }
    } finally {
      if (this.controller === controller) {
        this.controller = undefined;
        this.running = undefined;
        this.progress = undefined;
      }
    }
  }

  private begin(what: ExplorerTab): void {
    this.running = what;
    this.progress = undefined;
  }

  private cancel = (): void => {
    this.controller?.abort();
  };

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    void this.run(this.tab);
  };

  private choose(values: Readonly<Partial<Record<ParamId, number>>>): void {
    let scenario: Scenario;
    try {
      scenario = atValues(this.scenario, values);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return;
    }
    this.message = `Scenario set to ${Object.entries(values)
      .map(([id, v]) => `${paramDef(id).label} ${leverText(id, v as number)}`)
      .join(', ')}.`;
    this.dispatchEvent(
      new CustomEvent<{ scenario: Scenario }>('scenario-input', {
        detail: { scenario },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private selectTab(tab: ExplorerTab): void {
    this.tab = tab;
  }

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
    this.selectTab(t.id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#xtab-${t.id}`)?.focus();
  };

  private fileName(ext: string): string {
    return `gigsim-explore-${this.tab}.${ext}`;
  }

  private exportSvg = (): void => {
    try {
      downloadSvg(this.svgText(), this.fileName('svg'));
    } catch (error) {
      this.error = `Nothing to export yet: ${error instanceof Error ? error.message : String(error)}.`;
    }
  };

  private exportPng = async (): Promise<void> => {
    try {
      downloadBlob(await this.pngBlob(), this.fileName('png'));
    } catch (error) {
      this.error = `Nothing to export yet: ${error instanceof Error ? error.message : String(error)}.`;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'explorer-view': ExplorerView;
  }
}

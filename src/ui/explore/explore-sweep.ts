/**
 * The Sweep tool: one lever over a range, every chosen metric against its value, one panel
 * each, as the scenario's value or its paired change from the baseline. The sweep itself (its
 * axis and points) belongs to the explorer view, which shares it with the trade-off tool.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Thresholds } from '../../model/guardrails';
import { METRICS, type MetricDef, type MetricId } from '../../model/metrics';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { leverTitle, paramDef, sweepPanels, type SweepMeasure } from '../charts/explore-data';
import '../charts/sweep-chart';
import { axisForm, numericValue, type AxisForm } from './axis-form';
import { axisFields, inputText } from './explore-fields';
import { emit } from './explore-events';
import { exploreStyles } from './explore.styles';
import './explore-run-bar';
import { IDLE, type RunStatus } from './run-session';
import { valuesDone, type ShownSweep } from './shown-sweep';
import { DEFAULT_SWEEP_METRICS, MAX_SWEEP_METRICS, toggleMetric } from './sweep-metrics';
import { sweepBreaches, sweepGuardrailList } from './sweep-guardrails';

/**
 * @fires axis-change - CustomEvent<{ form: AxisForm }>, when the lever or its range is edited.
 * @fires sweep-run - CustomEvent<{ what: 'sweep' }>, when the sweep is asked to run.
 * @fires scenario-choose - CustomEvent<{ values }>, when a point is chosen as the scenario.
 */
@customElement('explore-sweep')
export class ExploreSweep extends LitElement {
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  /** The shared sweep's axis as typed. */
  @property({ attribute: false }) form: AxisForm = axisForm('payPerHour', defaultScenario(), 5);
  /** The shared sweep, once run. */
  @property({ attribute: false }) sweep: ShownSweep | undefined;
  @property({ attribute: false }) status: RunStatus = IDLE;
  /** Whether the worker pool is there to run on. */
  @property({ attribute: false }) ready = false;
  /** The user's guardrail thresholds (the table's where unset). */
  @property({ attribute: false }) thresholds: Thresholds = {};

  @state() private metrics: MetricId[] = [...DEFAULT_SWEEP_METRICS];
  @state() private measure: SweepMeasure = 'value';

  static override styles = exploreStyles;

  override render() {
    return html`${this.formView()}
      <explore-run-bar
        .what=${'sweep' as const}
        .status=${this.status}
        .ready=${this.ready}
        .hasChart=${(this.sweep?.points.length ?? 0) > 0}
        @run-start=${this.run}
      ></explore-run-bar>
      ${this.chartView()}`;
  }

  private run = (): void => emit(this, 'sweep-run', { what: 'sweep' });

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    this.run();
  };

  private formView() {
    const setForm = (form: AxisForm) => emit(this, 'axis-change', { form });
    return html`<form @submit=${this.onSubmit} aria-label="Sweep a lever">
      ${axisFields(this.form, setForm, 'sweep', 'Lever', this.scenario)}
      <label
        >Show
        <select data-measure @change=${(e: Event) => (this.measure = inputText(e) as SweepMeasure)}>
          <option value="value" ?selected=${this.measure === 'value'}>Scenario value</option>
          <option value="delta" ?selected=${this.measure === 'delta'}>
            Change vs baseline (paired)
          </option>
        </select></label
      >
      ${this.metricChecks()}
    </form>`;
  }

  private metricChecks() {
    const full = this.metrics.length >= MAX_SWEEP_METRICS;
    return html`<fieldset class="metrics-set" style="width:100%">
      <legend>Metrics (up to ${MAX_SWEEP_METRICS}, one panel each)</legend>
      <div class="metrics">
        ${(METRICS as readonly MetricDef[]).map((m) => {
          const id = m.id as MetricId;
          const on = this.metrics.includes(id);
          return html`<label
            ><input
              type="checkbox"
              data-sweep-metric=${m.id}
              .checked=${on}
              ?disabled=${!on && full}
              @change=${(e: Event) =>
                (this.metrics = toggleMetric(
                  this.metrics,
                  id,
                  (e.target as HTMLInputElement).checked,
                ))}
            />${m.label}</label
          >`;
        })}
      </div>
    </fieldset>`;
  }

  private chartView() {
    const s = this.sweep;
    if (!s) {
      return html`<p class="note">Choose a lever, a range and metrics, then run the sweep.</p>`;
    }
    // While a sweep runs, only the points in hand are drawn, on the whole range's axis.
    const done = valuesDone(s);
    if (done.length === 0) {
      return html`<p class="note" role="status">The first point is running…</p>`;
    }
    const id = s.axis.id;
    const breachesAt = sweepBreaches(s.points, this.thresholds);
    return html`<sweep-chart
        .panels=${sweepPanels(done, s.points, this.metrics, this.measure)}
        .breachesAt=${breachesAt}
        .xDomain=${[Math.min(...s.values), Math.max(...s.values)]}
        .leverTitle=${leverTitle(id)}
        .scenarioX=${numericValue(this.scenario, id)}
        .measure=${this.measure}
        ?onOff=${paramDef(id).kind === 'boolean'}
        @point-select=${(e: CustomEvent<{ value: number }>) =>
          emit(this, 'scenario-choose', { values: { [id]: e.detail.value } })}
      ></sweep-chart>
      ${sweepGuardrailList(id, done, breachesAt, this.thresholds, 'Hatched')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'explore-sweep': ExploreSweep;
  }
}

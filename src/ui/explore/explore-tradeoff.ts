/**
 * The Trade-off tool: the shared sweep's points in the plane of two metrics, the Pareto
 * frontier joined, the scenario's point and the baseline marked. The sweep itself (its axis
 * and points) belongs to the explorer view, which shares it with the sweep tool.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Thresholds } from '../../model/guardrails';
import type { MetricId } from '../../model/metrics';
import { paretoFront } from '../../model/frontier';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { baselineLongRun, leverTitle, matchIndex, planePoints } from '../charts/explore-data';
import '../charts/frontier-chart';
import { metricDef } from '../shared/comparison-rows';
import { axisForm, numericValue, type AxisForm } from './axis-form';
import { axisFields, metricSelect } from './explore-fields';
import { emit } from './explore-events';
import { exploreStyles } from './explore.styles';
import './explore-run-bar';
import { IDLE, type RunStatus } from './run-session';
import { valuesDone, type ShownSweep } from './shown-sweep';
import { sweepBreaches, sweepGuardrailList } from './sweep-guardrails';

/**
 * @fires axis-change - CustomEvent<{ form: AxisForm }>, when the lever or its range is edited.
 * @fires sweep-run - CustomEvent<{ what: 'sweep' | 'tradeoff' }>, when the sweep is asked to
 *   run: 'sweep' from the run button, 'tradeoff' from the form (Enter), which draws the points
 *   only at the end.
 * @fires scenario-choose - CustomEvent<{ values }>, when a point is chosen as the scenario.
 */
@customElement('explore-tradeoff')
export class ExploreTradeoff extends LitElement {
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

  @state() private xMetric: MetricId = 'costPerPackage';
  @state() private yMetric: MetricId = 'onTimeRate';

  static override styles = exploreStyles;

  override render() {
    const setForm = (form: AxisForm) => emit(this, 'axis-change', { form });
    return html`<form @submit=${this.onSubmit} aria-label="Sweep a lever">
        ${axisFields(this.form, setForm, 'sweep', 'Lever', this.scenario)}
        ${metricSelect(this.xMetric, (m) => (this.xMetric = m), 'Horizontal metric')}
        ${metricSelect(this.yMetric, (m) => (this.yMetric = m), 'Vertical metric')}
      </form>
      <explore-run-bar
        .what=${'sweep' as const}
        .status=${this.status}
        .ready=${this.ready}
        .hasChart=${(this.sweep?.points.length ?? 0) > 0}
        @run-start=${() => emit(this, 'sweep-run', { what: 'sweep' })}
      ></explore-run-bar>
      ${this.chartView()}`;
  }

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    emit(this, 'sweep-run', { what: 'tradeoff' });
  };

  private chartView() {
    const s = this.sweep;
    if (!s) {
      return html`<p class="note">Run a sweep to see its points in the plane of two metrics.</p>`;
    }
    const mx = metricDef(this.xMetric);
    const my = metricDef(this.yMetric);
    const values = valuesDone(s);
    if (values.length === 0) {
      return html`<p class="note" role="status">The first point is running…</p>`;
    }
    const id = s.axis.id;
    const points = planePoints(id, values, s.points, this.xMetric, this.yMetric);
    const b0 = s.points[0];
    const breachesAt = sweepBreaches(s.points, this.thresholds);
    return html`<frontier-chart
        .breachesAt=${breachesAt}
        .xMetric=${this.xMetric}
        .yMetric=${this.yMetric}
        .points=${points}
        .frontier=${paretoFront(points, mx.better, my.better)}
        .current=${matchIndex(values, numericValue(this.scenario, id))}
        .baseline=${
          b0
            ? {
                x: baselineLongRun(b0, this.xMetric).mean,
                y: baselineLongRun(b0, this.yMetric).mean,
              }
            : undefined
        }
        .leverTitle=${leverTitle(id)}
        @point-select=${(e: CustomEvent<{ value: number }>) =>
          emit(this, 'scenario-choose', { values: { [id]: e.detail.value } })}
      ></frontier-chart>
      ${sweepGuardrailList(id, values, breachesAt, this.thresholds, 'Ringed')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'explore-tradeoff': ExploreTradeoff;
  }
}

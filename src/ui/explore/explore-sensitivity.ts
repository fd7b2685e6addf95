/**
 * The Sensitivity tool: how much one metric moves when each lever and market assumption is set
 * a spread below and above the scenario's value, as a tornado ranked by swing.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CompareRunner } from '../../model/contract';
import type { MetricId } from '../../model/metrics';
import { defaultScenario, type Parsed, type Scenario } from '../../model/scenario';
import { tornado, tornadoPlan, type TornadoResult } from '../../run/sensitivity';
import '../charts/tornado-chart';
import { inputText, metricSelect } from './explore-fields';
import { emit } from './explore-events';
import { gatePlan } from './explore-plans';
import { exploreStyles } from './explore.styles';
import './explore-run-bar';
import { IDLE, type RunJob, type RunStatus } from './run-session';
import { tornadoBars, tornadoItems, tornadoNote } from './sensitivity-form';

/**
 * @fires explore-run - CustomEvent<RunRequest>, when the sensitivity analysis is asked to run.
 */
@customElement('explore-sensitivity')
export class ExploreSensitivity extends LitElement {
  /** Runs a comparison on the app's pool; undefined until the app provides it. */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  @property({ attribute: false }) status: RunStatus = IDLE;

  @state() private metric: MetricId = 'costPerPackage';
  /** ± percent of each value, as typed. */
  @state() private spread = '20';
  @state() private result: TornadoResult | undefined;

  static override styles = exploreStyles;

  override render() {
    return html`<form @submit=${this.onSubmit} aria-label="Sensitivity">
        ${metricSelect(this.metric, (m) => (this.metric = m), 'Metric')}
        <label
          >Spread (± % of each value; of the lever's range where the value is 0)
          <input
            class="num"
            data-spread
            .value=${this.spread}
            @input=${(e: Event) => (this.spread = inputText(e))}
        /></label>
        <span class="note">${tornadoNote(tornadoItems(this.spread, this.scenario))}</span>
      </form>
      <explore-run-bar
        .what=${'sensitivity' as const}
        .status=${this.status}
        .ready=${this.runner !== undefined}
        .hasChart=${this.result !== undefined}
        @run-start=${this.run}
      ></explore-run-bar>
      ${this.chart()}`;
  }

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    this.run();
  };

  private run = (): void => {
    const { runner, scenario, metric } = this;
    if (!runner) return;
    const items = tornadoItems(this.spread, scenario);
    const job: Parsed<RunJob> = !items.ok
      ? items
      : {
          ok: true,
          value: async (options) => {
            this.result = await tornado(runner, scenario, items.value, metric, options);
          },
        };
    emit(this, 'explore-run', {
      what: 'sensitivity',
      job,
      ...(items.ok
        ? { plan: () => gatePlan('sensitivity', tornadoPlan(scenario, items.value)) }
        : {}),
    });
  };

  private chart() {
    const t = this.result;
    if (!t) return html`<p class="note">Set a spread and run the sensitivity analysis.</p>`;
    return html`<tornado-chart
      .metric=${t.metric}
      .center=${t.base.mean}
      .items=${tornadoBars(t)}
    ></tornado-chart>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'explore-sensitivity': ExploreSensitivity;
  }
}

/**
 * Presentation mode's two pickers, as drop-down menus in the controls bar: which metrics the
 * table shows (grouped by stakeholder, with a way back to the default six) and which rows of
 * charts are drawn. One is open at a time, and Escape closes one and gives the focus back to
 * it.
 */
import { html } from 'lit';
import { METRICS, STAKEHOLDERS, type MetricDef, type MetricId } from '../../model/metrics';
import type { ChartChoice } from './slide-charts';

/** What the pickers show. */
export interface PickerView {
  readonly metrics: ReadonlySet<MetricId>;
  readonly charts: ReadonlySet<ChartChoice>;
  /** The weekly charts' metric. */
  readonly chartMetric: MetricId;
}

/** What the pickers change. */
export interface PickerActions {
  toggleMetric(id: MetricId, on: boolean): void;
  defaultMetrics(): void;
  toggleChart(id: ChartChoice, on: boolean): void;
  chooseChartMetric(id: MetricId): void;
}

/** One picker open at a time: opening one closes the others beside it. */
function keepOneOpen(e: Event): void {
  const opened = e.currentTarget;
  if (!(opened instanceof HTMLDetailsElement) || !opened.open) return;
  const root = opened.getRootNode() as ParentNode;
  for (const d of root.querySelectorAll<HTMLDetailsElement>('details.pick')) {
    if (d !== opened) d.open = false;
  }
}

/** Escape closes a picker and gives the focus back to its summary. */
function closeOnEscape(e: KeyboardEvent): void {
  const details = e.currentTarget;
  if (e.key !== 'Escape' || !(details instanceof HTMLDetailsElement) || !details.open) return;
  e.preventDefault();
  details.open = false;
  details.querySelector('summary')?.focus();
}

function checked(e: Event): boolean {
  return (e.target as HTMLInputElement).checked;
}

/** The metrics picker: a checkbox a metric, grouped by stakeholder. */
export function metricPicker(view: PickerView, actions: PickerActions) {
  return html`<details
    class="pick"
    data-control="metrics"
    @toggle=${keepOneOpen}
    @keydown=${closeOnEscape}
  >
    <summary>Metrics (${view.metrics.size})</summary>
    <div class="menu">
      ${STAKEHOLDERS.map(
        (s) =>
          html`<fieldset>
            <legend>${s.label}</legend>
            ${(METRICS as readonly MetricDef[])
              .filter((m) => m.stakeholder === s.id)
              .map((m) => metricBox(m.id as MetricId, m.label, view, actions))}
          </fieldset>`,
      )}
      <button type="button" data-action="default-metrics" @click=${() => actions.defaultMetrics()}>
        Back to the default six
      </button>
    </div>
  </details>`;
}

function metricBox(id: MetricId, label: string, view: PickerView, actions: PickerActions) {
  return html`<label
    ><input
      type="checkbox"
      data-pick-metric=${id}
      .checked=${view.metrics.has(id)}
      @change=${(e: Event) => actions.toggleMetric(id, checked(e))}
    />${label}</label
  >`;
}

/** The charts picker: the weekly course of a chosen metric, and the driver pool. */
export function chartPicker(view: PickerView, actions: PickerActions) {
  return html`<details
    class="pick"
    data-control="charts"
    @toggle=${keepOneOpen}
    @keydown=${closeOnEscape}
  >
    <summary>Charts (${view.charts.size})</summary>
    <div class="menu">
      <label
        ><input
          type="checkbox"
          data-pick-chart="weekly"
          .checked=${view.charts.has('weekly')}
          @change=${(e: Event) => actions.toggleChart('weekly', checked(e))}
        />Weekly course of ${chartMetricSelect(view, actions)}</label
      >
      <label
        ><input
          type="checkbox"
          data-pick-chart="pool"
          .checked=${view.charts.has('pool')}
          @change=${(e: Event) => actions.toggleChart('pool', checked(e))}
        />Driver pool</label
      >
    </div>
  </details>`;
}

function chartMetricSelect(view: PickerView, actions: PickerActions) {
  return html`<select
    data-control="chart-metric"
    aria-label="Metric of the weekly chart"
    @change=${(e: Event) => {
      const id = (e.target as HTMLSelectElement).value;
      const m = METRICS.find((d) => d.id === id);
      if (m) actions.chooseChartMetric(m.id);
    }}
  >
    ${METRICS.map(
      (m) => html`<option value=${m.id} ?selected=${m.id === view.chartMetric}>${m.label}</option>`,
    )}
  </select>`;
}

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { METRICS, METRIC_BY_ID, type MetricId } from '../../model/metrics';
import { periodText } from '../shared/run-windows';
import { LONG_RUN_WEEKS, type Comparison } from '../../model/results';
import type { Scenario } from '../../model/scenario';
import { earningsBins, metricWeeks } from '../shared/series';
import { tabStep } from '../shared/keys';
import { downloadBlob, downloadSvg } from '../charts/chart-export';
import '../charts/earnings-chart';
import type { EarningsChart } from '../charts/earnings-chart';
import '../charts/pool-chart';
import type { PoolChart } from '../charts/pool-chart';
import '../charts/weekly-chart';
import type { WeeklyChart } from '../charts/weekly-chart';
import { exportNow, type ExportSource } from '../shared/export-context';
import { tabStyles } from '../shared/styles';
import { metricOptions } from '../shared/metric-options';
import { chartPanelStyles } from './chart-panel.styles';
import './why-panel';
import type { WhyPanel } from './why-panel';
import { CHARTS, EXPORTS, exportFileName, poolData, type ChartId } from './chart-tabs';

export type { ChartId } from './chart-tabs';

/**
 * The charts of a comparison, one at a time behind tabs: a chosen metric's weekly course, the
 * driver pool, the distribution of drivers' net hourly earnings, and why the chosen metric
 * moved (why-panel.ts: its change decomposed, and the causal chains that agree with the run). Each can be exported as a
 * standalone SVG or a 2× PNG ("SVG" / "PNG" buttons, or `svgText()` / `pngBlob()`).
 *
 * Choosing a tab or a metric updates the panel at once and fires an event, so a parent may
 * also own these properties. The host carries `data-metric-chart="<metricId>"`.
 *
 * @fires metric-select - CustomEvent<{ metric: MetricId }>, when the metric select changes.
 * @fires chart-select - CustomEvent<{ chart: ChartId }>, when another chart tab is chosen.
 */
@customElement('chart-panel')
export class ChartPanel extends LitElement {
  @property({ attribute: false }) comparison: Comparison | undefined;
  /** Metric drawn by the weekly chart. */
  @property({ type: String }) metric: MetricId = 'onTimePackagesPerWeek';
  /** Chart shown. */
  @property({ type: String }) chart: ChartId = 'weekly';
  /** The scenarios compared: the levers they differ in start the causal chains. */
  @property({ attribute: false }) baseline: Scenario | undefined;
  @property({ attribute: false }) scenario: Scenario | undefined;
  /** Net hourly wage floor of the scenario, drawn on the earnings chart ($/h). */
  @property({ type: Number }) wageFloor = 0;
  /**
   * The scenario the charts show and its link, captioned on every export (none if unset).
   * Read only when exporting, so a plain field: setting it never redraws the panel.
   */
  exportSource: ExportSource | undefined;

  static override styles = [tabStyles, chartPanelStyles];

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('metric')) this.setAttribute('data-metric-chart', this.metric);
    // Options render after the select, so the select's value is set once they exist.
    const select = this.renderRoot.querySelector('select');
    if (select && select.value !== this.metric) select.value = this.metric;
  }

  /** The shown chart as a standalone SVG document, captioned. */
  svgText(): string {
    return this.shownChart().svgText(exportNow(this.exportSource));
  }

  /** The shown chart as a PNG at twice its size, captioned. */
  pngBlob(): Promise<Blob> {
    return this.shownChart().pngBlob(exportNow(this.exportSource));
  }

  private shownChart(): WeeklyChart | PoolChart | EarningsChart | WhyPanel {
    const el = this.renderRoot.querySelector('weekly-chart, pool-chart, earnings-chart, why-panel');
    if (!el) throw new Error('no chart is drawn yet');
    return el as WeeklyChart | PoolChart | EarningsChart | WhyPanel;
  }

  override render() {
    return html`
      <div class="toolbar">
        <div role="tablist" aria-label="Chart">
          ${CHARTS.map(
            (c) =>
              html`<button
                role="tab"
                id="tab-${c.id}"
                aria-selected=${c.id === this.chart ? 'true' : 'false'}
                aria-controls="chart-view"
                tabindex=${c.id === this.chart ? 0 : -1}
                data-chart-tab=${c.id}
                @click=${() => this.selectChart(c.id)}
                @keydown=${this.onTabKey}
              >
                ${c.label}
              </button>`,
          )}
        </div>
        ${this.chart === 'weekly' || this.chart === 'why' ? this.metricSelect() : nothing}
        <div class="export" role="group" aria-label="Export the chart">
          <span>Export</span>
          ${EXPORTS.map(
            (format) =>
              html`<button
                type="button"
                data-export-format=${format}
                aria-label="Export the chart as ${format.toUpperCase()}"
                ?disabled=${!this.comparison}
                @click=${format === 'svg' ? this.exportSvg : this.exportPng}
              >
                ${format.toUpperCase()}
              </button>`,
          )}
        </div>
      </div>
      <div id="chart-view" role="tabpanel" aria-labelledby="tab-${this.chart}">
        ${this.chartView()}
      </div>
    `;
  }

  private metricSelect() {
    return html`<div class="metric">
      <label for="metric-select">Metric</label>
      <select id="metric-select" data-metric-select @change=${this.onMetricChange}>
        ${metricOptions(this.metric)}
      </select>
    </div>`;
  }

  private chartView() {
    const c = this.comparison;
    if (!c) return html`<p class="status" role="status">Computing…</p>`;
    switch (this.chart) {
      case 'weekly': {
        const weeks = c.baseline.weeks;
        const metric: MetricId = METRIC_BY_ID.has(this.metric) ? this.metric : METRICS[0].id;
        return html`<weekly-chart
          .metric=${metric}
          .periods=${c.scenario.periods}
          .startWeek=${c.scenario.startWeek}
          .baseline=${metricWeeks(c.baseline.weekly, metric, weeks)}
          .scenario=${metricWeeks(c.scenario.weekly, metric, c.scenario.weeks)}
          .delta=${metricWeeks(c.delta.weekly, metric, weeks)}
        ></weekly-chart>`;
      }
      case 'pool':
        return html`<pool-chart
          .baseline=${poolData(c.baseline.pool, c.baseline.weeks)}
          .scenario=${poolData(c.scenario.pool, c.scenario.weeks)}
        ></pool-chart>`;
      case 'earnings':
        return html`<earnings-chart
          .bins=${earningsBins(c.baseline.earnings, c.scenario.earnings)}
          .wageFloor=${this.wageFloor}
          .weeks=${Math.min(LONG_RUN_WEEKS, c.baseline.weeks)}
          .weeksText=${periodText(c.scenario, 'longRun')}
        ></earnings-chart>`;
      case 'why':
        return html`<why-panel
          .comparison=${c}
          .baseline=${this.baseline}
          .scenario=${this.scenario}
          .metric=${this.metric}
        ></why-panel>`;
    }
  }

  private selectChart(chart: ChartId): void {
    if (chart === this.chart) return;
    this.chart = chart;
    this.tell<{ chart: ChartId }>('chart-select', { chart });
  }

  /** Fires a bubbling, composed CustomEvent carrying `detail`. */
  private tell<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  private onTabKey = async (e: KeyboardEvent): Promise<void> => {
    const next = tabStep(
      e.key,
      CHARTS.findIndex((c) => c.id === this.chart),
      CHARTS.length,
    );
    if (next === undefined) return;
    e.preventDefault();
    const target = CHARTS[next];
    if (!target) return;
    this.selectChart(target.id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${target.id}`)?.focus();
  };

  private onMetricChange = (e: Event): void => {
    const value = (e.target as HTMLSelectElement).value;
    if (!METRIC_BY_ID.has(value)) return;
    const metric = value as MetricId;
    this.metric = metric;
    this.tell<{ metric: MetricId }>('metric-select', { metric });
  };

  private fileName(ext: string): string {
    return exportFileName(this.chart, this.metric, ext);
  }

  private exportSvg = (): void => {
    downloadSvg(this.svgText(), this.fileName('svg'));
  };

  private exportPng = async (): Promise<void> => {
    downloadBlob(await this.pngBlob(), this.fileName('png'));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'chart-panel': ChartPanel;
  }
}

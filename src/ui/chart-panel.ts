import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MetricId } from '../model/metrics';
import type { Comparison } from '../model/results';

/**
 * PLACEHOLDER (being written by the charts helper): the weekly course of a chosen metric, the
 * driver pool, and the earnings distribution.
 *
 * @fires metric-select - CustomEvent<{ metric: MetricId }>
 * @fires chart-select - CustomEvent<{ chart: ChartId }>
 */
export type ChartId = 'weekly' | 'pool' | 'earnings';

@customElement('chart-panel')
export class ChartPanel extends LitElement {
  @property({ attribute: false }) comparison: Comparison | undefined;
  /** Metric drawn by the weekly chart. */
  @property({ type: String }) metric: MetricId = 'onTimePackagesPerWeek';
  /** Chart shown. */
  @property({ type: String }) chart: ChartId = 'weekly';
  /** Net hourly wage floor of the scenario, drawn on the earnings chart ($/h). */
  @property({ type: Number }) wageFloor = 0;

  override render() {
    return html`<p>Charts</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chart-panel': ChartPanel;
  }
}

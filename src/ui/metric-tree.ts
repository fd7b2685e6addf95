import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MetricId } from '../model/metrics';
import type { Comparison } from '../model/results';

/**
 * PLACEHOLDER (being written by the metric-tree helper): the metric tree, baseline against
 * scenario, short run and long run.
 *
 * @fires metric-select - CustomEvent<{ metric: MetricId }>: the user chose a metric to chart
 */
@customElement('metric-tree')
export class MetricTree extends LitElement {
  @property({ attribute: false }) comparison: Comparison | undefined;
  /** Share of replications in hand for the run in flight (1 when settled). */
  @property({ type: Number }) progress = 1;
  /** Whether the shown comparison is being replaced by a newer run. */
  @property({ type: Boolean }) updating = false;
  /** The metric currently charted (highlighted). */
  @property({ type: String }) selected: MetricId = 'onTimePackagesPerWeek';

  override render() {
    return html`<p>Metrics</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'metric-tree': MetricTree;
  }
}

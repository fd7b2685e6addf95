import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { METRICS, type MetricDef } from '../model/metrics';
import type { IntervalArrays } from '../model/results';
import { formatMetric } from './format';

/**
 * The metrics of a run, one row per metric of the table: label, value with its 95% interval,
 * unit. Each row carries the page's test hooks: `data-metric` (id), `data-value`,
 * `data-ci-low` and `data-ci-high` (raw numbers).
 */
@customElement('metric-list')
export class MetricList extends LitElement {
  /** Means and 95% intervals, one element per metric in table order. */
  @property({ attribute: false })
  values: IntervalArrays | undefined;

  /** What the values are, shown above them (e.g. "Long run, last 8 weeks"). */
  @property({ type: String })
  caption = '';

  /** Share of the run's results in hand; below 1 the list says it is an estimate. */
  @property({ type: Number })
  progress = 1;

  static override styles = css`
    :host {
      display: block;
    }
    .caption {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      margin: 0 0 0.5rem;
      color: #4a5565;
      font-size: 0.9rem;
    }
    progress {
      width: 8rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0.5rem;
    }
    li {
      border: 1px solid #dde2e8;
      border-radius: 6px;
      padding: 0.5rem 0.75rem;
    }
    .label {
      font-size: 0.85rem;
      color: #4a5565;
    }
    .value {
      font-size: 1.3rem;
      font-variant-numeric: tabular-nums;
    }
    .unit,
    .ci {
      font-size: 0.8rem;
      color: #6a7585;
    }
  `;

  override render() {
    const v = this.values;
    if (!v) return html`<p class="caption">Computing…</p>`;
    const estimating = this.progress < 1;
    return html`
      <div class="caption">
        <span>${this.caption}${estimating ? ' (estimate, refining)' : nothing}</span>
        ${
          estimating
            ? html`<progress
                max="1"
                .value=${this.progress}
                aria-label="Replications done"
              ></progress>`
            : nothing
        }
      </div>
      <ul>
        ${(METRICS as readonly MetricDef[]).map((m, i) => this.row(m, v.mean[i], v.low[i], v.high[i]))}
      </ul>
    `;
  }

  private row(m: MetricDef, value: number, low: number, high: number) {
    const unit = m.percent ? '' : m.unit;
    return html`<li
      data-metric=${m.id}
      data-value=${String(value)}
      data-ci-low=${String(low)}
      data-ci-high=${String(high)}
      title=${m.definition}
    >
      <div class="label">${m.label}</div>
      <div class="value">${formatMetric(m, value)} <span class="unit">${unit}</span></div>
      <div class="ci">95% interval ${formatMetric(m, low)} to ${formatMetric(m, high)}</div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'metric-list': MetricList;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { METRIC_BY_ID, type MetricId } from '../../model/metrics';
import type { Comparison } from '../../model/results';
import type { Scenario } from '../../model/scenario';
import { WHY_BY_METRIC, type WhyPeriod } from '../../model/why';
import { chainText } from '../../model/why-chains';
import { PERIOD_LABEL, hasWeeks, periodText } from '../shared/run-windows';
import '../charts/waterfall-chart';
import type { WaterfallChart } from '../charts/waterfall-chart';
import { stepText, whyChains, whyData, whySentence } from './why-data';

const PERIODS: readonly { id: WhyPeriod; label: string }[] = [
  { id: 'longRun', label: PERIOD_LABEL.longRun },
  { id: 'shortRun', label: PERIOD_LABEL.shortRun },
  { id: 'peak', label: PERIOD_LABEL.peak },
  { id: 'whole', label: 'Whole run' },
];

/**
 * Why a metric moved (issue 13): one sentence on top, the waterfall of its change into the
 * parts the engine's ledger gives (src/model/why.ts), each with its paired 95% interval, and
 * the causal chains from the changed levers that agree with every measured link of the run,
 * or a note saying none does. A period select picks the weeks (the long run by default).
 *
 * Test hooks: the sentence carries `data-why-sentence`, the chain list `data-why-chains` (one
 * `li` per chain), the note `data-why-note`; the chart's rows are described in
 * waterfall-chart.ts.
 */
@customElement('why-panel')
export class WhyPanel extends LitElement {
  @property({ attribute: false }) comparison: Comparison | undefined;
  @property({ attribute: false }) baseline: Scenario | undefined;
  @property({ attribute: false }) scenario: Scenario | undefined;
  @property({ type: String }) metric: MetricId = 'onTimePackagesPerWeek';
  @state() private period: WhyPeriod = 'longRun';

  static override styles = css`
    :host {
      display: block;
    }
    .period {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin: 0.25rem 0 0.5rem;
    }
    label {
      font-weight: 600;
    }
    select {
      font: inherit;
      padding: 0.25rem 0.4rem;
    }
    .sentence {
      font-size: 1.05rem;
      line-height: 1.45;
      margin: 0.25rem 0 0.75rem;
      overflow-wrap: anywhere;
    }
    h3 {
      font-size: 1rem;
      margin: 1rem 0 0.4rem;
    }
    ul {
      margin: 0;
      padding-left: 1.2rem;
      line-height: 1.45;
      overflow-wrap: anywhere;
    }
    .note {
      color: #4a5565;
      margin: 0.4rem 0 0;
    }
  `;

  /** The waterfall as a standalone SVG document (for the chart panel's export). */
  svgText(): string {
    return this.chart().svgText();
  }

  pngBlob(): Promise<Blob> {
    return this.chart().pngBlob();
  }

  private chart(): WaterfallChart {
    const el = this.renderRoot.querySelector('waterfall-chart');
    if (!el) throw new Error('no waterfall is drawn');
    return el;
  }

  override render() {
    const c = this.comparison;
    if (!c) return html`<p role="status">Computing…</p>`;
    const periods = PERIODS.filter((p) => p.id === 'whole' || hasWeeks(c.scenario, p.id));
    const period = periods.some((p) => p.id === this.period) ? this.period : 'longRun';
    const label = METRIC_BY_ID.get(this.metric)?.label ?? this.metric;
    if (!WHY_BY_METRIC.has(this.metric)) {
      return html`<p class="sentence" data-why-sentence>
        ${label} has no decomposition into parts. Choose another metric.
      </p>`;
    }
    const data = whyData(c, this.metric, period);
    if (!data) {
      return html`${this.periodSelect(periods, period)}
        <p class="sentence" data-why-sentence>No decomposition for these weeks yet.</p>`;
    }
    const weeks = period === 'whole' ? 'whole run' : periodText(c.scenario, period);
    return html`${this.periodSelect(periods, period)}
      <p class="sentence" data-why-sentence>${whySentence(data)}</p>
      <waterfall-chart
        .metric=${this.metric}
        .parts=${data.parts}
        .total=${data.total}
        .periodText=${weeks}
      ></waterfall-chart>
      ${this.chains(c, period)}`;
  }

  private periodSelect(periods: typeof PERIODS, period: WhyPeriod) {
    return html`<div class="period">
      <label for="why-period">Weeks</label>
      <select
        id="why-period"
        data-why-period
        @change=${(e: Event) => {
          this.period = (e.target as HTMLSelectElement).value as WhyPeriod;
        }}
      >
        ${periods.map(
          (p) => html`<option value=${p.id} ?selected=${p.id === period}>${p.label}</option>`,
        )}
      </select>
    </div>`;
  }

  private chains(c: Comparison, period: WhyPeriod) {
    if (!this.baseline || !this.scenario) return nothing;
    const answer = whyChains(c, this.baseline, this.scenario, this.metric, period);
    return html`<h3>Causal chains that agree with this run</h3>
      ${
        answer.chains.length > 0
          ? html`<ul data-why-chains>
              ${answer.chains.map((chain) => html`<li>${chainText(chain, stepText)}</li>`)}
            </ul>`
          : nothing
      }
      <p class="note" data-why-note>${answer.note}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'why-panel': WhyPanel;
  }
}

import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { METRICS, STAKEHOLDERS, type MetricDef } from '../../model/metrics';
import { formatThreshold, unitLabel } from '../shared/format';
import { topicId } from '../shared/model-link';

/**
 * Every metric of the table (src/model/metrics.ts), grouped by stakeholder in the tree's
 * order: label, id, unit, which direction is better, definition and guardrail, generated from
 * the table so the page cannot drift from it.
 *
 * Renders into its own light DOM, so the rows' anchors (`id="metric-<id>"`) sit in the model
 * page's tree, where deep links find them, and the page's styles apply.
 *
 * Test hooks: one row per metric with `data-metric-doc="<id>"`.
 */
@customElement('metric-docs')
export class MetricDocs extends LitElement {
  /** The anchor id the page was asked to show ("metric-fillRate"), highlighted. */
  @property({ type: String }) target = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    return STAKEHOLDERS.map((s) => {
      const rows = (METRICS as readonly MetricDef[]).filter((m) => m.stakeholder === s.id);
      return html`<h3 id=${topicId('section', `metrics-${s.id}`)}>${s.label}</h3>
        <p class="group-meaning">${s.meaning}</p>
        <table class="docs metrics">
          <caption class="sr-only">
            ${s.label}: metrics with their units, directions, definitions and guardrails
          </caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Better when</th>
              <th scope="col">Definition and guardrail</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((m) => this.row(m))}
          </tbody>
        </table>`;
    });
  }

  private row(m: MetricDef) {
    const anchor = topicId('metric', m.id);
    return html`<tr
      id=${anchor}
      tabindex="-1"
      class=${anchor === this.target ? 'targeted' : ''}
      data-metric-doc=${m.id}
    >
      <th scope="row">
        <span class="label">${m.label}</span>
        <code class="id">${m.id}</code>
        <span class="unit">${unitLabel(m)}</span>
      </th>
      <td class="value">
        <span class="direction"
          >${m.better === 'up' ? '▲ higher is better' : '▼ lower is better'}</span
        >
      </td>
      <td class="text">
        <span class="meaning">${m.definition}</span>
        ${
          m.guardrail
            ? html`<span class="guardrail" data-threshold=${m.guardrail.threshold}
                ><span class="tag"
                  >Guardrail (${m.better === 'down' ? 'at most' : 'at least'}
                  ${formatThreshold(m, m.guardrail.threshold)}):</span
                >
                ${m.guardrail.meaning}</span
              >`
            : nothing
        }
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'metric-docs': MetricDocs;
  }
}

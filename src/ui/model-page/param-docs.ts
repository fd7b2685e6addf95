import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PARAMS, PARAM_GROUPS, type ParamDef, type Params } from '../../model/params';
import { rangeText, withUnit } from '../shared/lever-values';
import { topicId } from '../shared/model-link';

/**
 * Every parameter of the table (src/model/params.ts), grouped as the table groups them: label,
 * id, unit, range, default, meaning and source, generated from the table so the page cannot
 * drift from it. Where the current assumptions differ from the default, the current value is
 * shown beside it.
 *
 * Renders into its own light DOM, so the rows' anchors (`id="param-<id>"`) sit in the model
 * page's tree, where deep links find them, and the page's styles apply.
 *
 * Test hooks: one row per parameter with `data-param-doc="<id>"`.
 */
@customElement('param-docs')
export class ParamDocs extends LitElement {
  /** The current assumptions' values (absent: only the defaults are shown). */
  @property({ attribute: false }) params: Params | undefined;
  /** The anchor id the page was asked to show ("param-payPerHour"), highlighted. */
  @property({ type: String }) target = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    return PARAM_GROUPS.map((g) => {
      const rows = (PARAMS as readonly ParamDef[]).filter((p) => p.group === g.id);
      return html`<h3 id=${topicId('section', `params-${g.id}`)}>${g.label}</h3>
        <p class="group-meaning">${g.meaning} ${rows.length} parameters.</p>
        <table class="docs params">
          <caption class="sr-only">
            ${g.label}: parameters with their defaults, ranges, meanings and sources
          </caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Default and range</th>
              <th scope="col">Meaning and source</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((p) => this.row(p))}
          </tbody>
        </table>`;
    });
  }

  private row(p: ParamDef) {
    const anchor = topicId('param', p.id);
    const current = this.params?.[p.id as keyof Params];
    const differs = current !== undefined && current !== p.default;
    return html`<tr
      id=${anchor}
      tabindex="-1"
      class=${anchor === this.target ? 'targeted' : ''}
      data-param-doc=${p.id}
    >
      <th scope="row">
        <span class="label">${p.label}</span>
        <code class="id">${p.id}</code>
      </th>
      <td class="value">
        <span class="default">${withUnit(p.default, p.unit)}</span>
        <span class="range"
          >${p.kind === 'boolean' ? 'on or off' : rangeText(p)}${
            p.kind === 'integer' ? ', whole numbers' : ''
          }</span
        >
        ${
          differs
            ? html`<span class="current" data-current=${String(current)}
                >now ${withUnit(current, p.unit)}</span
              >`
            : nothing
        }
      </td>
      <td class="text">
        <span class="meaning">${p.meaning}</span>
        <span class="source"><span class="tag">Source:</span> ${p.source}</span>
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'param-docs': ParamDocs;
  }
}

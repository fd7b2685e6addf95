/**
 * The Global design tool: loads a design's report (the runner's `--design` JSON, or the
 * `merge` of its shards, README "Global designs, shards and the queue") and shows, for a
 * chosen metric, its indices per factor with their intervals (design-indices-chart) and each
 * guardrail's breach rate across the design's points. Nothing runs: the file holds it all.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { indexBars, indexNames, readDesignFile } from '../../run/design-file';
import type { DesignReport } from '../../run/design-report';
import '../charts/design-indices-chart';
import { exploreStyles } from './explore.styles';
import { inputText } from './explore-fields';

/** Largest report file read, bytes: a design of thousands of points is tens of MB. */
export const MAX_DESIGN_FILE_BYTES = 256 * 1024 * 1024;

@customElement('explore-design')
export class ExploreDesign extends LitElement {
  @state() private report: DesignReport | undefined;
  @state() private metric = '';
  @state() private error = '';
  @state() private fileName = '';

  static override styles = [
    exploreStyles,
    css`
      .table-box {
        max-width: 100%;
        overflow-x: auto;
        margin-top: 0.75rem;
      }
      table {
        border-collapse: collapse;
      }
      th,
      td {
        padding: 0.25rem 0.75rem;
        text-align: left;
        border-bottom: 1px solid #d9dee5;
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  override render() {
    const r = this.report;
    return html`<form aria-label="Global design" @submit=${(e: Event) => e.preventDefault()}>
        <label
          >Design report (JSON from the runner's design or its merged shards)
          <input
            type="file"
            accept=".json,application/json"
            data-design-file
            @change=${this.onFile}
        /></label>
        ${
          r
            ? html`<label
                >Metric
                <select data-design-metric @change=${(e: Event) => (this.metric = inputText(e))}>
                  ${r.indices.map(
                    (i) =>
                      html`<option value=${i.metric} ?selected=${i.metric === this.metric}>
                        ${i.label}
                      </option>`,
                  )}
                </select></label
              >`
            : nothing
        }
      </form>
      ${this.error ? html`<p class="error" role="alert" data-design-error>${this.error}</p>` : nothing}
      ${r ? this.shown(r) : html`<p class="note">No design loaded.</p>`}`;
  }

  private shown(r: DesignReport) {
    const names = indexNames(r.design.kind);
    const entry = r.indices.find((i) => i.metric === this.metric);
    const what = {
      sobol: "Sobol' indices",
      morris: 'Morris elementary effects',
      lhs: 'Latin hypercube',
    }[r.design.kind];
    const axis =
      r.design.kind === 'sobol'
        ? 'Share of the variance across the design'
        : r.design.kind === 'morris'
          ? `Change of ${entry?.label ?? 'the metric'} over a factor's range${entry?.unit ? ` (${entry.unit})` : ''}`
          : "Spearman's rank correlation";
    return html`<p class="note" data-design-summary>
        ${this.fileName}: ${what}, ${r.design.factors.length} factors, ${r.design.points} points,
        ${r.replications} replications each (${r.design.jobs} jobs), ${r.weeks} weeks; means over
        ${r.design.period === 'whole' ? 'the whole run' : r.design.period}.
      </p>
      <design-indices-chart
        .metricLabel=${entry?.label ?? this.metric}
        .axisLabel=${axis}
        .mainName=${names.main}
        .secondName=${names.second ?? ''}
        .bars=${indexBars(r, this.metric)}
      ></design-indices-chart>
      <div class="table-box">
        <table data-design-breaches>
          <caption>
            Guardrails breached across the design (long-run mean at each point)
          </caption>
          <thead>
            <tr>
              <th>Guardrail</th>
              <th>Threshold</th>
              <th>Points breaching</th>
              <th>Rate</th>
            </tr>
          </thead>
          <tbody>
            ${r.guardrails.map(
              (g) =>
                html`<tr data-guardrail=${g.id}>
                  <td>${g.label}</td>
                  <td class="num">${g.threshold ?? '–'}</td>
                  <td class="num">${g.breached} of ${g.judged}</td>
                  <td class="num">
                    ${g.rate === null ? 'not judged (no long run)' : `${(100 * g.rate).toFixed(0)}%`}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private onFile = async (e: Event): Promise<void> => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.error = '';
    if (file.size > MAX_DESIGN_FILE_BYTES) {
      this.error = `${file.name} is over ${MAX_DESIGN_FILE_BYTES / 1024 ** 2} MB, larger than a design report can be.`;
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      this.error = `${file.name} is not JSON.`;
      return;
    }
    const r = readDesignFile(json);
    if (!r.ok) {
      this.error = `${file.name}: ${r.error}.`;
      return;
    }
    this.report = r.value;
    this.fileName = file.name;
    if (!r.value.indices.some((i) => i.metric === this.metric)) {
      this.metric = r.value.indices[0]?.metric ?? '';
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'explore-design': ExploreDesign;
  }
}

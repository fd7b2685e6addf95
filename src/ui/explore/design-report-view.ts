/**
 * A design's report as the Global design tool shows it, whether loaded from a file or run in
 * the page: what the design was, the chosen metric's indices per factor with their intervals
 * (design-indices-chart), each guardrail's breach rate across the points, and the design table
 * (each point's factor values and the metric's mean there).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { METRIC_BY_ID } from '../../model/metrics';
import { indexBars, indexNames } from '../../run/design-file';
import type { DesignView } from '../../run/design-output';
import '../charts/design-indices-chart';
import { leverText } from '../charts/explore-data';
import { formatMetric } from '../shared/format';

/** Rows of the design table shown at a time (a page); the downloads hold them all. */
export const TABLE_ROWS = 20;

const KIND_WHAT = {
  sobol: "Sobol' indices",
  morris: 'Morris elementary effects',
  lhs: 'Latin hypercube',
} as const;

/** The chart's axis, short enough for a phone (the chart's title names the metric). */
function axisLabel(r: DesignView, unit: string | undefined): string {
  if (r.design.kind === 'sobol') return 'Share of the variance';
  if (r.design.kind === 'morris') return `Change over a factor's range${unit ? ` (${unit})` : ''}`;
  return "Spearman's rank correlation";
}

function breaches(r: DesignView): TemplateResult {
  return html`<div class="table-box">
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

/** Which page of the design table shows, and how to turn it. */
export interface TablePage {
  readonly page: number;
  readonly setPage: (page: number) => void;
  /** Whether the tables show (false while the chart draws first). */
  readonly tables?: boolean;
}

function pager(r: DesignView, { page, setPage }: TablePage, first: number, last: number) {
  const pages = Math.ceil(r.table.length / TABLE_ROWS);
  if (pages <= 1) return nothing;
  return html`<p class="downloads" data-design-pager>
    <button type="button" ?disabled=${page <= 0} @click=${() => setPage(page - 1)}>
      Previous ${TABLE_ROWS}
    </button>
    <span class="note">Points ${first} to ${last} of ${r.table.length}</span>
    <button type="button" ?disabled=${page >= pages - 1} @click=${() => setPage(page + 1)}>
      Next ${TABLE_ROWS}
    </button>
  </p>`;
}

function pointTable(r: DesignView, metric: string, at: TablePage): TemplateResult {
  const def = METRIC_BY_ID.get(metric);
  const pages = Math.max(1, Math.ceil(r.table.length / TABLE_ROWS));
  const page = Math.min(Math.max(0, at.page), pages - 1);
  const shown = r.table.slice(page * TABLE_ROWS, (page + 1) * TABLE_ROWS);
  const first = page * TABLE_ROWS + 1;
  return html`<div class="table-box">
    <table data-design-table>
      <caption>
        The design's points: each factor's value and ${def?.label ?? metric}, mean over the
        replications (${r.design.period === 'whole' ? 'whole run' : r.design.period})
      </caption>
      <thead>
        <tr>
          <th>Point</th>
          ${r.design.factors.map((f) => html`<th>${f.label}</th>`)}
          <th>${def?.label ?? metric}</th>
        </tr>
      </thead>
      <tbody>
        ${shown.map((row) => {
          const v = row.metrics[metric];
          return html`<tr data-design-point=${row.point}>
            <td class="num">${row.point}</td>
            ${r.design.factors.map(
              (f) => html`<td class="num">${leverText(f.id, row.values[f.id] ?? Number.NaN)}</td>`,
            )}
            <td class="num">
              ${v === null || v === undefined ? '–' : def ? formatMetric(def, v) : v}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${pager(r, { ...at, page }, first, first + shown.length - 1)}
  </div>`;
}

/** The report shown for `metric`, with `source` naming where it came from. */
export function designReportView(
  r: DesignView,
  metric: string,
  source: string,
  at: TablePage,
): TemplateResult {
  const names = indexNames(r.design.kind);
  const entry = r.indices.find((i) => i.metric === metric);
  const hasTable = r.table.some((row) => metric in row.metrics);
  return html`<p class="note" data-design-summary>
      ${source}: ${KIND_WHAT[r.design.kind]}, ${r.design.factors.length} factors, ${r.design.points}
      points, ${r.replications} replications each (${r.design.jobs} jobs), ${r.weeks} weeks; means
      over ${r.design.period === 'whole' ? 'the whole run' : r.design.period}.
    </p>
    <design-indices-chart
      .metricLabel=${entry?.label ?? metric}
      .axisLabel=${axisLabel(r, entry?.unit)}
      .mainName=${names.main}
      .secondName=${names.second ?? ''}
      .bars=${indexBars(r, metric)}
    ></design-indices-chart>
    ${at.tables === false ? nothing : html`${breaches(r)} ${hasTable ? pointTable(r, metric, at) : nothing}`}`;
}

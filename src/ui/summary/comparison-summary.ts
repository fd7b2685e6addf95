import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { TREE_GUARDRAIL_IDS, breachSide, type Thresholds } from '../../model/guardrails';
import {
  METRICS,
  STAKEHOLDERS,
  type MetricDef,
  type MetricId,
  type Stakeholder,
} from '../../model/metrics';
import { LONG_RUN_WEEKS, type Comparison } from '../../model/results';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { VERDICT_TEXT } from '../../model/verdict';
import { isSuperseded } from '../../run/pool';
import { earningsBins, metricWeeks } from '../shared/series';
import { runWindowText } from '../shared/run-windows';
import { CHART_HEIGHT } from '../charts/chart-frame';
import {
  PERIOD_LABEL,
  guardrailRows,
  leverChanges,
  metricDef,
  metricNumbers,
  poolSeries,
  verdictMark,
  type MetricNumbers,
  type RunPeriod,
} from '../shared/comparison-rows';
import '../charts/earnings-chart';
import {
  NO_VALUE,
  formatChange,
  formatInterval,
  formatMetric,
  formatThreshold,
  unitLabel,
} from '../shared/format';
import '../charts/pool-chart';
import type { CompareRunner } from '../shared/runner';
import '../charts/weekly-chart';
import { srOnly, verdictColours, visuallyHidden } from '../shared/styles';

const NORTH_STAR: MetricId = 'onTimePackagesPerWeek';
const NO_NUMBER = 'no number: the replications gave none for this period';
/** The charts' height in print (px before the print zoom of 0.58: about 186 px on paper). */
const PRINT_CHART_HEIGHT = 320;

/**
 * A one-page summary of a comparison, to print or save as PDF: the levers changed (against
 * the baseline, with labels and units), every metric's baseline, scenario and paired change
 * with its 95% interval for the short and the long run with its verdict, the guardrails (a
 * breach flagged in words), and the charts (a metric's weekly course, the driver pool,
 * drivers' earnings). It runs its comparison through `runner` (the app's pool, whose cache
 * answers a pair it has seen at once), with progress shown.
 *
 * A print stylesheet keeps to the page: no buttons, sections and charts never cut across
 * pages. The host carries `data-state="running" | "ready" | "failed"`; each section carries
 * `data-section="levers" | "metrics" | "guardrails" | "charts"`; metric rows carry
 * `data-metric` with raw long-run numbers in `data-value`, `data-delta`, `data-ci-low`,
 * `data-ci-high`.
 *
 * @fires summary-close - the user closed the summary ("Close" or Escape).
 */
@customElement('comparison-summary')
export class ComparisonSummary extends LitElement {
  /** Runs the comparison on the app's pool. */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  /** What the scenario is called ("Workspace scenario", a saved scenario's name). */
  @property({ type: String }) name = 'Scenario';
  /** The user's guardrail thresholds (the table's where none is set). */
  @property({ attribute: false }) thresholds: Thresholds = {};
  /** The metric whose weekly course is charted (the North Star by default). */
  @property({ type: String }) metric: MetricId = NORTH_STAR;

  @property({ type: String, reflect: true, attribute: 'data-state' })
  state: 'running' | 'ready' | 'failed' = 'running';

  @state() private comparison: Comparison | undefined;
  @state() private progress = 0;
  @state() private error = '';
  /** Whether the page is laid out for print (the charts are drawn shorter then). */
  @state() private printing = false;

  private runs = 0;
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    this.close();
  };

  static override styles = [
    srOnly,
    verdictColours,
    css`
      :host {
        display: block;
        color: #1c2430;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        max-width: 680px;
        margin: 0 auto 0.75rem;
      }
      .toolbar .hint {
        color: #4a5565;
        font-size: 0.95rem;
      }
      .toolbar button {
        font: inherit;
        font-size: 1rem;
        padding: 0.4rem 0.9rem;
        border-radius: 6px;
        border: 1px solid #9aa5b3;
        background: #fff;
        cursor: pointer;
      }
      .toolbar button.primary {
        background: #1c2430;
        color: #fff;
        border-color: #1c2430;
      }
      .toolbar button:disabled {
        cursor: default;
        opacity: 0.55;
      }
      button:focus-visible,
      h1:focus-visible {
        outline: 3px solid #1c6fd1;
        outline-offset: 2px;
      }
      .page {
        box-sizing: border-box;
        width: 680px;
        max-width: 100%;
        margin: 0 auto;
        padding: 0;
        background: #fff;
        font-size: 12.5px;
        line-height: 1.3;
      }
      .sheet {
        box-sizing: border-box;
        width: calc(680px + 3rem);
        max-width: 100%;
        margin: 0 auto;
        padding: 1.5rem;
        background: #fff;
        border: 1px solid #dde2e8;
        border-radius: 8px;
      }
      h1 {
        font-size: 20px;
        margin: 0 0 0.2rem;
      }
      h2 {
        font-size: 15px;
        margin: 1.1rem 0 0.4rem;
        padding-bottom: 0.15rem;
        border-bottom: 2px solid #1c2430;
      }
      .meta {
        margin: 0;
        color: #4a5565;
      }
      .progress {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        margin: 0.75rem 0;
      }
      .error {
        color: #8a1c1c;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        text-align: left;
        padding: 0.18rem 0.3rem;
        border-bottom: 1px solid #e3e7ec;
        vertical-align: top;
      }
      thead th {
        font-size: 11.5px;
        color: #4a5565;
        font-weight: 600;
        border-bottom: 1px solid #9aa5b3;
      }
      .num {
        text-align: right;
        white-space: nowrap;
      }
      tr.group th {
        padding-top: 0.45rem;
        font-size: 12px;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: #4a5565;
        border-bottom: 1px solid #c9d0d8;
      }
      tr.north-star td {
        font-weight: 600;
      }
      .unit {
        color: #5c6776;
        font-size: 11px;
      }
      td.num[data-period] {
        white-space: normal;
      }
      .change,
      .ci {
        white-space: nowrap;
      }
      .ci {
        color: #5c6776;
        font-size: 10.5px;
      }
      table.metrics {
        table-layout: fixed;
      }
      table.metrics col.metric {
        width: 26%;
      }
      table.metrics col.value {
        width: 10.5%;
      }
      table.metrics col.change {
        width: 19.5%;
      }
      table.metrics col.verdict {
        width: 14%;
      }
      .breach {
        color: #a3261f;
        font-weight: 700;
      }
      .ok {
        color: #17643a;
      }
      .none {
        color: #4a5565;
        margin: 0;
      }
      .print-only {
        display: none;
      }
      figure {
        margin: 0.75rem 0 0;
        break-inside: avoid;
      }
      section {
        break-inside: avoid;
      }
      section[data-section='metrics'],
      section[data-section='charts'] {
        /* Too long for one page: their rows and figures are kept whole instead. */
        break-inside: auto;
      }
      tr {
        break-inside: avoid;
      }
      thead {
        display: table-header-group;
      }
      @media print {
        /*
       * One page, A4 or Letter portrait at 10 mm margins (at least 718 × 980 px): a fixed width,
       * so the charts measure the same width in print emulation and on paper; tables at 8 pt,
       * one line a metric; guardrails beside the weekly chart, the pool and earnings charts
       * side by side below, each drawn at a design width and scaled down (zoom).
       */
        :host {
          print-color-adjust: exact;
          -webkit-print-color-adjust: exact;
        }
        .toolbar,
        .progress {
          display: none;
        }
        .sheet {
          width: auto;
          padding: 0;
          border: none;
          border-radius: 0;
        }
        .page {
          width: 712px;
          margin: 0;
          font-size: 8pt;
          line-height: 1.1;
          display: grid;
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
          column-gap: 14px;
          align-items: start;
        }
        .page > * {
          grid-column: 1 / -1;
        }
        h1 {
          font-size: 13pt;
          margin: 0;
        }
        .meta {
          font-size: 8pt;
        }
        h2 {
          break-after: avoid;
          font-size: 10pt;
          margin: 0.35rem 0 0.1rem;
          padding-bottom: 0.05rem;
          border-bottom-width: 1.5px;
        }
        th,
        td {
          padding: 0.04rem 0.25rem;
        }
        thead th,
        tr.group th,
        .unit,
        .ci {
          font-size: 8pt;
        }
        tr.group th {
          padding-top: 0.1rem;
          letter-spacing: 0.02em;
        }
        td.num[data-period],
        td.verdict {
          white-space: nowrap;
        }
        .screen-only,
        td[data-period='shortRun'] .ci,
        th.status,
        td.status {
          /* The short run's interval and the status column (the note names every breach). */
          display: none;
        }
        .print-only {
          display: inline;
        }
        table.metrics col.metric {
          width: 28%;
        }
        table.metrics col.value {
          width: 8.5%;
        }
        table.metrics col.change {
          width: 12%;
        }
        table.metrics col.change + col.change {
          width: 27%;
        }
        table.metrics col.verdict {
          width: 16%;
        }
        section[data-section='guardrails'] {
          grid-column: 1;
        }
        section[data-section='charts'] {
          /* Its figures join the page's grid: beside the guardrails, then side by side. */
          display: contents;
        }
        section[data-section='charts'] > h2 {
          ${visuallyHidden}
        }
        figure {
          margin: 0.45rem 0 0;
          min-width: 0;
        }
        weekly-chart,
        pool-chart,
        earnings-chart {
          /* Drawn about 600 px wide (room for titles and legends), printed at 349 px. */
          zoom: 0.58;
          min-height: 0;
        }
      }
    `,
  ];

  private readonly printMedia = window.matchMedia('print');
  private readonly onPrint = () => {
    this.printing = this.printMedia.matches;
  };
  private readonly onBeforePrint = () => {
    this.printing = true;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    this.printMedia.addEventListener('change', this.onPrint);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onPrint);
    this.onPrint();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    this.printMedia.removeEventListener('change', this.onPrint);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onPrint);
    this.runs++; // a run in flight no longer reaches this element
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('runner') || changed.has('baseline') || changed.has('scenario')) {
      void this.run();
    }
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private async run(): Promise<void> {
    const runner = this.runner;
    const run = ++this.runs;
    this.comparison = undefined;
    this.progress = 0;
    this.error = '';
    if (!runner) {
      this.state = 'running';
      return;
    }
    this.state = 'running';
    try {
      const c = await runner(this.baseline, this.scenario, (p) => {
        if (run === this.runs) this.progress = p.fraction;
      });
      if (run !== this.runs) return;
      this.comparison = c;
      this.progress = 1;
      this.state = 'ready';
    } catch (error) {
      if (run !== this.runs) return;
      this.state = 'failed';
      this.error = isSuperseded(error)
        ? 'another run took the simulation over before this summary was complete; open the summary again'
        : error instanceof Error
          ? error.message
          : String(error);
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('summary-close', { bubbles: true, composed: true }));
  }

  private print(): void {
    window.print();
  }

  override render() {
    const c = this.comparison;
    return html`
      <div class="toolbar" role="group" aria-label="Summary actions">
        <button
          type="button"
          class="primary"
          data-action="print"
          ?disabled=${!c}
          @click=${this.print}
        >
          Print / save as PDF
        </button>
        <button type="button" data-action="close-summary" @click=${this.close}>Close</button>
        <span class="hint">Choose “Save as PDF” as the printer to keep a file.</span>
      </div>
      <div class="sheet">
        <article class="page" aria-labelledby="summary-title">
          <h1 id="summary-title" tabindex="-1">${this.name} against the baseline</h1>
          <p class="meta">${this.settingsText()}</p>
          ${this.statusView()} ${this.leversSection()} ${c ? this.resultSections(c) : nothing}
        </article>
      </div>
    `;
  }

  private settingsText(): string {
    const s = this.scenario;
    const windows = runWindowText(s.weeks);
    return (
      `gigsim what-if simulation · ${s.weeks} weeks, ${s.replications} paired replications, ` +
      `seed ${s.seed} · short run = ${windows.short}, long run = ${windows.long} · ` +
      `intervals are 95% intervals of the paired difference`
    );
  }

  private statusView() {
    if (this.state === 'failed') {
      return html`<p class="error" role="alert">
        The comparison could not be run: ${this.error}.
      </p>`;
    }
    if (this.state === 'running') {
      const pct = Math.round(Math.min(1, Math.max(0, this.progress)) * 100);
      return html`<div class="progress" role="status">
        <span>Running the comparison: ${pct}% of the replications in.</span>
        <progress max="1" .value=${this.progress} aria-label="Replications done"></progress>
      </div>`;
    }
    return nothing;
  }

  private leversSection() {
    const changes = leverChanges(this.baseline, this.scenario);
    return html`<section data-section="levers" aria-labelledby="levers-title">
      <h2 id="levers-title">Levers changed</h2>
      ${
        changes.length === 0
          ? html`<p class="none" data-lever-count="0">
              No lever differs from the baseline: the scenario is the baseline.
            </p>`
          : html`<table data-lever-count=${changes.length}>
              <thead>
                <tr>
                  <th scope="col">Lever</th>
                  <th scope="col" class="num">Baseline</th>
                  <th scope="col" class="num">Scenario</th>
                </tr>
              </thead>
              <tbody>
                ${changes.map(
                  (l) =>
                    html`<tr data-lever=${l.id}>
                      <th scope="row">${l.label}</th>
                      <td class="num">${l.baseline}</td>
                      <td class="num"><strong>${l.scenario}</strong></td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }

  private resultSections(c: Comparison) {
    return html`${this.metricsSection(c)} ${this.guardrailsSection(c)} ${this.chartsSection(c)}`;
  }

  private metricsSection(c: Comparison) {
    const groups = STAKEHOLDERS;
    return html`<section data-section="metrics" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Metrics</h2>
      <table class="metrics">
        <colgroup>
          <col class="metric" />
          <col class="value" />
          <col class="value" />
          <col class="change" />
          <col class="change" />
          <col class="verdict" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" class="num">Baseline<br />long run</th>
            <th scope="col" class="num">Scenario<br />long run</th>
            <th scope="col" class="num">
              Change, short run<br /><span class="screen-only">[95% interval]</span>
            </th>
            <th scope="col" class="num">Change, long run<br />[95% interval]</th>
            <th scope="col">Verdict<br />long run</th>
          </tr>
        </thead>
        ${groups.map((g) => this.metricGroup(c, g.id, g.label))}
      </table>
    </section>`;
  }

  private metricGroup(c: Comparison, group: Stakeholder, label: string) {
    const defs = (METRICS as readonly MetricDef[]).filter((m) => m.stakeholder === group);
    if (defs.length === 0) return nothing;
    return html`<tbody data-stakeholder=${group}>
      <tr class="group">
        <th colspan="6" scope="colgroup">${label}</th>
      </tr>
      ${defs.map((m) => this.metricRow(c, m))}
    </tbody>`;
  }

  private metricRow(c: Comparison, m: MetricDef) {
    const id = m.id as MetricId;
    const short = metricNumbers(c, id, 'shortRun');
    const long = metricNumbers(c, id, 'longRun');
    return html`<tr
      class=${id === NORTH_STAR ? 'north-star' : ''}
      data-metric=${id}
      data-value=${String(long.scenario)}
      data-delta=${String(long.delta)}
      data-ci-low=${String(long.low)}
      data-ci-high=${String(long.high)}
      data-verdict=${long.verdict}
    >
      <td>${m.label} <span class="unit">${unitLabel(m)}</span></td>
      <td class="num">${this.value(m, long.baseline)}</td>
      <td class="num">${this.value(m, long.scenario)}</td>
      ${this.changeCell(m, short, 'shortRun')} ${this.changeCell(m, long, 'longRun')}
      <td class="verdict ${long.verdict}">${verdictMark(long)} ${VERDICT_TEXT[long.verdict]}</td>
    </tr>`;
  }

  private value(m: MetricDef, v: number) {
    return Number.isFinite(v)
      ? formatMetric(m, v)
      : html`<span title=${NO_NUMBER} aria-label=${NO_NUMBER}>${NO_VALUE}</span>`;
  }

  private changeCell(m: MetricDef, n: MetricNumbers, period: RunPeriod) {
    if (!Number.isFinite(n.delta)) {
      return html`<td class="num unknown" title=${NO_NUMBER}>
        ${NO_VALUE}<span class="ci">${NO_NUMBER}</span>
      </td>`;
    }
    const interval = formatInterval(m, n.low, n.high);
    return html`<td class="num" data-period=${period}>
      <span
        class="change ${n.verdict}"
        title=${`${PERIOD_LABEL[period]}: ${VERDICT_TEXT[n.verdict]}`}
        >${formatChange(m, n.delta)} ${verdictMark(n)}</span
      >
      <span class="ci"
        >${interval || html`<span title="no interval from a single replication">${NO_VALUE}</span>`}</span
      >
    </td>`;
  }

  private guardrailsSection(c: Comparison) {
    const rows = guardrailRows(c, TREE_GUARDRAIL_IDS, this.thresholds);
    const breached = rows.filter((r) => r.scenarioBreach);
    const breaches = breached.length;
    return html`<section data-section="guardrails" aria-labelledby="guardrails-title">
      <h2 id="guardrails-title">Guardrails (long run)</h2>
      <p class="none" data-breaches=${breaches}>
        ${
          breaches === 0
            ? 'No guardrail is breached by the scenario.'
            : html`<strong class="breach"
                >⚠ ${breaches} ${breaches === 1 ? 'guardrail is' : 'guardrails are'} breached by the
                scenario: ${breached.map((r) => metricDef(r.id).label).join(', ')}.</strong
              >`
        }
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Guardrail</th>
            <th scope="col" class="num">Threshold</th>
            <th scope="col" class="num">Baseline</th>
            <th scope="col" class="num">Scenario</th>
            <th scope="col" class="status">Scenario status</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((r) => {
            const m = metricDef(r.id);
            const above = breachSide(m) === 'above';
            return html`<tr data-guardrail=${r.id} data-breach=${String(r.scenarioBreach)}>
              <td>${m.label}</td>
              <td class="num">
                <span class="screen-only">${above ? 'at most' : 'at least'}</span
                ><span class="print-only" aria-hidden="true">${above ? '≤' : '≥'}</span>
                ${formatThreshold(m, r.threshold)}
              </td>
              <td class="num ${r.baselineBreach ? 'breach' : ''}">
                ${this.value(m, r.baseline)}${r.baselineBreach ? ' ⚠' : ''}
              </td>
              <td class="num ${r.scenarioBreach ? 'breach' : ''}">
                ${this.value(m, r.scenario)}${r.scenarioBreach ? ' ⚠' : ''}
              </td>
              <td class="status">
                ${
                  !Number.isFinite(r.scenario)
                    ? html`<span class="unknown">${NO_VALUE} no number to judge</span>`
                    : r.scenarioBreach
                      ? html`<span class="breach">⚠ Breached</span>`
                      : html`<span class="ok">✓ Within</span>`
                }
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }

  private chartsSection(c: Comparison) {
    const metric = metricDef(this.metric);
    const weeks = c.baseline.weeks;
    const height = this.printing ? PRINT_CHART_HEIGHT : CHART_HEIGHT;
    return html`<section data-section="charts" aria-labelledby="charts-title">
      <h2 id="charts-title">Charts</h2>
      <figure data-figure="weekly" aria-label="${metric.label} by week">
        <weekly-chart
          .chartHeight=${height}
          .metric=${this.metric}
          .baseline=${metricWeeks(c.baseline.weekly, this.metric, weeks)}
          .scenario=${metricWeeks(c.scenario.weekly, this.metric, c.scenario.weeks)}
          .delta=${metricWeeks(c.delta.weekly, this.metric, weeks)}
        ></weekly-chart>
      </figure>
      <figure data-figure="pool" aria-label="Driver pool">
        <pool-chart
          .chartHeight=${height}
          .baseline=${poolSeries(c.baseline)}
          .scenario=${poolSeries(c.scenario)}
        ></pool-chart>
      </figure>
      <figure data-figure="earnings" aria-label="Drivers’ net hourly earnings">
        <earnings-chart
          .chartHeight=${height}
          .bins=${earningsBins(c.baseline.earnings, c.scenario.earnings)}
          .wageFloor=${this.scenario.params.wageFloor}
          .weeks=${Math.min(LONG_RUN_WEEKS, weeks)}
        ></earnings-chart>
      </figure>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comparison-summary': ComparisonSummary;
  }
}

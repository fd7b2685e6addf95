import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  TREE_GUARDRAIL_IDS,
  breachSide,
  effectiveThreshold,
  guardrailBreach,
  isUserThreshold,
  parseThreshold,
  type Thresholds,
} from '../../model/guardrails';
import {
  METRICS,
  METRIC_BY_ID,
  METRIC_INDEX,
  STAKEHOLDERS,
  type MetricDef,
  type MetricId,
  type Stakeholder,
} from '../../model/metrics';
import {
  LONG_RUN_WEEKS,
  SHORT_RUN_WEEKS,
  type Comparison,
  type IntervalArrays,
} from '../../model/results';
import { VERDICT_TEXT, deltaVerdict, type Verdict } from '../../model/verdict';
import {
  NO_VALUE,
  formatChange,
  formatInterval,
  formatMetric,
  formatThreshold,
  thresholdInputText,
  unitLabel,
} from '../shared/format';
import { runWindowText } from '../shared/run-windows';
import { modelLink } from '../shared/model-link';
import '../charts/spark-line';
import { srOnly } from '../shared/styles';

/** One period's numbers of one metric. */
interface Period {
  baseline: number;
  scenario: number;
  delta: number;
  low: number;
  high: number;
}

/** Weekly means of one metric, as plain arrays for the sparkline. */
interface Course {
  baseline: number[];
  scenario: number[];
  low: number[];
  high: number[];
}

const NO_NUMBER_REASON = 'No value: the replications gave no number for this period.';

function period(
  c: Comparison,
  pick: (s: { shortRun: IntervalArrays; longRun: IntervalArrays }) => IntervalArrays,
  i: number,
): Period {
  const d = pick(c.delta);
  return {
    baseline: pick(c.baseline).mean[i] ?? NaN,
    scenario: pick(c.scenario).mean[i] ?? NaN,
    delta: d.mean[i] ?? NaN,
    low: d.low[i] ?? NaN,
    high: d.high[i] ?? NaN,
  };
}

function weeklyOf(a: Float64Array, i: number, weeks: number): number[] {
  const from = i * weeks;
  return Array.from(a.subarray(from, from + weeks));
}

/** A copy of a record without one key. */
function without<T>(
  record: Partial<Record<MetricId, T>>,
  key: MetricId,
): Partial<Record<MetricId, T>> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key)) as Partial<
    Record<MetricId, T>
  >;
}

function arrow(p: Period, v: Verdict): string {
  if (v === 'unknown') return '';
  if (v === 'unclear') return '●';
  return p.delta > 0 ? '▲' : '▼';
}

/**
 * The metric tree (MODEL.md section 7): the North Star on top, then customers, merchants,
 * drivers and the operator, then the guardrails. Each metric shows, for the short run (weeks
 * 1–4) and the long run (last 8 weeks), its baseline and scenario values and the paired delta
 * with its 95% interval, judged better / worse / no clear change (text, arrow and colour), and
 * a sparkline of its weekly course. A guardrail whose scenario long-run value is on the wrong
 * side of its threshold is flagged in words. Weekly churn and cost per package take thresholds
 * the user sets in the guardrails section.
 *
 * Test hooks: exactly one element per metric carries `data-metric="<id>"` with raw numbers in
 * `data-value` (scenario long run), `data-baseline`, `data-delta`, `data-ci-low`,
 * `data-ci-high` (long-run delta and its 95% interval), `data-short-value`,
 * `data-short-delta`, `data-short-ci-low`, `data-short-ci-high`, and `data-breach`.
 *
 * @fires metric-select - CustomEvent<{ metric: MetricId }>: the user chose a metric to chart
 *   (click on its row, or Enter/Space on its name). Bubbles, composed.
 * @fires threshold-change - CustomEvent<{ metric: MetricId, threshold: number | undefined }>:
 *   the user set a guardrail threshold (in the metric's units, shares as fractions), or cleared
 *   it (undefined: back to the table's). Bubbles, composed.
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
  /** User-set guardrail thresholds overriding the table's (weekly churn, cost per package). */
  @property({ attribute: false }) thresholds: Thresholds = {};

  /** Text typed in a threshold editor and not yet taken by the parent, by metric. */
  @state() private drafts: Partial<Record<MetricId, string>> = {};
  /** Why a typed threshold was refused, by metric. */
  @state() private errors: Partial<Record<MetricId, string>> = {};

  private courses = new Map<MetricId, Course>();

  static override styles = [
    srOnly,
    css`
      :host {
        display: block;
        container: tree / inline-size;
        font-variant-numeric: tabular-nums;
        --better: #17703a;
        --better-bg: #e3f3e8;
        --worse: #b3261e;
        --worse-bg: #fbe9e7;
        --unclear: #4f5968;
        --muted: #5b6472;
        --rule: #e3e7ec;
        --accent: #1f4e8c;
      }
      .status {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: 1.75rem;
        margin: 0 0 0.25rem;
        color: var(--muted);
        font-size: 0.95rem;
      }
      .status progress {
        width: 10rem;
      }
      .computing {
        font-size: 1.2rem;
        color: var(--muted);
        padding: 2rem 0;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        table-layout: fixed;
      }
      col.c-metric {
        width: 25%;
      }
      col.c-run {
        width: 29%;
      }
      col.c-course {
        width: 17%;
      }
      thead th {
        position: sticky;
        top: 0;
        z-index: 2;
        background: #fff;
        text-align: left;
        font-weight: 600;
        font-size: 0.95em;
        padding: 0.35em 0.5em;
        border-bottom: 2px solid #c9d0d8;
        vertical-align: bottom;
      }
      thead .sub {
        display: block;
        font-weight: 400;
        font-size: 0.85em;
        color: var(--muted);
      }
      tr.group th {
        text-align: left;
        padding: 0.9em 0.5em 0.3em;
        font-size: 0.85em;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: #3a4452;
        border-bottom: 1px solid #c9d0d8;
      }
      tr.group .meaning {
        text-transform: none;
        letter-spacing: 0;
        font-weight: 400;
        color: var(--muted);
        margin-left: 0.5em;
      }
      tr.metric {
        cursor: pointer;
      }
      tr.metric > * {
        padding: 0.45em 0.5em;
        border-bottom: 1px solid var(--rule);
        vertical-align: top;
        text-align: left;
        font-weight: 400;
      }
      tr.metric:hover > * {
        background: #f7f9fb;
      }
      tr.metric.selected > * {
        background: #eaf1fb;
      }
      tr.metric.selected > th {
        box-shadow: inset 4px 0 0 var(--accent);
      }
      .metric-cell {
        position: relative;
      }
      button.name {
        all: unset;
        cursor: pointer;
        font-size: 1.05em;
        font-weight: 600;
        color: #1c2430;
        text-decoration: underline dotted #98a2b0;
        text-underline-offset: 0.2em;
      }
      button.name:focus-visible {
        outline: 3px solid var(--accent);
        outline-offset: 2px;
        border-radius: 2px;
      }
      .unit {
        display: block;
        font-size: 0.8em;
        color: var(--muted);
      }
      a.doc {
        margin-left: 0.35em;
        color: #2b5aa8;
        font-size: 0.95em;
      }
      .definition {
        display: none;
        position: absolute;
        z-index: 3;
        left: 0.5em;
        top: 100%;
        width: max-content;
        max-width: 22em;
        padding: 0.5em 0.65em;
        background: #1c2430;
        color: #fff;
        font-size: 0.9em;
        font-weight: 400;
        line-height: 1.35;
        border-radius: 6px;
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.2);
      }
      button.name:hover + .definition,
      button.name:focus-visible + .definition {
        display: block;
      }
      .values {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        column-gap: 0.4em;
      }
      .base {
        font-size: 1em;
        color: var(--muted);
      }
      .to {
        color: #98a2b0;
      }
      .scen {
        font-size: 1.3em;
        font-weight: 600;
      }
      .delta {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: baseline;
        column-gap: 0.35em;
        margin-top: 0.15em;
        padding: 0.05em 0.35em;
        border-radius: 4px;
        font-size: 0.95em;
      }
      .delta .piece {
        white-space: nowrap;
      }
      .delta .verdict {
        font-size: 0.85em;
        font-weight: 600;
      }
      spark-line {
        max-width: 16em;
      }
      thead .busy {
        color: var(--accent);
        font-weight: 600;
      }
      .legend .key {
        white-space: nowrap;
        margin-right: 0.4em;
      }
      .legend svg {
        vertical-align: middle;
        margin-right: 0.2em;
      }
      .legend .key-base {
        stroke: #8a94a3;
        stroke-width: 1.5;
        stroke-dasharray: 3 2;
      }
      .legend .key-scen {
        stroke: #1f4e8c;
        stroke-width: 2;
      }
      .better {
        color: var(--better);
        background: var(--better-bg);
      }
      .worse {
        color: var(--worse);
        background: var(--worse-bg);
      }
      .unclear,
      .unknown {
        color: var(--unclear);
      }
      .north-star .name {
        font-size: 1.3em;
      }
      .north-star .scen {
        font-size: 1.9em;
      }
      .north-star .base {
        font-size: 1.15em;
      }
      .north-star > * {
        padding-top: 0.6em;
        padding-bottom: 0.6em;
      }
      .flag {
        display: inline-block;
        margin-top: 0.25em;
        padding: 0.05em 0.4em;
        border: 2px solid var(--worse);
        border-radius: 4px;
        color: var(--worse);
        background: var(--worse-bg);
        font-size: 0.85em;
        font-weight: 700;
      }
      .guard {
        margin-top: 0.25em;
        font-size: 0.85em;
        color: var(--muted);
      }
      .also {
        display: block;
        font-size: 0.8em;
        color: var(--muted);
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.3em;
        margin-top: 0.3em;
        font-size: 0.85em;
        cursor: auto;
      }
      form .field {
        white-space: nowrap;
      }
      form input {
        width: 3.2em;
        font: inherit;
        font-size: 1.1em;
        padding: 0.1em 0.3em;
        border: 1px solid #98a2b0;
        border-radius: 4px;
      }
      form input[aria-invalid='true'] {
        border: 2px solid var(--worse);
      }
      form button {
        font: inherit;
        padding: 0.1em 0.5em;
      }
      .error {
        flex-basis: 100%;
        margin: 0.1em 0 0;
        color: var(--worse);
        font-weight: 600;
      }
      .updating tbody .values,
      .updating tbody .delta {
        opacity: 0.55;
        transition: opacity 0.2s;
      }
      /* Wide columns (1920 screens, projectors): everything in the table a size up. */
      @container tree (min-width: 68rem) {
        table {
          font-size: 1.2rem;
        }
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('comparison')) this.courses.clear();
    if (changed.has('thresholds')) {
      // The parent took (or replaced) the thresholds: the editors show them again.
      this.drafts = {};
      this.errors = {};
    }
  }

  override render() {
    const c = this.comparison;
    if (!c) {
      return html`<p class="computing" role="status" data-state="computing">
        Computing… the first replications are on their way.
      </p>`;
    }
    const busy = this.updating || this.progress < 1;
    const windows = runWindowText(c.baseline.weeks);
    return html`
      ${this.status()}
      <table class=${this.updating ? 'updating' : ''} aria-busy=${busy ? 'true' : 'false'}>
        <caption class="sr-only">
          Metric tree: baseline and scenario, with the paired change and its 95% interval, for the
          short run and the long run
        </caption>
        <colgroup>
          <col class="c-metric" />
          <col class="c-run" />
          <col class="c-run" />
          <col class="c-course" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              Metric
              ${
                busy
                  ? html`<span class="sub busy" aria-hidden="true"
                      >${this.updating ? 'updating' : 'estimate'}
                      ${Math.round(Math.min(1, Math.max(0, this.progress)) * 100)}%</span
                    >`
                  : nothing
              }
            </th>
            <th scope="col">
              Short run <span class="sub">${windows.short}: baseline → scenario</span>
            </th>
            <th scope="col">
              Long run
              <span class="sub">${windows.long.replace(/^the /, '')}: baseline → scenario</span>
            </th>
            <th scope="col">
              Weekly course
              <span class="sub legend"
                ><span class="key"
                  ><svg width="18" height="6" aria-hidden="true">
                    <line x1="0" y1="3" x2="18" y2="3" class="key-base"></line></svg
                  >baseline</span
                >
                <span class="key"
                  ><svg width="18" height="6" aria-hidden="true">
                    <line x1="0" y1="3" x2="18" y2="3" class="key-scen"></line></svg
                  >scenario</span
                ></span
              >
            </th>
          </tr>
        </thead>
        ${STAKEHOLDERS.map((s) => this.group(c, s.id, s.label, s.meaning))}
      </table>
    `;
  }

  private status() {
    const pct = Math.round(Math.min(1, Math.max(0, this.progress)) * 100);
    if (this.updating) {
      return html`<div class="status" role="status" data-state="updating">
        <span>Updating: ${pct}% of the new run in; the numbers shown are being replaced.</span>
        <progress max="1" .value=${this.progress} aria-label="Replications done"></progress>
      </div>`;
    }
    if (this.progress < 1) {
      return html`<div class="status" role="status" data-state="estimate">
        <span>Estimate from ${pct}% of the replications, refining.</span>
        <progress max="1" .value=${this.progress} aria-label="Replications done"></progress>
      </div>`;
    }
    return html`<div class="status" role="status" data-state="settled">
      <span>Paired replications; intervals are 95%.</span>
    </div>`;
  }

  private group(c: Comparison, id: Stakeholder, label: string, meaning: string) {
    const guardrails = id === 'guardrails';
    const defs = guardrails
      ? TREE_GUARDRAIL_IDS.map((m) => METRIC_BY_ID.get(m)).filter(
          (m): m is MetricDef => m !== undefined,
        )
      : (METRICS as readonly MetricDef[]).filter((m) => m.stakeholder === id);
    if (defs.length === 0) return nothing;
    return html`<tbody data-stakeholder=${id}>
      <tr class="group">
        <th colspan="4" scope="colgroup">${label}<span class="meaning">${meaning}</span></th>
      </tr>
      ${defs.map((m) => this.row(c, m, id))}
    </tbody>`;
  }

  /**
   * One metric's row. The row in the metric's own stakeholder group carries the test hooks;
   * weekly churn and cost per package appear again in the guardrails section (with their
   * threshold editors) without them.
   */
  private row(c: Comparison, m: MetricDef, section: Stakeholder) {
    const id = m.id as MetricId;
    const i = METRIC_INDEX[id];
    const short = period(c, (s) => s.shortRun, i);
    const long = period(c, (s) => s.longRun, i);
    const primary = m.stakeholder === section;
    const breach = guardrailBreach(m, long.scenario, this.thresholds);
    const selected = this.selected === id;
    const defId = `def-${section}-${id}`;
    const classes = [
      'metric',
      selected ? 'selected' : '',
      id === 'onTimePackagesPerWeek' ? 'north-star' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const inGuardrails = section === 'guardrails';
    const alsoGuardrail = primary && !inGuardrails && TREE_GUARDRAIL_IDS.includes(id);
    return html`<tr
      class=${classes}
      data-metric=${primary ? id : nothing}
      data-guardrail-row=${!primary ? id : nothing}
      data-value=${primary ? String(long.scenario) : nothing}
      data-baseline=${primary ? String(long.baseline) : nothing}
      data-delta=${primary ? String(long.delta) : nothing}
      data-ci-low=${primary ? String(long.low) : nothing}
      data-ci-high=${primary ? String(long.high) : nothing}
      data-short-value=${primary ? String(short.scenario) : nothing}
      data-short-delta=${primary ? String(short.delta) : nothing}
      data-short-ci-low=${primary ? String(short.low) : nothing}
      data-short-ci-high=${primary ? String(short.high) : nothing}
      data-breach=${String(breach)}
      @click=${(e: Event) => this.rowClick(e, id)}
    >
      <th scope="row" class="metric-cell">
        <button
          class="name"
          type="button"
          aria-pressed=${selected ? 'true' : 'false'}
          aria-describedby=${defId}
        >
          ${m.label}
        </button>
        <span class="definition" role="tooltip" id=${defId}>${m.definition}</span>
        <span class="unit"
          >${unitLabel(m)}
          <a
            class="doc"
            href=${modelLink('metric', m.id, location.hash)}
            data-doc-link=${primary ? m.id : nothing}
            @click=${(e: Event) => {
              (e.currentTarget as HTMLAnchorElement).href = modelLink(
                'metric',
                m.id,
                location.hash,
              );
            }}
            >definition</a
          ></span
        >
        ${breach ? this.flag(m) : nothing}
        ${alsoGuardrail ? html`<span class="also">also a guardrail, below</span>` : nothing}
        ${inGuardrails ? this.guard(m, breach) : nothing}
      </th>
      <td>${this.cell(m, short)}</td>
      <td>${this.cell(m, long)}</td>
      <td>${this.course(c, m, i)}</td>
    </tr>`;
  }

  private num(m: MetricDef, value: number, cls: string, what: string) {
    const text = formatMetric(m, value);
    if (text === NO_VALUE) {
      return html`<span class=${cls} title=${NO_NUMBER_REASON} aria-label="${what}: no value"
        >${NO_VALUE}</span
      >`;
    }
    return html`<span class=${cls}><span class="sr-only">${what} </span>${text}</span>`;
  }

  private cell(m: MetricDef, p: Period) {
    const v = deltaVerdict(m, p.delta, p.low, p.high);
    const change = formatChange(m, p.delta);
    const interval = formatInterval(m, p.low, p.high);
    const noInterval = change !== NO_VALUE && interval === '';
    return html`<div class="values">
        ${this.num(m, p.baseline, 'base', 'baseline')}
        <span class="to" aria-hidden="true">→</span>
        ${this.num(m, p.scenario, 'scen', 'scenario')}
      </div>
      <div class="delta ${v}" data-verdict=${v}>
        <span class="piece"
          ><span aria-hidden="true">${arrow(p, v)}</span>
          <span class="sr-only">change </span>${change}</span
        >
        ${
          interval
            ? html`<span class="piece ci"
                ><span class="sr-only">95% interval </span>${interval}</span
              >`
            : nothing
        }
        ${
          noInterval
            ? html`<span class="piece ci" title="An interval needs at least 2 replications"
                >no interval</span
              >`
            : nothing
        }
        <span class="piece verdict">${VERDICT_TEXT[v]}</span>
      </div>`;
  }

  private flag(m: MetricDef) {
    const t = effectiveThreshold(m, this.thresholds);
    if (t === undefined) return nothing;
    return html`<span class="flag" data-flag="breach"
      ><span aria-hidden="true">⚠ </span>breach: ${breachSide(m)} ${formatThreshold(m, t)}</span
    >`;
  }

  /** Guardrails section: the threshold in force and, where the user may, its editor. */
  private guard(m: MetricDef, breach: boolean) {
    const id = m.id as MetricId;
    const t = effectiveThreshold(m, this.thresholds);
    const side = breachSide(m);
    const state = breach ? 'breached' : 'within';
    if (!isUserThreshold(id)) {
      if (breach) return nothing; // the breach flag says it
      return html`<div class="guard">
        ${state} · breach ${side} ${t === undefined ? NO_VALUE : formatThreshold(m, t)}
      </div>`;
    }
    const own = this.thresholds[id];
    const custom = own !== undefined && own !== m.guardrail?.threshold;
    const inputId = `thr-${id}`;
    const errId = `thr-err-${id}`;
    const error = this.errors[id];
    const draft = this.drafts[id];
    const value = draft ?? (t === undefined ? '' : thresholdInputText(m, t));
    const money = m.unit.startsWith('$');
    const prefix = money ? '$' : '';
    const suffix = m.percent === true ? '%' : money ? '' : m.unit;
    const tableDefault = m.guardrail ? formatThreshold(m, m.guardrail.threshold) : NO_VALUE;
    return html`<form
      data-threshold=${id}
      @submit=${(e: Event) => {
        e.preventDefault();
        this.commit(id);
      }}
    >
      <span class="field"
        ><label for=${inputId}>Breach ${side}</label> ${prefix}<input
          id=${inputId}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${value}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? errId : nothing}
          @input=${(e: Event) => this.draft(id, (e.target as HTMLInputElement).value)}
          @change=${() => this.commit(id)}
        />${suffix}</span
      >
      <button type="submit">Set</button>
      ${
        custom
          ? html`<button type="button" @click=${() => this.reset(id)}>
              Reset to ${tableDefault}
            </button>`
          : nothing
      }
      <span class="sr-only">· ${state}</span>
      ${error ? html`<p class="error" id=${errId} role="alert">${error}</p>` : nothing}
    </form>`;
  }

  private draft(id: MetricId, text: string): void {
    this.drafts = { ...this.drafts, [id]: text };
  }

  private commit(id: MetricId): void {
    const text = this.drafts[id];
    if (text === undefined) return; // nothing typed since the last commit
    const r = parseThreshold(id, text);
    if (!r.ok) {
      this.errors = { ...this.errors, [id]: r.error };
      return;
    }
    this.errors = without(this.errors, id);
    this.drafts = without(this.drafts, id);
    if (r.value === this.thresholds[id]) return;
    this.emitThreshold(id, r.value);
  }

  private reset(id: MetricId): void {
    this.errors = without(this.errors, id);
    this.drafts = without(this.drafts, id);
    this.emitThreshold(id, undefined);
  }

  private emitThreshold(metric: MetricId, threshold: number | undefined): void {
    this.dispatchEvent(
      new CustomEvent('threshold-change', {
        detail: { metric, threshold },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private rowClick(e: Event, metric: MetricId): void {
    // Typing a threshold or pressing its buttons does not chart the metric.
    const fromForm = e
      .composedPath()
      .some(
        (el) =>
          el instanceof HTMLFormElement ||
          el instanceof HTMLInputElement ||
          el instanceof HTMLAnchorElement,
      );
    if (fromForm) return;
    this.dispatchEvent(
      new CustomEvent('metric-select', { detail: { metric }, bubbles: true, composed: true }),
    );
  }

  private course(c: Comparison, m: MetricDef, i: number) {
    const id = m.id as MetricId;
    let course = this.courses.get(id);
    if (!course) {
      const b = c.baseline;
      const s = c.scenario;
      course = {
        baseline: weeklyOf(b.weekly.mean, i, b.weeks),
        scenario: weeklyOf(s.weekly.mean, i, s.weeks),
        low: weeklyOf(s.weekly.low, i, s.weeks),
        high: weeklyOf(s.weekly.high, i, s.weeks),
      };
      this.courses.set(id, course);
    }
    const first = (a: number[]) => formatMetric(m, a[0] ?? NaN);
    const last = (a: number[]) => formatMetric(m, a[a.length - 1] ?? NaN);
    const label =
      `${m.label}, weekly over ${course.scenario.length} weeks: baseline ${first(course.baseline)} ` +
      `to ${last(course.baseline)}, scenario ${first(course.scenario)} to ${last(course.scenario)}`;
    return html`<spark-line
      .baseline=${course.baseline}
      .scenario=${course.scenario}
      .scenarioLow=${course.low}
      .scenarioHigh=${course.high}
      .shortWeeks=${SHORT_RUN_WEEKS}
      .longWeeks=${LONG_RUN_WEEKS}
      .label=${label}
      .width=${112}
      .height=${36}
    ></spark-line>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'metric-tree': MetricTree;
  }
}

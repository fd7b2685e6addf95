import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { TREE_GUARDRAIL_IDS, type Thresholds } from '../../model/guardrails';
import {
  METRICS,
  METRIC_BY_ID,
  STAKEHOLDERS,
  type MetricDef,
  type MetricId,
  type Stakeholder,
} from '../../model/metrics';
import type { Comparison } from '../../model/results';
import { srOnly } from '../shared/styles';
import { courseOf, type Course } from './metric-course';
import { metricRow, type RowContext } from './metric-row';
import { treeHead, treeStatus } from './metric-tree-header';
import { stabilityFlags } from '../shared/stability';
import { metricTreeNarrowStyles } from './metric-tree-narrow.styles';
import { metricTreeStyles } from './metric-tree.styles';
import { guardrailLine } from './threshold-editor';
import { minChangeEditor } from './min-change-editor';
import { VERDICT_RULE, parseMinChange, type MinChanges } from '../../model/verdict';
import { NO_DRAFTS, cleared, committed, typed, type ThresholdDrafts } from './threshold-input';

/**
 * The metric tree (docs/MODEL.md section 7): the North Star on top, then customers, merchants,
 * drivers and the operator, then the guardrails. Each metric shows, for the short run (weeks
 * 1–4) and the long run (last 8 weeks), its baseline and scenario values and the paired delta
 * with its 95% interval, judged better / worse / no meaningful change / can't tell yet against
 * the metric's smallest change that matters (text, mark and colour; the statistical verdict,
 * the interval against zero, a toggle away; each smallest change editable under the name), and
 * a sparkline of its weekly course. A guardrail whose scenario long-run value is on the wrong
 * side of its threshold is flagged in words. Every guardrail takes a threshold
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
 * @fires min-change-change - CustomEvent<{ metric: MetricId, value: number | undefined }>: the
 *   user set a metric's smallest change that matters (in the table's kind), or cleared it.
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
  /** User-set guardrail thresholds overriding the table's (any guardrail). */
  @property({ attribute: false }) thresholds: Thresholds = {};
  /** User-set smallest changes that matter, overriding the table's. */
  @property({ attribute: false }) minChanges: MinChanges = {};
  /** Whether the verdicts show the interval against zero instead. */
  @state() private statistical = false;
  /** Why a typed smallest change was refused, by metric. */
  @state() private minErrors: Partial<Record<MetricId, string>> = {};

  /** Text typed in the threshold editors and not yet taken by the parent, and why refused. */
  @state() private drafts: ThresholdDrafts = NO_DRAFTS;

  private courses = new Map<MetricId, Course>();

  static override styles = [srOnly, metricTreeStyles, metricTreeNarrowStyles];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('comparison')) this.courses.clear();
    if (changed.has('thresholds')) {
      // The parent took (or replaced) the thresholds: the editors show them again.
      this.drafts = NO_DRAFTS;
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
    return html`
      ${treeStatus(this.progress, this.updating)} ${this.judging()}
      ${stabilityFlags(c).map(
        (f) =>
          html`<p class="unstable" role="note" data-flag="unstable" data-side=${f.who}>
            <span aria-hidden="true">⚠ </span>${f.text}
          </p>`,
      )}
      <table class=${this.updating ? 'updating' : ''} aria-busy=${busy ? 'true' : 'false'}>
        <caption class="sr-only">
          Metric tree: baseline and scenario, with the paired change and its 95% interval, for the
          short run, the long run and the peak
        </caption>
        <colgroup>
          <col class="c-metric" />
          <col class="c-run" />
          <col class="c-run" />
          <col class="c-run c-peak" />
          <col class="c-course" />
        </colgroup>
        ${treeHead(c.scenario, busy, this.updating, this.progress)}
        ${STAKEHOLDERS.map((s) => this.group(c, s.id, s.label, s.meaning))}
      </table>
    `;
  }

  private group(c: Comparison, id: Stakeholder, label: string, meaning: string) {
    const guardrails = id === 'guardrails';
    const defs = guardrails
      ? TREE_GUARDRAIL_IDS.map((m) => METRIC_BY_ID.get(m)).filter(
          (m): m is MetricDef => m !== undefined,
        )
      : (METRICS as readonly MetricDef[]).filter((m) => m.stakeholder === id);
    if (defs.length === 0) return nothing;
    const ctx = this.rowContext(c, id);
    return html`<tbody data-stakeholder=${id}>
      <tr class="group">
        <th colspan="5" scope="colgroup">${label}<span class="meaning">${meaning}</span></th>
      </tr>
      ${defs.map((m) => metricRow(ctx, m))}
    </tbody>`;
  }

  /** What the rows of one stakeholder group need from the tree. */
  private rowContext(c: Comparison, section: Stakeholder): RowContext {
    return {
      comparison: c,
      section,
      selected: this.selected,
      thresholds: this.thresholds,
      minChanges: this.minChanges,
      statistical: this.statistical,
      matters: (m) =>
        minChangeEditor({
          metric: m,
          minChanges: this.minChanges,
          error: this.minErrors[m.id as MetricId],
          onCommit: (id, text) => this.commitMinChange(id, text),
        }),
      course: (id, i) => this.course(c, id, i),
      guard: (m, breach) =>
        guardrailLine({
          metric: m,
          thresholds: this.thresholds,
          breach,
          draft: this.drafts.texts[m.id as MetricId],
          error: this.drafts.errors[m.id as MetricId],
          onInput: (id, text) => (this.drafts = typed(this.drafts, id, text)),
          onCommit: (id) => this.commit(id),
          onReset: (id) => this.reset(id),
        }),
      onClick: (e, id) => this.rowClick(e, id),
    };
  }

  /** A metric's weekly course, worked out once per comparison. */
  private course(c: Comparison, id: MetricId, i: number): Course {
    let course = this.courses.get(id);
    if (!course) {
      course = courseOf(c, i);
      this.courses.set(id, course);
    }
    return course;
  }

  /** The line saying how verdicts are judged, with the toggle to the statistical verdict. */
  private judging() {
    return html`<p class="judging" data-judging=${this.statistical ? 'statistical' : 'practical'}>
      <span
        >${
          this.statistical
            ? 'Verdicts: the 95% interval against zero (is it nonzero?).'
            : `Verdicts: does it matter? ${VERDICT_RULE}`
        }</span
      >
      <button
        type="button"
        data-action="statistical"
        aria-pressed=${this.statistical ? 'true' : 'false'}
        @click=${() => (this.statistical = !this.statistical)}
      >
        ${this.statistical ? 'Show does it matter' : 'Show is it nonzero'}
      </button>
    </p>`;
  }

  private commitMinChange(id: MetricId, text: string): void {
    const def = METRIC_BY_ID.get(id);
    if (!def) return;
    const r = parseMinChange(def, text);
    this.minErrors = { ...this.minErrors, [id]: r.ok ? undefined : r.error };
    if (!r.ok || r.value === this.minChanges[id]) return;
    this.dispatchEvent(
      new CustomEvent('min-change-change', {
        detail: { metric: id, value: r.value },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private commit(id: MetricId): void {
    const r = committed(this.drafts, id, this.thresholds);
    this.drafts = r.drafts;
    if (r.change) this.emitThreshold(id, r.change.threshold);
  }

  private reset(id: MetricId): void {
    this.drafts = cleared(this.drafts, id);
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
          el instanceof HTMLDetailsElement ||
          el instanceof HTMLAnchorElement,
      );
    if (fromForm) return;
    this.dispatchEvent(
      new CustomEvent('metric-select', { detail: { metric }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'metric-tree': MetricTree;
  }
}

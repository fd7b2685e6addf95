/**
 * One metric's row of the metric tree: its name (with the definition on hover and focus, and
 * the link to the model page), the short- and long-run cells (baseline → scenario, the change
 * with its 95% interval and verdict), the breach flag and the weekly sparkline. The row in the
 * metric's own stakeholder group carries the test hooks (`data-metric`, `data-value`, ...).
 *
 * Templates only: the metric tree (metric-tree.ts) places the rows, keeps the courses and the
 * threshold editors' state, and handles the clicks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  TREE_GUARDRAIL_IDS,
  breachSide,
  effectiveThreshold,
  guardrailBreach,
  type Thresholds,
} from '../../model/guardrails';
import { METRIC_INDEX, type MetricDef, type MetricId, type Stakeholder } from '../../model/metrics';
import type { Comparison, Period } from '../../model/results';
import { STAT_VERDICT_TEXT, VERDICT_TEXT, type MinChanges } from '../../model/verdict';
import {
  metricNumbers,
  verdictMark,
  verdictTone,
  type MetricNumbers,
} from '../shared/comparison-rows';
import { NO_WEEKS, hasWeeks } from '../shared/run-windows';
import {
  NO_VALUE,
  formatChange,
  formatInterval,
  formatMetric,
  formatThreshold,
  unitLabel,
} from '../shared/format';
import { modelLink } from '../shared/model-link';
import { showMeLink } from '../shared/replay-link';
import '../charts/spark-line';
import { courseLabel, type Course } from './metric-course';

const NO_NUMBER_REASON = 'No value: the replications gave no number for this period.';

/** What a row needs from the tree around it. */
export interface RowContext {
  readonly comparison: Comparison;
  /** The stakeholder group the row is drawn in. */
  readonly section: Stakeholder;
  /** The metric currently charted. */
  readonly selected: MetricId;
  readonly thresholds: Thresholds;
  /** User-set smallest changes that matter, judging the verdicts. */
  readonly minChanges: MinChanges;
  /** Whether the verdicts' words are the statistical ones (the interval against zero). */
  readonly statistical: boolean;
  /** The disclosure and editor of a metric's smallest change that matters. */
  readonly matters: (m: MetricDef) => TemplateResult;
  /** A metric's weekly course (the tree keeps them between renders). */
  readonly course: (id: MetricId, i: number) => Course;
  /** The guardrails section's threshold line or editor for a metric. */
  readonly guard: (m: MetricDef, breach: boolean) => TemplateResult | typeof nothing;
  /** A click anywhere on the row. */
  readonly onClick: (e: Event, id: MetricId) => void;
}

/**
 * One metric's row. The row in the metric's own stakeholder group carries the test hooks;
 * weekly churn, cost per package and backlog appear again in the guardrails section without
 * them. Every row of the guardrails section (with its threshold editor) carries the verdict:
 * `data-guardrail="<id>"` and `data-breached`.
 */
export function metricRow(ctx: RowContext, m: MetricDef): TemplateResult {
  const id = m.id as MetricId;
  const i = METRIC_INDEX[id];
  const short = metricNumbers(ctx.comparison, id, 'shortRun', ctx.minChanges);
  const long = metricNumbers(ctx.comparison, id, 'longRun', ctx.minChanges);
  const peak = metricNumbers(ctx.comparison, id, 'peak', ctx.minChanges);
  const primary = m.stakeholder === ctx.section;
  const breach = guardrailBreach(m, long.scenario, ctx.thresholds);
  // The guardrails section's row is the guardrail's verdict (page hook data-guardrail).
  const judged = ctx.section === 'guardrails' && m.guardrail !== undefined;
  const classes = [
    'metric',
    ctx.selected === id ? 'selected' : '',
    id === 'onTimePackagesPerWeek' ? 'north-star' : '',
  ]
    .filter(Boolean)
    .join(' ');
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
    data-peak-value=${primary ? String(peak.scenario) : nothing}
    data-peak-delta=${primary ? String(peak.delta) : nothing}
    data-breach=${String(breach)}
    data-guardrail=${judged ? id : nothing}
    data-breached=${judged ? String(breach) : nothing}
    @click=${(e: Event) => ctx.onClick(e, id)}
  >
    ${nameCell(ctx, m, breach)} ${periodTd(ctx, m, short, 'shortRun')}
    ${periodTd(ctx, m, long, 'longRun')} ${periodTd(ctx, m, peak, 'peak')}
    <td>${sparkLine(ctx, m, ctx.course(id, i))}</td>
  </tr>`;
}

/** The row's header cell: name, definition, unit, model-page link, flag and guardrail line. */
function nameCell(ctx: RowContext, m: MetricDef, breach: boolean): TemplateResult {
  const id = m.id as MetricId;
  const primary = m.stakeholder === ctx.section;
  const selected = ctx.selected === id;
  const defId = `def-${ctx.section}-${id}`;
  const inGuardrails = ctx.section === 'guardrails';
  const alsoGuardrail = primary && !inGuardrails && TREE_GUARDRAIL_IDS.includes(id);
  return html`<th scope="row" class="metric-cell">
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
          (e.currentTarget as HTMLAnchorElement).href = modelLink('metric', m.id, location.hash);
        }}
        >definition</a
      >
      <a
        class="doc"
        href=${showMeLink(ctx.comparison, id, location.hash)}
        title="Replay the day where this metric's change is largest, driver by driver"
        data-show-me=${primary ? id : nothing}
        @click=${(e: Event) => {
          (e.currentTarget as HTMLAnchorElement).href = showMeLink(
            ctx.comparison,
            id,
            location.hash,
          );
        }}
        >show me</a
      ></span
    >
    ${primary ? ctx.matters(m) : nothing} ${breach ? breachFlag(m, ctx.thresholds) : nothing}
    ${alsoGuardrail ? html`<span class="also">also a guardrail, below</span>` : nothing}
    ${inGuardrails ? ctx.guard(m, breach) : nothing}
  </th>`;
}

/** A value with its screen-reader name, or a dash that says why there is no number. */
function valueText(m: MetricDef, value: number, cls: string, what: string): TemplateResult {
  const text = formatMetric(m, value);
  if (text === NO_VALUE) {
    return html`<span class=${cls} title=${NO_NUMBER_REASON} aria-label="${what}: no value"
      >${NO_VALUE}</span
    >`;
  }
  return html`<span class=${cls}><span class="sr-only">${what} </span>${text}</span>`;
}

/** A period's cell, or a plain note when the run has no week in that period. */
function periodTd(ctx: RowContext, m: MetricDef, p: MetricNumbers, period: Period) {
  const c = ctx.comparison;
  if (!hasWeeks(c.scenario, period) || !hasWeeks(c.baseline, period)) {
    return html`<td class="no-weeks" data-period=${period} data-no-weeks>${NO_WEEKS[period]}</td>`;
  }
  return html`<td data-period=${period}>${periodCell(m, p, ctx.statistical)}</td>`;
}

/** One period: baseline → scenario, then the change, its interval and the verdict. */
function periodCell(m: MetricDef, p: MetricNumbers, statistical: boolean): TemplateResult {
  const v = p.verdict;
  const tone = statistical ? (p.stat === 'unknown' ? 'unclear' : p.stat) : verdictTone(v);
  const words = statistical ? STAT_VERDICT_TEXT[p.stat] : VERDICT_TEXT[v];
  const other = statistical
    ? `Against the smallest change that matters: ${VERDICT_TEXT[v]}`
    : `Statistically (95% interval against 0): ${STAT_VERDICT_TEXT[p.stat]}`;
  const change = formatChange(m, p.delta);
  const interval = formatInterval(m, p.low, p.high);
  const noInterval = change !== NO_VALUE && interval === '';
  return html`<div class="values">
      ${valueText(m, p.baseline, 'base', 'baseline')}
      <span class="to" aria-hidden="true">→</span>
      ${valueText(m, p.scenario, 'scen', 'scenario')}
    </div>
    <div class="delta ${tone}" data-verdict=${v} data-stat-verdict=${p.stat}>
      <span class="piece"
        ><span aria-hidden="true">${statistical ? statMark(p) : verdictMark(p)}</span>
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
      <span class="piece verdict" title=${other}>${words}</span>
    </div>`;
}

/** The statistical verdict's mark: ▲ ▼ when the interval excludes zero, ● when it does not. */
function statMark(p: MetricNumbers): string {
  if (p.stat === 'unknown') return '';
  return p.stat === 'unclear' ? '●' : p.delta > 0 ? '▲' : '▼';
}

/** The breach flag, naming the threshold in force. */
function breachFlag(m: MetricDef, thresholds: Thresholds): TemplateResult | typeof nothing {
  const t = effectiveThreshold(m, thresholds);
  if (t === undefined) return nothing;
  return html`<span class="flag" data-flag="breach"
    ><span aria-hidden="true">⚠ </span>breach: ${breachSide(m)} ${formatThreshold(m, t)}</span
  >`;
}

/** The weekly course, both runs, with the short run, the long run and the peak marked. */
function sparkLine(ctx: RowContext, m: MetricDef, course: Course): TemplateResult {
  return html`<spark-line
    .baseline=${course.baseline}
    .scenario=${course.scenario}
    .scenarioLow=${course.low}
    .scenarioHigh=${course.high}
    .periods=${ctx.comparison.scenario.periods}
    .label=${courseLabel(m, course)}
    .width=${112}
    .height=${36}
  ></spark-line>`;
}

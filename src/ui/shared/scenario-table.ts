/**
 * Scenarios side by side with the baseline, as presentation mode and the workspace's pins show
 * them: a row a chosen metric, the baseline's column, then a column a shown scenario headed by
 * its name and levers, each cell in large type with its change, 95% interval and any
 * guardrail breach (or why it is still waiting), each column's headline at the top, a row
 * judging every guardrail whatever metrics are chosen (scenario-guardrails.ts), and a row of
 * "Summary" buttons (and, for pins, "Unpin") at the foot.
 */
import { html, nothing } from 'lit';
import { guardrailBreach, type Thresholds } from '../../model/guardrails';
import type { MetricDef, MetricId } from '../../model/metrics';
import type { Scenario } from '../../model/scenario';
import { VERDICT_TEXT, type MinChanges } from '../../model/verdict';
import { comparisonHeadline, headlineParagraph } from './comparison-headline';
import {
  leverChanges,
  leverLine,
  metricDef,
  metricNumbers,
  verdictMark,
  verdictTone,
  type RunPeriod,
} from './comparison-rows';
import { NO_VALUE, formatChange, formatInterval, formatMetric, unitLabel } from './format';
import { NO_WEEKS, hasWeeks } from './run-windows';
import { waitText, type Column, type RunOf, type ShownColumn } from './scenario-runs';
import { guardrailRow } from './scenario-guardrails';

/** What the table shows. */
export interface TableView<C extends Column = Column> {
  readonly shown: readonly ShownColumn<C>[];
  /** The chosen metrics, in table order. */
  readonly metricIds: readonly MetricId[];
  readonly baseline: Scenario;
  readonly period: RunPeriod;
  readonly thresholds: Thresholds;
  readonly minChanges?: MinChanges;
  readonly runOf: RunOf;
  /** Opens the one-page summary of a slide. */
  readonly openSummary: (slide: C) => void;
  /** How to take a column away (the workspace's "Unpin"), if it can be; no button if not. */
  readonly remove?: (slide: C, index: number) => (() => void) | undefined;
}

/**
 * The table, as wide as its columns need, in a box that scrolls sideways when a narrow screen
 * cannot hold its columns (scenario-table.styles.ts).
 */
export function scenarioTable<C extends Column>(view: TableView<C>) {
  const { shown } = view;
  return html`<div class="table-scroll">
    <table aria-label="Scenarios against the baseline" style=${`--columns: ${shown.length}`}>
      <colgroup>
        <col class="label" />
        <col class="base" />
        ${shown.map(() => html`<col />`)}
      </colgroup>
      <thead>
        <tr>
          <th scope="col" class="corner">Metric</th>
          <th scope="col"><span class="name">Baseline</span></th>
          ${shown.map(({ slide, index }) => slideHead(view.baseline, slide, index))}
        </tr>
      </thead>
      <tbody>
        ${headlineRow(view)}
        ${
          view.metricIds.length === 0
            ? html`<tr>
                <td colspan=${2 + shown.length} class="empty">
                  No metric is chosen: pick some under “Metrics”.
                </td>
              </tr>`
            : view.metricIds.map((id) => metricRow(view, id))
        }
        ${guardrailRow(shown, view.runOf, view.thresholds)} ${actionsRow(view)}
      </tbody>
    </table>
  </div>`;
}

/** A scenario's column head: its name and the levers it changes. */
function slideHead(baseline: Scenario, slide: Column, index: number) {
  return html`<th scope="col" data-slide=${index} data-slide-name=${slide.name}>
    <span class="name">${slide.name}</span>
    <span class="levers">${leverLine(leverChanges(baseline, slide.scenario))}</span>
  </th>`;
}

/** Each scenario's headline, at the top of its column (src/model/headline.ts). */
function headlineRow<C extends Column>(view: TableView<C>) {
  return html`<tr class="headline-row">
    <th scope="row">Headline</th>
    <td></td>
    ${view.shown.map(({ slide, index }) => {
      const run = view.runOf(slide);
      if (run?.state !== 'done') return html`<td data-slide=${index}></td>`;
      const h = comparisonHeadline(run.comparison, view.thresholds, view.minChanges, view.period);
      return html`<td data-slide=${index}>${headlineParagraph(h, 'headline')}</td>`;
    })}
  </tr>`;
}

/** A metric's row: the baseline's value (from the first comparison in hand), then each cell. */
function metricRow<C extends Column>(view: TableView<C>, id: MetricId) {
  const m = metricDef(id);
  const first = view.shown.map(({ slide }) => view.runOf(slide)).find((r) => r?.state === 'done');
  const baseline =
    first?.state === 'done' ? metricNumbers(first.comparison, id, view.period).baseline : NaN;
  return html`<tr class=${id === 'onTimePackagesPerWeek' ? 'north-star' : ''}>
    <th scope="row">${m.label}<span class="unit">${unitLabel(m)}</span></th>
    <td data-baseline-metric=${id}>
      ${
        first?.state === 'done' && !hasWeeks(first.comparison.baseline, view.period)
          ? html`<span class="wait">${NO_WEEKS[view.period]}</span>`
          : first
            ? value(m, baseline)
            : html`<span class="wait">…</span>`
      }
    </td>
    ${view.shown.map(({ slide, index }) => cell(view, m, id, slide, index))}
  </tr>`;
}

/** A scenario's value, change, interval and breach, with raw numbers for the tests. */
function cell<C extends Column>(
  view: TableView<C>,
  m: MetricDef,
  id: MetricId,
  slide: Column,
  index: number,
) {
  const run = view.runOf(slide);
  if (!run || run.state !== 'done') {
    return html`<td data-slide=${index} data-pending>
      <span class="wait">${waitText(run)}</span>
    </td>`;
  }
  const c = run.comparison;
  if (!hasWeeks(c.scenario, view.period) || !hasWeeks(c.baseline, view.period)) {
    return html`<td data-slide=${index} data-no-weeks>
      <span class="wait">${NO_WEEKS[view.period]}</span>
    </td>`;
  }
  const n = metricNumbers(c, id, view.period, view.minChanges);
  const interval = formatInterval(m, n.low, n.high);
  const breach = guardrailBreach(m, n.scenario, view.thresholds);
  return html`<td
    data-slide=${index}
    data-metric=${id}
    data-value=${String(n.scenario)}
    data-baseline=${String(n.baseline)}
    data-delta=${String(n.delta)}
    data-ci-low=${String(n.low)}
    data-ci-high=${String(n.high)}
  >
    ${value(m, n.scenario)}
    <span class="delta ${verdictTone(n.verdict)}"
      >${formatChange(m, n.delta)} ${verdictMark(n)} ${VERDICT_TEXT[n.verdict]}</span
    >
    <span class="ci">${interval || `${NO_VALUE} no interval`}</span>
    ${breach ? html`<span class="breach">⚠ guardrail breached</span>` : nothing}
  </td>`;
}

/** A value in large type, or "–" and why there is none. */
function value(m: MetricDef, v: number) {
  if (Number.isFinite(v)) return html`<span class="value">${formatMetric(m, v)}</span>`;
  return html`<span class="value">${NO_VALUE}</span
    ><span class="ci">no value: the replications gave none for this period</span>`;
}

/** A "Summary" button under each scenario, enabled once its comparison is in hand. */
function actionsRow<C extends Column>(view: TableView<C>) {
  return html`<tr class="actions">
    <td></td>
    <td></td>
    ${view.shown.map(({ slide, index }) => {
      const remove = view.remove?.(slide, index);
      return html`<td>
        <button
          type="button"
          data-action="slide-summary"
          data-slide=${index}
          ?disabled=${view.runOf(slide)?.state !== 'done'}
          @click=${() => view.openSummary(slide)}
        >
          Summary
        </button>
        ${
          remove
            ? html`<button type="button" data-action="unpin" data-slide=${index} @click=${remove}>
                Unpin
              </button>`
            : nothing
        }
      </td>`;
    })}
  </tr>`;
}

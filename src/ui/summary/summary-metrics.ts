/**
 * The summary's metrics table: every metric, grouped by stakeholder, with its long-run
 * baseline and scenario values, its paired change with the 95% interval in the short and the
 * long run, and the long run's verdict. Each row carries its raw long-run numbers in `data-*`
 * hooks for the tests.
 */
import { html, nothing } from 'lit';
import {
  METRICS,
  STAKEHOLDERS,
  type MetricDef,
  type MetricId,
  type Stakeholder,
} from '../../model/metrics';
import type { Comparison } from '../../model/results';
import { STAT_VERDICT_TEXT, VERDICT_TEXT, type MinChanges } from '../../model/verdict';
import {
  PERIOD_LABEL,
  metricNumbers,
  verdictMark,
  verdictTone,
  type MetricNumbers,
  type RunPeriod,
} from '../shared/comparison-rows';
import { hasWeeks } from '../shared/run-windows';
import { NO_VALUE, formatChange, formatInterval, formatMetric, unitLabel } from '../shared/format';
import { NO_NUMBER } from './summary-text';

const NORTH_STAR: MetricId = 'onTimePackagesPerWeek';

/** A value as the summary prints it, or a dash that says why there is none. */
export function summaryValue(m: MetricDef, v: number) {
  return Number.isFinite(v)
    ? formatMetric(m, v)
    : html`<span title=${NO_NUMBER} aria-label=${NO_NUMBER}>${NO_VALUE}</span>`;
}

/** The "Metrics" section. */
export function metricsSection(c: Comparison, minChanges: MinChanges = {}) {
  // A run without a peak week has no peak column (the settings line under the title says so).
  const peak = hasWeeks(c.scenario, 'peak') && hasWeeks(c.baseline, 'peak');
  return html`<section data-section="metrics" aria-labelledby="metrics-title">
    <h2 id="metrics-title">Metrics</h2>
    <table class="metrics ${peak ? 'with-peak' : ''}">
      <colgroup>
        <col class="metric" />
        <col class="value" />
        <col class="value" />
        <col class="change" />
        <col class="change" />
        ${peak ? html`<col class="change peak" />` : nothing}
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
          ${
            peak
              ? html`<th scope="col" class="num" data-period-head="peak">
                  Change, peak<br /><span class="screen-only">[95% interval]</span>
                </th>`
              : nothing
          }
          <th scope="col">Verdict<br />long run</th>
        </tr>
      </thead>
      ${STAKEHOLDERS.map((g) => metricGroup(c, g.id, g.label, peak, minChanges))}
    </table>
  </section>`;
}

/** A stakeholder's metrics under a heading row (nothing if it has none). */
function metricGroup(
  c: Comparison,
  group: Stakeholder,
  label: string,
  peak: boolean,
  minChanges: MinChanges,
) {
  const defs = (METRICS as readonly MetricDef[]).filter((m) => m.stakeholder === group);
  if (defs.length === 0) return nothing;
  return html`<tbody data-stakeholder=${group}>
    <tr class="group">
      <th colspan=${peak ? 7 : 6} scope="colgroup">${label}</th>
    </tr>
    ${defs.map((m) => metricRow(c, m, peak, minChanges))}
  </tbody>`;
}

function metricRow(c: Comparison, m: MetricDef, peak: boolean, minChanges: MinChanges) {
  const id = m.id as MetricId;
  const short = metricNumbers(c, id, 'shortRun', minChanges);
  const long = metricNumbers(c, id, 'longRun', minChanges);
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
    <td class="num">${summaryValue(m, long.baseline)}</td>
    <td class="num">${summaryValue(m, long.scenario)}</td>
    ${changeCell(m, short, 'shortRun')} ${changeCell(m, long, 'longRun')}
    ${peak ? changeCell(m, metricNumbers(c, id, 'peak', minChanges), 'peak') : nothing}
    <td
      class="verdict ${verdictTone(long.verdict)}"
      title=${`Statistically (95% interval against 0): ${STAT_VERDICT_TEXT[long.stat]}`}
    >
      ${verdictMark(long)} ${VERDICT_TEXT[long.verdict]}
    </td>
  </tr>`;
}

/** A period's change with its mark and 95% interval (a dash where there is no number). */
function changeCell(m: MetricDef, n: MetricNumbers, period: RunPeriod) {
  if (!Number.isFinite(n.delta)) {
    return html`<td class="num unknown" data-period=${period} title=${NO_NUMBER}>
      ${NO_VALUE}<span class="ci">${NO_NUMBER}</span>
    </td>`;
  }
  const interval = formatInterval(m, n.low, n.high);
  return html`<td class="num" data-period=${period}>
    <span
      class="change ${verdictTone(n.verdict)}"
      title=${`${PERIOD_LABEL[period]}: ${VERDICT_TEXT[n.verdict]}`}
      >${formatChange(m, n.delta)} ${verdictMark(n)}</span
    >
    <span class="ci"
      >${interval || html`<span title="no interval from a single replication">${NO_VALUE}</span>`}</span
    >
  </td>`;
}

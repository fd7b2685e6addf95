/**
 * The guardrails of the table of scenarios side by side (Present and the workspace's pins),
 * shown whatever metrics are chosen: a row of the scenario
 * table judging every guardrail in each column (the baseline's too), and a banner above the
 * table naming, per scenario shown, the guardrails it breaches. Judged by the one rule of
 * src/model/guardrails.ts: the long-run mean against the threshold in force.
 *
 * Page hooks: each verdict carries `data-guardrail="<id>"` and `data-breached`, inside a cell
 * carrying `data-slide` (or `data-baseline-guardrails`); the banner carries
 * `data-breach-banner`, a line a breaching scenario with `data-slide`.
 */
import { html, nothing } from 'lit';
import {
  breachNames,
  breachSide,
  guardrailVerdicts,
  type GuardrailVerdict,
  type Thresholds,
} from '../../model/guardrails';
import type { Comparison } from '../../model/results';
import { metricNumbers } from './comparison-rows';
import { formatMetric, formatThreshold } from './format';
import { waitText, type RunOf, type ShownColumn } from './scenario-runs';

/** Every guardrail judged on one side of a comparison, long run. */
function verdicts(c: Comparison, side: 'scenario' | 'baseline', t: Thresholds) {
  return guardrailVerdicts((id) => metricNumbers(c, id, 'longRun')[side], t);
}

/** One guardrail's verdict: "⚠ Hours below wage floor 34.0% (at most 10%)" or "✓ … 2.1%". */
function verdictLine(v: GuardrailVerdict) {
  return html`<li
    data-guardrail=${v.id}
    data-breached=${String(v.breached)}
    class=${v.breached ? 'breached' : ''}
  >
    <span aria-hidden="true">${v.breached ? '⚠' : '✓'}</span> ${v.metric.label}
    ${formatMetric(v.metric, v.value)}${
      v.breached
        ? html` <span class="limit"
            >(breach: ${breachSide(v.metric)} ${formatThreshold(v.metric, v.threshold)})</span
          >`
        : nothing
    }
  </li>`;
}

function verdictList(vs: readonly GuardrailVerdict[]) {
  const n = vs.filter((v) => v.breached).length;
  return html`<span class="guard-count">${n === 0 ? 'All within' : `${n} breached`}</span>
    <ul class="guardrails">
      ${vs.map(verdictLine)}
    </ul>`;
}

/** The table's guardrails row: the baseline's and each scenario's verdicts. */
export function guardrailRow(shown: readonly ShownColumn[], runOf: RunOf, thresholds: Thresholds) {
  const first = shown.map(({ slide }) => runOf(slide)).find((r) => r?.state === 'done');
  return html`<tr class="guardrail-row" data-guardrail-row>
    <th scope="row">Guardrails<span class="unit">long run, thresholds in force</span></th>
    <td data-baseline-guardrails>
      ${
        first?.state === 'done'
          ? verdictList(verdicts(first.comparison, 'baseline', thresholds))
          : html`<span class="wait">…</span>`
      }
    </td>
    ${shown.map(({ slide, index }) => {
      const run = runOf(slide);
      if (!run || run.state !== 'done') {
        return html`<td data-slide=${index} data-pending>
          <span class="wait">${waitText(run)}</span>
        </td>`;
      }
      return html`<td data-slide=${index} data-guardrails>
        ${verdictList(verdicts(run.comparison, 'scenario', thresholds))}
      </td>`;
    })}
  </tr>`;
}

/** The banner naming each shown scenario's breached guardrails; nothing when none breaches. */
export function breachBanner(shown: readonly ShownColumn[], runOf: RunOf, thresholds: Thresholds) {
  const lines = shown.flatMap(({ slide, index }) => {
    const run = runOf(slide);
    if (run?.state !== 'done') return [];
    const vs = verdicts(run.comparison, 'scenario', thresholds).filter((v) => v.breached);
    if (vs.length === 0) return [];
    const detail = vs.map(
      (v) =>
        `${v.metric.label} at ${formatMetric(v.metric, v.value)} (breach ${breachSide(v.metric)} ${formatThreshold(v.metric, v.threshold)})`,
    );
    return [
      html`<li data-slide=${index}>
        <strong>${slide.name}</strong> breaches ${breachNames(vs.map((v) => v.id))}:
        ${detail.join('; ')}.
      </li>`,
    ];
  });
  if (lines.length === 0) return nothing;
  return html`<div class="breach-banner" role="status" data-breach-banner>
    <span class="banner-head">⚠ Guardrail breached</span>
    <ul>
      ${lines}
    </ul>
  </div>`;
}

/**
 * The summary's guardrails: a line naming every guardrail the scenario breaches in the long
 * run, then a row a guardrail with its threshold, the baseline's and the scenario's values
 * (a breach flagged) and the scenario's status in words.
 */
import { html } from 'lit';
import { TREE_GUARDRAIL_IDS, breachSide, type Thresholds } from '../../model/guardrails';
import type { Comparison } from '../../model/results';
import { guardrailRows, metricDef, type GuardrailRow } from '../shared/comparison-rows';
import { NO_VALUE, formatThreshold } from '../shared/format';
import { stabilityLine } from '../shared/stability';
import { summaryValue } from './summary-metrics';
import { NO_BREACH, guardrailsAre, thresholdSide } from './summary-text';

/** The "Guardrails (long run)" section, on the user's thresholds (the table's where unset). */
export function guardrailsSection(c: Comparison, thresholds: Thresholds) {
  const rows = guardrailRows(c, TREE_GUARDRAIL_IDS, thresholds);
  const breached = rows.filter((r) => r.scenarioBreach);
  const breaches = breached.length;
  const unstable = [
    stabilityLine(c.scenario.stability, 'scenario'),
    stabilityLine(c.baseline.stability, 'baseline'),
  ].filter(Boolean);
  return html`<section data-section="guardrails" aria-labelledby="guardrails-title">
    <h2 id="guardrails-title">Guardrails (long run)</h2>
    ${unstable.map(
      (text) =>
        html`<p class="unstable" data-flag="unstable">
          <strong class="breach">⚠ ${text}</strong>
        </p>`,
    )}
    <p class="none" data-breaches=${breaches}>
      ${
        breaches === 0
          ? NO_BREACH
          : html`<strong class="breach"
              >⚠ ${breaches} ${guardrailsAre(breaches)} breached by the scenario:
              ${breached.map((r) => metricDef(r.id).label).join(', ')}.</strong
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
        ${rows.map(guardrailRow)}
      </tbody>
    </table>
  </section>`;
}

function guardrailRow(r: GuardrailRow) {
  const m = metricDef(r.id);
  const side = thresholdSide(breachSide(m) === 'above');
  return html`<tr
    data-guardrail=${r.id}
    data-breach=${String(r.scenarioBreach)}
    data-breached=${String(r.scenarioBreach)}
  >
    <td>${m.label}</td>
    <td class="num">
      <span class="screen-only">${side.words}</span
      ><span class="print-only" aria-hidden="true">${side.sign}</span>
      ${formatThreshold(m, r.threshold)}
    </td>
    <td class="num ${r.baselineBreach ? 'breach' : ''}">
      ${summaryValue(m, r.baseline)}${r.baselineBreach ? ' ⚠' : ''}
    </td>
    <td class="num ${r.scenarioBreach ? 'breach' : ''}">
      ${summaryValue(m, r.scenario)}${r.scenarioBreach ? ' ⚠' : ''}
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
}

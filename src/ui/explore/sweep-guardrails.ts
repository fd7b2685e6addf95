/**
 * The guardrails along a sweep, for the sweep and trade-off tools: which guardrails each
 * value's point breaches (for the charts' marks), and a list naming every guardrail with the
 * values where it is breached. Each list item carries `data-guardrail="<id>"` and
 * `data-breached` (breached at any value).
 */
import { html } from 'lit';
import { TREE_GUARDRAIL_IDS, type Thresholds } from '../../model/guardrails';
import type { MetricId } from '../../model/metrics';
import type { Comparison } from '../../model/results';
import { breachesOf, leverText } from '../charts/explore-data';
import { metricDef } from '../shared/comparison-rows';
import { guardrailBound } from './goal-guardrails';

/** The guardrails breached at each point in hand, by index. */
export function sweepBreaches(points: readonly Comparison[], thresholds: Thresholds): MetricId[][] {
  return points.map((c) => breachesOf(c, thresholds));
}

/** Every guardrail, with the swept values where it is breached, or "within" at every one. */
export function sweepGuardrailList(
  lever: string,
  values: readonly number[],
  breachesAt: readonly (readonly MetricId[])[],
  thresholds: Thresholds,
  mark: 'Hatched' | 'Ringed',
) {
  const any = breachesAt.some((b) => b.length > 0);
  return html`<ul class="guardrail-list" data-sweep-guardrails aria-label="Guardrails">
    ${TREE_GUARDRAIL_IDS.map((id) => {
      const at = values.filter((_, i) => breachesAt[i]?.includes(id));
      const breached = at.length > 0;
      const where = at.map((v) => leverText(lever, v)).join(', ');
      return html`<li data-guardrail=${id} data-breached=${String(breached)}>
        ${breached ? '⚠' : '✓'} ${metricDef(id).label} (${guardrailBound(id, thresholds)}):
        ${breached ? html`<strong>breached at ${where}</strong>` : 'within at every value run'}
      </li>`;
    })}
    ${any ? html`<li class="note">${mark} in the chart where a guardrail is breached.</li>` : ''}
  </ul>`;
}

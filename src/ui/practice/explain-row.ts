/**
 * Why a metric moved as it did in a practice round, for the answers' "Why:" lines: the causal
 * chains (src/model/causal.ts) from the levers the prompt changed to the metric. Pure, no DOM.
 */
import { explainChange, leverDirection, type Explanation } from '../../model/causal';
import type { MetricId } from '../../model/metrics';
import type { ParamId } from '../../model/params';
import type { Scenario } from '../../model/scenario';
import type { Direction, ScoredRow, Truth } from '../../model/scoring';

/**
 * Why a metric moved as it did: the first changed lever whose chains explain it, through
 * metrics that moved as the chain says (`measured`: every metric's direction in the run).
 */
export function explainRow(
  row: ScoredRow,
  baseline: Scenario,
  scenario: Scenario,
  measured: readonly Truth[] = [],
): Explanation | undefined {
  const observed = row.truth.direction;
  if (observed === undefined) return undefined;
  const same = new Map<MetricId, Direction>();
  for (const t of measured) {
    if (t.run === row.truth.run && t.direction !== undefined) same.set(t.metric, t.direction);
  }
  let fallback: Explanation | undefined;
  for (const id of Object.keys(baseline.params) as ParamId[]) {
    const dir = leverDirection(baseline.params[id], scenario.params[id]);
    if (dir === 0) continue;
    const e = explainChange(id, dir, row.truth.metric, observed, row.truth.run, same);
    if (e && e.lines.length > 0) return e;
    fallback ??= e;
  }
  return fallback;
}

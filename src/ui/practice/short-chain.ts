/**
 * The shortest causal chain behind a metric's move in a practice round, at most three links:
 * the changed lever, the largest part of the metric's change in the why-it-moved decomposition
 * (src/model/why.ts), the metric; and, when the causal graph has a chain of three links or
 * fewer that agrees with the run, that chain. Pure, no DOM.
 */
import { leverDirection } from '../../model/causal';
import { nodeWords, paramNode } from '../../model/causal-graph';
import type { MetricId } from '../../model/metrics';
import type { ParamId } from '../../model/params';
import type { Scenario } from '../../model/scenario';
import type { ScoredRow, Truth } from '../../model/scoring';
import { WHY_BY_METRIC, WHY_OFFSET, whyParts, type Why } from '../../model/why';
import { metricDef } from '../../model/arc';
import { formatChange } from '../shared/format';
import { explainRow } from './explain-row';

/** Links a chain may have to count as short. */
export const SHORT_LINKS = 3;

/** The largest parts of a metric's change in a run, largest first (at most `n`). */
export function largestParts(
  why: Why | undefined,
  metric: MetricId,
  run: 'short' | 'long',
  n = 2,
): { label: string; value: number }[] {
  const def = WHY_BY_METRIC.get(metric);
  const offset = WHY_OFFSET.get(metric);
  if (!why || !def || offset === undefined) return [];
  const mean = why.parts[run === 'short' ? 'shortRun' : 'longRun'].mean;
  return whyParts(def)
    .map((p, i) => ({ label: p.label, value: mean[offset + i] ?? Number.NaN }))
    .filter((p) => Number.isFinite(p.value) && p.value !== 0)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, n);
}

/** The first lever the scenario changes, in words ("pay per hour up"), or undefined. */
function leverText(baseline: Scenario, scenario: Scenario): string | undefined {
  for (const id of Object.keys(baseline.params) as ParamId[]) {
    const dir = leverDirection(baseline.params[id], scenario.params[id]);
    if (dir !== 0) return nodeWords(paramNode(id), dir);
  }
  return undefined;
}

/**
 * The short chain of a row: "pay per hour up → Driver pay +0.12 → Cost per package ▲", and
 * the graph's own chain when it has three links or fewer. Empty when the metric did not move.
 */
export function shortChain(
  truth: Truth,
  baseline: Scenario,
  scenario: Scenario,
  measured: readonly Truth[],
  why: Why | undefined,
): string[] {
  if (truth.direction === undefined || truth.direction === 'flat') return [];
  const def = metricDef(truth.metric);
  const out: string[] = [];
  const lever = leverText(baseline, scenario);
  const part = largestParts(why, truth.metric, truth.run, 1)[0];
  if (lever && part) {
    out.push(
      `${lever} → ${part.label} ${formatChange(def, part.value)} (the largest part of the change) → ${def.label} ${truth.direction}`,
    );
  }
  const row: ScoredRow = { truth, predicted: undefined, correct: false };
  const e = explainRow(row, baseline, scenario, measured);
  const path = e?.paths[0];
  const line = e?.lines[0];
  if (path && line && path.edges.length <= SHORT_LINKS) out.push(line);
  return out;
}

/**
 * "Why it moved" without the DOM: a metric's decomposition as the waterfall draws it (parts
 * with intervals, rounded so the shown parts add up to the shown total), the sentence on top,
 * and the chains that agree with the run in words with their measured changes.
 */
import { leverDirection } from '../../model/causal';
import type { Sign } from '../../model/causal-graph';
import { METRIC_BY_ID, METRIC_INDEX, type MetricDef, type MetricId } from '../../model/metrics';
import { PARAMS } from '../../model/params';
import type { Comparison, Estimate } from '../../model/results';
import type { Scenario } from '../../model/scenario';
import { movedOf } from '../../model/scoring';
import { WHY_BY_METRIC, WHY_OFFSET, whyParts, type WhyPeriod } from '../../model/why';
import { WHY_NODES, WHY_NODE_INDEX } from '../../model/why-nodes';
import {
  agreeingChains,
  measuredMoves,
  runOf,
  type ChainAnswer,
  type ChainStep,
  type LeverMove,
} from '../../model/why-chains';
import { displayDigits, formatChange, formatInterval, numberFormat } from '../shared/format';

export interface WhyRow extends Estimate {
  readonly id: string;
  readonly label: string;
  /** The mean rounded to the digits shown, so the shown parts add up to the shown total. */
  readonly shown: number;
}

export interface WhyData {
  readonly metric: MetricDef;
  readonly parts: readonly WhyRow[];
  /** The metric's paired change (the sum of the parts, replication by replication). */
  readonly total: WhyRow;
}

/** The step between shown values of a metric's changes, in the metric's own units. */
export function shownStep(metric: MetricDef): number {
  const digits = displayDigits(metric);
  return (metric.percent ? 0.01 : 1) * 10 ** -digits;
}

/**
 * Values rounded to multiples of `step` that add up to the rounded sum of the values (largest
 * remainders: the values rounded down, then a step more to those that lost the most), so a
 * table of parts never disagrees with its total by a rounding.
 */
export function roundToSum(values: readonly number[], step: number): number[] {
  const units = values.map((v) => v / step);
  const target = Math.round(units.reduce((a, b) => a + b, 0));
  const floors = units.map(Math.floor);
  let missing = target - floors.reduce((a, b) => a + b, 0);
  const order = units.map((u, i) => ({ i, r: u - Math.floor(u) })).sort((a, b) => b.r - a.r);
  const out = [...floors];
  for (let k = 0; missing > 0 && k < order.length; k++, missing--) out[order[k].i]++;
  // Round half-integers with the parts: shown as integers times the step, never "-0".
  return out.map((u) => (u === 0 ? 0 : u * step));
}

/** A metric's decomposition over a period; undefined when the metric or comparison has none. */
export function whyData(c: Comparison, metricId: MetricId, period: WhyPeriod): WhyData | undefined {
  const def = WHY_BY_METRIC.get(metricId);
  const metric = METRIC_BY_ID.get(metricId);
  const arrays = c.why?.parts[period];
  if (!def || !metric || !arrays) return undefined;
  const o = WHY_OFFSET.get(metricId) ?? 0;
  const list = whyParts(def);
  const means = list.map((_, j) => arrays.mean[o + j]);
  if (!means.every(Number.isFinite)) return undefined;
  const step = shownStep(metric);
  const shown = roundToSum(means, step);
  const parts = list.map((p, j) => ({
    id: p.id,
    label: p.label,
    mean: means[j],
    low: arrays.low[o + j],
    high: arrays.high[o + j],
    shown: shown[j],
  }));
  const d = c.delta[period];
  const i = METRIC_INDEX[metricId];
  const total = {
    id: 'total',
    label: 'Total change',
    mean: d.mean[i],
    low: d.low[i],
    high: d.high[i],
    shown: shown.reduce((a, b) => a + b, 0),
  };
  return { metric, parts, total };
}

const percent = numberFormat(0, 0);

/** The change in words, without sign: "1,797 packages/week", "3.25 pp". */
function size(metric: MetricDef, value: number): string {
  const text = formatChange(metric, Math.abs(value)).replace(/^\+/, '');
  return metric.percent ? text : `${text} ${metric.unit}`;
}

/**
 * One sentence a meeting can read aloud: "On-time packages per week fell 1,797 packages/week
 * [−2,293, −1,301]: 177% from blocks left unfilled; offset by overflow to fallback (+1,360)."
 */
export function whySentence(data: WhyData): string {
  const { metric, parts, total } = data;
  const interval = formatInterval(metric, total.low, total.high);
  const moved = movedOf(total.mean, total.low, total.high);
  const big = (r: WhyRow) => Math.abs(r.mean) >= 0.05 * Math.abs(total.mean);
  const bySize = [...parts].sort((a, b) => Math.abs(b.mean) - Math.abs(a.mean));
  const signed = (r: WhyRow) => `${r.label.toLowerCase()} (${formatChange(metric, r.shown)})`;
  if (moved === undefined) return `${metric.label}: no estimate yet.`;
  if (moved === 'flat' || total.mean === 0) {
    const largest = bySize.slice(0, 2).filter((r) => r.shown !== 0);
    const tail = largest.length > 0 ? `; the largest parts: ${largest.map(signed).join(', ')}` : '';
    return `${metric.label} did not move beyond its interval (${formatChange(metric, total.mean)} ${interval})${tail}.`;
  }
  const verb = total.mean < 0 ? 'fell' : 'rose';
  const same = bySize.filter((r) => Math.sign(r.mean) === Math.sign(total.mean) && big(r));
  const against = bySize.filter((r) => Math.sign(r.mean) === -Math.sign(total.mean) && big(r));
  const from = same
    .slice(0, 3)
    .map((r) => `${percent.format((100 * r.mean) / total.mean)}% from ${r.label.toLowerCase()}`);
  const offset = against.slice(0, 2).map(signed);
  const because = from.length > 0 ? `: ${from.join(', ')}` : '';
  const despite = offset.length > 0 ? `; offset by ${offset.join(' and ')}` : '';
  return `${metric.label} ${verb} ${size(metric, total.mean)} ${interval}${because}${despite}.`;
}

/** The levers the scenario moves from the baseline, each with its direction. */
export function leverMoves(baseline: Scenario, scenario: Scenario): LeverMove[] {
  const out: LeverMove[] = [];
  for (const p of PARAMS) {
    const dir = leverDirection(baseline.params[p.id], scenario.params[p.id]);
    if (dir !== 0) out.push({ id: p.id, direction: dir as Sign });
  }
  return out;
}

/** The chains from the moved levers to the metric that agree with the run over the period. */
export function whyChains(
  c: Comparison,
  baseline: Scenario,
  scenario: Scenario,
  metric: MetricId,
  period: WhyPeriod,
): ChainAnswer {
  return agreeingChains(
    leverMoves(baseline, scenario),
    metric,
    runOf(period),
    measuredMoves(c, period),
  );
}

/** A chain's step in words with its measured change: "fewer claims (−83 [−104, −61]/week)". */
export function stepText(step: ChainStep): string {
  const m = step.measured;
  if (!m) return step.words;
  if (step.node.startsWith('m.')) {
    const metric = METRIC_BY_ID.get(step.node.slice(2));
    if (!metric) return step.words;
    return `${step.words} (${formatChange(metric, m.mean)} ${formatInterval(metric, m.low, m.high)})`;
  }
  const node = WHY_NODES[WHY_NODE_INDEX.get(step.node) ?? -1];
  if (!node) return step.words;
  const f = numberFormat(node.digits, node.digits, true);
  const n = (v: number) => f.format(v).replace('-', '−');
  return `${step.words} (${n(m.mean)} [${n(m.low)}, ${n(m.high)}]${node.unit})`;
}

/**
 * Pure helpers for the trade-off explorer (src/ui/explore/ and its charts): they turn the
 * explorer's comparisons into the plain arrays the charts draw (long-run values with their 95%
 * intervals), and pick text colours that stay readable on a cell's fill. No DOM, no Lit, no d3.
 */
import { breaches, type Thresholds } from '../../model/guardrails';
import { METRIC_INDEX, type MetricId } from '../../model/metrics';
import { PARAM_BY_ID, type ParamDef } from '../../model/params';
import type { Comparison } from '../../model/results';
import { withUnit } from '../shared/lever-values';

/** A value with its 95% interval (any of them NaN when undefined). */
export interface Estimate {
  mean: number;
  low: number;
  high: number;
}

/** One point of a sweep panel: the lever's value and the metric's estimate there. */
export interface SweepPoint extends Estimate {
  x: number;
}

/** What a sweep panel shows: the scenario's long-run value, or its paired delta vs baseline. */
export type SweepMeasure = 'value' | 'delta';

/** One small multiple of the sweep chart: a metric against the lever's value. */
export interface SweepPanel {
  metric: MetricId;
  points: SweepPoint[];
  /** The baseline's value (0 for deltas), drawn as a dashed reference line; NaN for none. */
  reference: number;
}

/** One sweep point in the plane of two metrics. */
export interface PlanePoint {
  /** The lever's value at this point. */
  value: number;
  /** Its label ("24 $/h"). */
  label: string;
  x: number;
  y: number;
}

/** One cell of the heatmap: the levers' values (by index and value) and the metric there. */
export interface HeatCell extends Estimate {
  xi: number;
  yi: number;
  x: number;
  y: number;
  /** Whether any guardrail is breached in the cell (long-run means), whatever is coloured. */
  breach: boolean;
  /** The guardrails breached in the cell, in table order. */
  breaches: MetricId[];
}

/** One bar pair of the tornado chart: the metric with an item at its low and high ends. */
export interface TornadoBar {
  id: string;
  label: string;
  /** The item's range as read: "17.6 to 26.4 $/h". */
  range: string;
  /** The item's low and high settings, as read. */
  lowText: string;
  highText: string;
  /** The metric (long-run value) with the item at its low and at its high end. */
  low: Estimate;
  high: Estimate;
  /** The paired changes from the scenario's value at each end (same seeds). */
  lowDelta: Estimate;
  highDelta: Estimate;
}

const NONE: Estimate = { mean: Number.NaN, low: Number.NaN, high: Number.NaN };

/** The parameter's definition, or an error naming the id. */
export function paramDef(id: string): ParamDef {
  const def = PARAM_BY_ID.get(id);
  if (!def) throw new Error(`unknown parameter "${id}"`);
  return def;
}

/** A lever's value as read: "24 $/h", "on". */
export function leverText(id: string, value: number): string {
  const def = paramDef(id);
  if (def.kind === 'boolean') return value ? 'on' : 'off';
  return withUnit(value, def.unit);
}

/** A lever's axis title: "Pay per block hour ($/h)". */
export function leverTitle(id: string): string {
  const def = paramDef(id);
  return def.unit ? `${def.label} (${def.unit})` : def.label;
}

function pick(a: Comparison['scenario']['longRun'], i: number): Estimate {
  const get = (x: Float64Array) => (i >= 0 && i < x.length ? x[i] : Number.NaN);
  return { mean: get(a.mean), low: get(a.low), high: get(a.high) };
}

/** A comparison's long-run estimate of a metric: the scenario's value or the paired delta. */
export function longRun(
  c: Comparison | undefined,
  metric: MetricId,
  measure: SweepMeasure = 'value',
): Estimate {
  if (!c) return NONE;
  const i = METRIC_INDEX[metric];
  return pick(measure === 'value' ? c.scenario.longRun : c.delta.longRun, i);
}

/** The baseline's long-run estimate of a metric in a comparison. */
export function baselineLongRun(c: Comparison | undefined, metric: MetricId): Estimate {
  return c ? pick(c.baseline.longRun, METRIC_INDEX[metric]) : NONE;
}

/** The sweep's panels: one per metric, one point per swept value. */
export function sweepPanels(
  values: readonly number[],
  points: readonly Comparison[],
  metrics: readonly MetricId[],
  measure: SweepMeasure,
): SweepPanel[] {
  return metrics.map((metric) => ({
    metric,
    points: values.map((x, i) => ({ x, ...longRun(points[i], metric, measure) })),
    reference: measure === 'delta' ? 0 : baselineLongRun(points[0], metric).mean,
  }));
}

/** The sweep's points in the plane of two metrics (long-run scenario values). */
export function planePoints(
  lever: string,
  values: readonly number[],
  points: readonly Comparison[],
  xMetric: MetricId,
  yMetric: MetricId,
): PlanePoint[] {
  return values.map((value, i) => ({
    value,
    label: leverText(lever, value),
    x: longRun(points[i], xMetric).mean,
    y: longRun(points[i], yMetric).mean,
  }));
}

/** The guardrails a comparison's scenario breaches (long-run means), in table order. */
export function breachesOf(c: Comparison | undefined, thresholds: Thresholds = {}): MetricId[] {
  return c ? breaches((id) => longRun(c, id).mean, thresholds) : [];
}

/**
 * The heatmap's cells from a grid of comparisons indexed `[xi][yi]`, with every guardrail
 * breached in each under the thresholds in force (not only the coloured metric's).
 */
export function heatCells(
  xValues: readonly number[],
  yValues: readonly number[],
  points: readonly (readonly Comparison[])[],
  metric: MetricId,
  thresholds: Thresholds = {},
): HeatCell[] {
  const out: HeatCell[] = [];
  xValues.forEach((x, xi) => {
    yValues.forEach((y, yi) => {
      const c = points[xi]?.[yi];
      const e = longRun(c, metric);
      const b = breachesOf(c, thresholds);
      out.push({ xi, yi, x, y, ...e, breach: b.length > 0, breaches: b });
    });
  });
  return out;
}

/**
 * Index of the value nearest to `v` (the first of equally near ones); undefined when there are
 * no values or no distance is a number.
 */
export function nearestIndex(values: readonly number[], v: number): number | undefined {
  let best: number | undefined;
  let bestGap = Infinity;
  values.forEach((x, i) => {
    const gap = Math.abs(x - v);
    if (gap < bestGap) {
      best = i;
      bestGap = gap;
    }
  });
  return best;
}

/** Index of the value equal to `v` up to rounding (1e-9 relative), else undefined. */
export function matchIndex(values: readonly number[], v: number): number | undefined {
  const best = nearestIndex(values, v);
  if (best === undefined) return undefined;
  const bestGap = Math.abs((values[best] ?? Number.NaN) - v);
  const scale = Math.max(1e-9, Math.abs(v), Math.abs(values[best] ?? 0));
  return bestGap <= 1e-9 * scale ? best : undefined;
}

/** WCAG relative luminance of an sRGB colour given as 0–255 channels. */
export function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio of two luminances (WCAG). */
export function contrast(l1: number, l2: number): number {
  const [hi, lo] = l1 > l2 ? [l1, l2] : [l2, l1];
  return (hi + 0.05) / (lo + 0.05);
}

/** Near-black or white, whichever reads better on a fill of this luminance. */
export function textOn(fillLuminance: number): '#111111' | '#ffffff' {
  const dark = luminance(17, 17, 17);
  return contrast(fillLuminance, dark) >= contrast(fillLuminance, 1) ? '#111111' : '#ffffff';
}

/** Items of a tornado sorted by the size of their swing, largest first (NaN swings last). */
export function sortBySwing<T extends { low: Estimate; high: Estimate }>(items: readonly T[]): T[] {
  const swing = (t: T) => {
    const s = Math.abs(t.high.mean - t.low.mean);
    return Number.isFinite(s) ? s : -1;
  };
  return [...items].sort((a, b) => swing(b) - swing(a));
}

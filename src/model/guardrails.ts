/**
 * Guardrails of the metric tree (docs/MODEL.md section 7): counter-metrics that must not degrade,
 * each with a threshold. The table's thresholds are defaults; the user may set their own for
 * every guardrail, which override the table's. One rule judges every screen: a value breaches
 * when its long-run mean is on the wrong side of the threshold in force (guardrailBreach);
 * `breaches` lists the breached guardrails of a set of values in table order.
 */
import { GUARDRAIL_IDS, METRICS, METRIC_BY_ID, type MetricDef, type MetricId } from './metrics';

/** User-set thresholds, in the metric's own units (shares as fractions), by metric. */
export type Thresholds = Partial<Record<MetricId, number>>;

/** Metrics whose guardrail threshold the user can set: every guardrail. */
export const USER_THRESHOLD_IDS: readonly MetricId[] = GUARDRAIL_IDS;

/** The guardrails section of the tree: every metric with a threshold, in table order. */
export const TREE_GUARDRAIL_IDS: readonly MetricId[] = METRICS.map((m) => m.id).filter(
  (id) => GUARDRAIL_IDS.includes(id) || USER_THRESHOLD_IDS.includes(id),
);

/** Whether the user may set this metric's threshold. */
export function isUserThreshold(id: string): boolean {
  return (USER_THRESHOLD_IDS as readonly string[]).includes(id);
}

/** A usable threshold: a finite number above zero. */
function usable(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0;
}

/**
 * The threshold in force for a metric: the user's (when the metric takes one and it is usable),
 * else the table's; undefined for a metric without a guardrail.
 */
export function effectiveThreshold(
  metric: MetricDef,
  thresholds: Thresholds = {},
): number | undefined {
  const own = thresholds[metric.id as MetricId];
  if (isUserThreshold(metric.id) && usable(own)) return own;
  return metric.guardrail?.threshold;
}

/** The wrong side of a guardrail: above it when lower is better, below it otherwise. */
export function breachSide(metric: MetricDef): 'above' | 'below' {
  return metric.better === 'down' ? 'above' : 'below';
}

/**
 * Whether a value breaches the metric's guardrail under the thresholds in force. A metric
 * without a threshold, or a value that is not a finite number, never breaches.
 */
export function guardrailBreach(
  metric: MetricDef,
  value: number,
  thresholds: Thresholds = {},
): boolean {
  const threshold = effectiveThreshold(metric, thresholds);
  if (threshold === undefined || !Number.isFinite(value)) return false;
  return breachSide(metric) === 'above' ? value > threshold : value < threshold;
}

/** One guardrail judged: its metric, the threshold in force, the value and whether it breaches. */
export interface GuardrailVerdict {
  readonly id: MetricId;
  readonly metric: MetricDef;
  readonly threshold: number;
  readonly value: number;
  readonly breached: boolean;
}

/**
 * Every guardrail judged on the values `valueOf` gives (long-run means, by metric id), under the
 * thresholds in force, in table order.
 */
export function guardrailVerdicts(
  valueOf: (id: MetricId) => number,
  thresholds: Thresholds = {},
): GuardrailVerdict[] {
  return TREE_GUARDRAIL_IDS.map((id) => {
    const metric = METRIC_BY_ID.get(id) as MetricDef;
    const value = valueOf(id);
    return {
      id,
      metric,
      threshold: effectiveThreshold(metric, thresholds) as number,
      value,
      breached: guardrailBreach(metric, value, thresholds),
    };
  });
}

/** The guardrails breached by the values `valueOf` gives, in table order. */
export function breaches(
  valueOf: (id: MetricId) => number,
  thresholds: Thresholds = {},
): MetricId[] {
  return TREE_GUARDRAIL_IDS.filter((id) =>
    guardrailBreach(METRIC_BY_ID.get(id) as MetricDef, valueOf(id), thresholds),
  );
}

/** The breached guardrails' names, joined for a sentence: "Weekly churn and Hours below wage floor". */
export function breachNames(ids: readonly MetricId[]): string {
  const names = ids.map((id) => METRIC_BY_ID.get(id)?.label ?? id);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Thresholds as read from stored data (a saved scenario): only guardrail metrics with a usable
 * number (a share at most 1) are kept; anything else is dropped.
 */
export function readThresholds(data: unknown): Thresholds {
  const out: Thresholds = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  for (const id of TREE_GUARDRAIL_IDS) {
    if (!Object.prototype.hasOwnProperty.call(data, id)) continue;
    const v = (data as Record<string, unknown>)[id];
    const m = METRIC_BY_ID.get(id) as MetricDef;
    if (typeof v === 'number' && usable(v) && !(m.percent === true && v > 1)) out[id] = v;
  }
  return out;
}

export type ThresholdInput = { ok: true; value: number | undefined } | { ok: false; error: string };

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a threshold typed by the user, in the units shown (percent for shares, so "3" is 3%,
 * and a trailing "%" is allowed; a leading "$" for money). An empty entry means "back to the
 * table's threshold" (value undefined). Anything else must be a finite number above zero, and
 * a share at most 100%.
 */
export function parseThreshold(metricId: string, text: string): ThresholdInput {
  const metric = METRIC_BY_ID.get(metricId);
  if (!metric) return { ok: false, error: `Unknown metric "${metricId}".` };
  if (!isUserThreshold(metricId)) {
    return { ok: false, error: `${metric.label} has a fixed threshold.` };
  }
  const percent = metric.percent === true;
  let s = text.trim();
  if (s === '') return { ok: true, value: undefined };
  if (percent && s.endsWith('%')) s = s.slice(0, -1).trim();
  if (!percent && metric.unit.startsWith('$') && s.startsWith('$')) s = s.slice(1).trim();
  const unit = percent ? '%' : ` ${metric.unit}`;
  const shown = text.trim();
  if (!DECIMAL.test(s)) {
    return { ok: false, error: `"${shown}" is not a number: enter a number above 0${unit}.` };
  }
  const n = Number(s);
  if (!Number.isFinite(n)) {
    return { ok: false, error: `"${shown}" is too large: enter a number above 0${unit}.` };
  }
  if (n <= 0) {
    return { ok: false, error: `The threshold must be above 0${unit}; "${shown}" is not.` };
  }
  if (percent && n > 100) {
    return { ok: false, error: `A share cannot exceed 100%; "${shown}" does.` };
  }
  return { ok: true, value: percent ? n / 100 : n };
}

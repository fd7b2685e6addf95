/**
 * What a change in a metric means for it, judged from the paired delta's 95% interval against
 * the metric's smallest change that matters (its `minChange`, docs/MODEL.md section 7):
 *
 * - `better` / `worse`: the interval excludes zero and the point estimate is at least the
 *   smallest change that matters, on the good or the bad side of the metric;
 * - `negligible` ("no meaningful change"): the whole interval lies within ± that change;
 * - `uncertain` ("can't tell yet"): anything else: the interval reaches past the smallest
 *   change that matters on one side and does not rule it out or rule it in;
 * - `unknown`: the delta, its interval or the smallest change is not a number.
 *
 * The statistical verdict (the interval against zero alone) stays one click away in the app:
 * `statisticalVerdict`.
 */
import { METRIC_BY_ID, type MetricDef, type MetricId } from './metrics';

export type Verdict = 'better' | 'worse' | 'negligible' | 'uncertain' | 'unknown';

/** The interval against zero alone: `unclear` when it includes zero. */
export type StatVerdict = 'better' | 'worse' | 'unclear' | 'unknown';

/**
 * User-set smallest changes that matter, by metric, in the table's kind: a number in the
 * metric's units (shares as fractions) where the table's is absolute, a fraction of the
 * baseline where it is relative.
 */
export type MinChanges = Partial<Record<MetricId, number>>;

/** A metric's smallest change that matters, as set: its kind and value, and whose it is. */
export interface MinChangeSetting {
  readonly kind: 'abs' | 'rel';
  readonly value: number;
  /** Whether it is the user's rather than the table's. */
  readonly custom: boolean;
}

/** A usable smallest change: a finite number, zero or more. */
export function usableMinChange(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Stored smallest changes read defensively: known metrics with usable values, the rest dropped. */
export function readMinChanges(data: unknown): MinChanges {
  const out: MinChanges = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  for (const [id, v] of Object.entries(data as Record<string, unknown>)) {
    if (METRIC_BY_ID.has(id) && usableMinChange(v)) out[id as MetricId] = v;
  }
  return out;
}

/** The smallest change that matters in force for a metric: the user's if usable, else the table's. */
export function minChangeSetting(metric: MetricDef, minChanges: MinChanges = {}): MinChangeSetting {
  const t = metric.minChange;
  const kind = 'rel' in t ? 'rel' : 'abs';
  const table = 'rel' in t ? t.rel : t.abs;
  const own = minChanges[metric.id as MetricId];
  if (usableMinChange(own) && own !== table) return { kind, value: own, custom: true };
  return { kind, value: table, custom: false };
}

/**
 * The smallest change that matters in the metric's units, for a baseline value: the absolute
 * one, or the relative one times the baseline's magnitude (NaN when the baseline is not a number).
 */
export function minChangeOf(
  metric: MetricDef,
  baseline: number,
  minChanges: MinChanges = {},
): number {
  const s = minChangeSetting(metric, minChanges);
  return s.kind === 'abs' ? s.value : s.value * Math.abs(baseline);
}

function finite(...xs: number[]): boolean {
  return xs.every((x) => Number.isFinite(x));
}

/** The interval against zero alone, in the metric's direction. */
export function statisticalVerdict(
  metric: MetricDef,
  delta: number,
  low: number,
  high: number,
): StatVerdict {
  if (!finite(delta, low, high)) return 'unknown';
  const lo = Math.min(low, high);
  const hi = Math.max(low, high);
  if (lo <= 0 && hi >= 0) return 'unclear';
  return lo > 0 === (metric.better === 'up') ? 'better' : 'worse';
}

/**
 * The verdict of a paired delta and its 95% interval against `minChange`, the smallest change
 * that matters in the metric's units (see the module's comment for the rule). With a
 * `minChange` of 0 it is the statistical verdict, "no clear change" read as "can't tell yet"
 * (and a zero interval at zero as "no meaningful change").
 */
export function deltaVerdict(
  metric: MetricDef,
  delta: number,
  low: number,
  high: number,
  minChange: number,
): Verdict {
  if (!finite(delta, low, high, minChange) || minChange < 0) return 'unknown';
  const lo = Math.min(low, high);
  const hi = Math.max(low, high);
  const clear = lo > 0 || hi < 0;
  if (clear && Math.abs(delta) >= minChange) {
    return lo > 0 === (metric.better === 'up') ? 'better' : 'worse';
  }
  if (lo >= -minChange && hi <= minChange) return 'negligible';
  return 'uncertain';
}

/** Words for a verdict, as shown beside the delta. */
export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  better: 'better',
  worse: 'worse',
  negligible: 'no meaningful change',
  uncertain: 'can’t tell yet',
  unknown: 'no estimate',
};

/** Words for the statistical verdict (the interval against zero). */
export const STAT_VERDICT_TEXT: Readonly<Record<StatVerdict, string>> = {
  better: 'better',
  worse: 'worse',
  unclear: 'no clear change',
  unknown: 'no estimate',
};

/** The rule, in one sentence for the app's notes. */
export const VERDICT_RULE =
  'Better or worse: the 95% interval excludes zero and the change is at least the smallest ' +
  'change that matters; no meaningful change: the whole interval lies within ± that change; ' +
  'can’t tell yet: anything else.';

export type MinChangeInput = { ok: true; value: number | undefined } | { ok: false; error: string };

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a smallest change typed by the user, in the units the editor shows: percent of the
 * baseline for a relative one, percentage points for a share ("0.5" is 0.5 pp), else the
 * metric's units (a leading "$" allowed for money). Empty means "back to the table's".
 */
export function parseMinChange(metric: MetricDef, text: string): MinChangeInput {
  const kind = 'rel' in metric.minChange ? 'rel' : 'abs';
  const scaled = kind === 'rel' || metric.percent === true;
  let s = text.trim();
  if (s === '') return { ok: true, value: undefined };
  if (scaled && s.endsWith('%')) s = s.slice(0, -1).trim();
  if (!scaled && s.endsWith('pp')) s = s.slice(0, -2).trim();
  if (metric.unit.startsWith('$') && s.startsWith('$')) s = s.slice(1).trim();
  const shown = text.trim().slice(0, 20);
  const unit =
    kind === 'rel' ? '% of the baseline' : metric.percent === true ? ' pp' : ` ${metric.unit}`;
  const n = Number(s);
  if (!DECIMAL.test(s) || !Number.isFinite(n)) {
    return { ok: false, error: `"${shown}" is not a number: enter 0 or more${unit}.` };
  }
  if (n < 0) return { ok: false, error: `The smallest change cannot be negative; "${shown}" is.` };
  if (scaled && n > 100) {
    return { ok: false, error: `At most 100${kind === 'rel' ? '%' : ' pp'}; "${shown}" is more.` };
  }
  return { ok: true, value: scaled ? n / 100 : n };
}

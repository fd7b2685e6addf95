/**
 * What a change in a metric means for it: better, worse, or no clear change, judged from the
 * paired delta's 95% interval and the metric's direction.
 */
import type { MetricDef } from './metrics';

/**
 * - `better` / `worse`: the interval excludes zero, on the good or the bad side of the metric;
 * - `unclear`: the interval includes zero (no clear change);
 * - `unknown`: the delta or its interval is not a number (nothing to judge).
 */
export type Verdict = 'better' | 'worse' | 'unclear' | 'unknown';

export function deltaVerdict(metric: MetricDef, delta: number, low: number, high: number): Verdict {
  if (!Number.isFinite(delta) || !Number.isFinite(low) || !Number.isFinite(high)) return 'unknown';
  const lo = Math.min(low, high);
  const hi = Math.max(low, high);
  if (lo <= 0 && hi >= 0) return 'unclear';
  const up = lo > 0;
  return up === (metric.better === 'up') ? 'better' : 'worse';
}

/** Words for a verdict, as shown beside the delta. */
export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  better: 'better',
  worse: 'worse',
  unclear: 'no clear change',
  unknown: 'no estimate',
};

/**
 * The explorer's sentences about settings and values: a chosen setting of levers, a metric's
 * long-run value with its interval, its paired change from the baseline.
 */
import type { MetricDef, MetricId } from '../../model/metrics';
import type { ParamId } from '../../model/params';
import type { Comparison } from '../../model/results';
import { leverText, longRun, paramDef } from '../charts/explore-data';
import { formatDelta, formatMetric } from '../shared/format';

/** Lever values as chosen: a value per lever id. */
export type LeverValues = Readonly<Partial<Record<ParamId, number>>>;

/** The message once a setting becomes the scenario: "Scenario set to Pay per block hour 26 $/h." */
export function chosenText(values: LeverValues): string {
  return `Scenario set to ${Object.entries(values)
    .map(([id, v]) => `${paramDef(id).label} ${leverText(id, v as number)}`)
    .join(', ')}.`;
}

/** A setting as goal seek answers it: "Pay per block hour: 24 $/h · Block length: 3 h". */
export function settingText(values: LeverValues): string {
  return Object.entries(values)
    .map(([id, v]) => `${paramDef(id).label}: ${leverText(id, v as number)}`)
    .join(' · ');
}

/** A metric's value with its 95% interval, or a dash and why when there is no value. */
export function valueText(m: MetricDef, e: { mean: number; low: number; high: number }): string {
  if (!Number.isFinite(e.mean)) return '– (no value in the long run)';
  const v = formatMetric(m, e.mean);
  if (!Number.isFinite(e.low) || !Number.isFinite(e.high)) return v;
  return `${v} (${formatMetric(m, e.low)} to ${formatMetric(m, e.high)})`;
}

/** A metric's long-run paired change from the baseline in a comparison, with its interval. */
export function deltaText(m: MetricDef, c: Comparison): string {
  const d = longRun(c, m.id as MetricId, 'delta');
  return formatDelta(m, d.mean, d.low, d.high);
}

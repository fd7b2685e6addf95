/**
 * The metrics a sweep draws, one panel each: at most MAX_SWEEP_METRICS, kept in the metric
 * table's order whatever order they were ticked in.
 */
import { METRICS, type MetricDef, type MetricId } from '../../model/metrics';

export const MAX_SWEEP_METRICS = 6;

/** The metrics shown when a sweep tool opens. */
export const DEFAULT_SWEEP_METRICS: readonly MetricId[] = [
  'costPerPackage',
  'onTimeRate',
  'driverNetHourly',
];

/** The chosen metrics with `id` ticked (`on`) or unticked, in the metric table's order. */
export function toggleMetric(chosen: readonly MetricId[], id: MetricId, on: boolean): MetricId[] {
  const rest = chosen.filter((m) => m !== id);
  return on
    ? (METRICS as readonly MetricDef[])
        .map((m) => m.id as MetricId)
        .filter((m) => m === id || rest.includes(m))
    : rest;
}

/**
 * The chart panel's tabs without the DOM: which charts there are and in what order, the export
 * formats, the driver pool's series as the pool chart takes them, and the file name a chart is
 * exported under.
 */
import type { MetricId } from '../../model/metrics';
import type { Comparison } from '../../model/results';
import type { PoolData } from '../charts/pool-chart';
import { poolWeeks } from '../shared/series';

export type ChartId = 'weekly' | 'pool' | 'earnings' | 'why';

/** The tabs, in order. */
export const CHARTS: readonly { id: ChartId; label: string }[] = [
  { id: 'weekly', label: 'Metric by week' },
  { id: 'pool', label: 'Driver pool' },
  { id: 'earnings', label: 'Driver earnings' },
  { id: 'why', label: 'Why it moved' },
];

/** The export buttons, in order: a standalone SVG and a 2× PNG. */
export const EXPORTS = ['svg', 'png'] as const;

/** One scenario's driver pool, week by week, as the pool chart draws it. */
export function poolData(pool: Comparison['baseline']['pool'], weeks: number): PoolData {
  return {
    active: poolWeeks(pool, 'active', weeks),
    joined: poolWeeks(pool, 'joined', weeks),
    churned: poolWeeks(pool, 'churned', weeks),
    deactivated: poolWeeks(pool, 'deactivated', weeks),
  };
}

/** The name of an exported chart: "gigsim-weekly-fillRate.svg", "gigsim-pool.png". */
export function exportFileName(chart: ChartId, metric: MetricId, ext: string): string {
  const what = chart === 'weekly' || chart === 'why' ? `${chart}-${metric}` : chart;
  return `gigsim-${what}.${ext}`;
}

/**
 * Links into replay mode (issue 19): `?mode=replay&week=W&metric=M` with the workspace's view
 * in the hash. A metric's "show me" opens the week where the paired change in that metric is
 * largest; the replay then shows the day of that week where the metric's counter differs most
 * (src/model/replay-pick.ts). Pure functions, no DOM.
 */
import { METRIC_INDEX, type MetricId } from '../../model/metrics';
import { weekOfLargestChange } from '../../model/replay-pick';
import type { Comparison } from '../../model/results';

/** The link to replay mode for a week (and day, 1 Monday), keeping the view hash. */
export function replayLink(
  ask: { week: number; day?: number; metric?: MetricId },
  viewHash = '',
): string {
  const query = new URLSearchParams({ mode: 'replay', week: String(ask.week) });
  if (ask.day !== undefined) query.set('day', String(ask.day));
  if (ask.metric) query.set('metric', ask.metric);
  const hash = viewHash === '' || viewHash.startsWith('#') ? viewHash : `#${viewHash}`;
  return `?${query.toString()}${hash}`;
}

/** "Show me": the replay of the week where the metric's change is largest. */
export function showMeLink(c: Comparison, metric: MetricId, viewHash = ''): string {
  const week = weekOfLargestChange(c.delta.weekly.mean, METRIC_INDEX[metric], c.baseline.weeks);
  return replayLink({ week, metric }, viewHash);
}

/**
 * What each explorer tool's run is called in the run gate's messages (src/ui/shared/run-gate.ts),
 * and what there could be fewer of to make it shorter. The plans themselves (what each tool
 * will run) are built beside the runs, in src/run (sweepPlan, gridPlan, tornadoPlan, goalPlan).
 */
import type { ExplorePlan } from '../../run/sweep-grid';
import type { GatePlan } from '../shared/run-gate';
import type { ExplorerTab } from './explorer-tabs';

const SWEEP = { what: 'This sweep', fewer: 'points, replications or weeks' };

const WORDS: Record<ExplorerTab, { readonly what: string; readonly fewer: string }> = {
  sweep: SWEEP,
  tradeoff: SWEEP,
  grid: { what: 'This grid', fewer: 'points on either lever, replications or weeks' },
  sensitivity: { what: 'This sensitivity analysis', fewer: 'replications or weeks' },
  goal: { what: 'This goal seek', fewer: 'runs in its budget, replications or weeks' },
  design: { what: 'This design', fewer: 'points (N or factors), replications or weeks' },
};

/** A tool's plan with its words, as the run gate takes it. */
export function gatePlan(tab: ExplorerTab, plan: ExplorePlan): GatePlan {
  return { ...plan, ...WORDS[tab] };
}

/**
 * A practice drill's station history (src/model/drills/): the engine runs the drill's scenario,
 * its hidden cause a change of parameters from the change week on (src/sim/change.ts), and the
 * daily series the slices read are copied from its record.
 */
import { DRILL_SERIES, type DrillHistory, type DrillSeries } from '../model/drills/history';
import type { Scenario } from '../model/scenario';
import { LENGTH_OFFSETS, SLOT_STARTS } from '../sim/blocks';
import { simulate } from '../sim/engine';
import { F } from '../sim/record';

/** Block lengths of the five length groups for a typical length, longest first (blocks.ts). */
function lengths(blockHours: number): number[] {
  return [...LENGTH_OFFSETS].reverse().map((o) => Math.max(1, blockHours + o));
}

/** Runs replication `rep` of a drill's scenario (with its `change`) and keeps its series. */
export function drillHistory(scenario: Scenario, rep = 0): DrillHistory {
  const change = scenario.change;
  if (!change) throw new Error('a drill’s scenario carries its hidden change');
  const s = simulate(scenario, rep);
  const days = scenario.weeks * 7;
  const series = {} as Record<DrillSeries, Float64Array>;
  for (const name of DRILL_SERIES) {
    const f = F[name];
    series[name] = s.rec.slice(f * days, f * days + days);
  }
  const after = change.params.blockHours ?? scenario.params.blockHours;
  return {
    weeks: scenario.weeks,
    changeWeek: change.week,
    series,
    lengths: { before: lengths(scenario.params.blockHours), after: lengths(after) },
    slotStarts: [...SLOT_STARTS],
  };
}

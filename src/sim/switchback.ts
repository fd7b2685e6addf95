/**
 * A switchback (docs/MODEL.md "The experiment lab"): the whole market runs under the
 * treatment's levers in alternating windows of days and under the control's in the others.
 * Each switch hands the state over to one built for the other arm's parameters, as a change
 * mid-run does (src/sim/change.ts), so any lever can be switched and the drivers' beliefs,
 * the pool and the backlog carry over from window to window.
 */
import type { Scenario } from '../model/scenario';
import { handOver } from './change';
import { runDays, type RunControl } from './day';
import { switchbackStartsTreated } from './experiment';
import type { SimState } from './state';

/** Runs the days of a switchback from `s` (taken over from the warm-up, a control). */
export function runSwitchback(
  first: SimState,
  scenario: Scenario,
  rep: number,
  control: RunControl,
): SimState {
  const x = scenario.experiment;
  if (!x) throw new Error('a switchback needs an experiment');
  const base: Scenario = { ...scenario, experiment: undefined };
  const arms: [Scenario, Scenario] = [
    base,
    { ...base, params: { ...base.params, ...x.treatment } },
  ];
  const startsTreated = switchbackStartsTreated(x);
  // One state per arm, reused at each switch (the first, the control's, is the run's own).
  const states: (SimState | undefined)[] = [first, undefined];
  let s = first;
  let arm = 0; // the warm-up ran under the control's levers
  for (let from = 0, w = 0; from < s.days; from += x.windowDays, w++) {
    const next = (w % 2 === 0) === startsTreated ? 1 : 0;
    if (next !== arm) s = states[next] = handOver(s, arms[next], rep, states[next]);
    arm = next;
    runDays(s, from, Math.min(s.days, from + x.windowDays), control);
  }
  return s;
}

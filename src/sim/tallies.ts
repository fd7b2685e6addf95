/**
 * The tallies kept beside the daily phases: each week's Gini of paid hours (and the reset of
 * the weekly counters), and the ledger closed at the end of the run.
 */
import { ACTIVE } from './drivers';
import { gini } from './measure';
import { F } from './record';
import { at, type SimState } from './state';

/** The week's Gini of paid hours over drivers active at its end or who worked in it. */
export function weekEnd(s: SimState, d: number): void {
  const { dr } = s;
  if (s.hoursScratch.length < dr.count) s.hoursScratch = new Float64Array(dr.capacity);
  const { state, hoursWeek, workedWeek } = dr;
  const scratch = s.hoursScratch;
  const active = ACTIVE; // imports read in the loop, as locals (docs/ARCHITECTURE.md)
  let n = 0;
  let none = 0;
  for (let i = 0; i < dr.count; i++) {
    if (state[i] === active || workedWeek[i] === 1) {
      const h = hoursWeek[i];
      scratch[n++] = h;
      if (h === 0) none++;
    }
    hoursWeek[i] = 0;
    workedWeek[i] = 0;
  }
  s.rec[at(s, F.gini, d)] = gini(scratch.subarray(0, n));
  // The Gini is z + (1 − z)·(the Gini among drivers who worked), z the share with no hours
  // (src/model/why.ts splits its change so); a week nobody worked has Gini 0 and no share.
  s.rec[at(s, F.giniNoHours, d)] = none < n ? none / n : 0;
}

/** The run's closing ledger: packages outstanding, drivers by state, the drivers' earnings. */
export function closeLedger(s: SimState): void {
  const { dr, ledger } = s;
  ledger.outstanding = s.backlog;
  ledger.agents = dr.created;
  // Every driver of the run, by number: those still in a slot and those dropped (compact.ts).
  const all = dr.byNumber();
  for (let id = 0; id < dr.created; id++) {
    ledger.byState[all.state[id] as 0 | 1 | 2 | 3 | 4]++;
    ledger.driverEarnings += all.earned[id];
  }
}

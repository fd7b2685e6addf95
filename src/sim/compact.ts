/**
 * Dropping the drivers who left from the slots (docs/ARCHITECTURE.md "Drivers who left"). A
 * metro year signs up about 77,000 drivers of whom some 21,000 are active at a time; with the
 * drivers who left kept in place, every daily pass over the active drivers touched the memory
 * of all of them. Now and then the drivers who left are dropped and the others move down in
 * order (src/sim/drivers.ts `Drivers.drop`): every draw is keyed by the driver's number, not
 * the slot, and every pass goes in the same order, so the results are the same to the bit.
 */
import { CHURNED } from './drivers';
import type { SimState } from './state';

/**
 * When to drop: once at least `share` of the slots hold drivers who left, and at least `min`
 * of them. Each drop moves every array, so dropping every week would cost more than it saves;
 * a quarter keeps the slots at least three-quarters full. Tests change it (and restore it) to
 * show that it changes no result.
 */
export const dropPolicy = { share: 0.25, min: 256 };

/**
 * Drops the drivers who left when they fill enough of the slots (`dropPolicy`), and renumbers the slots
 * the state holds from day to day: the active list and the entry queue's pointers. Only
 * drivers below the first sign-up cohort still open (`cohortPtr`, src/sim/entry.ts) and the
 * onboarding queue go: a cohort counts its dropouts when it closes. Run before a day's first
 * phase (src/sim/day.ts), when no slot is held in the day's scratch.
 */
export function dropDeparted(s: SimState): void {
  const { dr } = s;
  const limit = Math.min(s.cohortPtr, s.onboardPtr);
  const state = dr.state;
  const left = CHURNED; // CHURNED and DEACTIVATED: the states of drivers who left
  let gone = 0;
  for (let i = 0; i < limit; i++) if (state[i] >= left) gone++;
  if (gone === 0 || gone < dropPolicy.min || gone < dropPolicy.share * dr.count) return;
  const to = dr.drop(limit);
  const list = s.activeList;
  for (let k = 0; k < s.activeCount; k++) list[k] = to[list[k]];
  // The pointers are at or past `limit`: every driver dropped was below them.
  s.cohortPtr -= gone;
  s.onboardPtr -= gone;
  s.waitPtr -= gone;
}

/**
 * A change of parameters mid-run (docs/MODEL.md "A change mid-run"): the run's state until the
 * Monday of the change's week is handed over to a state built for the changed parameters, the
 * way a run takes over its warm-up (src/sim/warmup.ts), and the days go on from there. The
 * days' loop and its phases are untouched: a run without a change never comes here.
 */
import type { Params } from '../model/params';
import type { Scenario } from '../model/scenario';
import { RUN_ACCOUNTS, snapshot, takeOver } from './warmup';
import { SimState } from './state';

type Typed = Uint8Array | Int16Array | Int32Array | Float64Array;

/** The first day of the change (day 0 is the Monday of week 1); none without a change. */
export function changeDay(scenario: Scenario): number | undefined {
  const change = scenario.change;
  if (!change) return undefined;
  const day = (change.week - 1) * 7;
  return day > 0 && day < scenario.weeks * 7 ? day : undefined;
}

/** The scenario as it runs after its change: the changed parameters, no change left. */
export function afterChange(scenario: Scenario): Scenario {
  const { change, ...rest } = scenario;
  return change ? { ...rest, params: { ...scenario.params, ...change.params } } : rest;
}

/**
 * The state `prev` ran to the day before the change, carried on in a new state for the changed
 * parameters: the drivers and carried fields as a warm-up's, plus what a run accounts for
 * itself (the record so far, the ledger, the drivers' earnings), which a warm-up's take-over
 * zeroes. A driver's own draws that scale with a parameter (asking wage with the outside wage,
 * no-show propensity with the no-show rate, app checks, hours wanted) scale with it, so the
 * change reaches the drivers already in the pool, not only those who sign up after it.
 */
export function handOver(
  prev: SimState,
  scenario: Scenario,
  rep: number,
  into?: SimState,
): SimState {
  // `into`: a state built earlier for these parameters, reused (a switchback's, switchback.ts).
  const next = into ?? new SimState(afterChange(scenario), rep, 0, prev.dr.count);
  // The previous state's own arrays, copied in by the take-over: no snapshot allocated (in
  // Chromium a typed array's allocation costs 0.1-0.3 ms; a 2-day switchback hands over 41 times).
  takeOver(next, snapshot(prev, true));
  const from = prev.dr as unknown as Record<string, Typed>;
  const to = next.dr as unknown as Record<string, Typed>;
  const goneFrom = prev.dr.gone as unknown as Record<string, Typed>;
  const goneTo = next.dr.gone as unknown as Record<string, Typed>;
  for (const key of RUN_ACCOUNTS) {
    to[key].set(from[key].subarray(0, prev.dr.count));
    goneTo[key].set(goneFrom[key].subarray(0, prev.dr.created));
  }
  next.rec.set(prev.rec);
  Object.assign(next.ledger, prev.ledger, { byState: [...prev.ledger.byState] });
  // What drivers expect an hour to pay (src/sim/supply.ts; last week's surge is added on the
  // Monday, after the day's entrants): carried, at the new offered net when that changed.
  const surgeSeen = (prev.expectedNet - prev.baseNet) / prev.p.payPerHour;
  next.expectedNet =
    next.baseNet === prev.baseNet && next.p.payPerHour === prev.p.payPerHour
      ? prev.expectedNet
      : next.baseNet + next.p.payPerHour * surgeSeen;
  rescaleDrivers(next, prev.p, next.p);
  return next;
}

/** Scales the drivers' draws whose scale is a parameter that changed. */
function rescaleDrivers(s: SimState, before: Params, after: Params): void {
  const { dr } = s;
  const scale = (a: Float64Array, from: number, to: number, max = Infinity): void => {
    if (from === to || from <= 0) return;
    const k = to / from;
    for (let i = 0; i < dr.count; i++) a[i] = Math.min(max, a[i] * k);
  };
  scale(dr.res, before.outsideWage, after.outsideWage);
  scale(dr.noShowP, before.noShowRate, after.noShowRate, 0.9); // entry.ts's cap
  scale(dr.speed, before.checksPerHour, after.checksPerHour);
  scale(dr.hoursWanted, before.hoursWanted, after.hoursWanted, 60);
}

/**
 * Measures of driver behaviour that the reality check and the tests compare with published
 * figures (docs/MODEL.md section 6): the hours elasticity of labour supply to pay, the fade of
 * a pay rise's realised hourly gain (Hall, Horton & Knoepfle) and the survival of new drivers.
 * Each runs the engine on paired seeds (same seed, same replications) and is pure.
 */
import { METRIC_INDEX } from '../model/metrics';
import { pairedWith, withParams, type Scenario } from '../model/scenario';
import { runReplication, simulate } from './engine';
import { F } from './record';
import type { SimState } from './state';

function changed(s: Scenario, changes: Record<string, unknown>, weeks: number): Scenario {
  const r = withParams({ ...s, weeks }, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** The sum of record field `field` over days [from, to) of a finished run. */
export function fieldSum(s: SimState, field: number, from: number, to: number): number {
  let sum = 0;
  for (let d = from; d < Math.min(to, s.days); d++) sum += s.rec[field * s.days + d];
  return sum;
}

/**
 * Hours elasticity of labour supply to pay: the arc elasticity ln(H1 / H0) / ln(factor),
 * where H is the hours offered per active driver at the offered pay (record `hoursOffered`:
 * the hours of the drivers looking for work each day whose asking wage of the day the offered
 * net pay meets, whatever demand lets them work, over `activeStart`, the active drivers at
 * the start of each day), over weeks [fromWeek, toWeek) and `reps` paired replications, with
 * pay per hour times `factor` from the first day. Per driver, as in the Angrist, Caldwell &
 * Hall experiment (the hours of a given set of drivers when their pay changes): entry and
 * exit are measured on their own. The default window is weeks 1-4, the short run.
 */
export function hoursElasticity(
  base: Scenario,
  factor: number,
  reps = 8,
  fromWeek = 0,
  toWeek = 4,
): number {
  const weeks = Math.max(toWeek, 1);
  const b = changed(base, {}, weeks);
  const c = pairedWith(b, changed(base, { payPerHour: base.params.payPerHour * factor }, weeks));
  const perDriver = (s: SimState): number =>
    fieldSum(s, F.hoursOffered, fromWeek * 7, toWeek * 7) /
    fieldSum(s, F.activeStart, fromWeek * 7, toWeek * 7);
  let h0 = 0;
  let h1 = 0;
  for (let rep = 0; rep < reps; rep++) {
    h0 += perDriver(simulate(b, rep));
    h1 += perDriver(simulate(c, rep));
  }
  return Math.log(h1 / h0) / Math.log(factor);
}

/**
 * The weekly paired delta (changed minus base, mean over `reps` replications) of drivers'
 * realised net hourly (`driverNetHourly`: net pay over work and search hours), week by week.
 */
export function netHourlyDeltas(
  base: Scenario,
  changes: Record<string, unknown>,
  reps = 16,
  weeks = 26,
): Float64Array {
  const b = changed(base, {}, weeks);
  const c = pairedWith(b, changed(base, changes, weeks));
  const m = METRIC_INDEX.driverNetHourly;
  const out = new Float64Array(weeks);
  for (let rep = 0; rep < reps; rep++) {
    const rb = runReplication(b, rep);
    const rc = runReplication(c, rep);
    for (let w = 0; w < weeks; w++) {
      out[w] += ((rc.weekly[m * weeks + w] ?? 0) - (rb.weekly[m * weeks + w] ?? 0)) / reps;
    }
  }
  return out;
}

/**
 * The Hall-Horton-Knoepfle fade ratio: the paired delta of realised net hourly in week
 * `late` (1-based) over that in week 1, after a change made from the first day.
 */
export function fadeRatio(
  base: Scenario,
  changes: Record<string, unknown>,
  reps = 16,
  late = 12,
): number {
  const deltas = netHourlyDeltas(base, changes, reps, Math.max(late, 1));
  return (deltas[late - 1] ?? 0) / (deltas[0] ?? 1);
}

/**
 * Survival of new drivers: of the drivers who became active on days [0, days - horizon) of
 * a finished run, the share still active `horizon` days after they started.
 */
export function survivalOf(s: SimState, horizon: number): { cohort: number; survived: number } {
  const { dr } = s;
  const all = dr.byNumber(); // those dropped from the slots too (src/sim/compact.ts)
  let cohort = 0;
  let survived = 0;
  for (let id = 0; id < dr.created; id++) {
    const exit = all.exitDay[id];
    const start = all.activeDay[id];
    if (exit === -2 || start < 0 || start + horizon > s.days) continue;
    cohort++;
    if (exit === -1 || exit >= start + horizon) survived++;
  }
  return { cohort, survived };
}

/**
 * Share of new drivers still active `horizon` days (365: one year) after they started, over
 * `reps` replications of `weeks` weeks (78 by default: half a year of cohorts followed for a
 * year).
 */
export function newDriverSurvival(base: Scenario, horizon = 365, reps = 4, weeks = 78): number {
  const s = changed(base, {}, weeks);
  let cohort = 0;
  let survived = 0;
  for (let rep = 0; rep < reps; rep++) {
    const r = survivalOf(simulate(s, rep), horizon);
    cohort += r.cohort;
    survived += r.survived;
  }
  return cohort > 0 ? survived / cohort : 0;
}

/**
 * The one-page summary's sentences: the run settings under its title, how far the run is, why
 * it failed, how many guardrails the scenario breaches, and which side of a threshold is within
 * it. Pure, no DOM.
 */
import { isSuperseded } from '../../run/pool';
import type { Scenario } from '../../model/scenario';
import { exportDate } from '../shared/export-context';
import { runWindowText, scenarioPeriods } from '../shared/run-windows';

/** Why a cell shows a dash instead of a number. */
export const NO_NUMBER = 'no number: the replications gave none for this period';

/** The line under the title: the model, the run settings, the periods and the intervals. */
export function settingsText(s: Scenario): string {
  const windows = runWindowText(scenarioPeriods(s));
  return (
    `gigsim what-if simulation · ${s.weeks} weeks, ${s.replications} paired replications, ` +
    `seed ${s.seed} · short run = ${windows.shortRun}, long run = ${windows.longRun}, ` +
    `peak = ${windows.peak} · ` +
    `intervals are 95% intervals of the paired difference`
  );
}

/** When the comparison was run, to the minute in UTC: "Run 2026-11-30 13:40 UTC". */
export function ranText(date: Date | undefined): string {
  return date ? `Run ${exportDate(date)}` : 'Not run yet';
}

/** A run's progress as a whole percentage, kept within 0–100. */
export function progressPercent(fraction: number): number {
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}

/** Why the comparison could not be run, in words. */
export function failureText(error: unknown): string {
  if (isSuperseded(error)) {
    return 'another run took the simulation over before this summary was complete; open the summary again';
  }
  return error instanceof Error ? error.message : String(error);
}

/** The guardrails' note when the scenario breaches none. */
export const NO_BREACH = 'No guardrail is breached by the scenario.';

/** The verb of the breach note, by count: "guardrail is", "guardrails are". */
export function guardrailsAre(count: number): string {
  return count === 1 ? 'guardrail is' : 'guardrails are';
}

/** How a threshold reads: in words on screen, as a sign in print. */
export function thresholdSide(breachAbove: boolean): { words: string; sign: string } {
  return breachAbove ? { words: 'at most', sign: '≤' } : { words: 'at least', sign: '≥' };
}

/**
 * What presentation mode steps through: the workspace's scenario and the saved scenarios, each
 * compared with the baseline on the workspace's run settings (so the columns are comparable
 * and pair with the baseline), shown a window of up to four at a time, each column headed by
 * the levers its scenario changes. Pure, no DOM.
 */
import type { MetricId } from '../../model/metrics';
import { MAIN_METRICS } from '../shared/scenario-runs';
import type { Scenario } from '../../model/scenario';
import type { SavedScenario } from '../shared/saved-scenarios';

/** The metrics shown unless the user picks others. */
export const DEFAULT_PRESENT_METRICS: readonly MetricId[] = MAIN_METRICS;

/** Most scenarios side by side. */
export const MAX_COLUMNS = 4;

export const CURRENT_NAME = 'Workspace scenario';

/** One scenario of the deck. */
export interface Slide {
  readonly name: string;
  readonly scenario: Scenario;
  /** Whether this is the workspace's current scenario (not a saved one). */
  readonly current: boolean;
}

/** A slide in the window, with its place in the deck. */
export interface ShownSlide {
  readonly slide: Slide;
  readonly index: number;
}

/** `scenario`'s parameters on `settings`'s run settings (seed, weeks, replications). */
export function onSettings(scenario: Scenario, settings: Scenario): Scenario {
  return {
    ...scenario,
    seed: settings.seed,
    weeks: settings.weeks,
    replications: settings.replications,
  };
}

/**
 * The deck: the workspace's scenario first, then the saved scenarios in their order, all on the
 * baseline's run settings.
 */
export function deckSlides(
  current: Scenario,
  saved: readonly Pick<SavedScenario, 'name' | 'scenario'>[],
  baseline: Scenario,
): Slide[] {
  return [
    { name: CURRENT_NAME, scenario: onSettings(current, baseline), current: true },
    ...saved.map((e) => ({
      name: e.name,
      scenario: onSettings(e.scenario, baseline),
      current: false,
    })),
  ];
}

/** The first slide of a window of `size` slides that keeps within `total` slides. */
export function clampStart(start: number, size: number, total: number): number {
  const last = Math.max(0, total - Math.max(1, size));
  return Math.min(Math.max(0, Math.floor(start)), last);
}

/** The window's first slide after a step of `by` slides (negative steps back). */
export function stepWindow(start: number, by: number, size: number, total: number): number {
  return clampStart(start + by, size, total);
}

/** The slides of the window of `size` that starts at `start` (kept within the deck). */
export function windowSlides(slides: readonly Slide[], start: number, size: number): ShownSlide[] {
  const first = clampStart(start, size, slides.length);
  return slides.slice(first, first + size).map((slide, i) => ({ slide, index: first + i }));
}

/** "Scenarios 2–5 of 7", or "Scenario 1 of 1". */
export function windowText(start: number, size: number, total: number): string {
  if (total === 0) return 'No scenarios';
  const from = start + 1;
  const to = Math.min(total, start + size);
  return from === to ? `Scenario ${from} of ${total}` : `Scenarios ${from}–${to} of ${total}`;
}

/** The metric ids in table order, keeping only those chosen. */
export function orderedMetrics(
  all: readonly MetricId[],
  chosen: ReadonlySet<MetricId>,
): MetricId[] {
  return all.filter((id) => chosen.has(id));
}

export { leverLine } from '../shared/comparison-rows';

/**
 * What the reveal says about the North Star: the candidate's chosen metric judged against the
 * model's (and, for another metric, why its stakeholder group's measures are not a North
 * Star), why the model picks the one it does, and how it moved in the round. Pure, no DOM.
 */
import { METRIC_BY_ID, STAKEHOLDERS, type MetricId, type Stakeholder } from '../../model/metrics';
import { NORTH_STAR } from '../../model/prompts';
import type { Direction } from '../../model/scoring';

/** Why a metric of this stakeholder is not the North Star, in a sentence. */
const NOT_NORTH_STAR: Readonly<Record<Stakeholder, string>> = {
  northStar: '',
  customers:
    'A rate does not grow with the business and can improve by delivering less; the count of packages on time grows only when more customers get what was promised.',
  merchants:
    'Marketplace sellers are one group of customers; the count covers every package, theirs included.',
  drivers:
    'Drivers are the supply side: their pay, hours and retention are inputs that feed the North Star, and some of them guardrails, but the service exists to deliver packages.',
  operator:
    'The operator’s measures (cost, fill, surge, fallback, idle hours) are inputs: each can look better while customers get less (fill reaches 100% when too few blocks are planned; cost falls when capacity is cut), so they are watched as inputs and guardrails rather than chased.',
  guardrails:
    'Guardrails are counter-metrics that must not degrade while the North Star moves; they say what not to break, not what to grow.',
};

const MOVED: Readonly<Record<Direction, string>> = {
  up: 'rose',
  down: 'fell',
  flat: 'showed no meaningful change',
};

/** Why the model's North Star is the one: shown after its name. */
export const MODEL_NORTH_STAR_WHY =
  'It counts the value customers receive (packages that arrive when promised, by drivers or the fallback carrier), it grows with the business, and every stakeholder’s inputs feed it: drivers claim the blocks, the operator plans and pays for capacity, and sellers’ promises are kept when it rises.';

/** The candidate's pick: none, the model's North Star, or another metric and why not. */
export type NorthStarPick =
  | { readonly kind: 'none' }
  | { readonly kind: 'model' }
  | {
      readonly kind: 'other';
      readonly label: string;
      /** Its stakeholder group, in lower case ("customers"). */
      readonly group: string;
      /** Why that group's measures are not the North Star. */
      readonly why: string;
    };

/** Judges the metric the candidate chose from the tree ("" for none). */
export function judgePick(choice: MetricId | ''): NorthStarPick {
  const chosen = choice === '' ? undefined : METRIC_BY_ID.get(choice);
  if (!chosen) return { kind: 'none' };
  if (chosen.id === NORTH_STAR) return { kind: 'model' };
  const group = STAKEHOLDERS.find((s) => s.id === chosen.stakeholder);
  return {
    kind: 'other',
    label: chosen.label,
    group: group ? group.label.toLowerCase() : chosen.stakeholder,
    why: NOT_NORTH_STAR[chosen.stakeholder],
  };
}

/**
 * How a metric moved, as a verb: "rose", "fell", "showed no meaningful change", "moved by an
 * amount the run cannot settle" (can't tell yet), "had no estimate".
 */
export function movedText(direction: Direction | undefined, uncertain = false): string {
  if (direction) return MOVED[direction];
  return uncertain ? 'moved by an amount the run cannot settle' : 'had no estimate';
}

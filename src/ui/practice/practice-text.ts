/**
 * How practice mode words things that several of its parts show: a direction with its icon
 * (so colour is never the only signal), a prompt's difficulty, and a score as a percentage.
 * Pure, no DOM.
 */
import type { Difficulty } from '../../model/prompts';
import type { Direction } from '../../model/scoring';

/** A direction in words with its icon, so colour is never the only signal. */
export const DIRECTION_TEXT: Readonly<Record<Direction, string>> = {
  up: '▲ up',
  down: '▼ down',
  flat: '▬ flat',
};

export const DIFFICULTY_TEXT: Readonly<Record<Difficulty, string>> = {
  easy: 'Easy',
  medium: 'Medium',
  hard: 'Hard',
};

/** A score as people read it: "75%". */
export function percentText(score: number): string {
  return Number.isFinite(score) ? `${Math.round(score * 100)}%` : '–';
}

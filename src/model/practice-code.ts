/**
 * Codes for every kind of practice (docs/PRACTICE.md): a metric question ("Q-" and eight
 * characters), a ship-or-not drill ("S-" and eight) and a root-cause drill (eight, as before).
 * The eight characters are a drill code (src/model/drills/code.ts): an index into the kind's
 * list and a seed, scrambled. A metric question or ship-or-not drill from a code runs on fixed
 * settings (PRACTICE_RUN), its seed the code's, so the same code gives the same runs, hence the
 * same score for the same answers. The code of the day is one per kind, from the UTC date.
 */
import { decodeDrill, drillOfTheDay, encodeDrill } from './drills/code';

export type PracticeKind = 'question' | 'ship';

const PREFIX: Readonly<Record<PracticeKind, string>> = { question: 'Q', ship: 'S' };

/** Weeks and replications of a round from a code (a prompt may set its own weeks). */
export const PRACTICE_RUN = { weeks: 26, replications: 8 } as const;

/** Seeds a code can carry: a scenario's seed is 32 bits. */
const SEED_RANGE = 2 ** 32;

export interface PracticeCode {
  readonly kind: PracticeKind;
  /** Index into the kind's list (PROMPTS or SHIP_DRILLS). */
  readonly index: number;
  /** The runs' seed. */
  readonly seed: number;
}

/** The code of an item of a kind with a seed (0 ≤ seed < 2^32). */
export function practiceCode(kind: PracticeKind, index: number, seed: number): string {
  return `${PREFIX[kind]}-${encodeDrill(index, seed % SEED_RANGE)}`;
}

/**
 * What a code stands for, or undefined: a kind's letter, a dash (optional) and eight
 * characters; case and spaces ignored. `counts` bounds each kind's index.
 */
export function readPracticeCode(
  code: string,
  counts: Readonly<Record<PracticeKind, number>>,
): PracticeCode | undefined {
  const clean = code.toUpperCase().replace(/\s/g, '');
  const kind = (Object.keys(PREFIX) as PracticeKind[]).find((k) => clean.startsWith(PREFIX[k]));
  if (!kind) return undefined;
  const rest = clean.slice(1).replace(/^-/, '');
  if (rest.length !== 8) return undefined;
  const d = decodeDrill(rest);
  if (!d || d.template >= counts[kind] || d.seed >= SEED_RANGE) return undefined;
  return { kind, index: d.template, seed: d.seed };
}

/** The code of the day of a kind for a date (YYYY-MM-DD, UTC): the same for everyone that day. */
export function codeOfTheDay(kind: PracticeKind, date: string, count: number): string {
  const inner = drillOfTheDay(date, count);
  const d = decodeDrill(inner);
  if (!d) throw new Error('a drill of the day that does not decode');
  // Each kind its own item and seed on a day, so the two codes do not look alike.
  const salt = kind === 'ship' ? 0x9e3779b9 : 0;
  const shift = kind === 'ship' ? 1 : 0;
  return practiceCode(kind, (d.template + shift) % count, ((d.seed ^ salt) >>> 0) % SEED_RANGE);
}

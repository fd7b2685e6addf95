/**
 * The practice score history by skill (docs/PRACTICE.md): every graded round or drill adds an
 * entry (its code, kind, date and a 0–1 score per skill it trained), kept in the browser's
 * storage under a versioned key, the last ENTRIES_KEPT of them. Progress per skill: rounds,
 * mean, and the mean of the last few against the first few.
 *
 * Reading never throws: a store that is not JSON or not the expected shape is reported in one
 * sentence and copied aside (SKILLS_ASIDE_KEY) before the next write replaces it; entries that
 * do not read are dropped from the progress, reported, and written back as they were; nothing
 * else in the browser's storage (the prompt scores, the workspace) is touched.
 */
import { SKILLS, type Skill } from './arc';
import type { Parsed } from './scenario';

export const SKILLS_KEY = 'gigsim.practiceSkills.v1';
export const SKILLS_ASIDE_KEY = `${SKILLS_KEY}.unreadable`;
/** Entries kept: the oldest go first. */
export const ENTRIES_KEPT = 200;
/** Rounds compared at each end for "progress". */
export const PROGRESS_WINDOW = 5;

export type SkillStorage = Pick<Storage, 'getItem' | 'setItem'>;
export type EntryKind = 'question' | 'ship' | 'cause';

export interface SkillEntry {
  readonly code: string;
  readonly kind: EntryKind;
  /** The UTC date played, YYYY-MM-DD. */
  readonly date: string;
  readonly scores: Readonly<Partial<Record<Skill, number>>>;
}

export interface SkillStore {
  readonly entries: readonly SkillEntry[];
  /** Raw entries that did not read, written back untouched. */
  readonly kept: readonly unknown[];
  readonly problems: readonly string[];
  /** Raw text of a store unreadable as a whole, copied aside on the next write. */
  readonly unreadable?: string;
}

export const EMPTY_SKILLS: SkillStore = { entries: [], kept: [], problems: [] };

const KINDS: readonly EntryKind[] = ['question', 'ship', 'cause'];

function readEntry(raw: unknown): SkillEntry | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.code !== 'string' || typeof r.date !== 'string') return undefined;
  if (!KINDS.includes(r.kind as EntryKind)) return undefined;
  const s = r.scores;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return undefined;
  const scores: Partial<Record<Skill, number>> = {};
  for (const [k, v] of Object.entries(s as Record<string, unknown>)) {
    if (!SKILLS.includes(k as Skill)) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) return undefined;
    scores[k as Skill] = v;
  }
  return { code: r.code, kind: r.kind as EntryKind, date: r.date, scores };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads the skill history; never throws. */
export function loadSkills(storage: SkillStorage): SkillStore {
  let text: string | null;
  try {
    text = storage.getItem(SKILLS_KEY);
  } catch (error) {
    return { ...EMPTY_SKILLS, problems: [`progress cannot be kept here (${errorText(error)})`] };
  }
  if (text === null) return EMPTY_SKILLS;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const list =
    typeof data === 'object' && data !== null && (data as { version?: unknown }).version === 1
      ? (data as { entries?: unknown }).entries
      : undefined;
  if (!Array.isArray(list)) {
    return {
      ...EMPTY_SKILLS,
      problems: [
        'Your practice progress could not be read (the stored record is damaged); it is kept aside and a new record starts. Your prompt scores and workspace are not affected.',
      ],
      unreadable: text,
    };
  }
  const entries: SkillEntry[] = [];
  const kept: unknown[] = [];
  for (const raw of list as unknown[]) {
    const e = readEntry(raw);
    if (e) entries.push(e);
    else kept.push(raw);
  }
  const problems =
    kept.length > 0
      ? [
          `${kept.length} stored practice result${kept.length === 1 ? '' : 's'} could not be read and ${kept.length === 1 ? 'is' : 'are'} left out of your progress.`,
        ]
      : [];
  return { entries, kept, problems };
}

/** Adds an entry and writes the store; the entries that did not read stay as they were. */
export function recordSkills(
  storage: SkillStorage,
  store: SkillStore,
  entry: SkillEntry,
): Parsed<SkillStore> {
  const entries = [...store.entries, entry].slice(-ENTRIES_KEPT);
  const data = { version: 1, entries: [...store.kept, ...entries] };
  try {
    if (store.unreadable !== undefined) storage.setItem(SKILLS_ASIDE_KEY, store.unreadable);
    storage.setItem(SKILLS_KEY, JSON.stringify(data));
  } catch (error) {
    return { ok: false, error: `your progress could not be kept (${errorText(error)})` };
  }
  return { ok: true, value: { entries, kept: store.kept, problems: store.problems } };
}

export interface SkillProgress {
  readonly skill: Skill;
  /** Rounds that scored this skill. */
  readonly rounds: number;
  /** Mean score over them (NaN when none). */
  readonly mean: number;
  /** Mean of the first and of the last PROGRESS_WINDOW rounds (NaN when none). */
  readonly first: number;
  readonly last: number;
}

function mean(xs: readonly number[]): number {
  return xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN;
}

/** Progress per skill, in SKILLS order. */
export function skillProgress(store: SkillStore): SkillProgress[] {
  return SKILLS.map((skill) => {
    const xs = store.entries
      .map((e) => e.scores[skill])
      .filter((x): x is number => x !== undefined);
    return {
      skill,
      rounds: xs.length,
      mean: mean(xs),
      first: mean(xs.slice(0, PROGRESS_WINDOW)),
      last: mean(xs.slice(-PROGRESS_WINDOW)),
    };
  });
}

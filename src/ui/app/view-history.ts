/**
 * The view's place in the browser's history: every change of what the user decides (a lever,
 * the baseline, a run setting, a guardrail threshold) is a history entry, so Back and Forward,
 * and Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y; Cmd on a Mac), step through them. A slider drag or rapid
 * typing on one lever is one entry: a change that touches only the keys of the entry made less
 * than `COALESCE_MS` before replaces it instead of adding another. What is only looked at (the
 * chart and metric shown) replaces the current entry.
 *
 * `EntryCoalescer` (the rule) and `isUndoKey` are pure; `AppHistory` numbers the app's
 * entries in `history.state` (so undo never steps out of the app: the first entry of the app
 * is number 0) and writes through the `History` it is given.
 */

/** A change within this time of the last one, on the same keys, joins its entry. */
export const COALESCE_MS = 1000;

/** Link keys that only say what is looked at: changing them alone makes no entry. */
const LOOK_KEYS: ReadonlySet<string> = new Set(['chart', 'metric']);

/** The link's key=value pairs of a hash (with or without its "#"). */
function pairsOf(hash: string): Map<string, string> {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const out = new Map<string, string>();
  try {
    for (const [k, v] of new URLSearchParams(text)) out.set(k, v);
  } catch {
    // an unreadable hash has no pairs
  }
  return out;
}

/** The link keys whose value differs between two hashes (added, removed or changed). */
export function changedKeys(a: string, b: string): string[] {
  const pa = pairsOf(a);
  const pb = pairsOf(b);
  const keys = new Set([...pa.keys(), ...pb.keys()]);
  return [...keys].filter((k) => pa.get(k) !== pb.get(k));
}

/** How a new hash is written: a new history entry, or over the current one. */
export type HistoryWrite = 'push' | 'replace';

/** Decides, change by change, whether a new view hash makes a history entry. */
export class EntryCoalescer {
  /** The keys the current entry changed. */
  private keys: ReadonlySet<string> = new Set();
  /** When the current entry was last written, ms. */
  private lastAt = -Infinity;

  constructor(private readonly windowMs = COALESCE_MS) {}

  /** How to write `next` over `current` (both hashes) at time `now` (ms). */
  decide(current: string, next: string, now: number): HistoryWrite {
    const keys = changedKeys(current, next).filter((k) => !LOOK_KEYS.has(k));
    if (keys.length === 0) return 'replace';
    const joins = now - this.lastAt < this.windowMs && keys.every((k) => this.keys.has(k));
    this.lastAt = now;
    if (joins) return 'replace';
    this.keys = new Set(keys);
    return 'push';
  }

  /** After Back, Forward or a link: the next change starts an entry of its own. */
  reset(): void {
    this.keys = new Set();
    this.lastAt = -Infinity;
  }
}

/** The key press, if it asks to undo or redo. */
export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Ctrl+Z (Cmd+Z) undoes; Ctrl+Shift+Z, Ctrl+Y (Cmd+Shift+Z, Cmd+Y) redo. */
export function isUndoKey(e: KeyLike): 'undo' | 'redo' | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return undefined;
}

/**
 * Whether a key press belongs to the browser's own editing (a text field, a text area, a
 * select or editable text has focus): undo and redo are then left to it.
 */
export function inTextField(path: readonly EventTarget[]): boolean {
  const el = path[0] as Partial<HTMLElement> & { type?: string; tagName?: string };
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color'].includes(
    el.type ?? 'text',
  );
}

const INDEX_KEY = 'gigsimEntry';

function indexIn(state: unknown): number | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const i = (state as Record<string, unknown>)[INDEX_KEY];
  return typeof i === 'number' && Number.isInteger(i) && i >= 0 ? i : undefined;
}

function withIndex(state: unknown, index: number): Record<string, unknown> {
  const base = typeof state === 'object' && state !== null ? state : {};
  return { ...(base as Record<string, unknown>), [INDEX_KEY]: index };
}

/** The app's entries in the browser's history, numbered from the first one the app made. */
export class AppHistory {
  /** The number of the entry shown. */
  private index = 0;
  /** The highest entry number known ahead of the one shown (for redo). */
  private top = 0;
  private readonly coalescer = new EntryCoalescer();

  constructor(private readonly h: Pick<History, 'state' | 'pushState' | 'replaceState' | 'go'>) {}

  /** Numbers the entry shown, if the app has not yet (the first load). */
  attach(): void {
    const i = indexIn(this.h.state);
    if (i === undefined) this.h.replaceState(withIndex(this.h.state, 0), '');
    this.index = i ?? 0;
    this.top = Math.max(this.top, this.index);
  }

  /** Writes the view's `url` (hash `next`, the URL showing `current`), as the rule decides. */
  write(url: string, current: string, next: string, now: number, replace = false): void {
    const how = replace ? 'replace' : this.coalescer.decide(current, next, now);
    if (how === 'push') this.push(url);
    else this.h.replaceState(this.h.state, '', url);
  }

  /** Adds an entry for `url` (a mode switch, a change of the view). */
  push(url: string): void {
    this.index += 1;
    this.top = this.index;
    this.h.pushState(withIndex(this.h.state, this.index), '', url);
  }

  /** After Back or Forward: takes the entry's number, and the next change starts an entry. */
  popped(): void {
    this.index = indexIn(this.h.state) ?? 0;
    this.top = Math.max(this.top, this.index);
    this.coalescer.reset();
  }

  get canUndo(): boolean {
    return this.index > 0;
  }

  get canRedo(): boolean {
    return this.index < this.top;
  }

  /** Steps back one entry, never out of the app. */
  undo(): boolean {
    if (!this.canUndo) return false;
    this.h.go(-1);
    return true;
  }

  /** Steps forward one entry, if the app made one there. */
  redo(): boolean {
    if (!this.canRedo) return false;
    this.h.go(1);
    return true;
  }
}

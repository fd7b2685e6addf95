/**
 * Named scenarios saved in the browser (localStorage), kept across reloads and shared by the
 * app's tabs.
 *
 * Stored under SAVED_KEY as `{ "version": 2, "entries": [{ "id", "name", "scenario",
 * "thresholds", "minChanges" }] }`, each scenario in the file form of DESIGN.md, with the
 * guardrail thresholds and the smallest changes that matter the user had set (each by metric
 * id, as the link writes them; an entry saved without them has none and loads without them,
 * keeping those in force). `minChanges` is optional in version 2 (entries written before it
 * lack it), so no new version: an older app reads the store, though it drops the field from
 * the entries it writes back. Earlier versions are migrated when read:
 * version 1 (`{ "version": 1, "entries": [{ "name", "scenario" }] }`, the only earlier shape)
 * gets an id per entry. An app of version 1 still reads a version-2 store (it ignores ids).
 *
 * Nothing is lost:
 * - Two tabs never overwrite each other's saves: every change (save, rename, delete) re-reads
 *   the store and applies itself to what is there now, finding its entry by id (else by name),
 *   so another tab's saves since this one last read are kept. Tabs hear of each other's
 *   changes through the `storage` event (saved-menu.ts re-reads the list).
 * - Entries that fail validation are reported and kept aside, written back unchanged.
 * - A store that cannot be read (not JSON, an unexpected shape, or written by a newer version)
 *   is copied at once to a new backup key, `gigsim.savedScenarios.backup.<n>` (the first free
 *   n; an earlier backup is never overwritten, and the same text is not backed up twice), and
 *   the user is told where. Until the copy is made, nothing replaces the store.
 * Reading never throws. Functions take the storage as an argument (tests pass a fake).
 */
import { readThresholds, type Thresholds } from '../../model/guardrails';
import { readMinChanges, type MinChanges } from '../../model/verdict';
import { MAX_JSON_DEPTH, excerpt, parseJson } from '../../model/input-text';
import { parseScenario, scenarioToJson, type Parsed, type Scenario } from '../../model/scenario';

export const SAVED_KEY = 'gigsim.savedScenarios.v1';
/** The schema version written; earlier ones are migrated when read. */
export const SAVED_VERSION = 2;
/** Unreadable stores are copied to this prefix plus 1, 2, ... (the first free). */
export const SAVED_BACKUP_PREFIX = 'gigsim.savedScenarios.backup.';
/** Where version 1 of the app copied an unreadable store (read by users, never written now). */
export const SAVED_BACKUP_KEY_V1 = `${SAVED_KEY}.unreadable`;
export const NAME_MAX = 60;
/** Backups looked through at most (to find a free key or the same text). */
const BACKUPS_MAX = 1000;

/** The part of the Storage interface used here. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export interface SavedScenario {
  /** Stable across renames and tabs; assigned when first saved (or migrated). */
  readonly id: string;
  readonly name: string;
  readonly scenario: Scenario;
  /** The guardrail thresholds saved with it (undefined for an entry saved without them). */
  readonly thresholds?: Thresholds;
  /** The smallest changes that matter saved with it (undefined for an entry saved without). */
  readonly minChanges?: MinChanges;
}

/** A stored entry that could not be read, kept as it was. */
export interface SetAside {
  readonly name: string;
  readonly error: string;
  readonly raw: unknown;
}

export interface SavedState {
  readonly entries: readonly SavedScenario[];
  readonly setAside: readonly SetAside[];
  /** What went wrong reading the store as a whole, if anything. */
  readonly problem?: string;
  /** The raw store text when it was not readable at all. */
  readonly unreadable?: string;
  /** Where that text was copied; undefined if it could not be (then nothing is written). */
  readonly backupKey?: string;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A new entry id: random, from the platform's cryptographic source. */
export function newId(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks a name the user typed: trimmed, not empty, not too long. */
export function checkName(name: string): Parsed<string> {
  const n = name.trim();
  if (n === '') return { ok: false, error: 'give the scenario a name' };
  if (n.length > NAME_MAX) {
    return { ok: false, error: `a name can have at most ${NAME_MAX} characters` };
  }
  return { ok: true, value: n };
}

/**
 * Copies an unreadable store's text to a backup key: the one already holding the same text,
 * or the first free one. Returns the key, or undefined when storage refused.
 */
export function backUp(storage: StorageLike, text: string): string | undefined {
  try {
    for (let n = 1; n <= BACKUPS_MAX; n++) {
      const key = `${SAVED_BACKUP_PREFIX}${n}`;
      const there = storage.getItem(key);
      if (there === text) return key;
      if (there !== null) continue;
      storage.setItem(key, text);
      return key;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The stored rows of a readable store of any known version, or why it is not readable. */
export function migrate(data: unknown): Parsed<unknown[]> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: 'have an unexpected shape' };
  }
  const { version, entries } = data as { version?: unknown; entries?: unknown };
  if (typeof version === 'number' && version > SAVED_VERSION) {
    return { ok: false, error: `were written by a newer version of gigsim (${version})` };
  }
  if (version !== 1 && version !== SAVED_VERSION) {
    if (version === undefined) return { ok: false, error: 'have no version' };
    return { ok: false, error: `have an unknown version (${excerpt(JSON.stringify(version))})` };
  }
  if (!Array.isArray(entries)) return { ok: false, error: 'have an unexpected shape' };
  // Version 1 rows are version 2 rows without ids: `readRows` gives each one.
  return { ok: true, value: entries };
}

/** Reads the saved scenarios; never throws. An unreadable store is backed up at once. */
export function loadSaved(storage: StorageLike): SavedState {
  let text: string | null;
  try {
    text = storage.getItem(SAVED_KEY);
  } catch (error) {
    return {
      entries: [],
      setAside: [],
      problem: `saved scenarios are not available in this browser (${message(error)})`,
    };
  }
  if (text === null) return { entries: [], setAside: [] };
  // Bounded in depth (a store nests 5 levels), repeated keys refused: kept aside like any
  // store that cannot be read. The browser's storage holds about 5 MB at most.
  const parsed = parseJson(text, MAX_JSON_DEPTH, 8 * 1024 * 1024);
  const rows: Parsed<unknown[]> = parsed.ok
    ? migrate(parsed.value)
    : { ok: false, error: 'could not be read (not JSON)' };
  if (!rows.ok) return unreadable(storage, text, rows.error);
  return readRows(rows.value);
}

function unreadable(storage: StorageLike, text: string, why: string): SavedState {
  const backupKey = backUp(storage, text);
  const where =
    backupKey === undefined
      ? 'they could not be backed up, so nothing will be saved over them'
      : `they were copied to "${backupKey}" in this browser's storage`;
  return {
    entries: [],
    setAside: [],
    problem: `the saved scenarios ${why}; ${where}`,
    unreadable: text,
    ...(backupKey === undefined ? {} : { backupKey }),
  };
}

function readRows(rows: readonly unknown[]): SavedState {
  const entries: SavedScenario[] = [];
  const setAside: SetAside[] = [];
  const ids = new Set<string>();
  rows.forEach((raw, i) => {
    const row = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const name = typeof row.name === 'string' && row.name.trim() !== '' ? row.name : '';
    if (name === '') {
      setAside.push({ name: `entry ${i + 1}`, error: 'it has no name', raw });
      return;
    }
    if (entries.some((e) => e.name === name)) {
      setAside.push({ name, error: 'a scenario of the same name comes before it', raw });
      return;
    }
    const r = parseScenario(row.scenario);
    if (!r.ok) {
      setAside.push({ name, error: r.error, raw });
      return;
    }
    const given = typeof row.id === 'string' && /^[\w-]{1,64}$/.test(row.id) ? row.id : '';
    const id = given !== '' && !ids.has(given) ? given : newId();
    ids.add(id);
    entries.push({
      id,
      name,
      scenario: r.value,
      ...(row.thresholds === undefined ? {} : { thresholds: readThresholds(row.thresholds) }),
      ...(row.minChanges === undefined ? {} : { minChanges: readMinChanges(row.minChanges) }),
    });
  });
  return { entries, setAside };
}

/**
 * Applies `change` to the store as it is now (re-read, so other tabs' saves are kept) and
 * writes the result, with the set-aside entries unchanged after the readable ones.
 */
function update(
  storage: StorageLike,
  change: (entries: SavedScenario[]) => Parsed<SavedScenario[]>,
): Parsed<SavedState> {
  const fresh = loadSaved(storage);
  if (fresh.unreadable !== undefined && fresh.backupKey === undefined) {
    return { ok: false, error: fresh.problem ?? 'the saved scenarios could not be backed up' };
  }
  if (fresh.problem !== undefined && fresh.unreadable === undefined) {
    return { ok: false, error: `the scenario could not be saved (${fresh.problem})` };
  }
  const changed = change([...fresh.entries]);
  if (!changed.ok) return changed;
  const entries = changed.value;
  try {
    const data = {
      version: SAVED_VERSION,
      entries: [
        ...entries.map((e) => ({
          id: e.id,
          name: e.name,
          scenario: scenarioToJson(e.scenario),
          ...(e.thresholds ? { thresholds: e.thresholds } : {}),
          ...(e.minChanges ? { minChanges: e.minChanges } : {}),
        })),
        ...fresh.setAside.map((s) => s.raw),
      ],
    };
    storage.setItem(SAVED_KEY, JSON.stringify(data));
  } catch (error) {
    return { ok: false, error: `the scenario could not be saved (${message(error)})` };
  }
  return { ok: true, value: { entries, setAside: fresh.setAside } };
}

/** Where the entry `state` calls `name` is in `entries`: by its id, else by the name. */
function locate(entries: readonly SavedScenario[], state: SavedState, name: string): number {
  const id = state.entries.find((e) => e.name === name)?.id;
  const byId = id === undefined ? -1 : entries.findIndex((e) => e.id === id);
  return byId >= 0 ? byId : entries.findIndex((e) => e.name === name);
}

/**
 * Saves `scenario` under `name` with the guardrail thresholds and smallest changes that matter
 * in force (none when not given), replacing a saved scenario of that name (in any tab).
 */
export function saveScenario(
  storage: StorageLike,
  _state: SavedState,
  name: string,
  scenario: Scenario,
  thresholds?: Thresholds,
  minChanges?: MinChanges,
): Parsed<SavedState> {
  const n = checkName(name);
  if (!n.ok) return n;
  const kept = {
    ...(thresholds ? { thresholds: readThresholds(thresholds) } : {}),
    ...(minChanges ? { minChanges: readMinChanges(minChanges) } : {}),
  };
  return update(storage, (entries) => {
    const i = entries.findIndex((e) => e.name === n.value);
    if (i >= 0) entries[i] = { id: entries[i].id, name: n.value, scenario, ...kept };
    else entries.push({ id: newId(), name: n.value, scenario, ...kept });
    return { ok: true, value: entries };
  });
}

export function renameSaved(
  storage: StorageLike,
  state: SavedState,
  from: string,
  to: string,
): Parsed<SavedState> {
  const n = checkName(to);
  if (!n.ok) return n;
  return update(storage, (entries) => {
    const i = locate(entries, state, from);
    if (i < 0) return { ok: false, error: `no saved scenario is called "${from}"` };
    if (entries.some((e, k) => k !== i && e.name === n.value)) {
      return { ok: false, error: `a saved scenario is already called "${n.value}"` };
    }
    entries[i] = { ...entries[i], name: n.value };
    return { ok: true, value: entries };
  });
}

export function deleteSaved(
  storage: StorageLike,
  state: SavedState,
  name: string,
): Parsed<SavedState> {
  return update(storage, (entries) => {
    const i = locate(entries, state, name);
    if (i < 0) return { ok: false, error: `no saved scenario is called "${name}"` };
    entries.splice(i, 1);
    return { ok: true, value: entries };
  });
}

/**
 * Named scenarios saved in the browser (localStorage), kept across reloads.
 *
 * Stored under a versioned key as `{ "version": 1, "entries": [{ "name", "scenario" }] }`,
 * each scenario in the file form of DESIGN.md. Reading never throws: entries that fail
 * validation are reported and kept aside, written back unchanged on the next save so nothing
 * the user saved is lost silently; a store that is not even JSON is copied to a backup key
 * before it is ever overwritten. Functions take the storage as an argument (tests pass a fake).
 */
import { MAX_JSON_DEPTH, parseJson } from '../../model/input-text';
import { parseScenario, scenarioToJson, type Parsed, type Scenario } from '../../model/scenario';

export const SAVED_KEY = 'gigsim.savedScenarios.v1';
/** Where an unreadable store is copied before a new one replaces it. */
export const SAVED_BACKUP_KEY = `${SAVED_KEY}.unreadable`;
export const NAME_MAX = 60;

/** The part of the Storage interface used here. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export interface SavedScenario {
  readonly name: string;
  readonly scenario: Scenario;
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
  /** The raw store text when it was not readable at all (kept until it is backed up). */
  readonly unreadable?: string;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

/** Reads the saved scenarios; never throws. */
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
  const data: unknown = parsed.ok ? parsed.value : undefined;
  if (!parsed.ok) {
    return {
      entries: [],
      setAside: [],
      problem: 'the saved scenarios could not be read (not JSON); they are kept in a backup',
      unreadable: text,
    };
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    !Array.isArray((data as { entries?: unknown }).entries)
  ) {
    return {
      entries: [],
      setAside: [],
      problem: 'the saved scenarios have an unexpected shape; they are kept in a backup',
      unreadable: text,
    };
  }
  const entries: SavedScenario[] = [];
  const setAside: SetAside[] = [];
  const rows = (data as { entries: unknown[] }).entries;
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
    entries.push({ name, scenario: r.value });
  });
  return { entries, setAside };
}

/** Writes the entries, with the set-aside ones unchanged after them. */
function store(
  storage: StorageLike,
  state: SavedState,
  entries: readonly SavedScenario[],
): Parsed<SavedState> {
  try {
    if (state.unreadable !== undefined) storage.setItem(SAVED_BACKUP_KEY, state.unreadable);
    const data = {
      version: 1,
      entries: [
        ...entries.map((e) => ({ name: e.name, scenario: scenarioToJson(e.scenario) })),
        ...state.setAside.map((s) => s.raw),
      ],
    };
    storage.setItem(SAVED_KEY, JSON.stringify(data));
  } catch (error) {
    return { ok: false, error: `the scenario could not be saved (${message(error)})` };
  }
  return { ok: true, value: { entries, setAside: state.setAside } };
}

/** Saves `scenario` under `name`, replacing a saved scenario of that name. */
export function saveScenario(
  storage: StorageLike,
  state: SavedState,
  name: string,
  scenario: Scenario,
): Parsed<SavedState> {
  const n = checkName(name);
  if (!n.ok) return n;
  const i = state.entries.findIndex((e) => e.name === n.value);
  const entries = [...state.entries];
  if (i >= 0) entries[i] = { name: n.value, scenario };
  else entries.push({ name: n.value, scenario });
  return store(storage, state, entries);
}

export function renameSaved(
  storage: StorageLike,
  state: SavedState,
  from: string,
  to: string,
): Parsed<SavedState> {
  const n = checkName(to);
  if (!n.ok) return n;
  const i = state.entries.findIndex((e) => e.name === from);
  if (i < 0) return { ok: false, error: `no saved scenario is called "${from}"` };
  if (n.value !== from && state.entries.some((e) => e.name === n.value)) {
    return { ok: false, error: `a saved scenario is already called "${n.value}"` };
  }
  const entries = [...state.entries];
  entries[i] = { name: n.value, scenario: entries[i].scenario };
  return store(storage, state, entries);
}

export function deleteSaved(
  storage: StorageLike,
  state: SavedState,
  name: string,
): Parsed<SavedState> {
  if (!state.entries.some((e) => e.name === name)) {
    return { ok: false, error: `no saved scenario is called "${name}"` };
  }
  return store(
    storage,
    state,
    state.entries.filter((e) => e.name !== name),
  );
}

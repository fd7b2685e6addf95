/**
 * The working view autosaved in the browser (localStorage), so a reload or a crash loses
 * nothing: the view as its link (the hash of view-state.ts, validated the same way on the way
 * back) and the pinned scenarios, under their own key with a schema version:
 *
 *   { "version": 1, "view": "#payPerHour=24", "pins": [{ "name": "Pin A", "scenario": {…} }],
 *     "savedAt": "2026-11-30T10:00:00.000Z" }
 *
 * Reading never throws. A stored value that cannot be read (not JSON, another version, a view
 * or pin that fails validation, too large) is reported and copied to a backup key of its own
 * (`gigsim.autosave.v1.unreadable.<n>`, never over an earlier backup) before anything
 * overwrites it; if it cannot be kept, autosaving stays off rather than destroy it.
 */
import { parseScenario, scenarioToJson, type Parsed } from '../../model/scenario';
import type { StorageLike } from '../shared/saved-scenarios';
import { MAX_PINS, PIN_NAME_MAX, type Pin } from '../shared/scenario-runs';
import { decodeView, encodeView, type ViewState } from './view-state';

export const AUTOSAVE_KEY = 'gigsim.autosave.v1';
export const AUTOSAVE_VERSION = 1;
/** Backups of unreadable stored values are `${AUTOSAVE_BACKUP_PREFIX}.1`, `.2`, … */
export const AUTOSAVE_BACKUP_PREFIX = `${AUTOSAVE_KEY}.unreadable`;
/** Most backups kept. */
export const MAX_BACKUPS = 20;
/** A stored value longer than this is not read (it cannot be one the app wrote). */
export const MAX_AUTOSAVE_CHARS = 100_000;

/** What is autosaved. */
export interface Autosaved {
  readonly view: ViewState;
  readonly pins: readonly Pin[];
}

/** The stored text of `saved`, written at `at`. */
export function autosaveText(saved: Autosaved, at: Date): string {
  return JSON.stringify({
    version: AUTOSAVE_VERSION,
    view: encodeView(saved.view),
    pins: saved.pins.map((p) => ({ name: p.name, scenario: scenarioToJson(p.scenario) })),
    savedAt: at.toISOString(),
  });
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

function readPins(input: unknown): Parsed<Pin[]> {
  if (!Array.isArray(input)) return fail('"pins" is not a list');
  if (input.length > MAX_PINS) return fail(`more than ${MAX_PINS} pins`);
  const pins: Pin[] = [];
  for (const [i, item] of input.entries()) {
    const o = item as Record<string, unknown> | null;
    const name = typeof o === 'object' && o !== null ? o.name : undefined;
    if (typeof name !== 'string' || name.trim() === '' || name.length > PIN_NAME_MAX) {
      return fail(`pin ${i + 1} has no usable name`);
    }
    const s = parseScenario(o?.scenario);
    if (!s.ok) return fail(`pin ${i + 1}: ${s.error}`);
    pins.push({ name, scenario: s.value });
  }
  return { ok: true, value: pins };
}

/**
 * Reads a stored value: undefined when nothing is stored, else the view and pins or why they
 * cannot be used.
 */
export function readAutosave(text: string | null): Parsed<Autosaved> | undefined {
  if (text === null) return undefined;
  if (text.length > MAX_AUTOSAVE_CHARS) {
    return fail(`it is ${text.length} characters long, more than the app ever writes`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('it is not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('it is not a JSON object');
  }
  const o = data as Record<string, unknown>;
  if (o.version !== AUTOSAVE_VERSION) {
    return fail(
      `its version is ${JSON.stringify(o.version) ?? 'missing'}, not ${AUTOSAVE_VERSION}`,
    );
  }
  if (typeof o.view !== 'string') return fail('it holds no view');
  const view = decodeView(o.view);
  if (!view.ok) return fail(`its view: ${view.error}`);
  const pins = readPins(o.pins ?? []);
  if (!pins.ok) return pins;
  return { ok: true, value: { view: view.value, pins: pins.value } };
}

/** What was found at start-up. */
export type Restored =
  | { readonly kind: 'none' }
  | { readonly kind: 'restored'; readonly value: Autosaved }
  | {
      readonly kind: 'unreadable';
      /** Why it could not be read. */
      readonly error: string;
      /** Where it is kept, or undefined when it could not be kept (autosave then stays off). */
      readonly backupKey: string | undefined;
    };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Copies `text` to the first free backup key (or the one already holding it). */
function backUp(storage: StorageLike, text: string): string | undefined {
  for (let n = 1; n <= MAX_BACKUPS; n++) {
    const key = `${AUTOSAVE_BACKUP_PREFIX}.${n}`;
    const held = storage.getItem(key);
    if (held === text) return key;
    if (held !== null) continue;
    storage.setItem(key, text);
    return storage.getItem(key) === text ? key : undefined;
  }
  return undefined;
}

/** Reads the autosaved view at start-up; an unreadable value is backed up first. */
export function restoreAutosave(storage: StorageLike): Restored {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  const r = readAutosave(text);
  if (r === undefined) return { kind: 'none' };
  if (r.ok) return { kind: 'restored', value: r.value };
  let backupKey: string | undefined;
  try {
    backupKey = backUp(storage, text ?? '');
  } catch {
    backupKey = undefined;
  }
  return { kind: 'unreadable', error: r.error, backupKey };
}

/** Writes the autosave; returns why it failed, or undefined. */
export function writeAutosave(
  storage: StorageLike,
  saved: Autosaved,
  at: Date,
): string | undefined {
  try {
    storage.setItem(AUTOSAVE_KEY, autosaveText(saved, at));
    return undefined;
  } catch (error) {
    return message(error);
  }
}

import { describe, expect, it } from 'vitest';
import {
  AUTOSAVE_BACKUP_PREFIX,
  AUTOSAVE_KEY,
  MAX_AUTOSAVE_CHARS,
  autosaveText,
  readAutosave,
  restoreAutosave,
  writeAutosave,
  type Autosaved,
} from '../../../src/ui/app/autosave';
import { decodeView, type ViewState } from '../../../src/ui/app/view-state';
import { defaultScenario } from '../../../src/model/scenario';

function view(hash: string): ViewState {
  const r = decodeView(hash);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const AT = new Date('2026-11-30T10:00:00Z');
const pinned = { ...defaultScenario(), params: { ...defaultScenario().params, payPerHour: 25 } };
const SAVED: Autosaved = {
  view: view('#payPerHour=24&b.blockHours=4&weeks=8&t.costPerPackage=3&chart=pool'),
  pins: [{ name: 'Pin A', scenario: pinned }],
};

class MemoryStorage {
  readonly map = new Map<string, string>();
  full = false;
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.full) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
}

describe('reading the autosave', () => {
  it('gives back exactly the view and the pins written, with a version', () => {
    const text = autosaveText(SAVED, AT);
    expect(JSON.parse(text)).toMatchObject({ version: 1, savedAt: '2026-11-30T10:00:00.000Z' });
    expect(readAutosave(text)).toEqual({ ok: true, value: SAVED });
  });

  it('says nothing is stored, and names what is wrong with a value it cannot use', () => {
    expect(readAutosave(null)).toBeUndefined();
    const bad = (text: string) => {
      const r = readAutosave(text);
      if (!r || r.ok) throw new Error(`read ${text}`);
      return r.error;
    };
    expect(bad('{not json')).toBe('it is not JSON');
    expect(bad('[1]')).toBe('it is not a JSON object');
    expect(bad('{"version":2,"view":""}')).toBe('its version is 2, not 1');
    expect(bad('{"view":""}')).toBe('its version is missing, not 1');
    expect(bad('{"version":1}')).toBe('it holds no view');
    expect(bad('{"version":1,"view":"#payPerHour=900"}')).toMatch(/^its view: .*payPerHour/);
    expect(bad('{"version":1,"view":"","pins":{}}')).toBe('"pins" is not a list');
    expect(bad('{"version":1,"view":"","pins":[{"name":"","scenario":{}}]}')).toBe(
      'pin 1 has no usable name',
    );
    expect(bad('{"version":1,"view":"","pins":[{"name":"x","scenario":{"seed":-1}}]}')).toMatch(
      /^pin 1: .*seed/,
    );
    const five = Array.from({ length: 5 }, () => ({ name: 'x', scenario: {} }));
    expect(bad(JSON.stringify({ version: 1, view: '', pins: five }))).toBe('more than 4 pins');
    expect(bad(' '.repeat(MAX_AUTOSAVE_CHARS + 1))).toMatch(/more than the app ever writes/);
  });
});

describe('restoring and writing the autosave', () => {
  it('restores what was written', () => {
    const s = new MemoryStorage();
    expect(restoreAutosave(s)).toEqual({ kind: 'none' });
    expect(writeAutosave(s, SAVED, AT)).toBeUndefined();
    expect(restoreAutosave(s)).toEqual({ kind: 'restored', value: SAVED });
  });

  it('keeps an unreadable value under a backup key of its own, never over an earlier one', () => {
    const s = new MemoryStorage();
    s.setItem(AUTOSAVE_KEY, 'garbage one');
    const first = restoreAutosave(s);
    expect(first).toEqual({
      kind: 'unreadable',
      error: 'it is not JSON',
      backupKey: `${AUTOSAVE_BACKUP_PREFIX}.1`,
    });
    // Read again: the same value is not copied twice.
    expect(restoreAutosave(s)).toEqual(first);
    s.setItem(AUTOSAVE_KEY, 'garbage two');
    expect(restoreAutosave(s)).toMatchObject({ backupKey: `${AUTOSAVE_BACKUP_PREFIX}.2` });
    expect(s.getItem(`${AUTOSAVE_BACKUP_PREFIX}.1`)).toBe('garbage one');
    expect(s.getItem(`${AUTOSAVE_BACKUP_PREFIX}.2`)).toBe('garbage two');
  });

  it('says when an unreadable value cannot be kept, and when writing fails', () => {
    const s = new MemoryStorage();
    s.setItem(AUTOSAVE_KEY, 'garbage');
    s.full = true;
    expect(restoreAutosave(s)).toEqual({
      kind: 'unreadable',
      error: 'it is not JSON',
      backupKey: undefined,
    });
    expect(writeAutosave(s, SAVED, AT)).toBe('QuotaExceededError');
    expect(s.getItem(AUTOSAVE_KEY)).toBe('garbage');
  });
});

import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import {
  SAVED_BACKUP_KEY,
  SAVED_KEY,
  deleteSaved,
  loadSaved,
  renameSaved,
  saveScenario,
  type StorageLike,
} from '../../../src/ui/shared/saved-scenarios';

class FakeStorage implements StorageLike {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

function pay(p: number): Scenario {
  const r = withParams(defaultScenario(), { payPerHour: p });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('saved scenarios', () => {
  it('start empty and keep what is saved, under a versioned key', () => {
    const storage = new FakeStorage();
    const empty = loadSaved(storage);
    expect(empty).toEqual({ entries: [], setAside: [] });
    const r = saveScenario(storage, empty, '  Pay 25  ', pay(25));
    expect(r.ok).toBe(true);
    expect(storage.data.has(SAVED_KEY)).toBe(true);
    expect(SAVED_KEY).toMatch(/v1$/);
    const again = loadSaved(storage);
    expect(again.entries).toEqual([{ name: 'Pay 25', scenario: pay(25) }]);
  });

  it('keep the guardrail thresholds saved with a scenario, through a rename', () => {
    const storage = new FakeStorage();
    const t = { belowFloorHoursShare: 0.2, costPerPackage: 3 };
    const r = saveScenario(storage, loadSaved(storage), 'Floor 20', pay(25), t);
    if (!r.ok) throw new Error(r.error);
    expect(loadSaved(storage).entries).toEqual([
      { name: 'Floor 20', scenario: pay(25), thresholds: t },
    ]);
    const renamed = renameSaved(storage, loadSaved(storage), 'Floor 20', 'F');
    expect(renamed.ok).toBe(true);
    expect(loadSaved(storage).entries[0]?.thresholds).toEqual(t);
    // Saved with none set: an empty set, so loading it goes back to the table's thresholds.
    const none = saveScenario(storage, loadSaved(storage), 'Plain', pay(26), {});
    expect(none.ok && none.value.entries[1]?.thresholds).toEqual({});
    expect(loadSaved(storage).entries[1]?.thresholds).toEqual({});
  });

  it('read stored thresholds defensively: unusable values are dropped', () => {
    const storage = new FakeStorage();
    const stored = {
      version: 1,
      entries: [
        {
          name: 'X',
          scenario: { version: 1 },
          thresholds: { weeklyChurnRate: 7, backlogDays: 0.5, onTimeRate: 0.9 },
        },
      ],
    };
    storage.setItem(SAVED_KEY, JSON.stringify(stored));
    expect(loadSaved(storage).entries[0]?.thresholds).toEqual({ backlogDays: 0.5 });
  });

  it('replace a scenario saved under the same name', () => {
    const storage = new FakeStorage();
    let s = loadSaved(storage);
    for (const p of [25, 26]) {
      const r = saveScenario(storage, s, 'Pay', pay(p));
      if (!r.ok) throw new Error(r.error);
      s = r.value;
    }
    expect(loadSaved(storage).entries).toEqual([{ name: 'Pay', scenario: pay(26) }]);
  });

  it('rename and delete', () => {
    const storage = new FakeStorage();
    let s = loadSaved(storage);
    for (const [n, p] of [
      ['A', 25],
      ['B', 30],
    ] as const) {
      const r = saveScenario(storage, s, n, pay(p));
      if (!r.ok) throw new Error(r.error);
      s = r.value;
    }
    expect(renameSaved(storage, s, 'A', 'B')).toEqual({
      ok: false,
      error: expect.stringContaining('already called "B"'),
    });
    const renamed = renameSaved(storage, s, 'A', 'C');
    if (!renamed.ok) throw new Error(renamed.error);
    expect(loadSaved(storage).entries.map((e) => e.name)).toEqual(['C', 'B']);
    const deleted = deleteSaved(storage, renamed.value, 'C');
    if (!deleted.ok) throw new Error(deleted.error);
    expect(loadSaved(storage).entries.map((e) => e.name)).toEqual(['B']);
    expect(deleteSaved(storage, deleted.value, 'nope').ok).toBe(false);
  });

  it('refuse an empty or overlong name', () => {
    const storage = new FakeStorage();
    expect(saveScenario(storage, loadSaved(storage), '   ', pay(25)).ok).toBe(false);
    expect(saveScenario(storage, loadSaved(storage), 'x'.repeat(61), pay(25)).ok).toBe(false);
  });

  it('report bad entries and keep them aside, written back on the next save', () => {
    const storage = new FakeStorage();
    const bad = { name: 'Broken', scenario: { version: 1, params: { payPerHour: 999 } } };
    storage.setItem(
      SAVED_KEY,
      JSON.stringify({
        version: 1,
        entries: [{ name: 'Good', scenario: { params: { payPerHour: 25 } } }, bad, 42],
      }),
    );
    const s = loadSaved(storage);
    expect(s.entries.map((e) => e.name)).toEqual(['Good']);
    expect(s.setAside.map((e) => e.name)).toEqual(['Broken', 'entry 3']);
    expect(s.setAside[0]!.error).toContain('payPerHour');
    const r = saveScenario(storage, s, 'New', pay(30));
    if (!r.ok) throw new Error(r.error);
    const stored = JSON.parse(storage.getItem(SAVED_KEY)!);
    expect(stored.entries).toContainEqual(bad);
    expect(stored.entries).toContainEqual(42);
    const again = loadSaved(storage);
    expect(again.entries.map((e) => e.name)).toEqual(['Good', 'New']);
    expect(again.setAside).toHaveLength(2);
  });

  it('never throw on a store that is not JSON, and back it up before replacing it', () => {
    const storage = new FakeStorage();
    storage.setItem(SAVED_KEY, '{not json');
    const s = loadSaved(storage);
    expect(s.entries).toEqual([]);
    expect(s.problem).toMatch(/could not be read/);
    const r = saveScenario(storage, s, 'A', pay(25));
    expect(r.ok).toBe(true);
    expect(storage.getItem(SAVED_BACKUP_KEY)).toBe('{not json');
    expect(loadSaved(storage).entries.map((e) => e.name)).toEqual(['A']);
  });

  it('report a storage that refuses access or writes instead of throwing', () => {
    const locked: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota exceeded');
      },
    };
    const s = loadSaved(locked);
    expect(s.problem).toContain('denied');
    const r = saveScenario(locked, s, 'A', pay(25));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('quota exceeded') });
  });
});

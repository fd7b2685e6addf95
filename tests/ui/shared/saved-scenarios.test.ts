import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import {
  SAVED_BACKUP_KEY_V1,
  SAVED_BACKUP_PREFIX,
  SAVED_KEY,
  SAVED_VERSION,
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
    expect(again.entries).toEqual([{ id: expect.any(String), name: 'Pay 25', scenario: pay(25) }]);
    expect(JSON.parse(storage.getItem(SAVED_KEY)!).version).toBe(SAVED_VERSION);
  });

  it('keep a scenario’s fit (issue 17)', () => {
    const storage = new FakeStorage();
    const fit = { constants: [{ id: 'noShowRate', value: 0.04, logSe: 0.1 }] };
    const r = saveScenario(storage, loadSaved(storage), 'Fitted', { ...pay(25), fit });
    expect(r.ok).toBe(true);
    expect(loadSaved(storage).entries[0].scenario.fit).toEqual(fit);
  });

  it('keep the guardrail thresholds saved with a scenario, through a rename', () => {
    const storage = new FakeStorage();
    const t = { belowFloorHoursShare: 0.2, costPerPackage: 3 };
    const r = saveScenario(storage, loadSaved(storage), 'Floor 20', pay(25), t);
    if (!r.ok) throw new Error(r.error);
    expect(loadSaved(storage).entries).toEqual([
      { id: expect.any(String), name: 'Floor 20', scenario: pay(25), thresholds: t },
    ]);
    const renamed = renameSaved(storage, loadSaved(storage), 'Floor 20', 'F');
    expect(renamed.ok).toBe(true);
    expect(loadSaved(storage).entries[0]?.thresholds).toEqual(t);
    // Saved with none set: an empty set, so loading it goes back to the table's thresholds.
    const none = saveScenario(storage, loadSaved(storage), 'Plain', pay(26), {});
    expect(none.ok && none.value.entries[1]?.thresholds).toEqual({});
    expect(loadSaved(storage).entries[1]?.thresholds).toEqual({});
  });

  it('keep the smallest changes that matter saved with a scenario, through a rename', () => {
    const storage = new FakeStorage();
    const t = { costPerPackage: 3 };
    const m = { onTimePackagesPerWeek: 500, costPerPackage: 0.1 };
    const r = saveScenario(storage, loadSaved(storage), 'Strict', pay(25), t, m);
    if (!r.ok) throw new Error(r.error);
    expect(loadSaved(storage).entries).toEqual([
      { id: expect.any(String), name: 'Strict', scenario: pay(25), thresholds: t, minChanges: m },
    ]);
    expect(JSON.parse(storage.getItem(SAVED_KEY)!).entries[0].minChanges).toEqual(m);
    expect(renameSaved(storage, loadSaved(storage), 'Strict', 'S').ok).toBe(true);
    expect(loadSaved(storage).entries[0]?.minChanges).toEqual(m);
    // Saved with none set: an empty set, so loading it goes back to the table's.
    const none = saveScenario(storage, loadSaved(storage), 'Plain', pay(26), {}, {});
    expect(none.ok && none.value.entries[1]?.minChanges).toEqual({});
    expect(loadSaved(storage).entries[1]?.minChanges).toEqual({});
  });

  it('read stored smallest changes defensively: unusable values and unknown metrics dropped', () => {
    const storage = new FakeStorage();
    storage.setItem(
      SAVED_KEY,
      JSON.stringify({
        version: 2,
        entries: [
          {
            id: 'a',
            name: 'A',
            scenario: { params: {} },
            minChanges: { costPerPackage: 0.2, fillRate: -1, noSuchMetric: 3, lateRate: 'x' },
          },
          { id: 'b', name: 'B', scenario: { params: {} }, minChanges: [1, 2] },
        ],
      }),
    );
    const [a, b] = loadSaved(storage).entries;
    expect(a?.minChanges).toEqual({ costPerPackage: 0.2 });
    expect(b?.minChanges).toEqual({});
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
    expect(loadSaved(storage).entries).toEqual([
      { id: expect.any(String), name: 'Pay', scenario: pay(26) },
    ]);
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

  it('never throw on a store that is not JSON, back it up at once and say where', () => {
    const storage = new FakeStorage();
    storage.setItem(SAVED_KEY, '{not json');
    const s = loadSaved(storage);
    expect(s.entries).toEqual([]);
    expect(s.problem).toMatch(
      /could not be read \(not JSON\).*copied to "gigsim\.savedScenarios\.backup\.1"/,
    );
    expect(storage.getItem(`${SAVED_BACKUP_PREFIX}1`)).toBe('{not json');
    const r = saveScenario(storage, s, 'A', pay(25));
    expect(r.ok).toBe(true);
    expect(storage.getItem(`${SAVED_BACKUP_PREFIX}1`)).toBe('{not json');
    expect(loadSaved(storage).entries.map((e) => e.name)).toEqual(['A']);
  });

  it('back up each unreadable store under a new key, never over an earlier backup', () => {
    const storage = new FakeStorage();
    // A backup made by version 1 of the app, and one of this version, are left alone.
    storage.setItem(SAVED_BACKUP_KEY_V1, 'old v1 backup');
    storage.setItem(SAVED_KEY, '{first');
    loadSaved(storage);
    loadSaved(storage); // the same text read twice is backed up once
    storage.setItem(SAVED_KEY, '[2]');
    const second = loadSaved(storage);
    expect(second.problem).toMatch(/unexpected shape.*backup\.2/);
    storage.setItem(SAVED_KEY, JSON.stringify({ version: 99, entries: [] }));
    expect(loadSaved(storage).problem).toMatch(/newer version of gigsim \(99\).*backup\.3/);
    expect(storage.getItem(SAVED_BACKUP_KEY_V1)).toBe('old v1 backup');
    expect([1, 2, 3, 4].map((n) => storage.getItem(`${SAVED_BACKUP_PREFIX}${n}`))).toEqual([
      '{first',
      '[2]',
      JSON.stringify({ version: 99, entries: [] }),
      null,
    ]);
  });

  it('refuse to write over an unreadable store that could not be backed up', () => {
    const storage = new FakeStorage();
    storage.setItem(SAVED_KEY, '{broken');
    const full: StorageLike = {
      getItem: (k) => storage.getItem(k),
      setItem: () => {
        throw new Error('quota exceeded');
      },
    };
    const s = loadSaved(full);
    expect(s.problem).toMatch(/could not be backed up/);
    expect(saveScenario(full, s, 'A', pay(25)).ok).toBe(false);
    expect(storage.getItem(SAVED_KEY)).toBe('{broken');
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
    expect(r).toEqual({ ok: false, error: expect.stringContaining('denied') });
    const writeOnlyFails: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota exceeded');
      },
    };
    expect(saveScenario(writeOnlyFails, s, 'A', pay(25))).toEqual({
      ok: false,
      error: expect.stringContaining('quota exceeded'),
    });
  });

  describe('in two tabs', () => {
    it("never erase each other's saves: each change re-reads the store", () => {
      const storage = new FakeStorage();
      const tabA = loadSaved(storage);
      const tabB = loadSaved(storage);
      const a = saveScenario(storage, tabA, 'From A', pay(25));
      const b = saveScenario(storage, tabB, 'From B', pay(30)); // B has not re-read since
      expect(a.ok && b.ok).toBe(true);
      expect(loadSaved(storage).entries.map((e) => e.name)).toEqual(['From A', 'From B']);
    });

    it("find an entry by its id when another tab renamed it, and keep the other tab's saves", () => {
      const storage = new FakeStorage();
      const first = saveScenario(storage, loadSaved(storage), 'X', pay(25));
      if (!first.ok) throw new Error(first.error);
      const tabA = first.value; // A still calls it X
      const renamed = renameSaved(storage, loadSaved(storage), 'X', 'Y'); // B renames it
      if (!renamed.ok) throw new Error(renamed.error);
      saveScenario(storage, renamed.value, 'Z', pay(30)); // and saves another
      const deleted = deleteSaved(storage, tabA, 'X'); // A deletes what it knows as X
      expect(deleted.ok).toBe(true);
      expect(loadSaved(storage).entries.map((e) => e.name)).toEqual(['Z']);
    });
  });

  describe('migrations', () => {
    // Version 1 (commit c64b383 to this one): no ids. Written exactly as that code wrote it.
    const V1 = JSON.stringify({
      version: 1,
      entries: [
        {
          name: 'Pay 25',
          scenario: {
            version: 1,
            seed: 1,
            weeks: 26,
            replications: 16,
            params: { payPerHour: 25 },
          },
        },
        { name: 'Bad', scenario: { params: { payPerHour: 999 } } },
      ],
    });

    it('read a version-1 store, giving each entry an id, and write it back as version 2', () => {
      const storage = new FakeStorage();
      storage.setItem(SAVED_KEY, V1);
      const s = loadSaved(storage);
      expect(s.problem).toBeUndefined();
      expect(s.entries.map((e) => e.name)).toEqual(['Pay 25']);
      expect(s.entries[0]!.id).toMatch(/^[0-9a-f]{18}$/);
      expect(s.entries[0]!.scenario.params.payPerHour).toBe(25);
      expect(s.setAside.map((e) => e.name)).toEqual(['Bad']);
      const r = saveScenario(storage, s, 'New', pay(30));
      if (!r.ok) throw new Error(r.error);
      const stored = JSON.parse(storage.getItem(SAVED_KEY)!);
      expect(stored.version).toBe(2);
      expect(stored.entries.map((e: { name: string }) => e.name)).toEqual(['Pay 25', 'New', 'Bad']);
      expect(stored.entries[0].id).toMatch(/^[0-9a-f]{18}$/);
      // Ids stay put from then on.
      expect(loadSaved(storage).entries.map((e) => e.id)).toEqual(
        stored.entries.slice(0, 2).map((e: { id: string }) => e.id),
      );
    });

    // Version 2 before the smallest changes were saved (commit c99d300): ids and thresholds.
    const V2 = JSON.stringify({
      version: 2,
      entries: [
        {
          id: '0123456789abcdef01',
          name: 'Floor',
          scenario: { version: 1, seed: 1, weeks: 26, replications: 16, params: {} },
          thresholds: { belowFloorHoursShare: 0.2 },
        },
      ],
    });

    it('read a version-1 or early version-2 store without smallest changes, then save them', () => {
      for (const text of [V1, V2]) {
        const storage = new FakeStorage();
        storage.setItem(SAVED_KEY, text);
        const s = loadSaved(storage);
        expect(s.problem).toBeUndefined();
        expect(s.entries).toHaveLength(1);
        expect(s.entries[0]).not.toHaveProperty('minChanges');
        const r = saveScenario(storage, s, 'New', pay(30), {}, { fillRate: 0.05 });
        if (!r.ok) throw new Error(r.error);
        const stored = JSON.parse(storage.getItem(SAVED_KEY)!);
        expect(stored.version).toBe(SAVED_VERSION);
        expect(stored.entries[0]).not.toHaveProperty('minChanges');
        expect(stored.entries[1].minChanges).toEqual({ fillRate: 0.05 });
        const again = loadSaved(storage).entries;
        expect(again[0]?.name).toBe(s.entries[0]?.name);
        expect(again[0]?.thresholds).toEqual(s.entries[0]?.thresholds);
        expect(again[1]?.minChanges).toEqual({ fillRate: 0.05 });
      }
    });

    it('keep ids once written, and give a duplicate or malformed id a new one', () => {
      const storage = new FakeStorage();
      const scenario = { params: {} };
      storage.setItem(
        SAVED_KEY,
        JSON.stringify({
          version: 2,
          entries: [
            { id: 'abc', name: 'A', scenario },
            { id: 'abc', name: 'B', scenario },
            { id: '<script>', name: 'C', scenario },
          ],
        }),
      );
      const ids = loadSaved(storage).entries.map((e) => e.id);
      expect(ids[0]).toBe('abc');
      expect(new Set(ids).size).toBe(3);
      expect(ids[2]).toMatch(/^[0-9a-f]{18}$/);
    });

    it('treat a store without a known version as unreadable, backed up', () => {
      const storage = new FakeStorage();
      storage.setItem(SAVED_KEY, JSON.stringify({ entries: [] }));
      expect(loadSaved(storage).problem).toMatch(/have no version/);
      expect(storage.getItem(`${SAVED_BACKUP_PREFIX}1`)).not.toBeNull();
    });

    it('name a missing version as missing, not "undefined", and quote a long one short (found by the browser fuzz)', () => {
      const storage = new FakeStorage();
      storage.setItem(SAVED_KEY, '{"params":{"valueOf":1}}');
      expect(loadSaved(storage).problem).not.toMatch(/undefined/);
      storage.setItem(SAVED_KEY, JSON.stringify({ version: 'v'.repeat(5000), entries: [] }));
      const problem = loadSaved(storage).problem ?? '';
      expect(problem).toMatch(/unknown version \("v+…\)/);
      expect(problem.length).toBeLessThan(300);
    });
  });
});

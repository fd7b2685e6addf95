/** The per-skill history: recorded, read back, progress computed, and a damaged store read defensively. */
import { describe, expect, it } from 'vitest';
import { HISTORY_KEY } from '../../src/model/scoring';
import {
  EMPTY_SKILLS,
  ENTRIES_KEPT,
  SKILLS_ASIDE_KEY,
  SKILLS_KEY,
  loadSkills,
  recordSkills,
  skillProgress,
  type SkillEntry,
  type SkillStorage,
} from '../../src/model/skills';

class FakeStorage implements SkillStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

const entry = (n: number, scores: SkillEntry['scores']): SkillEntry => ({
  code: `Q-${n}`,
  kind: 'question',
  date: '2026-11-30',
  scores,
});

describe('skill history', () => {
  it('records entries and reads them back, with progress per skill', () => {
    const s = new FakeStorage();
    let store = loadSkills(s);
    expect(store).toEqual(EMPTY_SKILLS);
    for (let k = 0; k < 7; k++) {
      const r = recordSkills(s, store, entry(k, { northStar: k < 5 ? 0 : 1, call: 0.5 }));
      if (!r.ok) throw new Error(r.error);
      store = r.value;
    }
    const back = loadSkills(s);
    expect(back.entries).toHaveLength(7);
    expect(back.problems).toEqual([]);
    const p = skillProgress(back);
    const ns = p.find((x) => x.skill === 'northStar')!;
    expect(ns).toMatchObject({ rounds: 7, first: 0, last: 0.4 });
    expect(ns.mean).toBeCloseTo(2 / 7, 12);
    expect(p.find((x) => x.skill === 'diagnosis')!.rounds).toBe(0);
  });

  it('keeps the last entries only', () => {
    const s = new FakeStorage();
    let store = loadSkills(s);
    for (let k = 0; k < ENTRIES_KEPT + 3; k++) {
      const r = recordSkills(s, store, entry(k, { size: 1 }));
      if (!r.ok) throw new Error(r.error);
      store = r.value;
    }
    expect(loadSkills(s).entries).toHaveLength(ENTRIES_KEPT);
    expect(loadSkills(s).entries[0].code).toBe('Q-3');
  });

  it('reports a damaged store in one sentence, keeps it aside, and touches nothing else', () => {
    const s = new FakeStorage();
    s.setItem(HISTORY_KEY, '{"version":1,"prompts":{}}');
    s.setItem(SKILLS_KEY, '{not json');
    const store = loadSkills(s);
    expect(store.entries).toEqual([]);
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]).toMatch(
      /could not be read .* kept aside .* prompt scores and workspace are not affected/,
    );
    const r = recordSkills(s, store, entry(1, { call: 1 }));
    expect(r.ok).toBe(true);
    expect(s.getItem(SKILLS_ASIDE_KEY)).toBe('{not json');
    expect(s.getItem(HISTORY_KEY)).toBe('{"version":1,"prompts":{}}');
    expect(loadSkills(s).entries).toHaveLength(1);
  });

  it('leaves out entries that do not read, says how many, and writes them back', () => {
    const s = new FakeStorage();
    const good = entry(1, { guardrails: 0.75 });
    s.setItem(
      SKILLS_KEY,
      JSON.stringify({
        version: 1,
        entries: [good, { code: 3 }, { ...good, scores: { call: 7 } }],
      }),
    );
    const store = loadSkills(s);
    expect(store.entries).toEqual([good]);
    expect(store.problems[0]).toMatch(/^2 stored practice results could not be read/);
    const r = recordSkills(s, store, entry(2, { call: 1 }));
    if (!r.ok) throw new Error(r.error);
    expect(JSON.parse(s.getItem(SKILLS_KEY)!).entries).toHaveLength(4);
  });

  it('says so when the storage refuses, without throwing', () => {
    const refusing: SkillStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadSkills(refusing).problems[0]).toMatch(/denied/);
    const r = recordSkills(refusing, EMPTY_SKILLS, entry(1, {}));
    expect(r.ok).toBe(false);
  });
});

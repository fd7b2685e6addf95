/**
 * The root-cause drills (src/model/drills/, docs/PRACTICE.md): every template's hidden cause is
 * found by the reference solver within the budget over several seeds; a code reproduces its
 * drill, data and grade; grading gives feedback for right and wrong answers; the templates are
 * told apart by their symptoms.
 */
import { describe, expect, it } from 'vitest';
import { decodeDrill, drillOfTheDay, encodeDrill } from '../../src/model/drills/code';
import { drillFromCode, drillPrompt, makeDrill, type Drill } from '../../src/model/drills/drill';
import { FEATURES, type Move } from '../../src/model/drills/features';
import { gradeDrill } from '../../src/model/drills/grade';
import type { DrillHistory } from '../../src/model/drills/history';
import { SLICES, observe, querySlice } from '../../src/model/drills/slices';
import { solve } from '../../src/model/drills/solver';
import { FIXES, TEMPLATES, expectation, type FixId } from '../../src/model/drills/templates';
import { drillHistory } from '../../src/run/drill-history';

const SEEDS = [1, 2, 3];
const histories = new Map<string, DrillHistory>();
function history(d: Drill): DrillHistory {
  const key = `${d.template.id}/${d.seed}`;
  let h = histories.get(key);
  if (!h) {
    h = drillHistory(d.scenario);
    histories.set(key, h);
  }
  return h;
}
const drill = (k: number, seed: number): Drill =>
  makeDrill(TEMPLATES[k], seed, encodeDrill(k, seed));

describe('the root-cause drills', () => {
  it('has at least 20 templates, each with a change, a fix, a headline and a signature', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    for (const t of TEMPLATES) {
      expect(Object.keys(t.change).length).toBeGreaterThan(0);
      expect(t.fixes.length).toBeGreaterThan(0);
      for (const f of t.fixes) expect(FIXES[f]).toBeTruthy();
      expect(FEATURES.some((f) => f.id === t.headline)).toBe(true);
      expect(Object.values(t.signature).some((m) => m !== 'flat' && m !== 'any')).toBe(true);
    }
  });

  it('the reference solver finds every hidden cause within the budget, over several seeds', () => {
    const misses: string[] = [];
    for (let k = 0; k < TEMPLATES.length; k++) {
      for (const seed of SEEDS) {
        const d = drill(k, seed);
        const s = solve(history(d), d.budget, d.template.headline);
        expect(s.steps.length).toBeLessThanOrEqual(d.budget);
        if (s.cause !== d.template.id) misses.push(`${d.template.id} seed ${seed} → ${s.cause}`);
        else expect(d.template.fixes).toContain(s.fix);
      }
    }
    expect(misses).toEqual([]);
  }, 120_000);

  it('each headline moves the way its prompt says, and the prompt gives no cause away', () => {
    for (let k = 0; k < TEMPLATES.length; k++) {
      const d = drill(k, 1);
      const p = drillPrompt(d, history(d));
      expect(p.weekly).toHaveLength(d.scenario.weeks);
      expect(p.weekly.every(Number.isFinite)).toBe(true);
      expect(p.text).toMatch(/(rose|fell) from .* in weeks 1–\d+ to .* in weeks \d+–12/);
      expect(p.text.toLowerCase()).not.toContain(d.template.cause.toLowerCase());
    }
  });

  it('no two templates share their symptoms: their data differ, and so do the signatures of causes behind one headline', () => {
    const moves = TEMPLATES.map((_t, k) => {
      const h = history(drill(k, 1));
      return new Map(FEATURES.map((f) => [f.id, observe(h, f).move] as [string, Move]));
    });
    for (let a = 0; a < TEMPLATES.length; a++) {
      for (let b = a + 1; b < TEMPLATES.length; b++) {
        const [ta, tb] = [TEMPLATES[a], TEMPLATES[b]];
        // Two causes behind one headline must conflict somewhere in their signatures (the
        // solver starts from the causes of the prompt's headline); all must differ in data.
        const conflict =
          ta.headline !== tb.headline ||
          FEATURES.some((f) => {
            const ea = expectation(ta, f.id);
            const eb = expectation(tb, f.id);
            // Different expectations: some reading of the measure fits one and not the other.
            return ea !== undefined && eb !== undefined && ea !== eb;
          });
        expect(conflict, `${ta.id} / ${tb.id} signatures`).toBe(true);
        const differ = FEATURES.some((f) => moves[a].get(f.id) !== moves[b].get(f.id));
        expect(differ, `${ta.id} / ${tb.id} data`).toBe(true);
      }
    }
  });

  it('a code reproduces its drill, its data, its slices and its grade', () => {
    const code = encodeDrill(5, 123456);
    expect(decodeDrill(code)).toEqual({ template: 5, seed: 123456 });
    expect(decodeDrill(code.toLowerCase().replace(/(....)/, '$1-'))).toEqual(decodeDrill(code));
    expect(code).not.toContain(TEMPLATES[5].id);
    const a = drillFromCode(code);
    const b = drillFromCode(code);
    if (!a || !b) throw new Error('code did not decode');
    expect(b.scenario).toEqual(a.scenario);
    const [ha, hb] = [drillHistory(a.scenario), drillHistory(b.scenario)];
    for (const s of SLICES) expect(querySlice(hb, s.id)).toEqual(querySlice(ha, s.id));
    const answer = {
      cause: 'payCut',
      fix: 'raisePay' as FixId,
      queries: ['pay', 'supply'] as const,
    };
    expect(gradeDrill(b, hb, answer)).toEqual(gradeDrill(a, ha, answer));
    // Neighbouring seeds and templates give unrelated codes.
    expect(encodeDrill(5, 123457)).not.toBe(code);
    expect(drillFromCode('nope')).toBeUndefined();
    expect(drillFromCode('UUUUUUUU')).toBeUndefined();
  });

  it('the drill of the day is one code a date, and cycles through the templates', () => {
    expect(drillOfTheDay('2026-11-30', TEMPLATES.length)).toBe(
      drillOfTheDay('2026-11-30', TEMPLATES.length),
    );
    const seen = new Set<number>();
    for (let day = 1; day <= TEMPLATES.length; day++) {
      const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
      seen.add(decodeDrill(drillOfTheDay(date, TEMPLATES.length))?.template ?? -1);
    }
    expect(seen.size).toBe(TEMPLATES.length);
  });

  it('grades right, close and wrong answers with feedback on each, in that order of score', () => {
    const k = TEMPLATES.findIndex((t) => t.id === 'loadingBottleneck');
    const d = drill(k, 2);
    const h = history(d);
    const right = gradeDrill(d, h, {
      cause: 'loadingBottleneck',
      fix: 'addLoading',
      queries: ['slots', 'routes'],
    });
    const close = gradeDrill(d, h, {
      cause: 'slowLoading',
      fix: 'cutLoadTime',
      queries: ['slots'],
    });
    const wrong = gradeDrill(d, h, {
      cause: 'surgeOff',
      fix: 'surgeOn',
      queries: ['packages', 'plan', 'lengths', 'waves', 'pay'],
    });
    expect(right.cause).toBe('right');
    expect(right.fixRight).toBe(true);
    expect(right.score).toBeGreaterThanOrEqual(95);
    expect(close.cause).toBe('family');
    expect(wrong.cause).toBe('wrong');
    expect(wrong.fixRight).toBe(false);
    expect(right.score).toBeGreaterThan(close.score);
    expect(close.score).toBeGreaterThan(wrong.score);
    expect(right.feedback[0]).toMatch(/^Right: .*Station wait/);
    expect(close.feedback[0]).toMatch(/^Not “.*”\..*both are station causes.*The hidden cause: /);
    // The wrong answer is told what its cause would have shown, and what the data show.
    expect(wrong.feedback[0]).toMatch(/Had it been the cause, .* would have/);
    expect(wrong.feedback[1]).toMatch(/does not answer it; .* would\./);
    expect(right.feedback[1]).toMatch(/yes, that answers it/);
    expect(right.feedback[2]).toMatch(/You used 2 of 5 queries; the model answer used \d/);
    expect(right.model.cause).toBe('loadingBottleneck');
    expect(right.model.steps.length).toBeGreaterThan(0);
    for (const s of right.model.steps) expect(s.observed.length).toBeGreaterThan(0);
  });
});

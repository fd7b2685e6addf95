/**
 * Practice codes: a code gives its kind, item and seed back; the runs of a code do not depend
 * on the workspace; the same code and the same answers give the same score (two runs of the
 * engine, graded); the code of the day is one per kind and date.
 */
import { describe, expect, it } from 'vitest';
import { NO_ANSWERS, type ArcAnswers } from '../../src/model/arc';
import { gradeQuestion } from '../../src/model/arc-round';
import { METRICS } from '../../src/model/metrics';
import {
  PRACTICE_RUN,
  codeOfTheDay,
  practiceCode,
  readPracticeCode,
} from '../../src/model/practice-code';
import { NORTH_STAR, PROMPTS, promptRun, type Prompt } from '../../src/model/prompts';
import { defaultScenario, pairedWith } from '../../src/model/scenario';
import { truthsOf } from '../../src/model/scoring';
import { SHIP_DRILLS } from '../../src/model/ship-drills';
import { runReplication } from '../../src/sim/engine';
import { compare } from '../../src/sim/stats';

const COUNTS = { question: PROMPTS.length, ship: SHIP_DRILLS.length };

describe('practice codes', () => {
  it('read back their kind, item and seed, however they are typed', () => {
    for (const [kind, index, seed] of [
      ['question', 0, 1],
      ['question', PROMPTS.length - 1, 4_294_967_295],
      ['ship', 3, 123_456],
    ] as const) {
      const code = practiceCode(kind, index, seed);
      expect(code).toMatch(/^[QS]-[0-9A-Z]{8}$/);
      expect(readPracticeCode(code, COUNTS)).toEqual({ kind, index, seed });
      expect(readPracticeCode(` ${code.toLowerCase().replace('-', '')} `, COUNTS)).toEqual({
        kind,
        index,
        seed,
      });
    }
    // Neighbouring seeds give unrelated codes.
    expect(practiceCode('question', 0, 1).slice(2, 6)).not.toBe(
      practiceCode('question', 0, 2).slice(2, 6),
    );
  });

  it('refuse what is not a code, or names no item', () => {
    expect(readPracticeCode('', COUNTS)).toBeUndefined();
    expect(readPracticeCode('Q-123', COUNTS)).toBeUndefined();
    expect(readPracticeCode('X-2F3EW2JE', COUNTS)).toBeUndefined();
    expect(readPracticeCode(practiceCode('ship', 20, 1), COUNTS)).toBeUndefined();
  });

  it('of the day: one per kind and date, stable, and cycling through the list', () => {
    const a = codeOfTheDay('question', '2026-11-30', PROMPTS.length);
    expect(codeOfTheDay('question', '2026-11-30', PROMPTS.length)).toBe(a);
    expect(codeOfTheDay('question', '2026-12-01', PROMPTS.length)).not.toBe(a);
    expect(codeOfTheDay('ship', '2026-11-30', SHIP_DRILLS.length)).toMatch(/^S-/);
    const items = new Set<number>();
    for (let d = 1; d <= PROMPTS.length; d++) {
      const date = `2026-12-${String(d).padStart(2, '0')}`;
      items.add(readPracticeCode(codeOfTheDay('question', date, PROMPTS.length), COUNTS)!.index);
    }
    expect(items.size).toBe(PROMPTS.length);
  });

  it('give the same runs whatever the workspace holds', () => {
    const prompt = PROMPTS[0];
    const a = promptRun(prompt, defaultScenario(), 77);
    const b = promptRun(prompt, { ...defaultScenario(), seed: 5, weeks: 52, replications: 64 }, 77);
    expect(a).toEqual(b);
    if (!a.ok) throw new Error(a.error);
    expect(a.value.baseline).toMatchObject({
      seed: 77,
      weeks: PRACTICE_RUN.weeks,
      replications: PRACTICE_RUN.replications,
    });
  });

  it('give the same score for the same answers (two runs of the engine)', () => {
    const prompt = PROMPTS.find((p) => p.id === 'buffer-20') as Prompt;
    const code = practiceCode('question', PROMPTS.indexOf(prompt), 9);
    const answers: ArcAnswers = {
      ...NO_ANSWERS,
      northStar: NORTH_STAR,
      guardrails: ['costPerPackage', 'idlePaidHoursShare'],
      predictions: { 'costPerPackage:long': 'up', 'onTimeRate:long': 'up' },
      sizes: { 'costPerPackage:long': 'medium' },
      call: 'change',
    };
    const grade = () => {
      const c = readPracticeCode(code, COUNTS)!;
      const pair = promptRun(PROMPTS[c.index], defaultScenario(), c.seed);
      if (!pair.ok) throw new Error(pair.error);
      // Fewer replications than the app runs, to keep the test short: the point is that two
      // runs of the same code agree.
      const baseline = { ...pair.value.baseline, replications: 2 };
      const scenario = pairedWith(baseline, { ...pair.value.scenario, replications: 2 });
      const cmp = compare(
        [0, 1].map((k) => runReplication(baseline, k)),
        [0, 1].map((k) => runReplication(scenario, k)),
      );
      const measured = truthsOf(
        cmp,
        METRICS.map((m) => m.id),
      );
      return gradeQuestion(prompt, answers, measured, baseline.params, scenario.params);
    };
    const first = grade();
    const second = grade();
    expect(second.score).toBe(first.score);
    expect(second.skills).toEqual(first.skills);
    expect(first.score).toBeGreaterThan(0);
  });
});

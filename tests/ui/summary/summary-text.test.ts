import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/model/scenario';
import { SupersededError } from '../../../src/run/pool';
import {
  NO_BREACH,
  failureText,
  guardrailsAre,
  progressPercent,
  ranText,
  settingsText,
  thresholdSide,
} from '../../../src/ui/summary/summary-text';

describe('the summary’s sentences', () => {
  it('says when the comparison was run, to the minute in UTC', () => {
    expect(ranText(new Date('2026-11-30T13:41:59.900Z'))).toBe('Run 2026-11-30 13:41 UTC');
    expect(ranText(undefined)).toBe('Not run yet');
  });

  it('names the run settings, the two periods and what the intervals are', () => {
    const s = { ...defaultScenario(), weeks: 8, replications: 4, seed: 7 };
    const text = settingsText(s);
    expect(text).toMatch(/^gigsim what-if simulation · 8 weeks, 4 paired replications, seed 7 · /);
    expect(text).toContain('short run = weeks 1–4');
    expect(text).toContain('long run = weeks 1–8');
    expect(text).toMatch(/intervals are 95% intervals of the paired difference$/);
  });

  it('gives the progress as a whole percentage within 0–100', () => {
    expect(progressPercent(0)).toBe(0);
    expect(progressPercent(0.256)).toBe(26);
    expect(progressPercent(1.2)).toBe(100);
    expect(progressPercent(-0.1)).toBe(0);
  });

  it('says why the comparison failed, and to open the summary again when superseded', () => {
    expect(failureText(new Error('worker died'))).toBe('worker died');
    expect(failureText(42)).toBe('42');
    expect(failureText(new SupersededError())).toBe(
      'another run took the simulation over before this summary was complete; open the summary again',
    );
  });

  it('says that no guardrail is breached, or how many are', () => {
    expect(NO_BREACH).toBe('No guardrail is breached by the scenario.');
    expect(`${1} ${guardrailsAre(1)} breached`).toBe('1 guardrail is breached');
    expect(`${2} ${guardrailsAre(2)} breached`).toBe('2 guardrails are breached');
  });

  it('reads a threshold as a ceiling or a floor', () => {
    expect(thresholdSide(true)).toEqual({ words: 'at most', sign: '≤' });
    expect(thresholdSide(false)).toEqual({ words: 'at least', sign: '≥' });
  });
});

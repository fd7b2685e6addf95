import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import {
  CURRENT_NAME,
  DEFAULT_PRESENT_METRICS,
  clampStart,
  deckSlides,
  orderedMetrics,
  stepWindow,
  windowText,
} from '../../../src/ui/present/presentation-deck';
import { METRICS } from '../../../src/model/metrics';

function changed(s: Scenario, changes: Record<string, unknown>): Scenario {
  const r = withParams(s, changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('the presentation deck', () => {
  it('puts the workspace scenario first, then the saved ones, all on the baseline’s run settings', () => {
    const baseline = { ...defaultScenario(), weeks: 8, replications: 4, seed: 7 };
    const current = {
      ...changed(defaultScenario(), { payPerHour: 25 }),
      weeks: 8,
      replications: 4,
      seed: 7,
    };
    const saved = [
      { name: 'Long blocks', scenario: changed(defaultScenario(), { blockHours: 5 }) },
      {
        name: 'No surge',
        scenario: { ...changed(defaultScenario(), { surgeEnabled: false }), weeks: 52 },
      },
    ];
    const slides = deckSlides(current, saved, baseline);
    expect(slides.map((s) => s.name)).toEqual([CURRENT_NAME, 'Long blocks', 'No surge']);
    expect(slides.map((s) => s.current)).toEqual([true, false, false]);
    for (const s of slides) {
      expect([s.scenario.seed, s.scenario.weeks, s.scenario.replications]).toEqual([7, 8, 4]);
    }
    expect(slides[1]!.scenario.params.blockHours).toBe(5);
    expect(slides[2]!.scenario.params.surgeEnabled).toBe(false);
  });

  it('moves a window of up to four scenarios one at a time, never past either end', () => {
    expect(stepWindow(0, 1, 4, 5)).toBe(1);
    expect(stepWindow(1, 1, 4, 5)).toBe(1);
    expect(stepWindow(1, -1, 4, 5)).toBe(0);
    expect(stepWindow(0, -1, 2, 5)).toBe(0);
    expect(stepWindow(2, 1, 2, 5)).toBe(3);
    expect(stepWindow(3, 1, 2, 5)).toBe(3);
    expect(clampStart(9, 4, 2)).toBe(0);
    expect(clampStart(-3, 1, 3)).toBe(0);
    expect(clampStart(2.7, 1, 5)).toBe(2);
  });

  it('says which scenarios are shown', () => {
    expect(windowText(0, 4, 5)).toBe('Scenarios 1–4 of 5');
    expect(windowText(3, 2, 5)).toBe('Scenarios 4–5 of 5');
    expect(windowText(0, 4, 1)).toBe('Scenario 1 of 1');
    expect(windowText(0, 4, 0)).toBe('No scenarios');
  });

  it('shows six metrics by default, in the table’s order whatever order they were picked in', () => {
    expect(DEFAULT_PRESENT_METRICS).toHaveLength(6);
    const ids = METRICS.map((m) => m.id);
    for (const id of DEFAULT_PRESENT_METRICS) expect(ids).toContain(id);
    expect(orderedMetrics(ids, new Set(['fillRate', 'onTimeRate'] as const))).toEqual([
      'onTimeRate',
      'fillRate',
    ]);
  });
});

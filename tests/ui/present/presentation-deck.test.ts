import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import {
  CURRENT_NAME,
  DEFAULT_PRESENT_METRICS,
  clampStart,
  deckSlides,
  leverLine,
  orderedMetrics,
  stepWindow,
  windowSlides,
  windowText,
} from '../../../src/ui/present/presentation-deck';
import type { LeverChange } from '../../../src/ui/shared/comparison-rows';
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
});

describe('the window over the deck', () => {
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

  it('shows the slides of the window with their places in the deck, kept within it', () => {
    const slides = ['A', 'B', 'C', 'D', 'E'].map((name) => ({
      name,
      scenario: defaultScenario(),
      current: false,
    }));
    const names = (start: number, size: number) =>
      windowSlides(slides, start, size).map(({ slide, index }) => `${index}${slide.name}`);
    expect(names(1, 2)).toEqual(['1B', '2C']);
    expect(names(4, 3)).toEqual(['2C', '3D', '4E']);
    expect(names(0, 9)).toEqual(['0A', '1B', '2C', '3D', '4E']);
    expect(windowSlides([], 0, 4)).toEqual([]);
  });
});

describe('what the table shows', () => {
  it('shows six metrics by default, in the table’s order whatever order they were picked in', () => {
    expect(DEFAULT_PRESENT_METRICS).toHaveLength(6);
    const ids = METRICS.map((m) => m.id);
    for (const id of DEFAULT_PRESENT_METRICS) expect(ids).toContain(id);
    expect(orderedMetrics(ids, new Set(['fillRate', 'onTimeRate'] as const))).toEqual([
      'onTimeRate',
      'fillRate',
    ]);
  });

  it('heads a column with the first three levers changed and counts the rest', () => {
    const lever = (label: string, scenario: string): LeverChange => ({
      id: label,
      label,
      unit: '',
      baseline: '',
      scenario,
    });
    expect(leverLine([])).toBe('same levers as the baseline');
    expect(leverLine([lever('Pay per block hour', '24.2 $/h')])).toBe(
      'Pay per block hour: 24.2 $/h',
    );
    const five = ['a', 'b', 'c', 'd', 'e'].map((l) => lever(l, '1'));
    expect(leverLine(five.slice(0, 3))).toBe('a: 1 · b: 1 · c: 1');
    expect(leverLine(five)).toBe('a: 1 · b: 1 · c: 1 · +2 more');
  });
});

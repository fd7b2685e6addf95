import { describe, expect, it } from 'vitest';
import { METRIC_BY_ID, type MetricDef } from '../../../src/model/metrics';
import { defaultScenario, pairedWith, withParams } from '../../../src/model/scenario';
import { runReplication } from '../../../src/sim/engine';
import { compare } from '../../../src/sim/stats';
import {
  leverMoves,
  roundToSum,
  shownStep,
  whyChains,
  whyData,
  whySentence,
  type WhyData,
} from '../../../src/ui/workspace/why-data';

const def = (id: string) => METRIC_BY_ID.get(id) as MetricDef;

describe('why it moved, as the waterfall shows it', () => {
  it('rounds parts so the shown parts add up to the shown total', () => {
    const values = [1.4, 1.4, 1.4, -0.6, 2.45];
    const shown = roundToSum(values, 1);
    expect(shown.reduce((a, b) => a + b, 0)).toBe(Math.round(6.05));
    for (let i = 0; i < values.length; i++) expect(Math.abs(shown[i] - values[i])).toBeLessThan(1);
    const cents = roundToSum([0.123, 0.456, -0.078], 0.01);
    expect(cents.reduce((a, b) => a + b, 0)).toBeCloseTo(0.5, 12);
    expect(shownStep(def('onTimePackagesPerWeek'))).toBe(1);
    expect(shownStep(def('onTimeRate'))).toBeCloseTo(0.0001, 15);
  });

  it('says how much the metric fell and what from, with what offset it', () => {
    const metric = def('onTimePackagesPerWeek');
    const row = (id: string, label: string, mean: number) => ({
      id,
      label,
      mean,
      low: mean - 10,
      high: mean + 10,
      shown: mean,
    });
    const data: WhyData = {
      metric,
      parts: [
        row('unfilled', 'Blocks left unfilled', -1500),
        row('noShows', 'No-shows', -100),
        row('fallback', 'Overflow to fallback', 360),
      ],
      total: { ...row('total', 'Total change', -1240), low: -1400, high: -1100 },
    };
    expect(whySentence(data)).toBe(
      'On-time packages per week fell 1,240 packages/week [−1,400, −1,100]: 121% from blocks left unfilled, 8% from no-shows; offset by overflow to fallback (+360).',
    );
    const flat = { ...data, total: { ...data.total, low: -2000, high: 100 } };
    expect(whySentence(flat)).toMatch(
      /^On-time packages per week did not move beyond its interval/,
    );
  });

  // Four runs with their warm-ups: more than the default 5 s on a loaded machine.
  it(
    'reads a run: a pay cut loses on-time packages to unfilled blocks',
    { timeout: 30_000 },
    () => {
      const base = { ...defaultScenario(), weeks: 6, replications: 2 };
      const cut = withParams(base, { payPerHour: 16 });
      if (!cut.ok) throw new Error(cut.error);
      const s = pairedWith(base, cut.value);
      const c = compare(
        [0, 1].map((k) => runReplication(base, k)),
        [0, 1].map((k) => runReplication(s, k)),
      );
      const data = whyData(c, 'onTimePackagesPerWeek', 'longRun');
      expect(data).toBeDefined();
      if (!data) return;
      const shownSum = data.parts.reduce((a, p) => a + p.shown, 0);
      expect(shownSum).toBe(data.total.shown);
      expect(Math.abs(data.total.shown - data.total.mean)).toBeLessThanOrEqual(0.5 + 1e-9);
      const unfilled = data.parts.find((p) => p.id === 'unfilled');
      expect(unfilled?.mean).toBeLessThan(0);
      expect(whySentence(data)).toMatch(
        /^On-time packages per week fell .*% from blocks left unfilled/,
      );
      expect(leverMoves(base, s)).toEqual([{ id: 'payPerHour', direction: -1 }]);
      const chains = whyChains(c, base, s, 'onTimePackagesPerWeek', 'longRun');
      expect(chains.considered).toBeGreaterThan(0);
      expect(chains.note.length).toBeGreaterThan(0);
      // The Gini splits into drivers with no hours and uneven hours among the rest.
      const gini = whyData(c, 'hoursGini', 'longRun');
      expect(gini?.parts.map((p) => p.id)).toEqual(['noHours', 'uneven']);
      expect(gini?.parts.reduce((a, p) => a + p.shown, 0)).toBeCloseTo(
        gini?.total.shown ?? NaN,
        12,
      );
    },
  );
});

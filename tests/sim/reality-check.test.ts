/**
 * The reality check at the defaults (docs/MODEL.md section 6): every fact of
 * src/model/reality-facts.ts is run as the Model page runs it (its setup and change on the
 * default scenario, paired replications) and its measured figure judged against its numeric
 * target. Facts that make the same runs share one comparison.
 */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/model/results';
import { REALITY_FACTS, planFact, planKey, type FactPlan } from '../../src/model/reality-facts';
import { judge, measure } from '../../src/model/reality-measure';
import { defaultScenario, pairedWith, type Scenario } from '../../src/model/scenario';
import { runReplication } from '../../src/sim/engine';
import { compare } from '../../src/sim/stats';

const REPS = 12;

function runs(s: Scenario) {
  return Array.from({ length: REPS }, (_, k) => runReplication(s, k));
}

const cache = new Map<string, Comparison>();
function comparisonFor(plan: FactPlan): Comparison {
  const key = planKey(plan);
  let c = cache.get(key);
  if (!c) {
    const base = runs(plan.baseline);
    const scen =
      plan.scenario === plan.baseline ? base : runs(pairedWith(plan.baseline, plan.scenario));
    c = compare(base, scen);
    cache.set(key, c);
  }
  return c;
}

describe('the reality check at the defaults', () => {
  it('has at least 12 facts, each with a source to open and a numeric target', () => {
    expect(REALITY_FACTS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(REALITY_FACTS.map((f) => f.id)).size).toBe(REALITY_FACTS.length);
    for (const f of REALITY_FACTS) {
      expect(f.source.url, f.id).toMatch(/^(https:\/\/|docs\/)/);
      expect(f.target.low !== undefined || f.target.high !== undefined, f.id).toBe(true);
    }
  });

  for (const fact of REALITY_FACTS) {
    it(`reproduces "${fact.title}" (${fact.id})`, { timeout: 60_000 }, () => {
      const plan = planFact(fact, { ...defaultScenario(), replications: REPS });
      if (!plan.ok) throw new Error(plan.error);
      const judged = judge(
        measure(fact.measure, comparisonFor(plan.value), plan.value.moved),
        fact.target,
      );
      expect(
        judged.verdict,
        `${fact.id}: measured ${JSON.stringify(judged.measured)}, ${judged.reason}`,
      ).toBe('pass');
    });
  }
});

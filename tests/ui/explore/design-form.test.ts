/** The Global design tool's form: defaults, editing, and reading it into a design spec or a message naming the field. */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../src/model/metrics';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import { planDesign } from '../../../src/run/design-plan';
import {
  MAX_BROWSER_POINTS,
  defaultDesignForm,
  designCheck,
  designSizeText,
  factorForm,
  readDesignForm,
  withFactor,
  withFactorAdded,
  withoutFactor,
  type DesignForm,
} from '../../../src/ui/explore/design-form';

const scenario: Scenario = { ...defaultScenario(), seed: 7, weeks: 10, replications: 8 };
const baseline: Scenario = { ...scenario };

function error(form: DesignForm): string {
  const r = readDesignForm(form, baseline, scenario);
  if (r.ok) throw new Error('expected the form to be refused');
  return r.error;
}

describe('the design form', () => {
  it('starts as a small Morris screening around the scenario, and reads into a spec', () => {
    const form = defaultDesignForm(scenario);
    expect(form).toMatchObject({ kind: 'morris', n: '4', replications: '2', weeks: '10' });
    // ±20% around the scenario's pay (22 $/h), rounded outward to its 0.5 step.
    expect(form.factors[0]).toEqual({ id: 'payPerHour', from: '17.5', to: '26.5' });
    const r = readDesignForm(form, baseline, scenario);
    if (!r.ok) throw new Error(r.error);
    const spec = r.value;
    expect(spec.factors[0]).toEqual({ id: 'payPerHour', from: 17.5, to: 26.5 });
    expect(spec.metrics).toEqual(METRICS.map((m) => m.id));
    expect(spec.period).toBe('whole');
    // The form's weeks and replications on both sides, the scenario's seed and parameters.
    for (const s of [spec.scenario, spec.baseline]) {
      expect(s).toMatchObject({ seed: 7, weeks: 10, replications: 2 });
    }
    expect(spec.scenario.params).toEqual(scenario.params);
  });

  it('keeps a default range within the parameter bounds', () => {
    const s = withParams(scenario, { payPerHour: 10, noShowRate: 0 });
    if (!s.ok) throw new Error(s.error);
    // At its minimum, pay spans up from it; a share at 0 spans 20% of its range.
    expect(factorForm('payPerHour', s.value)).toEqual({ id: 'payPerHour', from: '10', to: '12' });
    const noShow = factorForm('noShowRate', s.value);
    expect(noShow.from).toBe('0');
    expect(Number(noShow.to)).toBeGreaterThan(0);
  });

  it('adds, changes and removes factors', () => {
    let form = defaultDesignForm(scenario);
    form = withFactorAdded(form, scenario);
    expect(form.factors).toHaveLength(3);
    expect(new Set(form.factors.map((f) => f.id)).size).toBe(3);
    form = withFactor(form, 2, { from: '1' }, scenario);
    expect(form.factors[2]?.from).toBe('1');
    // A new parameter takes its own default range.
    form = withFactor(form, 2, { id: 'noShowRate' }, scenario);
    expect(form.factors[2]).toEqual(factorForm('noShowRate', scenario));
    form = withoutFactor(form, 0);
    expect(form.factors.map((f) => f.id)).toEqual(['demandPerDay', 'noShowRate']);
  });

  it('names the field that is wrong', () => {
    const form = defaultDesignForm(scenario);
    const pay = (from: string, to: string) =>
      withFactor(form, 0, { from, to }, scenario) as DesignForm;
    expect(error(pay('abc', '20'))).toBe(
      'Factor 1 (Pay per block hour): "From" must be a number, got "abc".',
    );
    expect(error(pay('17', '900'))).toMatch(
      /^Factor 1 \(Pay per block hour\): "To" is 900, outside/,
    );
    expect(error(pay('20', '18'))).toBe(
      'Factor 1 (Pay per block hour): "From" (20) must be below "To" (18).',
    );
    expect(error(pay('20', '20.2'))).toMatch(/narrower than one step \(0\.5\)/);
    expect(error(withFactor(form, 1, { id: 'payPerHour' }, scenario))).toBe(
      'Factor 2 (Pay per block hour) is chosen twice.',
    );
    expect(error({ ...form, n: '2.5' })).toBe(
      'Trajectories must be a whole number from 2 to 100000, got "2.5".',
    );
    expect(error({ ...form, kind: 'lhs', n: '2' })).toMatch(
      /^Points must be a whole number from 3/,
    );
    expect(error({ ...form, replications: '1' })).toMatch(
      /^Replications \("replications"\) is 1, outside the allowed range 2 to 256/,
    );
    expect(error({ ...form, weeks: 'x' })).toMatch(/^Weeks \("weeks"\) must be a whole number/);
    expect(error({ ...form, kind: 'sobol', factors: form.factors.slice(0, 1) })).toBe(
      "A Sobol' design needs at least two factors.",
    );
    expect(error({ ...form, factors: [] })).toBe('Add a factor.');
    expect(error({ ...form, kind: 'lhs', n: String(MAX_BROWSER_POINTS + 1) })).toMatch(
      /more than the 20,000 a browser tab runs.*--shard i\/n/,
    );
  });

  it('says the size and the estimate, or what is wrong', () => {
    const form = defaultDesignForm(scenario);
    expect(designSizeText(form)).toBe('12 points and the baseline × 2 replications, 26 runs');
    const ok = designCheck(form, baseline, scenario, 2);
    expect(ok.ok).toBe(true);
    expect(ok.text).toMatch(
      /^12 points and the baseline × 2 replications, 26 runs: about .+ on 2 threads/,
    );
    expect(designCheck({ ...form, n: '' }, baseline, scenario, 2)).toEqual({
      ok: false,
      text: 'Trajectories must be a whole number from 2 to 100000, got "".',
    });
  });

  it('plans the design the form reads: its points and jobs', () => {
    const form = { ...defaultDesignForm(scenario), kind: 'lhs' as const, n: '5' };
    const r = readDesignForm(form, baseline, scenario);
    if (!r.ok) throw new Error(r.error);
    const plan = planDesign(r.value);
    expect(plan.points).toHaveLength(5);
    expect(plan.jobs).toBe(6 * 2);
    for (const [i, p] of plan.points.entries()) {
      expect(p.params.payPerHour).toBe(plan.values[i]?.[0]);
      expect(p.params.payPerHour).toBeGreaterThanOrEqual(17.5);
      expect(p.params.payPerHour).toBeLessThanOrEqual(26.5);
      expect(p.replications).toBe(2);
    }
  });
});

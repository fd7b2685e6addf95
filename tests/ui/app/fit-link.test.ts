/**
 * The baseline's fit in the link (issue 17): carried exactly, given to both sides, and a fit
 * that cannot be used dropped and named with the rest of the link kept.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/model/scenario';
import type { ScenarioFit } from '../../../src/model/scenario-fit';
import { decodeView, defaultView, encodeView, sameScenario } from '../../../src/ui/app/view-state';

const FIT: ScenarioFit = {
  constants: [
    { id: 'hoursWanted', value: 31.52813, logSe: 0.04132 },
    { id: 'checksPerHour', value: 2.7, logSe: 0.2 },
    { id: 'noShowRate', value: 0.041, logSe: 0.11 },
  ],
  correlation: [
    [1, -0.412, 0.05],
    [-0.412, 1, 0],
    [0.05, 0, 1],
  ],
};

describe('the fit in the link', () => {
  it('round-trips the baseline’s fit and gives it to both sides', () => {
    const base = {
      ...defaultScenario(),
      params: { ...defaultScenario().params, hoursWanted: 31.52813 },
    };
    const view = {
      ...defaultView(),
      baseline: { ...base, fit: FIT },
      scenario: { ...base, params: { ...base.params, payPerHour: 20 } },
    };
    const hash = encodeView(view);
    expect(hash).toContain('fit.hoursWanted=31.52813_0.04132');
    expect(hash).toContain('fitr=-0.412_0.05_0');
    const r = decodeView(hash);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.baseline.fit).toEqual(FIT);
    expect(r.value.scenario.fit).toEqual(FIT);
    expect(r.value.dropped).toBeUndefined();
    expect(encodeView(r.value)).toBe(hash);
  });

  it('drops a fit that cannot be used, names it, and keeps the rest', () => {
    const r = decodeView('#payPerHour=20&fit.hoursWanted=6_-0.2&seed=4');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.scenario.params.payPerHour).toBe(20);
    expect(r.value.scenario.seed).toBe(4);
    expect(r.value.baseline.fit).toBeUndefined();
    expect(r.value.dropped?.[0]).toMatch(/fit was dropped: "fit": the "logSe" of "hoursWanted"/);
    const bad = decodeView('#fit.hoursWanted=6_0.1&fit.noShowRate=0.03_0.1&fitr=0.2_0.3');
    expect(bad.ok && bad.value.dropped?.[0]).toMatch(
      /"fitr" must hold 1 correlations for 2 constants, got 2/,
    );
    const shape = decodeView('#fit.hoursWanted=6');
    expect(shape.ok && shape.value.dropped?.[0]).toMatch(
      /"fit.hoursWanted" must be <value>_<logSe>/,
    );
  });

  it('counts a fit in whether two scenarios are the same', () => {
    const s = defaultScenario();
    expect(sameScenario(s, { ...s, fit: FIT })).toBe(false);
    expect(sameScenario({ ...s, fit: FIT }, { ...s, fit: { ...FIT } })).toBe(true);
  });
});

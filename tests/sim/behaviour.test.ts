/**
 * Driver behaviour against published figures (docs/MODEL.md section 6 and "Driver behaviour"):
 * the hours elasticity of labour supply to pay (Angrist, Caldwell & Hall 2021, about 1.2),
 * the fade of a pay rise's realised hourly gain (Hall, Horton & Knoepfle 2023) and the
 * survival of new drivers (Hall & Krueger 2018, about half still active a year on).
 * Measured figures are in the comments; the bounds are the reality check's tolerances.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams } from '../../src/model/scenario';
import {
  fadeRatio,
  hoursElasticity,
  newDriverSurvival,
  survivalOf,
} from '../../src/sim/behaviour-checks';
import { simulate } from '../../src/sim/engine';
import { F } from '../../src/sim/record';

describe('labour supply', () => {
  it('has an hours elasticity to pay within 0.8-1.6 for cuts and raises alike', () => {
    // Measured (8 paired replications, weeks 1-4, hours offered per active driver).
    for (const factor of [0.9, 1.1, 0.82, 1.18]) {
      const e = hoursElasticity(defaultScenario(), factor, 4);
      expect(e, `pay x${factor}`).toBeGreaterThan(0.8);
      expect(e, `pay x${factor}`).toBeLessThan(1.6);
    }
  }, 30_000);

  it('records the hours offered, more of them at a higher pay', () => {
    const s = { ...defaultScenario(), weeks: 2 };
    const low = simulate({ ...s, params: { ...s.params, payPerHour: 18 } }, 0);
    const high = simulate({ ...s, params: { ...s.params, payPerHour: 26 } }, 0);
    const sum = (st: typeof low): number => {
      let h = 0;
      for (let d = 0; d < st.days; d++) h += st.rec[F.hoursOffered * st.days + d]!;
      return h;
    };
    expect(sum(low)).toBeGreaterThan(0);
    expect(sum(high)).toBeGreaterThan(sum(low) * 1.2);
  });
});

describe('a pay rise', () => {
  it('has a realised hourly gain that fades to half or less by week 12 (Hall, Horton & Knoepfle)', () => {
    // Measured (16 paired replications, $22 to $26): +3.51 in week 1, +1.37 in week 12, a
    // ratio of 0.39 (before issue 12: 0.94, still 94% at week 52). The gain stays positive.
    const ratio = fadeRatio(defaultScenario(), { payPerHour: 26 }, 16, 12);
    expect(ratio).toBeGreaterThan(0);
    expect(ratio).toBeLessThanOrEqual(0.5);
  }, 30_000);
});

describe('new drivers', () => {
  it('survive a year about half the time, and the exit day is recorded', () => {
    // Cohorts followed for a year on a station without calendar peaks: measured 0.46 (4
    // replications of 78 weeks; 0.40 with the peaks, whose seasonal hires leave after them);
    // before the tenure-dependent hazard 0.25-0.30 (Hall & Krueger: about half; the reality
    // check's band is 40-60%).
    const steady = withParams(defaultScenario(), { peakIntensity: 0 });
    if (!steady.ok) throw new Error(steady.error);
    const survival = newDriverSurvival(steady.value, 365, 4, 78);
    expect(survival).toBeGreaterThan(0.4);
    expect(survival).toBeLessThan(0.6);
    const s = simulate({ ...defaultScenario(), weeks: 20 }, 0);
    const r = survivalOf(s, 90);
    expect(r.cohort).toBeGreaterThan(0);
    expect(r.survived / r.cohort).toBeGreaterThan(0.6);
  }, 30_000);
});

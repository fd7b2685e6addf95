import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/model/params';
import {
  defaultScenario,
  parseScenario,
  resetBaselineBeside,
  scenarioToJson,
  withParams,
} from '../../src/model/scenario';

describe('scenario validation', () => {
  it('accepts the file form with only changed parameters and fills in the defaults', () => {
    const r = parseScenario({
      version: 1,
      seed: 7,
      weeks: 10,
      replications: 4,
      params: { payPerHour: 25 },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.params.payPerHour).toBe(25);
    expect(r.value.params.blockHours).toBe(3.5);
    expect(r.value.seed).toBe(7);
  });

  it('names an unknown top-level key', () => {
    const r = parseScenario({ version: 1, sede: 3 });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('unknown key "sede"') });
  });

  it('names an unknown parameter', () => {
    const r = parseScenario({ params: { payPerHoru: 20 } });
    expect(r.ok ? '' : r.error).toContain('unknown parameter "payPerHoru"');
  });

  it('names the lever (label and key), the value and the allowed range of an out-of-range value', () => {
    const r = parseScenario({ params: { payPerHour: 500 } });
    expect(r.ok ? '' : r.error).toBe(
      'Pay per block hour ("payPerHour") is 500, outside the allowed range 10 to 60 $/h',
    );
  });

  it('says why one replication is refused: an interval needs two', () => {
    const r = parseScenario({ replications: 1 });
    expect(r.ok ? '' : r.error).toBe(
      'Replications ("replications") is 1, outside the allowed range 2 to 256: a 95% interval needs at least two replications, since one has no spread to measure',
    );
    expect(parseScenario({ replications: 2 }).ok).toBe(true);
  });

  it('rejects wrong types, NaN and fractional integers with a message naming the key', () => {
    for (const [params, text] of [
      [{ payPerHour: '22' }, 'Pay per block hour ("payPerHour") must be a number'],
      [{ surgeEnabled: 1 }, 'Surge on ("surgeEnabled") must be true or false'],
      [{ releaseLeadDays: 1.5 }, 'Release lead time ("releaseLeadDays") must be a whole number'],
    ] as const) {
      const r = parseScenario({ params });
      expect(r.ok ? '' : r.error).toContain(text);
    }
    const nan = parseScenario({ weeks: Number.NaN });
    expect(nan.ok ? '' : nan.error).toContain('Weeks ("weeks") must be a whole number');
    expect(parseScenario('nope').ok).toBe(false);
    expect(parseScenario({ version: 2 }).ok).toBe(false);
  });

  it('round-trips through its JSON form', () => {
    const s = withParams(defaultScenario(), { payPerHour: 24, surgeEnabled: false });
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    const again = parseScenario(JSON.parse(JSON.stringify(scenarioToJson(s.value))));
    expect(again).toEqual({ ok: true, value: s.value });
  });

  it('gives every parameter a label, unit field, meaning, source and a default inside its range', () => {
    for (const p of PARAMS) {
      expect(p.label.length, p.id).toBeGreaterThan(0);
      expect(p.meaning.length, p.id).toBeGreaterThan(10);
      expect(p.source.length, p.id).toBeGreaterThan(3);
      if (p.kind !== 'boolean') {
        expect(p.default, p.id).toBeGreaterThanOrEqual(p.min);
        expect(p.default, p.id).toBeLessThanOrEqual(p.max);
      }
    }
  });
});

describe('reset baseline to defaults', () => {
  it('keeps the scenario’s run settings and levers and drops the fit on both sides', () => {
    const fit = { constants: [{ id: 'noShowRate', value: 0.05, logSe: 0.1 }] };
    const scenario = {
      ...defaultScenario(),
      seed: 9,
      weeks: 12,
      replications: 6,
      params: { ...defaultScenario().params, payPerHour: 19 },
      fit,
    };
    const next = resetBaselineBeside(scenario);
    expect(next.baseline).toEqual({ ...defaultScenario(), seed: 9, weeks: 12, replications: 6 });
    expect('fit' in next.scenario).toBe(false);
    expect(next.scenario.params.payPerHour).toBe(19);
    expect(scenario.fit).toBe(fit); // the given scenario is not changed
  });
});

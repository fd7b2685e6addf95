import { describe, expect, it } from 'vitest';
import { PARAM_BY_ID } from '../../src/model/params';
import { PRESETS, PRESET_BY_ID, applyPreset } from '../../src/model/presets';
import { changedParams, defaultScenario, withParams } from '../../src/model/scenario';

describe('presets', () => {
  it('each validate through withParams against the defaults', () => {
    for (const p of PRESETS) {
      const r = withParams(defaultScenario(), p.changes);
      expect(r, p.id).toMatchObject({ ok: true });
    }
  });

  it('each change only known parameters, and each change at least one', () => {
    for (const p of PRESETS) {
      const ids = Object.keys(p.changes);
      expect(ids.length, p.id).toBeGreaterThan(0);
      for (const id of ids) expect(PARAM_BY_ID.has(id), `${p.id}: ${id}`).toBe(true);
    }
  });

  it('each produce a scenario that differs from the defaults in exactly their changes', () => {
    for (const p of PRESETS) {
      const r = applyPreset(defaultScenario(), p);
      expect(r.ok, p.id).toBe(true);
      if (!r.ok) continue;
      expect(changedParams(r.value.params), p.id).toEqual(p.changes);
      expect(r.value.weeks, p.id).toBe(p.weeks ?? defaultScenario().weeks);
    }
  });

  it('have unique ids, labels and a story of one or two sentences', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(new Set(PRESETS.map((p) => p.label)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      const sentences = p.story.split(/[.?!](\s|$)/).filter((s) => s.trim().length > 0);
      expect(sentences.length, p.id).toBeGreaterThanOrEqual(1);
      expect(sentences.length, p.id).toBeLessThanOrEqual(2);
    }
  });

  it('apply on top of the baseline, keeping its other parameters and its seed', () => {
    const base = withParams({ ...defaultScenario(), seed: 9 }, { demandPerDay: 20000 });
    expect(base.ok).toBe(true);
    if (!base.ok) return;
    const r = applyPreset(base.value, PRESET_BY_ID.get('pay-up-10')!);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.params.demandPerDay).toBe(20000);
    expect(r.value.params.payPerHour).toBe(24.2);
    expect(r.value.seed).toBe(9);
  });

  it('include pay up and down, block lengths, no surge, peak season and a tight labour market', () => {
    for (const id of [
      'pay-up-10',
      'pay-down-10',
      'longer-blocks',
      'shorter-blocks',
      'no-surge',
      'peak-season',
      'tight-labour-market',
    ]) {
      expect(PRESET_BY_ID.has(id), id).toBe(true);
    }
  });

  it('rejects a preset whose values fall outside the table, naming the parameter', () => {
    const r = applyPreset(defaultScenario(), {
      id: 'bad',
      label: 'Bad',
      story: 'Too much.',
      changes: { payPerHour: 500 },
    });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('payPerHour') });
  });
});

import { describe, expect, it } from 'vitest';
import type { ParamDef } from '../../src/model/param-def';
import { BEHAVIOUR_PARAMS } from '../../src/model/params-behaviour';
import { MARKET_PARAMS } from '../../src/model/params-market';
import { OPERATIONS_PARAMS } from '../../src/model/params-operations';
import { POLICY_PARAMS } from '../../src/model/params-policy';
import { PARAMS, PARAM_BY_ID, PARAM_GROUPS, defaultParams } from '../../src/model/params';

const ROWS: readonly ParamDef[] = PARAMS;

/** Whether `v` is `min` plus a whole number of `step`s (to rounding). */
function onStep(v: number, min: number, step: number): boolean {
  const k = (v - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}

describe('the parameter table', () => {
  it('gives every parameter its own id', () => {
    const ids = ROWS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(PARAM_BY_ID.size).toBe(ids.length);
  });

  it('says on every row what the number means and where its default comes from', () => {
    for (const p of ROWS) {
      expect(p.label.trim(), p.id).not.toBe('');
      expect(p.meaning.trim(), p.id).not.toBe('');
      expect(p.source.trim(), p.id).not.toBe('');
    }
  });

  it('keeps every default within its range and on its step', () => {
    for (const p of ROWS) {
      if (p.kind === 'boolean') {
        expect(typeof p.default, p.id).toBe('boolean');
        continue;
      }
      expect(p.min, p.id).toBeLessThan(p.max);
      expect(p.step, p.id).toBeGreaterThan(0);
      expect(p.default, p.id).toBeGreaterThanOrEqual(p.min);
      expect(p.default, p.id).toBeLessThanOrEqual(p.max);
      expect(onStep(p.default, p.min, p.step), p.id).toBe(true);
      expect(onStep(p.max, p.min, p.step), p.id).toBe(true);
      if (p.kind === 'integer') {
        expect(p.step, p.id).toBe(1);
        expect(Number.isInteger(p.default), p.id).toBe(true);
      }
    }
  });

  it('puts every row in a listed group, and no group is empty', () => {
    const groups = PARAM_GROUPS.map((g) => g.id);
    for (const p of ROWS) expect(groups, p.id).toContain(p.group);
    for (const g of groups) expect(ROWS.filter((p) => p.group === g).length, g).toBeGreaterThan(0);
  });

  it('lists the groups one after another, in the order of PARAM_GROUPS', () => {
    const order = ROWS.map((p) => p.group).filter((g, i, all) => g !== all[i - 1]);
    expect(order).toEqual(PARAM_GROUPS.map((g) => g.id));
  });

  it('is assembled from the group files, each holding only its own group', () => {
    const files = {
      policy: POLICY_PARAMS,
      market: MARKET_PARAMS,
      operations: OPERATIONS_PARAMS,
      behaviour: BEHAVIOUR_PARAMS,
    } as const;
    expect([...PARAMS]).toEqual(PARAM_GROUPS.flatMap((g) => [...files[g.id]]));
    for (const [group, rows] of Object.entries(files)) {
      for (const p of rows as readonly ParamDef[]) expect(p.group, p.id).toBe(group);
    }
  });

  it('gives each parameter its default in defaultParams', () => {
    const defaults: Record<string, number | boolean> = defaultParams();
    expect(Object.keys(defaults)).toEqual(ROWS.map((p) => p.id));
    for (const p of ROWS) expect(defaults[p.id], p.id).toBe(p.default);
  });
});

import { describe, expect, it } from 'vitest';
import { PRESET_BY_ID, applyPreset } from '../../../src/model/presets';
import { defaultScenario } from '../../../src/model/scenario';
import { appliedPreset } from '../../../src/ui/workspace/preset-menu';

describe('the preset the scenario is', () => {
  it('is none at first, the preset once applied, none again once a lever moves', () => {
    const base = defaultScenario();
    expect(appliedPreset(base, base)).toBe('');
    const r = applyPreset(base, PRESET_BY_ID.get('no-surge')!);
    if (!r.ok) throw new Error(r.error);
    expect(appliedPreset(base, r.value)).toBe('no-surge');
    const moved = { ...r.value, params: { ...r.value.params, payPerHour: 23 } };
    expect(appliedPreset(base, moved)).toBe('');
  });
});

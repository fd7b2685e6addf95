import { describe, expect, it } from 'vitest';
import { defaultScenario, withParams, type Scenario } from '../../../src/model/scenario';
import {
  captionChars,
  captionLines,
  captionText,
  exportDate,
  leverLines,
  settingsText,
  wrapText,
  type ExportContext,
} from '../../../src/ui/shared/export-context';

function scenarioWith(changes: Record<string, unknown>): Scenario {
  const r = withParams(defaultScenario(), changes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const LINK = 'http://127.0.0.1:5173/#payPerHour=19.8&blockHours=4.5&weeks=8&replications=4';

function context(): ExportContext {
  const baseline = defaultScenario();
  const scenario = {
    ...scenarioWith({ payPerHour: 19.8, blockHours: 4.5 }),
    weeks: 8,
    replications: 4,
  };
  return {
    name: 'Workspace scenario',
    scenario,
    baseline: { ...baseline, weeks: 8, replications: 4 },
    link: LINK,
    date: new Date(Date.UTC(2026, 10, 30, 9, 41, 27)),
  };
}

describe('export caption', () => {
  it('names the scenario, each lever changed with both values, the settings, the date and the link', () => {
    const baseline = defaultScenario().params;
    expect(captionText(context())).toEqual([
      `Workspace scenario against the baseline: Pay per block hour ${baseline.payPerHour} $/h → 19.8 $/h; ` +
        `Typical block length ${baseline.blockHours} h → 4.5 h.`,
      'Same seeds for both: seed 1 · 8 weeks · 4 replications. Exported 2026-11-30 09:41 UTC.',
      `Reproduce: ${LINK}`,
    ]);
  });

  it('says so when no lever is changed, and counts in the singular', () => {
    const c = context();
    const same = { ...c, scenario: { ...c.baseline, weeks: 1, replications: 1 } };
    expect(leverLines(same)).toEqual([]);
    expect(captionText(same)[0]).toBe('Workspace scenario against the baseline: no lever changed.');
    expect(settingsText(same.scenario)).toBe('seed 1 · 1 week · 1 replication');
    expect(exportDate(new Date(Date.UTC(2027, 0, 2, 3, 4)))).toBe('2027-01-02 03:04 UTC');
  });

  it('wraps at spaces within the width, cutting only a word longer than a line', () => {
    expect(wrapText('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText('Reproduce: 0123456789abcdef', 8)).toEqual([
      'Reproduc',
      'e:',
      '01234567',
      '89abcdef',
    ]);
    for (const width of [320, 390, 830, 1600]) {
      const lines = captionLines(context(), width);
      const max = captionChars(width);
      for (const line of lines) expect(line.length, `${width}: ${line}`).toBeLessThanOrEqual(max);
      // Nothing is lost in the wrapping: the lines join back to the sentences.
      expect(lines.join('')).toBe(
        captionText(context()).join('').replace(/ /g, '').length === 0 ? '' : lines.join(''),
      );
      expect(lines.join(' ').replace(/\s+/g, '')).toBe(
        captionText(context()).join('').replace(/\s+/g, ''),
      );
    }
    expect(captionLines(context(), 1600)).toHaveLength(3);
    expect(captionLines(context(), 390).length).toBeGreaterThan(4);
  });
});

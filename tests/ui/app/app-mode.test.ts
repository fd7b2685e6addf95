import { describe, expect, it } from 'vitest';
import { APP_MODES, modeSearch, readMode } from '../../../src/ui/app/app-mode';

describe('the app mode in the URL query', () => {
  it('reads no mode key as the workspace, and each mode by its name', () => {
    expect(readMode('')).toEqual({ mode: 'workspace' });
    expect(readMode('?')).toEqual({ mode: 'workspace' });
    for (const m of APP_MODES) expect(readMode(`?mode=${m}`)).toEqual({ mode: m });
    expect(readMode('mode=present&x=1')).toEqual({ mode: 'present' });
  });

  it('shows the workspace for an unknown mode and names what the link asked for', () => {
    const r = readMode('?mode=slides');
    expect(r.mode).toBe('workspace');
    expect(r.error).toContain('"slides"');
    expect(r.error).toContain('explore, practice, present, lab, calibrate, model, replay');
  });

  it('quotes a long or unprintable mode as a short escaped excerpt (found by the browser fuzz)', () => {
    const long = readMode(`?mode=${'x'.repeat(5000)}`).error ?? '';
    expect(long.length).toBeLessThan(250);
    expect(long).toContain(`"${'x'.repeat(60)}…"`);
    const control = readMode(`?mode=${encodeURIComponent('a\u001b[31mb\nc')}`).error ?? '';
    // eslint-disable-next-line no-control-regex
    expect(control).not.toMatch(/[\u0000-\u001f]/);
  });

  it('writes the mode into the query, keeping other keys, and drops it for the workspace', () => {
    expect(modeSearch('', 'practice')).toBe('?mode=practice');
    expect(modeSearch('?mode=practice', 'model')).toBe('?mode=model');
    expect(modeSearch('?mode=model', 'workspace')).toBe('');
    expect(modeSearch('?lang=en&mode=model', 'workspace')).toBe('?lang=en');
    expect(modeSearch('?lang=en', 'present')).toBe('?lang=en&mode=present');
    for (const m of APP_MODES) expect(readMode(modeSearch('?a=1', m)).mode).toBe(m);
  });
});

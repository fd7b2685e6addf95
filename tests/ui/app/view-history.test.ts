import { describe, expect, it } from 'vitest';
import {
  AppHistory,
  COALESCE_MS,
  EntryCoalescer,
  changedKeys,
  inTextField,
  isUndoKey,
} from '../../../src/ui/app/view-history';

describe('which link keys a change touches', () => {
  it('lists keys added, removed and changed, and no others', () => {
    expect(changedKeys('', '#payPerHour=24')).toEqual(['payPerHour']);
    expect(changedKeys('#payPerHour=24&seed=3', '#payPerHour=25&seed=3')).toEqual(['payPerHour']);
    expect(changedKeys('#payPerHour=24&chart=pool', '#payPerHour=24').sort()).toEqual(['chart']);
    expect(changedKeys('#a=1', '#a=1')).toEqual([]);
  });
});

describe('coalescing changes into history entries', () => {
  it('makes one entry of a drag or rapid typing on one lever', () => {
    const c = new EntryCoalescer();
    expect(c.decide('', '#payPerHour=23', 0)).toBe('push');
    expect(c.decide('#payPerHour=23', '#payPerHour=24', 300)).toBe('replace');
    // The window slides with each change: a long drag stays one entry.
    expect(c.decide('#payPerHour=24', '#payPerHour=25', 300 + COALESCE_MS - 1)).toBe('replace');
  });

  it('starts an entry for another lever, after a pause, or after Back', () => {
    const c = new EntryCoalescer();
    expect(c.decide('', '#payPerHour=23', 0)).toBe('push');
    expect(c.decide('#payPerHour=23', '#payPerHour=23&blockHours=4', 100)).toBe('push');
    expect(c.decide('#payPerHour=23&blockHours=4', '#payPerHour=23&blockHours=5', 200)).toBe(
      'replace',
    );
    expect(
      c.decide('#payPerHour=23&blockHours=5', '#payPerHour=23&blockHours=6', 200 + COALESCE_MS),
    ).toBe('push');
    c.reset();
    expect(
      c.decide(
        '#payPerHour=23&blockHours=6',
        '#payPerHour=23&blockHours=7',
        200 + COALESCE_MS + 10,
      ),
    ).toBe('push');
  });

  it('counts thresholds and the baseline as decisions, the chart and metric shown not', () => {
    const c = new EntryCoalescer();
    expect(c.decide('', '#chart=pool', 0)).toBe('replace');
    expect(c.decide('#chart=pool', '#chart=pool&metric=fillRate', 5000)).toBe('replace');
    expect(c.decide('#chart=pool', '#chart=pool&t.costPerPackage=3', 10_000)).toBe('push');
    expect(c.decide('#t.costPerPackage=3', '#t.costPerPackage=3&b.payPerHour=24', 10_100)).toBe(
      'push',
    );
  });
});

describe('undo and redo keys', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrl' | 'meta' | 'shift' | 'alt', boolean>> = {},
  ) => ({
    key: k,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
    altKey: mods.alt ?? false,
  });

  it('reads Ctrl or Cmd with Z, Shift+Z and Y', () => {
    expect(isUndoKey(key('z', { ctrl: true }))).toBe('undo');
    expect(isUndoKey(key('z', { meta: true }))).toBe('undo');
    expect(isUndoKey(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(isUndoKey(key('Z', { meta: true, shift: true }))).toBe('redo');
    expect(isUndoKey(key('y', { ctrl: true }))).toBe('redo');
    expect(isUndoKey(key('z'))).toBeUndefined();
    expect(isUndoKey(key('z', { ctrl: true, alt: true }))).toBeUndefined();
    expect(isUndoKey(key('x', { ctrl: true }))).toBeUndefined();
  });

  it('leaves text fields to the browser, not sliders or checkboxes', () => {
    const el = (tagName: string, type?: string, isContentEditable = false) =>
      ({ tagName, type, isContentEditable }) as unknown as EventTarget;
    expect(inTextField([el('INPUT', 'text')])).toBe(true);
    expect(inTextField([el('TEXTAREA')])).toBe(true);
    expect(inTextField([el('DIV', undefined, true)])).toBe(true);
    expect(inTextField([el('INPUT', 'range')])).toBe(false);
    expect(inTextField([el('INPUT', 'checkbox')])).toBe(false);
    expect(inTextField([el('BUTTON')])).toBe(false);
    expect(inTextField([])).toBe(false);
  });
});

/** A history of entries, as the browser keeps it (go is synchronous here). */
class FakeHistory {
  entries: { state: unknown; url: string }[] = [{ state: null, url: '/' }];
  at = 0;
  get state(): unknown {
    return this.entries[this.at]!.state;
  }
  pushState(state: unknown, _t: string, url?: string): void {
    this.entries = this.entries.slice(0, this.at + 1);
    this.entries.push({ state, url: url ?? this.entries[this.at]!.url });
    this.at++;
  }
  replaceState(state: unknown, _t: string, url?: string): void {
    this.entries[this.at] = { state, url: url ?? this.entries[this.at]!.url };
  }
  go(n: number): void {
    this.at = Math.min(Math.max(0, this.at + n), this.entries.length - 1);
  }
}

describe('the app’s entries in the browser’s history', () => {
  it('undoes back to the first entry of the app and never out of it, and redoes', () => {
    const h = new FakeHistory();
    h.pushState({ other: 'site' }, '', '/elsewhere');
    const app = new AppHistory(h);
    app.attach();
    expect(h.state).toEqual({ other: 'site', gigsimEntry: 0 });
    app.write('#payPerHour=23', '', '#payPerHour=23', 0);
    app.write('#payPerHour=23&blockHours=4', '#payPerHour=23', '#payPerHour=23&blockHours=4', 10);
    expect(h.entries.length).toBe(4);
    expect(app.undo()).toBe(true);
    app.popped();
    expect(h.entries[h.at]!.url).toBe('#payPerHour=23');
    expect(app.undo()).toBe(true);
    app.popped();
    expect(app.canUndo).toBe(false);
    expect(app.undo()).toBe(false);
    expect(h.at).toBe(1); // still the app's first entry
    expect(app.redo()).toBe(true);
    app.popped();
    expect(app.redo()).toBe(true);
    app.popped();
    expect(app.redo()).toBe(false);
    expect(h.entries[h.at]!.url).toBe('#payPerHour=23&blockHours=4');
  });

  it('writes over the current entry when asked (the first view shown)', () => {
    const h = new FakeHistory();
    const app = new AppHistory(h);
    app.attach();
    app.write('#payPerHour=30', '', '#payPerHour=30', 0, true);
    expect(h.entries.length).toBe(1);
    expect(h.entries[0]!.url).toBe('#payPerHour=30');
    expect(app.canUndo).toBe(false);
  });

  it('takes its entry number back after a reload', () => {
    const h = new FakeHistory();
    const first = new AppHistory(h);
    first.attach();
    first.push('#a');
    first.push('#b');
    const reloaded = new AppHistory(h);
    reloaded.attach();
    expect(reloaded.canUndo).toBe(true);
    expect(h.state).toEqual({ gigsimEntry: 2 });
  });
});

/**
 * The lab's settings in the link (src/ui/shared/lab-link.ts, through view-state.ts): written
 * only where they differ from the defaults, read back exactly, and a bad key named and dropped
 * with everything else of the link kept.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB, readLab } from '../../../src/ui/shared/lab-link';
import { decodeView, defaultView, encodeView } from '../../../src/ui/app/view-state';

const LAB = {
  designs: ['driver', 'switchback'] as const,
  share: 0.3,
  windowDays: 7,
  washoutDays: 1,
  testWeeks: 6,
  rerandomisations: 100,
};

describe('the lab settings in the link', () => {
  it('round-trips every setting and writes none at the defaults', () => {
    const view = { ...defaultView(), lab: { ...LAB, designs: [...LAB.designs] } };
    const hash = encodeView(view);
    expect(hash).toBe(
      '#lab.designs=driver%2Cswitchback&lab.share=0.3&lab.window=7&lab.washout=1&lab.weeks=6&lab.reps=100',
    );
    const back = decodeView(hash);
    expect(back.ok && back.value.lab).toEqual(view.lab);
    expect(back.ok && back.value.dropped).toBeUndefined();
    expect(encodeView({ ...defaultView(), lab: DEFAULT_LAB })).toBe('');
    const none = decodeView('#payPerHour=25');
    expect(none.ok && none.value.lab).toBeUndefined();
  });

  it('drops a bad lab key, names it, and keeps the rest of the link', () => {
    const r = decodeView(
      '#payPerHour=25&lab.share=2&lab.weeks=6&lab.designs=driver,cohort&lab.x=1',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.scenario.params.payPerHour).toBe(25);
    expect(r.value.lab?.testWeeks).toBe(6);
    expect(r.value.lab?.share).toBe(DEFAULT_LAB.share);
    expect(r.value.lab?.designs).toEqual(DEFAULT_LAB.designs);
    const text = (r.value.dropped ?? []).join('\n');
    expect(text).toContain(
      '"lab.share" was dropped: the treated share must be a number from 0.05 to 0.95, got "2"',
    );
    expect(text).toContain('"cohort" is not a design');
    expect(text).toContain('"lab.x" was dropped: the lab has no such setting');
    expect(r.value.dropped).toHaveLength(3);
    // The lab shows what was dropped of its own settings.
    expect(r.value.lab?.dropped).toEqual(r.value.dropped);
  });

  it('drops fractions of whole settings, repeats, and a washout as long as the window', () => {
    const r = readLab([
      ['lab.reps', '20.5'],
      ['lab.weeks', '13'],
      ['lab.window', '3'],
      ['lab.window', '4'],
      ['lab.washout', '3'],
    ]);
    expect(r.lab).toEqual({ ...DEFAULT_LAB, windowDays: 3, dropped: r.dropped });
    expect(r.dropped.map((d) => d.split(':')[0])).toEqual([
      'lab setting "lab.reps" was dropped',
      'lab setting "lab.weeks" was dropped',
      'lab setting "lab.window" was dropped',
      'lab setting "lab.washout" was dropped',
    ]);
  });
});

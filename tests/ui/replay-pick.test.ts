/**
 * Replays (issue 19), the pure parts the view and the links use: the week and day a metric's
 * "show me" opens, the replay query, the timeline's mapping, and a driver's story and the
 * typical-driver pickers on a recorded week.
 */
import { describe, expect, it } from 'vitest';
import { METRIC_INDEX } from '../../src/model/metrics';
import { QUIT } from '../../src/model/replay';
import { countersAt } from '../../src/model/replay-counters';
import {
  counterFor,
  dayOfLargestDifference,
  weekOfLargestChange,
} from '../../src/model/replay-pick';
import { driverStory, typicalDrivers } from '../../src/model/replay-story';
import { defaultScenario, pairedWith, withParams } from '../../src/model/scenario';
import { WarmupCache } from '../../src/sim/engine';
import { replayWeek } from '../../src/sim/replay';
import { posOf, tauAt, tauText, timelineOf } from '../../src/ui/charts/replay-timeline';
import { readReplayQuery } from '../../src/ui/replay/replay-mode';
import { replayLink } from '../../src/ui/shared/replay-link';

const base = { ...defaultScenario(), weeks: 4 };
const raised = withParams(base, { payPerHour: 14 });
if (!raised.ok) throw new Error(raised.error);
const cache = new WarmupCache();
const b = replayWeek(base, 0, 3, {}, cache);
const s = replayWeek(pairedWith(base, raised.value), 0, 3, {}, cache);

describe('replay picks and links', () => {
  it('opens the week of the largest change and the day of the largest difference', () => {
    const weeks = 5;
    const delta = new Float64Array(40 * weeks);
    const m = METRIC_INDEX.fillRate;
    delta.set([0.01, -0.2, 0.05, 0.1, 0], m * weeks);
    expect(weekOfLargestChange(delta, m, weeks)).toBe(2);
    expect(counterFor('fillRate')).toBe('open');
    expect(counterFor(undefined)).toBe('claimed');
    const day = dayOfLargestDifference(b, s, 'fillRate');
    const gap = (k: number) =>
      Math.abs(countersAt(s.days[k], Infinity).open - countersAt(b.days[k], Infinity).open);
    for (let k = 0; k < 7; k++) expect(gap(day)).toBeGreaterThanOrEqual(gap(k));
    expect(gap(day)).toBeGreaterThan(0);
  });

  it('reads and writes the replay query', () => {
    expect(replayLink({ week: 3, metric: 'fillRate' }, '#weeks=8')).toBe(
      '?mode=replay&week=3&metric=fillRate#weeks=8',
    );
    expect(readReplayQuery('?mode=replay&week=3&metric=fillRate')).toEqual({
      week: 3,
      weekday: -1,
      replication: 0,
      metric: 'fillRate',
    });
    expect(readReplayQuery('?week=x&day=9&rep=2').weekday).toBe(0);
    expect(readReplayQuery('?day=7&rep=2')).toMatchObject({ week: 1, weekday: 6, replication: 1 });
  });

  it('maps the slider to the offers and the operating day and back', () => {
    const line = timelineOf([b.days[0], s.days[0]]);
    expect(line.offersFrom).toBeLessThan(0);
    expect(tauAt(line, 0)).toBe(line.offersFrom);
    expect(tauAt(line, 1000)).toBe(line.dayTo);
    for (const pos of [0, 100, 399, 400, 700, 1000])
      expect(posOf(line, tauAt(line, pos))).toBeCloseTo(pos, 6);
    expect(tauText(-1.5)).toBe('1 h 30 min before the blocks start');
    expect(tauText(10.75)).toBe('10:45');
  });

  it('tells a driver’s week and picks typical drivers who quit and stayed', () => {
    const picks = typicalDrivers(b);
    expect(picks.stayed).toBeDefined();
    const stayed = driverStory(b, picks.stayed!);
    expect(stayed?.days).toHaveLength(7);
    expect(stayed!.hours).toBeGreaterThan(0);
    expect(stayed!.days.every((d) => d.outcome === 'stayed')).toBe(true);
    if (picks.quit !== undefined) {
      const quit = driverStory(b, picks.quit)!;
      expect(quit.days.some((d) => d.outcome === 'quit')).toBe(true);
      const k = quit.days.findIndex((d) => d.outcome === 'quit');
      expect(quit.days.slice(k + 1).every((d) => !d.active)).toBe(true);
    } else {
      expect(b.days.every((d) => !d.outcome.includes(QUIT))).toBe(true);
    }
    expect(driverStory(b, -5)).toBeUndefined();
  });
});

describe('the replay budget', () => {
  it('lets the default station through and refuses a metro whose sign-ups run to millions', async () => {
    const { estimateReplay } = await import('../../src/model/replay-budget');
    const station = estimateReplay(base, base, 3);
    expect(station.refusal).toBeUndefined();
    expect(station.bytes).toBeLessThan(300 * 1024 * 1024);
    const huge = withParams(base, {
      initialDrivers: 50000,
      demandPerDay: 200000,
      applicantsPerWeek: 5000,
      payPerHour: 40,
    });
    if (!huge.ok) throw new Error(huge.error);
    const refused = estimateReplay(huge.value, huge.value, 3);
    expect(refused.refusal).toMatch(/over the .* a replay may use/);
  });
});

/**
 * Replays (issue 19): the counters worked out from a replay's events equal the run's daily
 * record for the same day and replication exactly; a replay of the same seed is identical;
 * recording leaves the run itself as it was.
 */
import { describe, expect, it } from 'vitest';
import { countersAt, dayEnd } from '../../src/model/replay-counters';
import {
  BLOCK_NO_SHOW,
  DEACTIVATED,
  QUIT,
  STAYED,
  type ReplayDay,
  type ReplayWeek,
} from '../../src/model/replay';
import { defaultScenario, withParams, type Scenario } from '../../src/model/scenario';
import { runReplication, simulate, WarmupCache } from '../../src/sim/engine';
import { F } from '../../src/sim/record';
import { replayWeek } from '../../src/sim/replay';

function scenario(changes: Record<string, unknown>, weeks = 6): Scenario {
  const s = withParams({ ...defaultScenario(), weeks }, changes);
  if (!s.ok) throw new Error(s.error);
  return s.value;
}

/** Every day of the replay against the record of an ordinary run of the same replication. */
function expectLedgers(sc: Scenario, rep: number, replay: ReplayWeek): number {
  const run = simulate(sc, rep, {}, new WarmupCache());
  const rec = (field: number, d: number) => run.rec[field * run.days + d];
  let checked = 0;
  for (const day of replay.days) {
    const d = day.day;
    const c = countersAt(day, Infinity);
    const at = (f: keyof typeof F) => rec(F[f], d);
    expect(c.offered).toBe(at('blocksOffered'));
    expect(c.claimed).toBe(at('blocksClaimed'));
    expect(c.surged).toBe(at('blocksSurged'));
    expect(c.open).toBe(at('blocksOffered') - at('blocksClaimed'));
    expect(c.wanting).toBe(at('wantedDays'));
    expect(c.looking).toBe(at('frustratedDays'));
    expect(c.noShows).toBe(at('noShows'));
    expect(c.delivered).toBe(at('onTime') + at('lateDelivered'));
    expect(c.packagesLeft).toBe(at('backlogEnd'));
    expect(c.net).toBe(at('netEarnings'));
    expect(c.workHours).toBe(at('workHours'));
    expect(c.overrunHours).toBe(at('overrunHours'));
    expect(c.pay).toBeCloseTo(at('payBase') + at('paySurge') + at('payTips'), 6);
    expect(c.quit).toBe(at('churned'));
    expect(c.deactivated).toBe(at('deactivated'));
    expect(c.queue + c.onRoute).toBe(0);
    expect(day.driver.length - c.quit - c.deactivated).toBe(at('active'));
    // By wave, slot and block: the record's slices.
    const claimedByKind = new Float64Array(6);
    for (let k = 0; k < day.blockRow.length; k++) claimedByKind[day.waveKind[day.blockWave[k]]]++;
    for (let k = 0; k < 6; k++) expect(claimedByKind[k]).toBe(rec(F.claimedWave0 + k, d));
    day.slotWorked.forEach((n, k) => {
      expect(n).toBe(rec(F.workedSlot0 + k, d));
      expect(n * day.slotWait[k]).toBe(rec(F.waitSlot0 + k, d));
    });
    let returned = 0;
    let failed = 0;
    for (let k = 0; k < day.blockRow.length; k++) {
      returned += day.blockReturned[k];
      failed += day.blockFailed[k];
    }
    expect(returned).toBe(at('returned'));
    expect(failed).toBe(at('failed'));
    checked++;
  }
  return checked;
}

describe('a replay', () => {
  it('counts what the run records, day by day, for the default station', () => {
    const sc = defaultScenario();
    const replay = replayWeek(sc, 1, 3, {}, new WarmupCache());
    expect(replay.days.map((d) => d.day)).toEqual([14, 15, 16, 17, 18, 19, 20]);
    expect(expectLedgers(sc, 1, replay)).toBe(7);
    const day = replay.days[2];
    expect(day.driver.length).toBeGreaterThan(100);
    expect(day.checkRow.length).toBeGreaterThan(day.blockRow.length);
    expect(dayEnd(day)).toBeGreaterThan(12);
  });

  it('counts surge, reserved blocks, no-shows and a mid-run change as the run does', () => {
    const sc: Scenario = {
      ...scenario({ surgeEnabled: true, reservedShare: 0.3, payPerHour: 17, noShowRate: 0.08 }),
      change: { week: 3, params: { payPerHour: 21 } },
    };
    const replay = replayWeek(sc, 2, 3, {}, new WarmupCache());
    expect(expectLedgers(sc, 2, replay)).toBe(7);
    const blocks = replay.days.flatMap((d) => [...d.blockFlags]);
    expect(blocks.some((f) => f & BLOCK_NO_SHOW)).toBe(true);
    expect(replay.days.some((d) => d.blockMult.some((m) => m > 1))).toBe(true);
  });

  it('is identical for the same seed, and differs for another replication', () => {
    const sc = defaultScenario();
    const a = replayWeek(sc, 0, 2, {}, new WarmupCache());
    const c = replayWeek(sc, 1, 2, {}, new WarmupCache());
    expect(same(a.days[3], replayWeek(sc, 0, 2).days[3])).toBe(true);
    expect(same(a.days[3], c.days[3])).toBe(false);
  });

  it('gives each driver an outcome that follows their quit chance and draw', () => {
    const replay = replayWeek(defaultScenario(), 0, 4, {}, new WarmupCache());
    let quits = 0;
    for (const day of replay.days) {
      for (let r = 0; r < day.driver.length; r++) {
        const o = day.outcome[r];
        if (day.quitChance[r] === 1) expect(o).toBe(DEACTIVATED);
        else expect(o).toBe(day.quitDraw[r] * 7 < day.quitChance[r] * 7 ? QUIT : STAYED);
        if (o === QUIT) quits++;
      }
    }
    expect(quits).toBeGreaterThan(0);
  });

  it('leaves the run as it was: the replication after a replay gives the same result', () => {
    const sc = scenario({}, 4);
    const before = runReplication(sc, 0, {}, new WarmupCache());
    const warm = new WarmupCache();
    replayWeek(sc, 0, 2, {}, warm);
    const after = runReplication(sc, 0, {}, warm);
    expect([...after.weekly]).toEqual([...before.weekly]);
    expect(after.ledger).toEqual(before.ledger);
  });
});

/** Whether two replay days hold the same numbers in every array. */
function same(a: ReplayDay, b: ReplayDay): boolean {
  for (const key of Object.keys(a) as (keyof ReplayDay)[]) {
    const x = a[key];
    const y = b[key];
    if (ArrayBuffer.isView(x) && ArrayBuffer.isView(y)) {
      const u = x as unknown as ArrayLike<number>;
      const v = y as unknown as ArrayLike<number>;
      if (u.length !== v.length) return false;
      for (let k = 0; k < u.length; k++) if (!Object.is(u[k], v[k])) return false;
    } else if (x !== y) return false;
  }
  return true;
}

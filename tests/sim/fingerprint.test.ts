/**
 * Pins the engine's results to the last bit: a SHA-256 over every number of every result
 * (weekly metrics, the four periods and their weeks, the pool, the earnings, the ledger) of
 * the default station, random valid scenarios and a short metro run. A refactor of the engine keeps this
 * hash; a change to the model changes it on purpose, and the new hash is recorded with it.
 */
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { ReplicationResult } from '../../src/model/results';
import { defaultScenario, pairedWith, withParams } from '../../src/model/scenario';
import { runReplication } from '../../src/sim/engine';
import { randomScenario } from './random-scenario';

function feed(hash: ReturnType<typeof createHash>, r: ReplicationResult): void {
  for (const a of [
    r.weekly,
    r.shortRun,
    r.longRun,
    r.peak,
    r.whole,
    r.periods,
    r.pool,
    r.earnings,
  ]) {
    hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  hash.update(JSON.stringify(r.ledger));
}

describe('the engine fingerprint', () => {
  // Every run includes its warm-up (the metro's: 26 weeks of 20,000 drivers and more).
  it('is unchanged for the default station, 30 random scenarios and a metro quarter', () => {
    const hash = createHash('sha256');
    const station = defaultScenario();
    for (let rep = 0; rep < 6; rep++) feed(hash, runReplication(station, rep));
    // A scenario paired with the station: warmed up under the station's parameters.
    const raise = withParams(station, { payPerHour: 25 });
    if (!raise.ok) throw new Error(raise.error);
    feed(hash, runReplication(pairedWith(station, raise.value), 0));
    const rng = seedrandom('fingerprint');
    for (let k = 0; k < 30; k++) feed(hash, runReplication(randomScenario(rng), k));
    const metro = withParams(
      { ...defaultScenario(), weeks: 13 },
      { initialDrivers: 20000, demandPerDay: 200000, applicantsPerWeek: 625 },
    );
    if (!metro.ok) throw new Error(metro.error);
    feed(hash, runReplication(metro.value, 0));
    expect(hash.digest('hex')).toBe(
      '8b50dee36e97dc1a9531383966e5b3d68d4592f8bab2d9952bcb7cfdccd762fa',
    );
  }, 90_000);
});

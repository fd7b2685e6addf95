import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_SPARE_BYTES,
  dropSpares,
  float64,
  int16,
  int32,
  recycle,
  spareHeld,
  uint8,
} from '../../src/sim/buffers';
import { runReplication, WarmupCache } from '../../src/sim/engine';
import { defaultScenario } from '../../src/model/scenario';

// Other files' runs (in the same process) leave spares: each test starts with none.
beforeEach(() => dropSpares());
afterEach(() => dropSpares());

describe('spare buffers of finished runs', () => {
  it('hands a recycled buffer out again, zeroed, and never twice', () => {
    const a = float64(1000);
    a.fill(7);
    recycle([a]);
    expect(spareHeld()).toBe(8000);
    const b = int32(1500); // 6,000 bytes fit in the 8,000 spare
    expect(b.buffer).toBe(a.buffer);
    expect(b.length).toBe(1500);
    expect(b.every((x) => x === 0)).toBe(true);
    expect(spareHeld()).toBe(0);
    const c = int32(1500);
    expect(c.buffer).not.toBe(a.buffer);
  });

  it('takes the smallest spare that fits', () => {
    const big = uint8(10_000);
    const small = uint8(2_000);
    recycle([big, small]);
    expect(int16(900).buffer).toBe(small.buffer);
    expect(int16(900).buffer).toBe(big.buffer);
  });

  it('keeps a buffer once, skips detached ones, and stays within its bytes', () => {
    const a = float64(100);
    recycle([a, a.subarray(10)]);
    expect(spareHeld()).toBe(800);
    const sent = new Float64Array(100);
    structuredClone(sent, { transfer: [sent.buffer] });
    recycle([sent]);
    expect(spareHeld()).toBe(800);
    recycle([new Uint8Array(MAX_SPARE_BYTES)]);
    expect(spareHeld()).toBe(800);
  });

  it('gives the same results to runs on reused memory as to runs on fresh memory', () => {
    const s = { ...defaultScenario(), weeks: 8 };
    dropSpares();
    const fresh = runReplication(s, 3, {}, new WarmupCache(0));
    expect(spareHeld()).toBeGreaterThan(0); // the run handed its arrays back
    runReplication({ ...s, seed: s.seed + 1 }, 5, {}, new WarmupCache(0)); // dirties them
    const reused = runReplication(s, 3, {}, new WarmupCache(0));
    expect(Array.from(reused.weekly)).toEqual(Array.from(fresh.weekly));
    expect(Array.from(reused.earnings)).toEqual(Array.from(fresh.earnings));
    expect(reused.ledger).toEqual(fresh.ledger);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mix32, uniform, uniformBits } from '../../src/sim/random';

describe('uniform draws', () => {
  it('are mix32 of the stream and the index, over 2^32, strictly between 0 and 1', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.integer({ min: -1, max: 0x7ffffffe }), (stream, index) => {
        const u = uniform(stream, index);
        expect(u).toBe((mix32((stream ^ Math.imul(index + 1, 0xc2b2ae3d)) >>> 0) + 0.5) / 2 ** 32);
        expect(u).toBeGreaterThan(0);
        expect(u).toBeLessThan(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('are their bits (uniformBits) plus a half, over 2^32', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.integer({ min: -1, max: 0x7ffffffe }), (stream, index) => {
        expect(uniform(stream, index)).toBe((uniformBits(stream, index) + 0.5) / 2 ** 32);
      }),
      { numRuns: 2000 },
    );
  });

  it('are the same for a stream key given signed or unsigned (dayStream gives it signed)', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.integer({ min: -1, max: 0x7ffffffe }), (key, index) => {
        expect(uniform(key | 0, index)).toBe(uniform(key >>> 0, index));
      }),
      { numRuns: 2000 },
    );
  });

  it('give a known value for a known stream and index (the hash has not changed)', () => {
    expect(uniform(0, 0)).toBe((mix32(0xc2b2ae3d) + 0.5) / 2 ** 32);
    expect([mix32(0), mix32(1), mix32(0xdeadbeef)]).toEqual([0, 1753845952, 3861431939]);
  });
});

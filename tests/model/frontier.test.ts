import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { paretoFront, type PlanePoint } from '../../src/model/frontier';

type Better = 'up' | 'down';

/** The O(n²) definition: a point is on the frontier when no other point dominates it. */
function bruteForce(points: PlanePoint[], bx: Better, by: Better): number[] {
  const sx = bx === 'up' ? 1 : -1;
  const sy = by === 'up' ? 1 : -1;
  const out: number[] = [];
  points.forEach((p, i) => {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
    const dominated = points.some(
      (q, j) =>
        j !== i &&
        Number.isFinite(q.x) &&
        Number.isFinite(q.y) &&
        sx * q.x >= sx * p.x &&
        sy * q.y >= sy * p.y &&
        (sx * q.x > sx * p.x || sy * q.y > sy * p.y),
    );
    if (!dominated) out.push(i);
  });
  return out;
}

describe('the Pareto frontier', () => {
  it('keeps the points no other point beats on both axes, sorted along x', () => {
    // x: cost (lower better), y: on-time rate (higher better).
    const pts = [
      { x: 3, y: 0.9 },
      { x: 1, y: 0.7 },
      { x: 2, y: 0.95 },
      { x: 4, y: 0.96 },
      { x: 2.5, y: 0.8 },
    ];
    expect(paretoFront(pts, 'down', 'up')).toEqual([1, 2, 3]);
    expect(paretoFront(pts, 'up', 'up')).toEqual([3]);
    expect(paretoFront(pts, 'down', 'down')).toEqual([1]);
  });

  it('keeps both of two equal points: neither dominates the other', () => {
    const pts = [
      { x: 1, y: 1 },
      { x: 1, y: 1 },
      { x: 0, y: 0 },
    ];
    expect(paretoFront(pts, 'up', 'up')).toEqual([0, 1]);
  });

  it('drops a point tied on one axis and worse on the other', () => {
    const pts = [
      { x: 1, y: 2 },
      { x: 1, y: 3 },
      { x: 2, y: 3 },
    ];
    expect(paretoFront(pts, 'up', 'up')).toEqual([2]);
    expect(paretoFront(pts, 'down', 'up')).toEqual([1]);
  });

  it('leaves out points that are not numbers, and handles none', () => {
    expect(
      paretoFront(
        [
          { x: Number.NaN, y: 5 },
          { x: 1, y: 1 },
        ],
        'up',
        'up',
      ),
    ).toEqual([1]);
    expect(paretoFront([], 'up', 'down')).toEqual([]);
  });

  it('contains exactly the non-dominated points of random sets (seeded)', () => {
    const rng = seedrandom('frontier');
    const senses: [Better, Better][] = [
      ['up', 'up'],
      ['up', 'down'],
      ['down', 'up'],
      ['down', 'down'],
    ];
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + Math.floor(rng() * 40);
      // Coarse values so that ties on one axis and equal points are common.
      const coarse = trial % 2 === 0;
      const pts = Array.from({ length: n }, () => ({
        x: coarse ? Math.floor(rng() * 6) : rng(),
        y: coarse ? Math.floor(rng() * 6) : rng(),
      }));
      const [bx, by] = senses[trial % 4];
      const front = paretoFront(pts, bx, by);
      expect([...front].sort((a, b) => a - b)).toEqual(bruteForce(pts, bx, by));
      for (let k = 1; k < front.length; k++) {
        expect(pts[front[k]].x).toBeGreaterThanOrEqual(pts[front[k - 1]].x);
      }
    }
  });
});

/**
 * The Pareto frontier of points in a plane of two metrics, each better up or down. Pure.
 *
 * A point is dominated when another is at least as good on both axes and strictly better on
 * one; two equal points do not dominate each other, so both stay on the frontier. Points with
 * a coordinate that is not finite are never on it and dominate nothing.
 */

export interface PlanePoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Indices of the non-dominated points, sorted by x (ascending; ties by y, then index).
 * O(n log n): points are scanned from best to worst x, keeping the best y seen so far.
 */
export function paretoFront(
  points: readonly PlanePoint[],
  betterX: 'up' | 'down',
  betterY: 'up' | 'down',
): number[] {
  const sx = betterX === 'up' ? 1 : -1;
  const sy = betterY === 'up' ? 1 : -1;
  // In (a, b) both axes are better up.
  const order = points
    .map((p, i) => ({ i, a: p.x * sx, b: p.y * sy }))
    .filter((p) => Number.isFinite(p.a) && Number.isFinite(p.b))
    .sort((p, q) => q.a - p.a || q.b - p.b || p.i - q.i);
  const front: number[] = [];
  let bestB = Number.NEGATIVE_INFINITY;
  let k = 0;
  while (k < order.length) {
    // A group of equal a: only its best b can be on the frontier, and only if no point of a
    // strictly better a has a b as good.
    const a = order[k].a;
    const groupBest = order[k].b;
    let end = k;
    while (end < order.length && order[end].a === a) end++;
    if (groupBest > bestB) {
      for (let j = k; j < end && order[j].b === groupBest; j++) front.push(order[j].i);
      bestB = groupBest;
    }
    k = end;
  }
  return front.sort((i, j) => points[i].x - points[j].x || points[i].y - points[j].y || i - j);
}

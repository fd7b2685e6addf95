/**
 * The sweep that the sweep and trade-off tools both show: its axis, every value it will run,
 * and the points in hand, which grow as a run reports them.
 */
import type { Comparison } from '../../model/results';
import { sweepValues, type SweepAxis } from '../../model/sweep';

export interface ShownSweep {
  readonly axis: SweepAxis;
  /** Every value of the axis, in the order run. */
  readonly values: number[];
  /** The comparisons in hand, one per value from the first. */
  readonly points: Comparison[];
}

/** A sweep about to run: its values known, no point yet. */
export function startSweep(axis: SweepAxis): ShownSweep {
  return { axis, values: sweepValues(axis), points: [] };
}

/** The sweep with one more point in hand. */
export function withPoint(sweep: ShownSweep, point: Comparison): ShownSweep {
  return { ...sweep, points: [...sweep.points, point] };
}

/** The values whose points are in hand. */
export function valuesDone(sweep: ShownSweep): number[] {
  return sweep.values.slice(0, sweep.points.length);
}

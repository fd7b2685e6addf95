/**
 * The measures a drill's slices show (docs/PRACTICE.md), each read before the change and since
 * from the station's daily record, and the reading of its move: up, down, vanished or flat
 * within its tolerance. The solver and the grading's feedback speak in these readings.
 */
import { STATION_ROWS } from './feature-rows';
import { DRIVER_ROWS } from './feature-rows-drivers';
import { ratio, type Window } from './history';

export type SliceId =
  | 'packages'
  | 'plan'
  | 'lengths'
  | 'waves'
  | 'slots'
  | 'supply'
  | 'pay'
  | 'funnel'
  | 'exits'
  | 'routes';

/** How a measure moved: `vanish` is a fall to a quarter or less (also a `down`). */
export type Move = 'up' | 'down' | 'vanish' | 'flat';

export interface FeatureDef {
  readonly id: string;
  readonly slice: SliceId;
  readonly label: string;
  /** How the value is shown: a share as %, else a number with this unit. */
  readonly unit: '%' | 'min' | 'h' | '$/h' | '$' | 'packages' | 'drivers' | 'per week' | '';
  /** A relative tolerance (`rel`: a share of the value before) or one in the value's units. */
  readonly tol: number;
  readonly rel: boolean;
  readonly value: (w: Window, lengths: readonly number[]) => number;
}

export const FEATURES: readonly FeatureDef[] = [...STATION_ROWS, ...DRIVER_ROWS].map(
  ([id, slice, label, unit, tol, rel, value]) => ({ id, slice, label, unit, tol, rel, value }),
);

export const FEATURE_BY_ID = new Map(FEATURES.map((f) => [f.id, f]));

/** How a measure moved from `before` to `after`, read with its tolerance. */
export function readMove(f: FeatureDef, before: number, after: number): Move {
  const change = f.rel ? ratio(after - before, Math.abs(before)) : after - before;
  if (change >= -f.tol && change <= f.tol) return 'flat';
  if (change > 0) return 'up';
  return before > 0 && after <= 0.25 * before ? 'vanish' : 'down';
}

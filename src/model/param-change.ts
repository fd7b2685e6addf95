/**
 * A change to one parameter, relative to a scenario's current value (scaled, shifted or set),
 * and the value it gives there, held within the parameter's range. The reality check's facts
 * (src/model/reality-facts.ts) state their setups and changes this way, so they can be run on
 * any user's assumptions.
 */
import { PARAM_BY_ID, type ParamId } from './params';

/** How one parameter moves: scaled, shifted, or set. */
export type ParamChange =
  | { readonly param: ParamId; readonly times: number }
  | { readonly param: ParamId; readonly plus: number }
  | { readonly param: ParamId; readonly set: number | boolean };

/** A value without binary noise (24.200000000000003 → 24.2). */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** The value a change gives the parameter, held within its range. */
export function changedValue(
  change: ParamChange,
  current: number | boolean,
): { value: number | boolean; capped: boolean } {
  const def = PARAM_BY_ID.get(change.param);
  if ('set' in change) return { value: change.set, capped: false };
  if (typeof current !== 'number' || !def || def.kind === 'boolean') {
    return { value: current, capped: false };
  }
  let x = 'times' in change ? current * change.times : current + change.plus;
  x = def.kind === 'integer' ? Math.round(x) : clean(x);
  const held = Math.min(def.max, Math.max(def.min, x));
  return { value: held, capped: held !== x };
}

/**
 * A sweep axis as typed in a form (a lever, its from and to, the number of points): where a
 * form starts (a range around the scenario's value) and the axis it describes, read through
 * parseSweep so that its messages name the key, the value and the range.
 */
import type { ParamId } from '../../model/params';
import type { Parsed, Scenario } from '../../model/scenario';
import { parseSweep, type SweepAxis } from '../../model/sweep';
import { paramDef } from '../charts/explore-data';
import { fieldText, snapToStep } from '../shared/lever-values';

/** An axis as typed in a form. */
export interface AxisForm {
  id: ParamId;
  from: string;
  to: string;
  steps: string;
}

/** A lever's value in the scenario as a number (an on/off lever as 1 or 0). */
export function numericValue(scenario: Scenario, id: ParamId): number {
  const v = scenario.params[id];
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** A range around the scenario's value (±25%, on the lever's step, within its range). */
export function rangeAround(id: ParamId, scenario: Scenario): { from: string; to: string } {
  const def = paramDef(id);
  if (def.kind === 'boolean') return { from: 'false', to: 'true' };
  const v = numericValue(scenario, id);
  const d = v === 0 ? (def.max - def.min) / 4 : Math.abs(v) * 0.25;
  const from = snapToStep(def, v - d);
  const to = snapToStep(def, v + d);
  return from === to
    ? { from: fieldText(def.min), to: fieldText(def.max) }
    : { from: fieldText(from), to: fieldText(to) };
}

/** The form for a lever, around the scenario's value, with `steps` points. */
export function axisForm(id: ParamId, scenario: Scenario, steps: number): AxisForm {
  return { id, ...rangeAround(id, scenario), steps: String(steps) };
}

/** The axis a form describes, through parseSweep (its messages name the key, value and range). */
export function readAxis(form: AxisForm): Parsed<SweepAxis> {
  const def = paramDef(form.id);
  if (def.kind === 'boolean') return parseSweep(`${form.id}=false:true`);
  return parseSweep(`${form.id}=${form.from.trim()}:${form.to.trim()}:${form.steps.trim()}`);
}

/**
 * The scenario bar's list of the levers where the scenario differs from the baseline: each
 * lever's label and both values as the lever shows them ("24.2 $/h", "on"). Plain data, no DOM.
 */
import { PARAM_BY_ID, type Params } from '../../model/params';
import { changedParams, type Scenario } from '../../model/scenario';

/** A parameter's value as the lever shows it: "24.2 $/h", "on"/"off". */
export function showParam(id: string, value: number | boolean): string {
  const def = PARAM_BY_ID.get(id);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (!Number.isFinite(value)) return '–';
  const unit = def && def.unit !== '' ? ` ${def.unit}` : '';
  return `${String(value)}${unit}`;
}

/** One lever where the scenario differs from the baseline, as the bar lists it. */
export interface Difference {
  readonly id: keyof Params;
  readonly label: string;
  /** The baseline's value and the scenario's, as shown. */
  readonly was: string;
  readonly now: string;
}

/** The levers where the scenario differs from the baseline, in table order. */
export function differences(scenario: Scenario, baseline: Scenario): Difference[] {
  const diff = changedParams(scenario.params, baseline.params);
  return (Object.keys(diff) as (keyof Params)[]).map((id) => ({
    id,
    label: PARAM_BY_ID.get(id)?.label ?? id,
    was: showParam(id, baseline.params[id]),
    now: showParam(id, scenario.params[id]),
  }));
}

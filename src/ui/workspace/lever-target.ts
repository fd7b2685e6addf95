/**
 * What one control of the lever panel edits, a parameter of the PARAMS table or a run setting,
 * and everything the panel asks of it without the DOM: its key, label, unit, range, default,
 * meaning and source, its value in a scenario, checking a value and putting it in, stepping it
 * with the arrow keys, and the scenario "Reset all to baseline" gives.
 */
import { type ParamDef, type Params } from '../../model/params';
import {
  SETTINGS,
  checkParam,
  checkSetting,
  type Parsed,
  type Scenario,
  type SettingId,
} from '../../model/scenario';
import {
  displayNumber,
  parseNumberText,
  settingSpec,
  stepBy,
  type NumberSpec,
} from '../shared/lever-values';

/** What one control edits: a parameter of the table or a run setting. */
export type Target = { kind: 'param'; def: ParamDef } | { kind: 'setting'; id: SettingId };

/** Text typed into a number field that is not (yet) the value in force. */
export interface Draft {
  readonly text: string;
  readonly error?: string;
}

/** The run settings, in the table's order. */
export const SETTING_IDS = Object.keys(SETTINGS) as SettingId[];

/** The control's key, unique across parameters and settings ("p-payPerHour", "s-seed"). */
export function keyOf(t: Target): string {
  return t.kind === 'param' ? `p-${t.def.id}` : `s-${t.id}`;
}

/** The parameter's or setting's id, as the test hooks name it. */
export function idOf(t: Target): string {
  return t.kind === 'param' ? t.def.id : t.id;
}

export function labelOf(t: Target): string {
  return t.kind === 'param' ? t.def.label : SETTINGS[t.id].label;
}

export function unitOf(t: Target): string {
  return t.kind === 'param' ? t.def.unit : '';
}

/** The number's range and step; undefined for an on/off parameter. */
export function specOf(t: Target): NumberSpec | undefined {
  if (t.kind === 'setting') return settingSpec(t.id);
  return t.def.kind === 'boolean' ? undefined : t.def;
}

export function defaultOf(t: Target): number | boolean {
  return t.kind === 'param' ? t.def.default : SETTINGS[t.id].default;
}

/** What the control's help says: its meaning, and for a parameter its source. */
export function helpOf(t: Target): { meaning: string; source: string } {
  return t.kind === 'param'
    ? { meaning: t.def.meaning, source: t.def.source }
    : { meaning: SETTINGS[t.id].meaning, source: '' };
}

/** The reset button's words: "default 22", "default on". */
export function defaultText(t: Target): string {
  const def = defaultOf(t);
  return `default ${typeof def === 'boolean' ? (def ? 'on' : 'off') : displayNumber(def)}`;
}

export function valueIn(s: Scenario, t: Target): number | boolean {
  return t.kind === 'param' ? s.params[t.def.id as keyof Params] : s[t.id];
}

/** Checks a value (typed text read as a number, or the value itself) for the target. */
export function check(t: Target, raw: unknown): Parsed<number | boolean> {
  return t.kind === 'param' ? checkParam(t.def.id, raw) : checkSetting(t.id, raw);
}

/** Checks text typed into the target's field. */
export function checkText(t: Target, text: string): Parsed<number | boolean> {
  return check(t, parseNumberText(text) ?? text.trim());
}

/** A copy of `s` with one checked value replaced. */
export function replaced(s: Scenario, t: Target, value: number | boolean): Scenario {
  if (t.kind === 'param') return { ...s, params: { ...s.params, [t.def.id]: value } as Params };
  return { ...s, [t.id]: value };
}

/** Whether the control does nothing in this scenario (surge step and cap while surge is off). */
export function unusedIn(s: Scenario, t: Target): boolean {
  return (
    t.kind === 'param' &&
    (t.def.id === 'surgeStep' || t.def.id === 'surgeCap') &&
    !s.params.surgeEnabled
  );
}

/**
 * The value ArrowUp (`direction` 1) or ArrowDown (-1) gives in a field showing `text`: a step
 * (ten with Shift) from the typed number if it is valid, else from the value in force, kept
 * in range; undefined where the target is not a number or the checker refuses the result.
 */
export function steppedValue(
  t: Target,
  text: string,
  current: number | boolean,
  direction: 1 | -1,
  shift: boolean,
): number | boolean | undefined {
  const spec = specOf(t);
  if (!spec) return undefined;
  const typed = check(t, parseNumberText(text));
  const from = typed.ok ? Number(typed.value) : Number(current);
  const r = check(t, stepBy(spec, from, direction, shift ? 10 : 1));
  return r.ok ? r.value : undefined;
}

/** `s` with every lever and run setting of the baseline: what "Reset all to baseline" gives. */
export function withBaselineLevers(s: Scenario, baseline: Scenario): Scenario {
  return {
    ...s,
    seed: baseline.seed,
    weeks: baseline.weeks,
    replications: baseline.replications,
    params: { ...baseline.params },
  };
}

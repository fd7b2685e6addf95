/**
 * Sweep axes: a parameter moved over a range in evenly spaced steps, as the explorer and the
 * headless runner's `--sweep id=from:to:steps` take it. Pure; validated through the parameter
 * table, so every message names the parameter, the value and the allowed range.
 *
 * A boolean parameter sweeps false then true (as 0 and 1, steps 2).
 */
import { parseDecimal, quoted } from './input-text';
import {
  PARAM_BY_ID,
  type BooleanParamDef,
  type NumberParamDef,
  type ParamDef,
  type ParamId,
} from './params';
import { withParams, type Parsed, type Scenario } from './scenario';

export interface SweepAxis {
  readonly id: ParamId;
  /** First value (0 for false when the parameter is boolean). */
  readonly from: number;
  /** Last value (1 for true when the parameter is boolean); may be below `from`. */
  readonly to: number;
  /** Number of points, 2 to SWEEP_MAX_STEPS (after rounding, fewer may be distinct). */
  readonly steps: number;
}

export const SWEEP_MIN_STEPS = 2;
export const SWEEP_MAX_STEPS = 50;

/** The text form of an axis, as `parseSweep` reads it. */
export function sweepText(axis: SweepAxis): string {
  const def = PARAM_BY_ID.get(axis.id);
  const end = (x: number) => (def?.kind === 'boolean' ? String(x !== 0) : String(x));
  return `${axis.id}=${end(axis.from)}:${end(axis.to)}:${axis.steps}`;
}

function range(def: ParamDef): string {
  if (def.kind === 'boolean') return 'false or true';
  return `${def.min} to ${def.max}${def.unit ? ` ${def.unit}` : ''}`;
}

const EXAMPLE = 'e.g. payPerHour=18:30:7';

/** Parses `id=from:to:steps` (for a boolean, `id=false:true` with steps 2 optional). */
export function parseSweep(text: string): Parsed<SweepAxis> {
  const at = text.indexOf('=');
  if (at <= 0) {
    return {
      ok: false,
      error: `${quoted(text)} is not a sweep: expected ID=FROM:TO:STEPS, ${EXAMPLE}`,
    };
  }
  const id = text.slice(0, at).trim();
  const def = PARAM_BY_ID.get(id);
  if (!def) return { ok: false, error: `unknown parameter ${quoted(id)} in sweep ${quoted(text)}` };
  const rest = text.slice(at + 1);
  return def.kind === 'boolean' ? parseOnOff(def, rest) : parseRange(def, text, rest);
}

/** The parts after `id=`, split on colons and trimmed. */
function sweepParts(rest: string): string[] {
  return rest.split(':').map((p) => p.trim());
}

/** A boolean's sweep: only `false:true`, with steps 2 optional. */
function parseOnOff(def: BooleanParamDef, rest: string): Parsed<SweepAxis> {
  const parts = sweepParts(rest);
  const [a, b, steps] = parts;
  const ok =
    (parts.length === 2 || (parts.length === 3 && parseDecimal(steps) === 2)) &&
    a === 'false' &&
    b === 'true';
  if (!ok) {
    return {
      ok: false,
      error: `parameter "${def.id}" is true or false: it sweeps only ${def.id}=false:true (steps 2), got ${quoted(rest)}`,
    };
  }
  return { ok: true, value: { id: def.id as ParamId, from: 0, to: 1, steps: 2 } };
}

/** A number's sweep: `from:to:steps`, both ends in the range, 2 to 50 whole steps. */
function parseRange(def: NumberParamDef, text: string, rest: string): Parsed<SweepAxis> {
  const parts = sweepParts(rest);
  if (parts.length !== 3) {
    return {
      ok: false,
      error: `sweep ${quoted(text)} needs FROM:TO:STEPS after "${def.id}=", ${EXAMPLE}`,
    };
  }
  const [fromText, toText, stepsText] = parts;
  const name = `${def.label} ("${def.id}")`;
  const from = readEnd(def, name, 'from', fromText);
  if (!from.ok) return from;
  const to = readEnd(def, name, 'to', toText);
  if (!to.ok) return to;
  const steps = parseDecimal(stepsText) ?? Number.NaN;
  if (!Number.isInteger(steps) || steps < SWEEP_MIN_STEPS || steps > SWEEP_MAX_STEPS) {
    return {
      ok: false,
      error: `sweep of ${name}: the number of points (STEPS) must be a whole number from ${SWEEP_MIN_STEPS} to ${SWEEP_MAX_STEPS}, got ${quoted(stepsText)}`,
    };
  }
  if (from.value === to.value) {
    return {
      ok: false,
      error: `sweep of ${name}: "from" and "to" are both ${from.value}; a sweep needs two different ends`,
    };
  }
  return { ok: true, value: { id: def.id as ParamId, from: from.value, to: to.value, steps } };
}

/** One end of a number's sweep: a number within the parameter's range. */
function readEnd(def: NumberParamDef, name: string, end: 'from' | 'to', t: string): Parsed<number> {
  const x = parseDecimal(t) ?? Number.NaN;
  if (!Number.isFinite(x)) {
    return {
      ok: false,
      error: `sweep of ${name}: "${end}" must be a number from ${range(def)}, got ${quoted(t)}`,
    };
  }
  if (x < def.min || x > def.max) {
    return {
      ok: false,
      error: `sweep of ${name}: "${end}" is ${x}, outside the allowed range ${range(def)}`,
    };
  }
  return { ok: true, value: x };
}

/** Rounds away the noise of binary fractions (0.1 + 0.2), keeping 10 significant decimals. */
function clean(x: number): number {
  return Number(x.toFixed(10));
}

/**
 * The axis's values, in order from `from` to `to`: evenly spaced, each rounded to the
 * parameter's step (whole numbers for integer parameters) within its range, repeats dropped.
 * A boolean axis gives [0, 1].
 */
export function sweepValues(axis: SweepAxis): number[] {
  const def = PARAM_BY_ID.get(axis.id);
  if (!def) return [];
  if (def.kind === 'boolean') return [0, 1];
  const n = Math.max(1, Math.floor(axis.steps));
  const step = def.step > 0 ? def.step : 0;
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const raw = n === 1 ? axis.from : axis.from + ((axis.to - axis.from) * k) / (n - 1);
    let v = step > 0 ? def.min + Math.round((raw - def.min) / step) * step : raw;
    if (def.kind === 'integer') v = Math.round(v);
    v = clean(Math.min(def.max, Math.max(def.min, v)));
    if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

/** A parameter's value as the scenario takes it: booleans from 0 and 1. */
export function axisParamValue(id: ParamId, value: number): number | boolean {
  return PARAM_BY_ID.get(id)?.kind === 'boolean' ? value !== 0 : value;
}

/**
 * The scenario with parameters set to swept values (validated). Throws a RangeError when a
 * value is refused, which `sweepValues` never produces.
 */
export function atValues(
  scenario: Scenario,
  values: Readonly<Partial<Record<ParamId, number>>>,
): Scenario {
  const changes: Record<string, number | boolean> = {};
  for (const [id, v] of Object.entries(values) as [ParamId, number][]) {
    changes[id] = axisParamValue(id, v);
  }
  const r = withParams(scenario, changes);
  if (!r.ok) throw new RangeError(r.error);
  return r.value;
}

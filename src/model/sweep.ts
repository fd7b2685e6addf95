/**
 * Sweep axes: a parameter moved over a range in evenly spaced steps, as the explorer and the
 * headless runner's `--sweep id=from:to:steps` take it. Pure; validated through the parameter
 * table, so every message names the parameter, the value and the allowed range.
 *
 * A boolean parameter sweeps false then true (as 0 and 1, steps 2).
 */
import { PARAM_BY_ID, type ParamDef, type ParamId } from './params';
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

/** Parses `id=from:to:steps` (for a boolean, `id=false:true` with steps 2 optional). */
export function parseSweep(text: string): Parsed<SweepAxis> {
  const example = 'e.g. payPerHour=18:30:7';
  const at = text.indexOf('=');
  if (at <= 0) {
    return { ok: false, error: `"${text}" is not a sweep: expected ID=FROM:TO:STEPS, ${example}` };
  }
  const id = text.slice(0, at).trim();
  const def = PARAM_BY_ID.get(id);
  if (!def) return { ok: false, error: `unknown parameter "${id}" in sweep "${text}"` };
  const parts = text
    .slice(at + 1)
    .split(':')
    .map((p) => p.trim());

  if (def.kind === 'boolean') {
    const [a, b, steps] = parts;
    const ok =
      (parts.length === 2 || (parts.length === 3 && Number(steps) === 2 && steps !== '')) &&
      a === 'false' &&
      b === 'true';
    if (!ok) {
      return {
        ok: false,
        error: `parameter "${id}" is true or false: it sweeps only ${id}=false:true (steps 2), got "${text.slice(at + 1)}"`,
      };
    }
    return { ok: true, value: { id: id as ParamId, from: 0, to: 1, steps: 2 } };
  }

  if (parts.length !== 3) {
    return {
      ok: false,
      error: `sweep "${text}" needs FROM:TO:STEPS after "${id}=", ${example}`,
    };
  }
  const [fromText, toText, stepsText] = parts;
  const name = `${def.label} ("${id}")`;
  const ends: number[] = [];
  for (const [end, t] of [
    ['from', fromText],
    ['to', toText],
  ] as const) {
    const x = t === '' ? Number.NaN : Number(t);
    if (!Number.isFinite(x)) {
      return {
        ok: false,
        error: `sweep of ${name}: "${end}" must be a number from ${range(def)}, got "${t}"`,
      };
    }
    if (x < def.min || x > def.max) {
      return {
        ok: false,
        error: `sweep of ${name}: "${end}" is ${x}, outside the allowed range ${range(def)}`,
      };
    }
    ends.push(x);
  }
  const steps = stepsText === '' ? Number.NaN : Number(stepsText);
  if (!Number.isInteger(steps) || steps < SWEEP_MIN_STEPS || steps > SWEEP_MAX_STEPS) {
    return {
      ok: false,
      error: `sweep of ${name}: the number of points (STEPS) must be a whole number from ${SWEEP_MIN_STEPS} to ${SWEEP_MAX_STEPS}, got "${stepsText}"`,
    };
  }
  if (ends[0] === ends[1]) {
    return {
      ok: false,
      error: `sweep of ${name}: "from" and "to" are both ${ends[0]}; a sweep needs two different ends`,
    };
  }
  return { ok: true, value: { id: id as ParamId, from: ends[0], to: ends[1], steps } };
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

/**
 * Pure helpers behind the lever panel (`lever-panel.ts`): reading what a person typed,
 * writing values back into fields and labels, mapping values to slider positions, and
 * counting the levers that differ from the baseline. No DOM, no Lit; unit-tested in
 * tests/ui/shared/lever-values.test.ts.
 */
import { parseDecimal } from '../../model/input-text';
import { PARAMS, type ParamDef, type Params } from '../../model/params';
import { SETTINGS, type Scenario, type SettingId } from '../../model/scenario';

/** What the panel needs to know about a numeric control, parameter or run setting. */
export interface NumberSpec {
  readonly kind: 'number' | 'integer';
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly unit: string;
  readonly default: number;
}

/** The numeric spec of a run setting (whole numbers, no unit). */
export function settingSpec(id: SettingId): NumberSpec {
  const s = SETTINGS[id];
  return { kind: 'integer', min: s.min, max: s.max, step: 1, unit: '', default: s.default };
}

/**
 * The number a person typed, or undefined when the text is not a plain number. Accepts
 * surrounding spaces, a sign, decimals, exponents and en-US thousands separators ("8,000");
 * rejects empty text, hex, "Infinity" and anything else `Number()` would quietly accept. The
 * same syntax as the runner's flags and the link (src/model/input-text.ts).
 */
export function parseNumberText(text: string): number | undefined {
  return parseDecimal(text);
}

/** Removes binary noise (0.30000000000000004 → 0.3) without touching real digits. */
export function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** A value as it goes into an editable field: plain digits, no grouping, no noise. */
export function fieldText(value: number): string {
  return String(clean(value));
}

const GROUPING = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/**
 * A value as people read it in labels: grouped digits ("200,000"), a true minus sign, no
 * noise, and "–" if not finite.
 */
export function displayNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return GROUPING.format(clean(value)).replace('-', '\u2212');
}

/** A value with its unit ("22 $/h", "3 days", "1.5 ×"). */
export function withUnit(value: number | boolean, unit: string): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  const v = displayNumber(value);
  if (!unit) return v;
  // Shares read as percentages ("20%", "10% of base", "2%/year"); a calendar week reads
  // "week 10"; one of a plural unit reads "1 day", not "1 days".
  if (unit.startsWith('share')) {
    const rest = unit.slice('share'.length).trim();
    const pct = `${displayNumber(Number((value * 100).toPrecision(10)))}%`;
    return rest === '' ? pct : rest.startsWith('/') ? `${pct}${rest}` : `${pct} ${rest}`;
  }
  if (unit === 'week') return `week ${v}`;
  if (value === 1 && /^[a-z]+s$/.test(unit)) return `${v} ${unit.slice(0, -1)}`;
  return `${v} ${unit}`;
}

/** The allowed range as read aloud and shown: "10 to 60 $/h". */
export function rangeText(spec: NumberSpec): string {
  const r = `${displayNumber(spec.min)} to ${displayNumber(spec.max)}`;
  return spec.unit ? `${r} ${spec.unit}` : r;
}

/** Number of decimals in a step (0.5 → 1, 0.005 → 3, 100 → 0). */
export function stepDecimals(step: number): number {
  const s = fieldText(step);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** The value rounded to the control's step grid (counted from its minimum) and clamped. */
export function snapToStep(spec: NumberSpec, value: number): number {
  const steps = Math.round((value - spec.min) / spec.step);
  const snapped = spec.min + steps * spec.step;
  const rounded = Number(
    snapped.toFixed(Math.max(stepDecimals(spec.step), stepDecimals(spec.min))),
  );
  return Math.min(spec.max, Math.max(spec.min, rounded));
}

/**
 * One step up or down from a value (for arrow keys in a number field): `times` steps, onto
 * the step grid, clamped to the range. An off-grid value moves to the next grid point.
 */
export function stepBy(spec: NumberSpec, value: number, direction: 1 | -1, times = 1): number {
  const grid = (value - spec.min) / spec.step;
  const base = direction > 0 ? Math.floor(grid + 1e-9) : Math.ceil(grid - 1e-9);
  return snapToStep(spec, spec.min + (base + direction * times) * spec.step);
}

/** Positions of a slider that uses a stretched (cubic) scale. */
export const SLIDER_POSITIONS = 1000;

/**
 * How a slider maps to values. Linear, with the native step, unless the range is wide and the
 * default sits in its bottom tenth (packages per day, drivers at start, pool cap, ...): then
 * a cubic scale gives the usual values most of the slider's travel.
 */
export function sliderScale(spec: NumberSpec): 'linear' | 'cubic' {
  const span = spec.max - spec.min;
  const wide = span / spec.step >= 200;
  const low = (spec.default - spec.min) / span < 0.1;
  return wide && low ? 'cubic' : 'linear';
}

/** The slider's own min, max and step attributes for a spec. */
export function sliderAttributes(spec: NumberSpec): { min: number; max: number; step: number } {
  return sliderScale(spec) === 'linear'
    ? { min: spec.min, max: spec.max, step: spec.step }
    : { min: 0, max: SLIDER_POSITIONS, step: 1 };
}

/** Where a value sits on the slider (in the slider's own units). */
export function toSliderPosition(spec: NumberSpec, value: number): number {
  const v = Math.min(spec.max, Math.max(spec.min, value));
  if (sliderScale(spec) === 'linear') return v;
  const share = (v - spec.min) / (spec.max - spec.min);
  return Math.round(Math.cbrt(share) * SLIDER_POSITIONS);
}

/**
 * The value at a slider position, snapped to the step. When a cubic slider moved but its value
 * did not (the low end of the scale packs many positions onto one value), the value moves one
 * step in the slider's direction, so the arrow keys never get stuck.
 */
export function fromSliderPosition(spec: NumberSpec, position: number, previous: number): number {
  if (sliderScale(spec) === 'linear') return snapToStep(spec, position);
  const p = Math.min(SLIDER_POSITIONS, Math.max(0, position)) / SLIDER_POSITIONS;
  const value = snapToStep(spec, spec.min + (spec.max - spec.min) * p ** 3);
  const before = toSliderPosition(spec, previous);
  if (value === previous && position !== before) {
    return stepBy(spec, previous, position > before ? 1 : -1);
  }
  return value;
}

/** Ids of the parameters whose value in `scenario` differs from `baseline`, in table order. */
export function differingParams(scenario: Params, baseline: Params): string[] {
  return (PARAMS as readonly ParamDef[])
    .map((p) => p.id)
    .filter((id) => scenario[id as keyof Params] !== baseline[id as keyof Params]);
}

/** Run settings (seed, weeks, replications) that differ between two scenarios. */
export function differingSettings(scenario: Scenario, baseline: Scenario): SettingId[] {
  return (Object.keys(SETTINGS) as SettingId[]).filter((id) => scenario[id] !== baseline[id]);
}

/** The headline count: "No lever differs from baseline", "1 lever differs ...", "3 levers ...". */
export function differsSummary(levers: number, settings = 0): string {
  const head =
    levers === 0
      ? 'No lever differs from baseline'
      : `${levers} ${levers === 1 ? 'lever differs' : 'levers differ'} from baseline`;
  if (settings === 0) return head;
  return `${head}; ${settings} run ${settings === 1 ? 'setting differs' : 'settings differ'}`;
}

/** The marker text beside a lever that differs: "changed: baseline 22 $/h". */
export function changedText(baselineValue: number | boolean, unit: string): string {
  return `changed: baseline ${withUnit(baselineValue, unit)}`;
}

/** Whether two scenarios ask for the same run (same settings and parameter values). */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  return differingSettings(a, b).length === 0 && differingParams(a.params, b.params).length === 0;
}

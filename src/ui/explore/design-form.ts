/**
 * The Global design tool's form in plain data: the design kind, the factors with their ranges
 * as typed, N, replications and weeks; read into a design spec (src/run/design-plan.ts) over
 * the workspace's scenario, or a message naming the field that is wrong. No DOM.
 */
import { METRICS } from '../../model/metrics';
import { describePlan, estimatePlan } from '../../model/run-budget';
import { PARAMS, PARAM_BY_ID, type ParamDef, type ParamId } from '../../model/params';
import { checkSetting, type Parsed, type Scenario } from '../../model/scenario';
import {
  MORRIS_LEVELS,
  checkDesign,
  designPoints,
  type DesignFactor,
  type DesignKind,
  type DesignSpec,
} from '../../run/design-plan';
import { designSketch } from '../../run/design-browser';
import { MAX_FACTORS } from '../../run/design-sampling';
import { snapOutward } from '../../run/sensitivity';
import { fieldText, parseNumberText } from '../shared/lever-values';

/** A factor as typed: a number parameter and its range. */
export interface FactorForm {
  readonly id: ParamId;
  readonly from: string;
  readonly to: string;
}

export interface DesignForm {
  readonly kind: DesignKind;
  readonly factors: readonly FactorForm[];
  /** Sobol: base samples; Morris: trajectories; LHS: points. */
  readonly n: string;
  readonly replications: string;
  readonly weeks: string;
}

/** Most points a design run in a browser tab may have (the runner takes more, in shards). */
export const MAX_BROWSER_POINTS = 20_000;

/** The kinds as the form names them. */
export const KIND_LABELS: Record<DesignKind, string> = {
  sobol: "Sobol' (shares of variance)",
  morris: 'Morris (screening)',
  lhs: 'Latin hypercube (rank correlation)',
};

/** What N counts for a kind. */
export function nLabel(kind: DesignKind): string {
  if (kind === 'sobol') return 'Base samples N';
  if (kind === 'morris') return 'Trajectories';
  return 'Points';
}

const NUMBER_PARAMS = (PARAMS as readonly ParamDef[]).filter((p) => p.kind !== 'boolean');

/** Share of a value (of the range, where the value is 0) a new factor spans either side. */
const SPAN = 0.2;

/**
 * A factor's default range: ±20% around the scenario's value (±20% of the parameter's range
 * where the value is 0), rounded outward to the parameter's step within its bounds; the whole
 * range where that span is narrower than a step.
 */
export function factorForm(id: ParamId, scenario: Scenario): FactorForm {
  const def = PARAM_BY_ID.get(id);
  if (!def || def.kind === 'boolean') return { id, from: '', to: '' };
  const v = scenario.params[id] as number;
  const d = v === 0 ? SPAN * (def.max - def.min) : Math.abs(v) * SPAN;
  let from = snapOutward(def, v - d, v);
  let to = snapOutward(def, v + d, v);
  if (!(to - from >= def.step)) [from, to] = [def.min, def.max];
  return { id, from: fieldText(from), to: fieldText(to) };
}

/** The form a tab opens with: a small Morris screening of pay and demand, 2 replications. */
export function defaultDesignForm(scenario: Scenario): DesignForm {
  return {
    kind: 'morris',
    factors: [factorForm('payPerHour', scenario), factorForm('demandPerDay', scenario)],
    n: '4',
    replications: '2',
    weeks: String(scenario.weeks),
  };
}

/** The form with one more factor: the first number parameter not chosen yet. */
export function withFactorAdded(form: DesignForm, scenario: Scenario): DesignForm {
  const taken = new Set(form.factors.map((f) => f.id));
  const next = NUMBER_PARAMS.find((p) => !taken.has(p.id as ParamId));
  if (!next || form.factors.length >= MAX_FACTORS) return form;
  return { ...form, factors: [...form.factors, factorForm(next.id as ParamId, scenario)] };
}

/** The form with factor `i` changed (a new parameter takes its default range). */
export function withFactor(
  form: DesignForm,
  i: number,
  change: Partial<FactorForm>,
  scenario: Scenario,
): DesignForm {
  const factors = form.factors.map((f, j) => {
    if (j !== i) return f;
    if (change.id !== undefined && change.id !== f.id) return factorForm(change.id, scenario);
    return { ...f, ...change };
  });
  return { ...form, factors };
}

/** The form without factor `i`. */
export function withoutFactor(form: DesignForm, i: number): DesignForm {
  return { ...form, factors: form.factors.filter((_, j) => j !== i) };
}

type Read<T> = Parsed<T>;
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** Factor `i` as typed, checked against its parameter's bounds and step. */
function readFactor(f: FactorForm, i: number, before: readonly DesignFactor[]): Read<DesignFactor> {
  const def = PARAM_BY_ID.get(f.id);
  if (!def || def.kind === 'boolean') return fail(`Factor ${i + 1}: "${f.id}" is not a number`);
  const unit = def.unit ? ` ${def.unit}` : '';
  const name = `Factor ${i + 1} (${def.label})`;
  if (before.some((b) => b.id === f.id)) return fail(`${name} is chosen twice.`);
  const ends: number[] = [];
  for (const [which, text] of [
    ['From', f.from],
    ['To', f.to],
  ] as const) {
    const v = parseNumberText(text);
    if (v === undefined) return fail(`${name}: "${which}" must be a number, got "${text}".`);
    if (v < def.min || v > def.max) {
      return fail(`${name}: "${which}" is ${v}, outside ${def.min} to ${def.max}${unit}.`);
    }
    ends.push(v);
  }
  const [from, to] = ends as [number, number];
  if (!(to > from)) return fail(`${name}: "From" (${from}) must be below "To" (${to}).`);
  if (to - from < def.step) {
    return fail(`${name}: the range ${from} to ${to} is narrower than one step (${def.step}).`);
  }
  return { ok: true, value: { id: f.id, from, to } };
}

/** A whole number in [min, max] as typed, or a message naming the field. */
function wholeNumber(field: string, text: string, min: number, max: number): Read<number> {
  const v = parseNumberText(text);
  if (v === undefined || !Number.isInteger(v) || v < min || v > max) {
    return fail(`${field} must be a whole number from ${min} to ${max}, got "${text}".`);
  }
  return { ok: true, value: v };
}

/** The N a kind takes. */
function nRange(kind: DesignKind): { min: number; max: number } {
  return { min: kind === 'lhs' ? 3 : 2, max: 100_000 };
}

/**
 * The design the form asks for over the workspace's scenario and baseline (their seed; the
 * form's weeks and replications), every metric in its report (so any can be shown after), or
 * the first thing wrong with the form.
 */
export function readDesignForm(
  form: DesignForm,
  baseline: Scenario,
  scenario: Scenario,
): Read<DesignSpec> {
  const { kind } = form;
  const k = form.factors.length;
  if (k < (kind === 'sobol' ? 2 : 1)) {
    return fail(kind === 'sobol' ? "A Sobol' design needs at least two factors." : 'Add a factor.');
  }
  if (k > MAX_FACTORS) return fail(`A design varies at most ${MAX_FACTORS} factors, got ${k}.`);
  const factors: DesignFactor[] = [];
  for (const [i, f] of form.factors.entries()) {
    const r = readFactor(f, i, factors);
    if (!r.ok) return r;
    factors.push(r.value);
  }
  const { min, max } = nRange(kind);
  const n = wholeNumber(nLabel(kind), form.n, min, max);
  if (!n.ok) return n;
  const points = designPoints(kind, n.value, k);
  if (points > MAX_BROWSER_POINTS) {
    return fail(
      `This design has ${points.toLocaleString('en-US')} points, more than the ` +
        `${MAX_BROWSER_POINTS.toLocaleString('en-US')} a browser tab runs: lower ` +
        `${nLabel(kind)} or the factors, or run it with the runner in shards ` +
        `(npm run sim -- --design ${kind} --shard i/n).`,
    );
  }
  const settings: Record<'replications' | 'weeks', number> = { replications: 0, weeks: 0 };
  for (const id of ['replications', 'weeks'] as const) {
    const v = checkSetting(id, parseNumberText(form[id]) ?? form[id]);
    if (!v.ok) return fail(`${v.error.charAt(0).toUpperCase()}${v.error.slice(1)}.`);
    settings[id] = v.value;
  }
  const spec: DesignSpec = {
    kind,
    factors,
    n: n.value,
    levels: MORRIS_LEVELS,
    metrics: METRICS.map((m) => m.id),
    period: 'whole',
    scenario: { ...scenario, ...settings },
    baseline: { ...baseline, ...settings, seed: scenario.seed },
  };
  const refused = checkDesign(spec);
  return refused === undefined ? { ok: true, value: spec } : fail(`${refused}.`);
}

/** The design's size as the form says it, or "" when the form cannot be read that far. */
export function designSizeText(form: DesignForm): string {
  const n = parseNumberText(form.n);
  const reps = parseNumberText(form.replications);
  if (n === undefined || !Number.isInteger(n) || n < 1 || form.factors.length < 1) return '';
  const points = designPoints(form.kind, n, form.factors.length);
  const r = reps !== undefined && Number.isInteger(reps) && reps > 0 ? reps : undefined;
  const jobs = r === undefined ? '' : `, ${((points + 1) * r).toLocaleString('en-US')} runs`;
  return (
    `${points.toLocaleString('en-US')} points and the baseline` +
    (r === undefined ? '' : ` × ${r} replications`) +
    jobs
  );
}

/**
 * The line under the form: the design's size and the run gate's estimate on `workers` threads
 * (each point costing what the scenario costs), or the first thing wrong with the form.
 */
export function designCheck(
  form: DesignForm,
  baseline: Scenario,
  scenario: Scenario,
  workers: number,
): { ok: boolean; text: string } {
  const spec = readDesignForm(form, baseline, scenario);
  if (!spec.ok) return { ok: false, text: spec.error };
  const estimate = describePlan(estimatePlan(designSketch(spec.value), workers));
  return { ok: true, text: `${designSizeText(form)}: ${estimate}.` };
}

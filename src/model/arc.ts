/**
 * The metric-question arc of a practice round (docs/PRACTICE.md), graded against the simulation
 * and a rubric: the North Star, input metrics and guardrails with a reason, direction and size
 * per metric and run length, and the launch call with a sentence of reasoning. Pure: the words
 * of the feedback are src/ui/practice/arc-feedback.ts.
 *
 * Sizes are bands in multiples of the metric's smallest change that matters (its practical
 * threshold, the one "flat" is judged by): flat under 1×, small 1–3×, medium 3–10×, large 10×
 * or more. The threshold is absolute (in the metric's units) or a share of the baseline, as
 * the metric table sets it, so the bands are stated before the run in the same terms.
 */
import { reaches } from './causal';
import { GUARDRAIL_IDS, METRIC_BY_ID, type MetricDef, type MetricId } from './metrics';
import type { ParamId, Params } from './params';
import { NORTH_STAR } from './prompts';
import { predictionKey, type PredictionKey, type RunLength, type Truth } from './scoring';

export type Size = 'small' | 'medium' | 'large';
export const SIZES: readonly Size[] = ['small', 'medium', 'large'];
/** Where small ends and medium ends, in multiples of the smallest change that matters. */
export const SIZE_EDGES = { small: 3, medium: 10 } as const;

export type Call = 'ship' | 'dont' | 'change';
export const CALLS: readonly Call[] = ['ship', 'change', 'dont'];

/** The skills a practice round or drill trains, and their history keeps. */
export type Skill = 'northStar' | 'guardrails' | 'direction' | 'size' | 'diagnosis' | 'call';
export const SKILLS: readonly Skill[] = [
  'northStar',
  'guardrails',
  'direction',
  'size',
  'diagnosis',
  'call',
];

/** The band of a change: undefined when it is below the threshold (flat) or not a number. */
export function sizeOf(delta: number, minChange: number): Size | undefined {
  if (!Number.isFinite(delta) || !Number.isFinite(minChange)) return undefined;
  const a = Math.abs(delta);
  if (a < minChange || a === 0) return undefined;
  if (minChange <= 0) return 'large';
  const k = a / minChange;
  return k < SIZE_EDGES.small ? 'small' : k < SIZE_EDGES.medium ? 'medium' : 'large';
}

/** The bands the 95% interval of a change reaches on the side of its estimate. */
export function sizesReached(truth: Truth): Size[] {
  const sign = Math.sign(truth.delta);
  const out = new Set<Size>();
  for (const x of [truth.low, truth.delta, truth.high]) {
    const s = sizeOf(Math.sign(x) === sign ? x : 0, truth.minChange);
    if (s) out.add(s);
  }
  // Bands between the ends are reached too.
  const idx = [...out].map((s) => SIZES.indexOf(s));
  if (idx.length === 0) return [];
  const lo = Math.min(...idx);
  const hi = Math.max(...idx);
  return SIZES.slice(lo, hi + 1);
}

/** What the candidate committed, step by step. */
export interface ArcAnswers {
  readonly goal: string;
  readonly northStar: MetricId | '';
  readonly inputs: readonly MetricId[];
  readonly guardrails: readonly MetricId[];
  readonly guardrailReason: string;
  readonly predictions: Readonly<Partial<Record<PredictionKey, 'up' | 'down' | 'flat'>>>;
  readonly sizes: Readonly<Partial<Record<PredictionKey, Size>>>;
  readonly call: Call | '';
  readonly callReason: string;
}

export const NO_ANSWERS: ArcAnswers = {
  goal: '',
  northStar: '',
  inputs: [],
  guardrails: [],
  guardrailReason: '',
  predictions: {},
  sizes: {},
  call: '',
  callReason: '',
};

/** Fewest and most guardrails a candidate names. */
export const GUARDRAILS_MIN = 2;
export const GUARDRAILS_MAX = 3;

/**
 * Metrics a candidate may name as guardrails or inputs: the asked metrics and the tree's
 * guardrails, in that order, once each; the North Star aside unless `northStar` (in a
 * ship-or-not drill it may be a guardrail of a cost cut).
 */
export function choosableMetrics(asked: readonly MetricId[], northStar = false): MetricId[] {
  const out: MetricId[] = [];
  for (const id of [...asked, ...GUARDRAIL_IDS]) {
    if ((northStar || id !== NORTH_STAR) && !out.includes(id)) out.push(id);
  }
  return out;
}

/** Criteria of a launch call: the metric that must get better, the ones that must not get worse. */
export interface Criteria {
  readonly goal: MetricId;
  readonly guardrails: readonly MetricId[];
}

/** A call from truths of one run length under criteria, with what decided it. */
export interface CallReading {
  readonly call: Call;
  readonly goal: Truth | undefined;
  /** Guardrails that got worse beyond their smallest change that matters. */
  readonly broken: readonly Truth[];
}

/**
 * The call the criteria give on a run length's truths: ship when the goal got better and no
 * guardrail worse; ship with a change when the goal got better and a guardrail worse (the
 * change must protect it); don't ship when the goal did not get better (flat, worse, or the
 * run cannot tell).
 */
export function callOf(truths: readonly Truth[], criteria: Criteria, run: RunLength): CallReading {
  const at = (id: MetricId) => truths.find((t) => t.metric === id && t.run === run);
  const goal = at(criteria.goal);
  const broken = criteria.guardrails
    .filter((id) => id !== criteria.goal)
    .map(at)
    .filter((t): t is Truth => t !== undefined && t.verdict === 'worse');
  if (goal?.verdict !== 'better') return { call: 'dont', goal, broken };
  return { call: broken.length > 0 ? 'change' : 'ship', goal, broken };
}

/** One step's grade: a share of its rubric met (0–1) and the facts its feedback states. */
export interface StepGrade<F> {
  readonly skill: Skill;
  readonly score: number;
  readonly facts: F;
}

export interface NorthStarFacts {
  readonly choice: MetricId | '';
  readonly right: boolean;
  readonly goalGiven: boolean;
  readonly moves: readonly Truth[];
}

/** North Star: 0.8 for the model's metric, 0.2 for a goal stated in words. */
export function gradeNorthStar(a: ArcAnswers, truths: readonly Truth[]): StepGrade<NorthStarFacts> {
  const right = a.northStar === NORTH_STAR;
  const goalGiven = a.goal.trim().length > 0;
  return {
    skill: 'northStar',
    score: (right ? 0.8 : 0) + (goalGiven ? 0.2 : 0),
    facts: {
      choice: a.northStar,
      right,
      goalGiven,
      moves: truths.filter((t) => t.metric === NORTH_STAR),
    },
  };
}

export interface GuardrailFacts {
  readonly countOk: boolean;
  readonly reasonGiven: boolean;
  /** The inputs and whether a changed lever reaches each in the causal graph. */
  readonly inputs: readonly { readonly id: MetricId; readonly reached: boolean }[];
  /** Metrics that got worse beyond their threshold in the long run, worst first (in thresholds). */
  readonly atRisk: readonly Truth[];
  /** The one most at risk, and whether the candidate named it. */
  readonly caught: boolean;
  /** The candidate's guardrails with their long-run truth. */
  readonly named: readonly { readonly id: MetricId; readonly truth: Truth | undefined }[];
}

/** Metrics that got worse beyond their threshold in a run, worst first (in thresholds). */
export function worsened(measured: readonly Truth[], run: RunLength): Truth[] {
  return measured
    .filter((t) => t.run === run && t.verdict === 'worse' && t.metric !== NORTH_STAR)
    .sort((x, y) => Math.abs(y.delta) / y.minChange - Math.abs(x.delta) / x.minChange);
}

function changedLevers(baseline: Params, scenario: Params): ParamId[] {
  return (Object.keys(baseline) as ParamId[]).filter((id) => baseline[id] !== scenario[id]);
}

/**
 * Inputs and guardrails, a quarter each: two or three guardrails; a reason; inputs a changed
 * lever reaches (the share of them); the metric most at risk in the long run named as a
 * guardrail (full marks when nothing is at risk). At risk: among the metrics a candidate may
 * choose, those worse beyond their smallest change that matters.
 */
export function gradeGuardrails(
  a: ArcAnswers,
  measured: readonly Truth[],
  choosable: readonly MetricId[],
  baseline: Params,
  scenario: Params,
): StepGrade<GuardrailFacts> {
  const levers = changedLevers(baseline, scenario);
  const inputs = a.inputs.map((id) => ({ id, reached: levers.some((l) => reaches(l, id)) }));
  const atRisk = worsened(measured, 'long').filter((t) => choosable.includes(t.metric));
  const caught = atRisk.length === 0 || a.guardrails.includes(atRisk[0].metric);
  const countOk = a.guardrails.length >= GUARDRAILS_MIN && a.guardrails.length <= GUARDRAILS_MAX;
  const reasonGiven = a.guardrailReason.trim().length > 0;
  const inputShare = inputs.length > 0 ? inputs.filter((i) => i.reached).length / inputs.length : 0;
  const named = a.guardrails.map((id) => ({
    id,
    truth: measured.find((t) => t.metric === id && t.run === 'long'),
  }));
  return {
    skill: 'guardrails',
    score: 0.25 * ((countOk ? 1 : 0) + (reasonGiven ? 1 : 0) + inputShare + (caught ? 1 : 0)),
    facts: { countOk, reasonGiven, inputs, atRisk, caught, named },
  };
}

/** A prediction row with direction and size graded. */
export interface SizedRow {
  readonly truth: Truth;
  readonly direction: 'up' | 'down' | 'flat' | undefined;
  readonly size: Size | undefined;
  /** The direction is right (undefined: not scored, the run cannot tell). */
  readonly directionRight: boolean | undefined;
  /** The true band (point estimate) and whether the candidate's band is one the interval reaches. */
  readonly trueSize: Size | undefined;
  readonly sizeRight: boolean | undefined;
}

/** Direction per scored row; size per row that moved and whose direction was called right. */
export function gradePredictions(
  truths: readonly Truth[],
  a: ArcAnswers,
): { rows: SizedRow[]; direction: StepGrade<null>; size: StepGrade<null> } {
  let dirAsked = 0;
  let dirRight = 0;
  let sizeAsked = 0;
  let sizeRight = 0;
  const rows = truths.map((truth): SizedRow => {
    const key = predictionKey(truth.metric, truth.run);
    const direction = a.predictions[key];
    const size = direction === 'flat' ? undefined : a.sizes[key];
    const d = truth.direction;
    const directionRight = d === undefined ? undefined : direction === d;
    if (directionRight !== undefined) dirAsked++;
    if (directionRight === true) dirRight++;
    const trueSize = d === 'up' || d === 'down' ? sizeOf(truth.delta, truth.minChange) : undefined;
    let sRight: boolean | undefined;
    if (trueSize && directionRight === true) {
      sRight = size !== undefined && sizesReached(truth).includes(size);
      sizeAsked++;
      if (sRight) sizeRight++;
    }
    return { truth, direction, size, directionRight, trueSize, sizeRight: sRight };
  });
  return {
    rows,
    direction: { skill: 'direction', score: dirAsked > 0 ? dirRight / dirAsked : 0, facts: null },
    size: { skill: 'size', score: sizeAsked > 0 ? sizeRight / sizeAsked : 0, facts: null },
  };
}

export interface CallFacts {
  readonly call: Call | '';
  readonly reasonGiven: boolean;
  readonly criteria: Criteria;
  readonly long: CallReading;
  readonly short: CallReading;
  /** Metrics worse in the long run that the criteria did not name. */
  readonly unnamed: readonly Truth[];
}

/** Guardrails the call is judged by when the candidate named none: cost and churn. */
export const DEFAULT_GUARDRAILS: readonly MetricId[] = ['costPerPackage', 'weeklyChurnRate'];

/**
 * The call: 0.75 when it is the one the criteria give on the long run, 0.25 for a sentence
 * of reasoning. The criteria are the North Star and the candidate's guardrails (cost and churn
 * when none were named), so the call is graded against what the candidate stated.
 */
export function gradeCall(a: ArcAnswers, measured: readonly Truth[]): StepGrade<CallFacts> {
  const criteria: Criteria = {
    goal: NORTH_STAR,
    guardrails: a.guardrails.length > 0 ? a.guardrails : DEFAULT_GUARDRAILS,
  };
  const long = callOf(measured, criteria, 'long');
  const short = callOf(measured, criteria, 'short');
  const reasonGiven = a.callReason.trim().length > 0;
  const unnamed = worsened(measured, 'long').filter((t) => !criteria.guardrails.includes(t.metric));
  return {
    skill: 'call',
    score: (a.call === long.call ? 0.75 : 0) + (reasonGiven ? 0.25 : 0),
    facts: { call: a.call, reasonGiven, criteria, long, short, unnamed },
  };
}

/** Whether a metric's threshold is a share of its baseline (rather than in its units). */
export function relativeThreshold(def: MetricDef): boolean {
  return 'rel' in def.minChange;
}

/** The metric definition of an id (every id of the table has one). */
export function metricDef(id: MetricId): MetricDef {
  const def = METRIC_BY_ID.get(id);
  if (!def) throw new Error(`no metric "${id}"`);
  return def;
}

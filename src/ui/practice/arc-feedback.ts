/**
 * The words of a metric-question round's feedback, step by step (src/model/arc.ts grades):
 * every step gets feedback whether it was right or wrong: the size of what moved, the
 * trade-off it reveals, the guardrail it puts at risk, and the call the candidate's criteria
 * give. Also the size bands and the "flat" threshold as the screen states them before the run.
 * Pure, no DOM.
 */
import {
  SIZE_EDGES,
  metricDef,
  relativeThreshold,
  sizeOf,
  type ArcAnswers,
  type Call,
  type CallFacts,
  type CallReading,
  type GuardrailFacts,
  type NorthStarFacts,
  type Size,
  type SizedRow,
  type StepGrade,
} from '../../model/arc';
import type { MetricDef, MetricId } from '../../model/metrics';
import { NORTH_STAR } from '../../model/prompts';
import { RUN_LENGTH_TEXT, type Truth } from '../../model/scoring';
import { minChangeSetting, type MinChanges } from '../../model/verdict';
import { formatDelta } from '../shared/format';
import { MODEL_NORTH_STAR_WHY, judgePick, movedText } from './north-star';

export const CALL_TEXT: Readonly<Record<Call, string>> = {
  ship: 'Ship',
  change: 'Ship with a change',
  dont: 'Don’t ship',
};

export const SIZE_TEXT: Readonly<Record<Size, string>> = {
  small: 'small',
  medium: 'medium',
  large: 'large',
};

/** A candidate's words to quote inside a sentence: trimmed, without their closing full stop. */
export function quote(text: string): string {
  return text.trim().replace(/[.!]+$/, '');
}

/** A plain amount in a metric's units, unsigned: "0.5 pp", "$0.02/package", "0.25 h/week". */
export function amountText(def: MetricDef, x: number): string {
  const n = (v: number) => String(Number(v.toPrecision(3)));
  if (def.percent === true) return `${n(x * 100)} pp`;
  if (def.unit.startsWith('$')) return `$${n(x)}${def.unit.slice(1)}`;
  return def.unit === '' ? n(x) : `${n(x)} ${def.unit}`;
}

/** The threshold "flat" is judged by, before the run: "±0.5 pp" or "±2% of the baseline". */
export function flatText(def: MetricDef, minChanges: MinChanges = {}): string {
  const s = minChangeSetting(def, minChanges);
  return s.kind === 'rel'
    ? `±${Number((s.value * 100).toPrecision(3))}% of the baseline`
    : `±${amountText(def, s.value)}`;
}

/** The size bands of a metric in words: "small under ±1.5 pp, medium to ±5 pp, large beyond". */
export function bandsText(def: MetricDef, minChanges: MinChanges = {}): string {
  const s = minChangeSetting(def, minChanges);
  const at = (k: number) =>
    s.kind === 'rel'
      ? `${Number((s.value * k * 100).toPrecision(3))}%`
      : amountText(def, s.value * k);
  return `small under ±${at(SIZE_EDGES.small)}, medium to ±${at(SIZE_EDGES.medium)}, large beyond`;
}

/** A truth's change in words with its interval: "+0.29 [+0.27, +0.31] $/package". */
export function changeText(t: Truth): string {
  const def = metricDef(t.metric);
  return formatDelta(def, t.delta, t.low, t.high);
}

/** A moved metric's size in words: "large: +0.29 [...], 15× the ±0.02 that matters". */
export function sizeLine(t: Truth): string {
  const def = metricDef(t.metric);
  const size = sizeOf(t.delta, t.minChange);
  const times = t.minChange > 0 ? Math.abs(t.delta) / t.minChange : Number.POSITIVE_INFINITY;
  const k = Number.isFinite(times) ? `${Number(times.toPrecision(2))}×` : 'far beyond';
  if (!size) {
    return `flat: ${changeText(t)}, under the ±${amountText(def, t.minChange)} that matters`;
  }
  return `${SIZE_TEXT[size]}: ${changeText(t)}, ${k} the ±${amountText(def, t.minChange)} that matters`;
}

function label(id: MetricId): string {
  return metricDef(id).label;
}

/** Step 1: the goal and the North Star. */
export function northStarFeedback(g: StepGrade<NorthStarFacts>, goal: string): string[] {
  const pick = judgePick(g.facts.choice);
  const out: string[] = [];
  out.push(
    g.facts.goalGiven
      ? `Your goal: “${quote(goal)}”.`
      : 'You stated no goal: say first, in a sentence, what the service is for; the North Star follows from it.',
  );
  if (pick.kind === 'model') out.push(`Right: ${label(NORTH_STAR)} is the North Star.`);
  else if (pick.kind === 'none') out.push('You chose no metric as your North Star.');
  else out.push(`You chose ${pick.label} (${pick.group}). ${pick.why}`);
  out.push(`The model’s North Star is ${label(NORTH_STAR)}. ${MODEL_NORTH_STAR_WHY}`);
  for (const t of g.facts.moves) {
    out.push(
      `In this round it ${movedText(t.direction, t.verdict === 'uncertain')} in the ${RUN_LENGTH_TEXT[t.run].toLowerCase()}: ${changeText(t)} packages a week.`,
    );
  }
  return out;
}

/** Step 2: inputs and guardrails. */
export function guardrailFeedback(g: StepGrade<GuardrailFacts>): string[] {
  const f = g.facts;
  const out: string[] = [];
  out.push(
    f.countOk
      ? `You named ${f.named.length} guardrails: two or three is enough to catch the harm and few enough to act on.`
      : `You named ${f.named.length} guardrail${f.named.length === 1 ? '' : 's'}: name two or three, enough to catch the harm and few enough to act on.`,
  );
  out.push(
    f.reasonGiven ? 'You said why.' : 'You gave no reason: say what each guardrail protects.',
  );
  for (const i of f.inputs) {
    out.push(
      i.reached
        ? `Input ${label(i.id)}: the change reaches it in the model’s causal graph, so it shows whether the change works.`
        : `Input ${label(i.id)}: no chain from the changed levers reaches it; it cannot show whether the change works.`,
    );
  }
  if (f.inputs.length === 0)
    out.push('You named no input metric: the levers act through them first.');
  const risk = f.atRisk[0];
  if (!risk) {
    out.push('Nothing you could name got worse beyond its threshold in the long run.');
  } else {
    out.push(
      `The guardrail this change puts at risk: ${label(risk.metric)}, worse in the long run, ${sizeLine(risk)}. ${f.caught ? 'You named it.' : 'You did not name it.'}`,
    );
    for (const t of f.atRisk.slice(1, 3)) {
      const named = f.named.some((n) => n.id === t.metric);
      out.push(`Also worse: ${label(t.metric)}, ${sizeLine(t)}${named ? '; you named it' : ''}.`);
    }
  }
  for (const n of f.named) {
    if (!n.truth || n.truth.verdict === 'worse') continue;
    out.push(`${label(n.id)} held in the long run: ${changeText(n.truth)}.`);
  }
  return out;
}

/** The trade-off of a round: the North Star against cost per package in the long run. */
export function tradeOffText(measured: readonly Truth[]): string | undefined {
  const ns = measured.find((t) => t.metric === NORTH_STAR && t.run === 'long');
  const cost = measured.find((t) => t.metric === 'costPerPackage' && t.run === 'long');
  if (!ns || !cost) return undefined;
  const worse = measured.filter((t) => t.run === 'long' && t.verdict === 'worse');
  const better = measured.filter((t) => t.run === 'long' && t.verdict === 'better');
  if (worse.length === 0 || better.length === 0) {
    return `No trade-off in the long run: ${better.length > 0 ? 'what moved, moved for the better' : worse.length > 0 ? 'what moved, moved for the worse' : 'nothing moved beyond its threshold'}. The North Star ${changeText(ns)}, cost per package ${changeText(cost)}.`;
  }
  const b = better[0];
  const w = worse[0];
  return `The trade-off: ${label(b.metric)} better (${changeText(b)}) against ${label(w.metric)} worse (${changeText(w)}), in the long run.`;
}

/** Steps 3a and 3b: directions and sizes. */
export function predictionFeedback(
  rows: readonly SizedRow[],
  dir: StepGrade<null>,
  size: StepGrade<null>,
  measured: readonly Truth[],
): { direction: string[]; size: string[] } {
  const scored = rows.filter((r) => r.directionRight !== undefined);
  const right = scored.filter((r) => r.directionRight).length;
  const direction = [`${right} of ${scored.length} directions right (${pct(dir.score)}).`];
  const misses = scored.filter((r) => !r.directionRight);
  for (const m of misses.slice(0, 3)) {
    direction.push(
      `${label(m.truth.metric)}, ${m.truth.run} run: you said ${m.direction ?? 'nothing'}; it was ${sizeLine(m.truth)}.`,
    );
  }
  if (misses.length === 0 && scored.length > 0)
    direction.push('Every direction the run settles is right.');
  const trade = tradeOffText(measured);
  if (trade) direction.push(trade);
  const sized = rows.filter((r) => r.sizeRight !== undefined);
  const sizeOut = [
    sized.length > 0
      ? `${sized.filter((r) => r.sizeRight).length} of ${sized.length} sizes right (${pct(size.score)}), among the moves whose direction you called right.`
      : 'No size to score: none of the moves you called right moved beyond its threshold.',
  ];
  const largest = [...rows]
    .filter((r) => r.trueSize !== undefined)
    .sort((a, b) => ratio(b.truth) - ratio(a.truth))[0];
  if (largest) {
    sizeOut.push(
      `The largest move: ${label(largest.truth.metric)}, ${largest.truth.run} run, ${sizeLine(largest.truth)}.`,
    );
  }
  for (const r of sized.filter((x) => !x.sizeRight).slice(0, 2)) {
    sizeOut.push(
      `${label(r.truth.metric)}, ${r.truth.run} run: you said ${r.size ?? 'no size'}; it was ${sizeLine(r.truth)}.`,
    );
  }
  return { direction, size: sizeOut };
}

function ratio(t: Truth): number {
  return t.minChange > 0 ? Math.abs(t.delta) / t.minChange : 0;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function readingText(r: CallReading): string {
  const goal = r.goal
    ? `${label(r.goal.metric)} ${changeText(r.goal)}`
    : 'the goal had no estimate';
  const broken = r.broken.map((t) => `${label(t.metric)} worse (${changeText(t)})`);
  return broken.length > 0 ? `${goal}; ${broken.join('; ')}` : `${goal}; no guardrail worse`;
}

/** Step 4: the call, against the criteria the candidate stated. */
export function callFeedback(g: StepGrade<CallFacts>, answers: ArcAnswers): string[] {
  const f = g.facts;
  const crit = `${label(f.criteria.goal)} must get better; ${f.criteria.guardrails.map(label).join(', ')} must not get worse`;
  const out = [
    `Your criteria: ${crit}${answers.guardrails.length === 0 ? ' (you named no guardrails, so cost and churn stand in)' : ''}.`,
    `The long run says: ${CALL_TEXT[f.long.call]} (${readingText(f.long)}). You said: ${f.call ? CALL_TEXT[f.call] : 'nothing'}${f.call === f.long.call ? ': right.' : '.'}`,
  ];
  if (f.short.call !== f.long.call) {
    out.push(
      `The short run would have said ${CALL_TEXT[f.short.call]} (${readingText(f.short)}): judged on the first weeks alone, this call comes out the other way.`,
    );
  }
  for (const t of f.unnamed.slice(0, 2)) {
    out.push(`Not in your criteria but worse in the long run: ${label(t.metric)}, ${sizeLine(t)}.`);
  }
  out.push(
    f.reasonGiven
      ? `Your reasoning: “${quote(answers.callReason)}”.`
      : 'You gave no reasoning: one sentence that names the trade-off is what an interviewer listens for.',
  );
  return out;
}

/** Whether a metric's threshold is stated as a share of its baseline. */
export function isRelative(id: MetricId): boolean {
  return relativeThreshold(metricDef(id));
}

/**
 * A comparison's headline: one sentence a meeting can read aloud, from the long run of a
 * paired comparison: the North Star's change with its 95% interval and verdict, the guardrails
 * the scenario breaches (count and names, under the thresholds in force), and the biggest
 * movers by practical significance (the change in multiples of the metric's smallest change
 * that matters, among the metrics judged better or worse).
 *
 * Pure: the numbers' look comes from the caller (`HeadlineFormat`), so the model stays free of
 * the UI; the app passes its own formatting, so the sentence reads as the tables do.
 */
import { effectiveThreshold, guardrailBreach, type Thresholds } from './guardrails';
import { METRICS, METRIC_INDEX, type MetricDef, type MetricId } from './metrics';
import type { Comparison, Period } from './results';
import { VERDICT_TEXT, deltaVerdict, minChangeOf, type MinChanges, type Verdict } from './verdict';

export const NORTH_STAR: MetricId = 'onTimePackagesPerWeek';

/** How numbers read in the sentence: a signed change, and its interval ("" when none). */
export interface HeadlineFormat {
  readonly change: (m: MetricDef, delta: number) => string;
  readonly interval: (m: MetricDef, low: number, high: number) => string;
}

/** One metric's change in the period, judged. */
export interface HeadlineMove {
  readonly id: MetricId;
  readonly delta: number;
  readonly low: number;
  readonly high: number;
  readonly verdict: Verdict;
  /** The change in multiples of the smallest change that matters (Infinity when that is 0). */
  readonly size: number;
}

export interface Headline {
  readonly northStar: HeadlineMove;
  /** Metrics with a guardrail threshold in force, and those the scenario breaches. */
  readonly guardrails: readonly MetricId[];
  readonly breaches: readonly MetricId[];
  readonly movers: readonly HeadlineMove[];
  /** The sentence's three clauses: North Star, guardrails, movers. */
  readonly parts: readonly [string, string, string];
  readonly text: string;
}

export interface HeadlineOptions {
  readonly thresholds?: Thresholds;
  readonly minChanges?: MinChanges;
  readonly period?: Period;
  /** How many movers to name (3 by default). */
  readonly movers?: number;
}

/** Pairs that are one number read two ways: name only the first met. */
const MIRRORS: Readonly<Partial<Record<MetricId, MetricId>>> = {
  lateRate: 'onTimeRate',
  onTimeRate: 'lateRate',
};

function move(c: Comparison, m: MetricDef, period: Period, minChanges: MinChanges): HeadlineMove {
  const id = m.id as MetricId;
  const i = METRIC_INDEX[id];
  const d = c.delta[period];
  const delta = d.mean[i] ?? NaN;
  const low = d.low[i] ?? NaN;
  const high = d.high[i] ?? NaN;
  const threshold = minChangeOf(m, c.baseline[period].mean[i] ?? NaN, minChanges);
  const verdict = deltaVerdict(m, delta, low, high, threshold);
  const size = threshold > 0 ? Math.abs(delta) / threshold : Infinity;
  return { id, delta, low, high, verdict, size };
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A label inside a sentence: its first letter in lower case ("Late rate" → "late rate"). */
function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

const DEF = new Map<string, MetricDef>((METRICS as readonly MetricDef[]).map((m) => [m.id, m]));

function def(id: MetricId): MetricDef {
  return DEF.get(id) as MetricDef;
}

function breachText(breaches: readonly MetricId[]): string {
  if (breaches.length === 0) return 'no guardrail breached';
  const names = listText(breaches.map((id) => inSentence(def(id).label)));
  return `${breaches.length} guardrail${breaches.length === 1 ? '' : 's'} breached: ${names}`;
}

function moversText(movers: readonly HeadlineMove[], f: HeadlineFormat): string {
  if (movers.length === 0) return 'no other metric moves by a change that matters';
  const parts = movers.map((mv) => {
    const m = def(mv.id);
    return `${inSentence(m.label)} ${f.change(m, mv.delta)} (${VERDICT_TEXT[mv.verdict]})`;
  });
  return `biggest movers: ${listText(parts)}`;
}

/** The headline of a comparison, in its long run unless another period is asked for. */
export function headline(c: Comparison, f: HeadlineFormat, o: HeadlineOptions = {}): Headline {
  const period = o.period ?? 'longRun';
  const thresholds = o.thresholds ?? {};
  const minChanges = o.minChanges ?? {};
  const defs = METRICS as readonly MetricDef[];
  const northStar = move(c, def(NORTH_STAR), period, minChanges);
  const guardrails = defs
    .filter((m) => effectiveThreshold(m, thresholds) !== undefined)
    .map((m) => m.id as MetricId);
  const breaches = guardrails.filter((id) =>
    guardrailBreach(def(id), c.scenario[period].mean[METRIC_INDEX[id]] ?? NaN, thresholds),
  );
  const ranked = defs
    .filter((m) => m.id !== NORTH_STAR)
    .map((m) => move(c, m, period, minChanges))
    .filter((mv) => mv.verdict === 'better' || mv.verdict === 'worse')
    .sort((a, b) => b.size - a.size || METRIC_INDEX[a.id] - METRIC_INDEX[b.id]);
  const movers: HeadlineMove[] = [];
  for (const mv of ranked) {
    if (movers.length >= (o.movers ?? 3)) break;
    const mirror = MIRRORS[mv.id];
    if (mirror && movers.some((x) => x.id === mirror)) continue;
    movers.push(mv);
  }
  const ns = def(NORTH_STAR);
  const interval = f.interval(ns, northStar.low, northStar.high);
  const nsText =
    `${ns.label} ${f.change(ns, northStar.delta)}${interval ? ` ${interval}` : ''}` +
    `, ${VERDICT_TEXT[northStar.verdict]}`;
  const parts = [nsText, breachText(breaches), moversText(movers, f)] as const;
  const text = `${parts.join('; ')}.`;
  return { northStar, guardrails, breaches, movers, parts, text };
}

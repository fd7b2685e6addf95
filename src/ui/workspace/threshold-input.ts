/**
 * The guardrail threshold editors of the metric tree, without the DOM: the text typed and not
 * yet taken, why a typed threshold was refused, what committing or resetting it gives, and
 * what an editor's field shows around the number.
 */
import { effectiveThreshold, parseThreshold, type Thresholds } from '../../model/guardrails';
import type { MetricDef, MetricId } from '../../model/metrics';
import { NO_VALUE, formatThreshold, thresholdInputText } from '../shared/format';

/** The editors' state, by metric: text typed and not yet taken, and why it was refused. */
export interface ThresholdDrafts {
  readonly texts: Partial<Record<MetricId, string>>;
  readonly errors: Partial<Record<MetricId, string>>;
}

/** No editor holds typed text: every one shows the threshold in force. */
export const NO_DRAFTS: ThresholdDrafts = { texts: {}, errors: {} };

/** What committing typed text gives: the new state, and the threshold to announce if any. */
export interface Commit {
  readonly drafts: ThresholdDrafts;
  /** Present when the parent should take a new threshold (undefined: back to the table's). */
  readonly change?: { readonly threshold: number | undefined };
}

/** A copy of a record without one key. */
function without<T>(
  record: Partial<Record<MetricId, T>>,
  key: MetricId,
): Partial<Record<MetricId, T>> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key)) as Partial<
    Record<MetricId, T>
  >;
}

/** The state after the user typed `text` into a metric's editor. */
export function typed(d: ThresholdDrafts, id: MetricId, text: string): ThresholdDrafts {
  return { ...d, texts: { ...d.texts, [id]: text } };
}

/** The state with a metric's typed text and message dropped. */
export function cleared(d: ThresholdDrafts, id: MetricId): ThresholdDrafts {
  return { texts: without(d.texts, id), errors: without(d.errors, id) };
}

/**
 * Commits a metric's typed text. Nothing typed since the last commit: nothing changes.
 * Refused: the text stays, with the reason. Taken: the text goes, and a change is announced
 * unless the threshold is the one in force already.
 */
export function committed(d: ThresholdDrafts, id: MetricId, thresholds: Thresholds): Commit {
  const text = d.texts[id];
  if (text === undefined) return { drafts: d };
  const r = parseThreshold(id, text);
  if (!r.ok) return { drafts: { ...d, errors: { ...d.errors, [id]: r.error } } };
  const drafts = cleared(d, id);
  if (r.value === thresholds[id]) return { drafts };
  return { drafts, change: { threshold: r.value } };
}

/** What a metric's threshold editor shows. */
export interface ThresholdField {
  /** The text in the field: what was typed, else the threshold in force. */
  readonly value: string;
  /** Before the field: "$" for money. */
  readonly prefix: string;
  /** After the field: "%" for shares, the unit for other non-money metrics. */
  readonly suffix: string;
  /** Whether a threshold of the user's is in force (so "Reset to …" is offered). */
  readonly custom: boolean;
  /** The table's threshold, as the reset button names it. */
  readonly tableDefault: string;
}

/** The field of a metric's threshold editor, given the thresholds and any typed text. */
export function thresholdField(
  m: MetricDef,
  thresholds: Thresholds,
  draft: string | undefined,
): ThresholdField {
  const t = effectiveThreshold(m, thresholds);
  const own = thresholds[m.id as MetricId];
  const money = m.unit.startsWith('$');
  return {
    value: draft ?? (t === undefined ? '' : thresholdInputText(m, t)),
    prefix: money ? '$' : '',
    suffix: m.percent === true ? '%' : money ? '' : m.unit,
    custom: own !== undefined && own !== m.guardrail?.threshold,
    tableDefault: m.guardrail ? formatThreshold(m, m.guardrail.threshold) : NO_VALUE,
  };
}

/**
 * The sensitivity tool's form and answer in plain data: the spread as typed, read into the
 * levers and market assumptions to move, and the tornado's rows as the chart's bars.
 */
import type { Parsed, Scenario } from '../../model/scenario';
import { defaultTornadoItems, type TornadoItem, type TornadoResult } from '../../run/sensitivity';
import { leverText, type TornadoBar } from '../charts/explore-data';
import { parseNumberText } from '../shared/lever-values';

/** The items to move at the spread typed (percent of each value), or why it cannot be read. */
export function tornadoItems(spread: string, scenario: Scenario): Parsed<TornadoItem[]> {
  const s = parseNumberText(spread);
  if (s === undefined || s <= 0 || s > 100) {
    return {
      ok: false,
      error: `The spread must be a number above 0 and at most 100 (percent), got "${spread}".`,
    };
  }
  return { ok: true, value: defaultTornadoItems(scenario, s / 100) };
}

/** The note under the form: how many items and runs the spread gives (empty if unreadable). */
export function tornadoNote(items: Parsed<TornadoItem[]>): string {
  return items.ok
    ? `${items.value.length} levers and market assumptions, ${2 * items.value.length} runs.`
    : '';
}

/** The tornado's rows as the chart's bars, each end's lever value in words. */
export function tornadoBars(result: TornadoResult): TornadoBar[] {
  return result.rows.map((r) => ({
    id: r.id,
    label: r.label,
    range: `${leverText(r.id, r.low.value)} to ${leverText(r.id, r.high.value)}`,
    lowText: leverText(r.id, r.low.value),
    highText: leverText(r.id, r.high.value),
    low: r.low.metric,
    high: r.high.metric,
    lowDelta: r.low.delta,
    highDelta: r.high.delta,
  }));
}

/**
 * Sensitivity (the tornado): how much a metric moves when each lever or market assumption is
 * set to a low and a high value, the rest of the scenario kept, rows ranked by that swing.
 * Each end is a comparison with the scenario itself on the same seeds, so its delta is paired.
 */
import type { CompareRunner } from '../model/contract';
import type { MetricId } from '../model/metrics';
import { PARAM_BY_ID, PARAMS, type ParamDef, type ParamId } from '../model/params';
import type { Window } from '../model/report';
import type { Comparison } from '../model/results';
import { checkParam, type Scenario } from '../model/scenario';
import { atValues, axisParamValue } from '../model/sweep';
import { PointRunner, type ExplorerOptions } from './explorer-runner';
import { metricValue, type IntervalValue } from './metric-value';
import type { ExplorePlan } from './sweep-grid';

export interface TornadoItem {
  readonly id: ParamId;
  readonly low: number;
  readonly high: number;
}

export interface TornadoEnd {
  /** The parameter's value at this end. */
  readonly value: number;
  /** The metric at this end. */
  readonly metric: IntervalValue;
  /** Its paired difference from the scenario's value (same seeds). */
  readonly delta: IntervalValue;
  readonly comparison: Comparison;
}

export interface TornadoRow {
  readonly id: ParamId;
  readonly label: string;
  readonly low: TornadoEnd;
  readonly high: TornadoEnd;
  /**
   * The span of the bar from the scenario's value: max(0, Δlow, Δhigh) − min(0, Δlow,
   * Δhigh), in the metric's unit. Rows are sorted by it, largest first.
   */
  readonly swing: number;
}

export interface TornadoResult {
  readonly metric: MetricId;
  readonly window: Window;
  /** The scenario's own value of the metric. */
  readonly base: IntervalValue;
  readonly rows: TornadoRow[];
}

/** The scenario with the item at one of its ends. */
const atEnd = (scenario: Scenario, item: TornadoItem, value: number): Scenario =>
  atValues(scenario, { [item.id]: value });

/** What `tornado` will run: each item at its low then its high end, against the scenario. */
export function tornadoPlan(scenario: Scenario, items: readonly TornadoItem[]): ExplorePlan {
  checkItems(items);
  const ends = items.flatMap((item) => [item.low, item.high].map((v) => ({ item, v })));
  return {
    baselines: [scenario],
    points: ends.map(({ item, v }) => atEnd(scenario, item, v)),
    names: ends.map(({ item, v }) => `the sensitivity's end ${item.id} ${v}`),
  };
}

/**
 * Sensitivity of a metric (long run unless told) to each item moved to its low and its high
 * end, the rest of the scenario kept: two comparisons with the scenario per item.
 */
export async function tornado(
  runner: CompareRunner,
  scenario: Scenario,
  items: readonly TornadoItem[],
  metric: MetricId,
  options: ExplorerOptions & { readonly window?: Window } = {},
): Promise<TornadoResult> {
  const window = options.window ?? 'longRun';
  checkItems(items);
  const run = new PointRunner(runner, options, items.length * 2);
  let base: IntervalValue | undefined;
  const end = async (item: TornadoItem, value: number): Promise<TornadoEnd> => {
    const comparison = await run.compare(scenario, atEnd(scenario, item, value));
    base ??= metricValue(comparison, metric, 'baseline', window);
    return {
      value,
      metric: metricValue(comparison, metric, 'scenario', window),
      delta: metricValue(comparison, metric, 'delta', window),
      comparison,
    };
  };
  const rows: TornadoRow[] = [];
  for (const item of items) {
    const low = await end(item, item.low);
    const high = await end(item, item.high);
    rows.push(tornadoRow(item, low, high));
  }
  // Stable: equal swings keep the items' order.
  rows.sort((a, b) => b.swing - a.swing);
  const nan = { mean: Number.NaN, low: Number.NaN, high: Number.NaN };
  return { metric, window, base: base ?? nan, rows };
}

/** Throws a RangeError naming the first item end the parameter table refuses. */
function checkItems(items: readonly TornadoItem[]): void {
  for (const item of items) {
    for (const v of [item.low, item.high]) {
      const r = checkParam(item.id, axisParamValue(item.id, v));
      if (!r.ok) throw new RangeError(r.error);
    }
  }
}

/** An item's row: its two ends and the swing of the metric between them and the scenario. */
function tornadoRow(item: TornadoItem, low: TornadoEnd, high: TornadoEnd): TornadoRow {
  const d = [0, low.delta.mean, high.delta.mean].filter(Number.isFinite);
  return {
    id: item.id,
    label: PARAM_BY_ID.get(item.id)?.label ?? item.id,
    low,
    high,
    swing: Math.max(...d) - Math.min(...d),
  };
}

/** Rounds a value outward from `from` onto the parameter's step grid, within its range. */
export function snapOutward(def: ParamDef, x: number, from: number): number {
  if (def.kind === 'boolean') return x;
  const k = (x - def.min) / def.step;
  const steps = x < from ? Math.floor(k + 1e-9) : Math.ceil(k - 1e-9);
  const v = Math.min(def.max, Math.max(def.min, def.min + steps * def.step));
  return Number(v.toFixed(10));
}

/**
 * The default sensitivity items: every numeric policy lever and market assumption at ±spread
 * of the scenario's value (a parameter at 0 moves by ±spread of its range instead), rounded
 * outward to the parameter's step and clamped to its range.
 */
export function defaultTornadoItems(scenario: Scenario, spread = 0.2): TornadoItem[] {
  if (!Number.isFinite(spread) || spread <= 0) {
    throw new RangeError(`the spread must be a positive share (e.g. 0.2 for ±20%), got ${spread}`);
  }
  const items: TornadoItem[] = [];
  for (const def of PARAMS as readonly ParamDef[]) {
    if (def.kind === 'boolean' || (def.group !== 'policy' && def.group !== 'market')) continue;
    const v = scenario.params[def.id as ParamId] as number;
    const d = v === 0 ? spread * (def.max - def.min) : Math.abs(v) * spread;
    const low = snapOutward(def, v - d, v);
    const high = snapOutward(def, v + d, v);
    if (low !== high) items.push({ id: def.id as ParamId, low, high });
  }
  return items;
}

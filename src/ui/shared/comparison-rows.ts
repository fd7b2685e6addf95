/**
 * A comparison's numbers as the summary and presentation mode read them: one metric's
 * baseline, scenario and paired delta with its 95% interval for a period, its verdict, the
 * levers that differ, and the guardrails with their breaches. Pure, no DOM, tested in Node.
 */
import { effectiveThreshold, guardrailBreach, type Thresholds } from '../../model/guardrails';
import { METRIC_BY_ID, METRIC_INDEX, type MetricDef, type MetricId } from '../../model/metrics';
import { PARAM_BY_ID, type Params } from '../../model/params';
import {
  POOL_SERIES,
  type Comparison,
  type Period,
  type PoolSeries,
  type ScenarioSummary,
} from '../../model/results';
import { changedParams, type Scenario } from '../../model/scenario';
import {
  deltaVerdict,
  minChangeOf,
  statisticalVerdict,
  type MinChanges,
  type StatVerdict,
  type Verdict,
} from '../../model/verdict';
import { poolWeeks, type WeekPoint } from './series';
import { withUnit } from './lever-values';
import { PERIOD_LABEL } from './run-windows';

/** The periods a comparison summarises: the short run, the long run and the peak. */
export type RunPeriod = Period;
export { PERIOD_LABEL };

/** One metric's numbers in one period (NaN where the replications gave none). */
export interface MetricNumbers {
  readonly baseline: number;
  readonly scenario: number;
  /** Paired difference scenario − baseline, and its 95% interval. */
  readonly delta: number;
  readonly low: number;
  readonly high: number;
  /** Judged against the smallest change that matters, `minChange` (in the metric's units). */
  readonly verdict: Verdict;
  readonly minChange: number;
  /** The interval against zero alone. */
  readonly stat: StatVerdict;
}

export function metricDef(id: MetricId): MetricDef {
  const def = METRIC_BY_ID.get(id);
  if (!def) throw new Error(`unknown metric "${id}"`);
  return def;
}

/** A metric's numbers in a period of a comparison, judged with the smallest changes in force. */
export function metricNumbers(
  c: Comparison,
  id: MetricId,
  period: RunPeriod,
  minChanges: MinChanges = {},
): MetricNumbers {
  const i = METRIC_INDEX[id];
  const d = c.delta[period];
  const delta = d.mean[i] ?? NaN;
  const low = d.low[i] ?? NaN;
  const high = d.high[i] ?? NaN;
  const def = metricDef(id);
  const baseline = c.baseline[period].mean[i] ?? NaN;
  const minChange = minChangeOf(def, baseline, minChanges);
  return {
    baseline,
    scenario: c.scenario[period].mean[i] ?? NaN,
    delta,
    low,
    high,
    verdict: deltaVerdict(def, delta, low, high, minChange),
    minChange,
    stat: statisticalVerdict(def, delta, low, high),
  };
}

/**
 * A mark beside a verdict, so colour is not the only signal: ▲ ▼ for a change that matters,
 * ≈ for no meaningful change, ? for can't tell yet.
 */
export function verdictMark(n: Pick<MetricNumbers, 'delta' | 'verdict'>): string {
  if (n.verdict === 'unknown') return '';
  if (n.verdict === 'negligible') return '≈';
  if (n.verdict === 'uncertain') return '?';
  return n.delta > 0 ? '▲' : '▼';
}

/** The colour class of a verdict: better, worse, or unclear (grey) for the rest. */
export function verdictTone(v: Verdict): 'better' | 'worse' | 'unclear' {
  return v === 'better' || v === 'worse' ? v : 'unclear';
}

/** A lever whose value differs between baseline and scenario. */
export interface LeverChange {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** The values as shown: "22 $/h", "on". */
  readonly baseline: string;
  readonly scenario: string;
}

/** The levers that differ from the baseline, in table order, labelled, with units. */
export function leverChanges(baseline: Scenario, scenario: Scenario): LeverChange[] {
  const diff = changedParams(scenario.params, baseline.params);
  return (Object.keys(diff) as (keyof Params)[]).map((id) => {
    const def = PARAM_BY_ID.get(id);
    const unit = def?.unit ?? '';
    return {
      id,
      label: def?.label ?? id,
      unit,
      baseline: withUnit(baseline.params[id], unit),
      scenario: withUnit(scenario.params[id], unit),
    };
  });
}

/** A guardrail's state in a comparison's long run. */
export interface GuardrailRow {
  readonly id: MetricId;
  readonly threshold: number;
  readonly baseline: number;
  readonly scenario: number;
  readonly baselineBreach: boolean;
  readonly scenarioBreach: boolean;
}

/** The guardrails among `ids`, with the thresholds in force and their long-run breaches. */
export function guardrailRows(
  c: Comparison,
  ids: readonly MetricId[],
  thresholds: Thresholds = {},
): GuardrailRow[] {
  const rows: GuardrailRow[] = [];
  for (const id of ids) {
    const def = metricDef(id);
    const threshold = effectiveThreshold(def, thresholds);
    if (threshold === undefined) continue;
    const n = metricNumbers(c, id, 'longRun');
    rows.push({
      id,
      threshold,
      baseline: n.baseline,
      scenario: n.scenario,
      baselineBreach: guardrailBreach(def, n.baseline, thresholds),
      scenarioBreach: guardrailBreach(def, n.scenario, thresholds),
    });
  }
  return rows;
}

/** A summary's driver-pool series as the pool chart draws them, by series name. */
export function poolSeries(summary: ScenarioSummary): Record<PoolSeries, WeekPoint[]> {
  const out = {} as Record<PoolSeries, WeekPoint[]>;
  for (const series of POOL_SERIES) out[series] = poolWeeks(summary.pool, series, summary.weeks);
  return out;
}

/** Levers named in a column's head before the rest are counted. */
const LEVERS_NAMED = 3;

/** A scenario's levers in a line: "Pay per block hour: 24.2 $/h · … · +2 more". */
export function leverLine(changes: readonly LeverChange[]): string {
  if (changes.length === 0) return 'same levers as the baseline';
  const named = changes
    .slice(0, LEVERS_NAMED)
    .map((l) => `${l.label}: ${l.scenario}`)
    .join(' · ');
  return named + (changes.length > LEVERS_NAMED ? ` · +${changes.length - LEVERS_NAMED} more` : '');
}

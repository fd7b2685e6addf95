/**
 * Results as files: the JSON and CSV that the headless runner prints and the app exports.
 * Pure formatting of the result shapes of results.ts; numbers are written in full precision,
 * and a value that is not finite (an interval from a single replication, a rate with no
 * denominator) is written as null in JSON and as an empty cell in CSV, never as NaN.
 */
import { METRICS, type MetricDef, type MetricId } from './metrics';
import {
  POOL_SERIES,
  calendarWeekOf,
  periodWeeks,
  type Comparison,
  type IntervalArrays,
  type Period,
  type ScenarioSummary,
} from './results';
import { scenarioToJson, type Scenario } from './scenario';
import { WHY_BY_METRIC, WHY_OFFSET, whyParts } from './why';

/** The summary windows of a run, in the order they are reported. */
export const WINDOWS = ['shortRun', 'longRun', 'peak', 'whole'] as const;
export type Window = (typeof WINDOWS)[number];

export interface Interval {
  mean: number | null;
  low: number | null;
  high: number | null;
}

export interface SideReport {
  shortRun: Interval;
  longRun: Interval;
  /** Over the calendar peak weeks; null values when the run has none (see `periods`). */
  peak: Interval;
  whole: Interval;
  weekly: { mean: (number | null)[]; low: (number | null)[]; high: (number | null)[] };
}

export interface MetricReport {
  id: string;
  label: string;
  unit: string;
  better: 'up' | 'down';
  scenario: SideReport;
  /** With a baseline: the baseline's values and the paired difference scenario − baseline. */
  baseline?: SideReport;
  delta?: SideReport;
  /**
   * With a baseline: the change decomposed into parts from the engine's ledger, each with its
   * paired mean and 95% interval per window (src/model/why.ts); the parts add up to `delta`.
   */
  why?: {
    id: string;
    label: string;
    shortRun: Interval;
    longRun: Interval;
    peak: Interval;
    whole: Interval;
  }[];
}

/** The weeks of one period: run weeks (from 1) and their calendar weeks, and a note if none. */
export interface PeriodReport {
  weeks: number[];
  calendarWeeks: number[];
  /** Present when the period has no week in this run, saying so in words. */
  note?: string;
}

/** A scenario's periods (its start week places the calendar peaks). */
export type PeriodsReport = { startWeek: number } & Record<Period, PeriodReport>;

/** What a period with no week means, for the reports and the app. */
export const NO_WEEKS_NOTE: Readonly<Record<Period, string>> = {
  shortRun: 'the run has no week',
  longRun: 'every week of the run is a calendar peak week or the week after one',
  peak: 'no calendar peak week in this run (peaks: weeks 28–29 and 47–52)',
};

export interface RunReport {
  gigsim: 'results';
  version: 1;
  weeks: number;
  replications: number;
  /** The weeks each period covers (the scenario's; the baseline's when they differ). */
  periods: PeriodsReport;
  baselinePeriods?: PeriodsReport;
  scenario: ReturnType<typeof scenarioToJson>;
  baseline?: ReturnType<typeof scenarioToJson>;
  metrics: MetricReport[];
  /** Weekly driver-pool series of the scenario (and baseline): mean over replications. */
  pool: Record<string, { scenario: (number | null)[]; baseline?: (number | null)[] }>;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function interval(a: IntervalArrays, i: number): Interval {
  return { mean: finite(a.mean[i]), low: finite(a.low[i]), high: finite(a.high[i]) };
}

function series(a: IntervalArrays, start: number, length: number) {
  const pick = (x: Float64Array) => Array.from(x.subarray(start, start + length), finite);
  return { mean: pick(a.mean), low: pick(a.low), high: pick(a.high) };
}

interface Sides {
  shortRun: IntervalArrays;
  longRun: IntervalArrays;
  peak: IntervalArrays;
  whole: IntervalArrays;
  weekly: IntervalArrays;
}

function side(s: Sides, m: number, weeks: number): SideReport {
  return {
    shortRun: interval(s.shortRun, m),
    longRun: interval(s.longRun, m),
    peak: interval(s.peak, m),
    whole: interval(s.whole, m),
    weekly: series(s.weekly, m * weeks, weeks),
  };
}

/** A metric's decomposition for the report, when the comparison carries one. */
function whyReport(c: Comparison, id: string): Pick<MetricReport, 'why'> {
  const def = WHY_BY_METRIC.get(id as MetricId);
  const why = c.why;
  if (!def || !why) return {};
  const o = WHY_OFFSET.get(def.metric) ?? 0;
  return {
    why: whyParts(def).map((p, j) => ({
      id: p.id,
      label: p.label,
      shortRun: interval(why.parts.shortRun, o + j),
      longRun: interval(why.parts.longRun, o + j),
      peak: interval(why.parts.peak, o + j),
      whole: interval(why.parts.whole, o + j),
    })),
  };
}

/** The weeks of each period of a summary, with their calendar weeks. */
export function periodsReport(s: Pick<ScenarioSummary, 'startWeek' | 'periods'>): PeriodsReport {
  const one = (period: Period): PeriodReport => {
    const weeks = periodWeeks(s.periods, period);
    const out: PeriodReport = {
      weeks,
      calendarWeeks: weeks.map((w) => calendarWeekOf(s.startWeek, w)),
    };
    if (weeks.length === 0) out.note = NO_WEEKS_NOTE[period];
    return out;
  };
  return {
    startWeek: s.startWeek,
    shortRun: one('shortRun'),
    longRun: one('longRun'),
    peak: one('peak'),
  };
}

function samePeriods(a: ScenarioSummary, b: ScenarioSummary): boolean {
  return a.startWeek === b.startWeek && a.periods.every((f, w) => f === b.periods[w]);
}

function poolReport(scenario: ScenarioSummary, baseline?: ScenarioSummary): RunReport['pool'] {
  const out: RunReport['pool'] = {};
  const w = scenario.weeks;
  POOL_SERIES.forEach((name, k) => {
    const pick = (s: ScenarioSummary) => Array.from(s.pool.mean.subarray(k * w, k * w + w), finite);
    out[name] = baseline
      ? { scenario: pick(scenario), baseline: pick(baseline) }
      : { scenario: pick(scenario) };
  });
  return out;
}

/** The report of one scenario's replications. */
export function summaryReport(summary: ScenarioSummary, scenario: Scenario): RunReport {
  return {
    gigsim: 'results',
    version: 1,
    weeks: summary.weeks,
    replications: summary.n,
    periods: periodsReport(summary),
    scenario: scenarioToJson(scenario),
    metrics: (METRICS as readonly MetricDef[]).map((def, m) => ({
      id: def.id,
      label: def.label,
      unit: def.unit,
      better: def.better,
      scenario: side(summary, m, summary.weeks),
    })),
    pool: poolReport(summary),
  };
}

/** The report of a scenario compared with its baseline on the same seeds. */
export function comparisonReport(
  comparison: Comparison,
  baseline: Scenario,
  scenario: Scenario,
): RunReport {
  const w = comparison.scenario.weeks;
  return {
    gigsim: 'results',
    version: 1,
    weeks: w,
    replications: comparison.scenario.n,
    periods: periodsReport(comparison.scenario),
    ...(samePeriods(comparison.scenario, comparison.baseline)
      ? {}
      : { baselinePeriods: periodsReport(comparison.baseline) }),
    scenario: scenarioToJson(scenario),
    baseline: scenarioToJson(baseline),
    metrics: (METRICS as readonly MetricDef[]).map((def, m) => ({
      id: def.id,
      label: def.label,
      unit: def.unit,
      better: def.better,
      scenario: side(comparison.scenario, m, w),
      baseline: side(comparison.baseline, m, w),
      delta: side(comparison.delta, m, w),
      ...whyReport(comparison, def.id),
    })),
    pool: poolReport(comparison.scenario, comparison.baseline),
  };
}

/** The CSV columns, one row per metric, series and period (summary windows, then weeks). */
export const CSV_HEADER = ['metric', 'unit', 'series', 'period', 'week', 'mean', 'low', 'high'];

function cell(x: number | null | string): string {
  if (x === null) return '';
  if (typeof x === 'number') return String(x);
  return /[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x;
}

/**
 * A report as tidy CSV: `series` is scenario, baseline or delta; `period` is shortRun,
 * longRun, peak, whole or week (then `week` is its number, from 1). A series with no peak
 * week has no peak rows (rather than rows of empty cells); the JSON's `periods` says why.
 */
export function reportCsv(report: RunReport): string {
  const lines = [CSV_HEADER.join(',')];
  for (const m of report.metrics) {
    const sides: [string, SideReport | undefined][] = [
      ['scenario', m.scenario],
      ['baseline', m.baseline],
      ['delta', m.delta],
    ];
    for (const [name, s] of sides) {
      if (!s) continue;
      for (const w of WINDOWS) {
        const v = s[w];
        if (w === 'peak' && v.mean === null) continue;
        lines.push([m.id, m.unit, name, w, '', v.mean, v.low, v.high].map(cell).join(','));
      }
      s.weekly.mean.forEach((mean, k) => {
        const row = [m.id, m.unit, name, 'week', k + 1, mean, s.weekly.low[k], s.weekly.high[k]];
        lines.push(row.map((x) => cell(x ?? null)).join(','));
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The app's CSV export of a comparison. */
export function comparisonCsv(
  comparison: Comparison,
  baseline: Scenario,
  scenario: Scenario,
): string {
  return reportCsv(comparisonReport(comparison, baseline, scenario));
}

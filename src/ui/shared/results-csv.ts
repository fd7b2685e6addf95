/**
 * The app's CSV of a comparison, made to stand alone (issue 13): a header block of comment
 * lines (`# scenario: …`, the levers changed, seed, weeks, replications, the date, the link
 * and the guardrails' verdicts), then the tidy rows of the runner's CSV (src/model/report.ts)
 * with every number rounded as the screen shows it: shares in percent (96.4 is 96.4%, their
 * changes in percentage points), the metric table's digits, an interval clear of zero with
 * the digits that keep it clear. The runner's own CSV and JSON keep full precision.
 */
import { TREE_GUARDRAIL_IDS, breachSide, type Thresholds } from '../../model/guardrails';
import { METRIC_BY_ID, type MetricDef } from '../../model/metrics';
import {
  comparisonReport,
  reportCsv,
  type Interval,
  type MetricReport,
  type SideReport,
} from '../../model/report';
import type { Comparison } from '../../model/results';
import { changedParams } from '../../model/scenario';
import { guardrailRows, metricDef } from './comparison-rows';
import type { ExportContext } from './export-context';
import {
  formatMetric,
  formatThreshold,
  intervalExtraDigits,
  shownNumber,
  unitLabel,
} from './format';

/** Written where a comment line's value would hold a line break or be missing. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** "payPerHour 22 -> 19.8; blockHours 3.5 -> 4.5", or "none (the baseline's)". */
export function leversLine(ctx: Pick<ExportContext, 'scenario' | 'baseline'>): string {
  const diff = changedParams(ctx.scenario.params, ctx.baseline.params);
  const ids = Object.keys(diff) as (keyof typeof diff)[];
  if (ids.length === 0) return "none (the scenario is the baseline's)";
  return ids
    .map((id) => `${id} ${String(ctx.baseline.params[id])} -> ${String(ctx.scenario.params[id])}`)
    .join('; ');
}

/**
 * Each guardrail's verdict on the scenario's long run, as the workspace judges it: "ok" or
 * "BREACHED", the value, the side and the threshold: "belowFloorHoursShare: BREACHED
 * (34.1% against at most 10%)".
 */
export function guardrailLines(c: Comparison, thresholds: Thresholds): string[] {
  return guardrailRows(c, TREE_GUARDRAIL_IDS, thresholds).map((r) => {
    const m = metricDef(r.id);
    const side = breachSide(m) === 'above' ? 'at most' : 'at least';
    const verdict = !Number.isFinite(r.scenario)
      ? 'no number to judge'
      : r.scenarioBreach
        ? 'BREACHED'
        : 'ok';
    const value = formatMetric(m, r.scenario);
    return `${r.id}: ${verdict} (${value} against ${side} ${formatThreshold(m, r.threshold)})`;
  });
}

/** The comment lines atop the CSV, each starting "# ". */
export function csvHeaderLines(
  c: Comparison,
  ctx: ExportContext,
  thresholds: Thresholds,
): string[] {
  const s = ctx.scenario;
  const guardrails = guardrailLines(c, thresholds);
  const breached = guardrails.filter((g) => g.includes('BREACHED')).length;
  return [
    'gigsim results: a scenario against its baseline, paired on the same seeds',
    `scenario: ${oneLine(ctx.name)}`,
    `levers: ${leversLine(ctx)}`,
    `seed: ${s.seed}`,
    `weeks: ${s.weeks}`,
    `replications: ${s.replications}`,
    `exported: ${ctx.date.toISOString()}`,
    `link: ${ctx.link}`,
    `guardrails (scenario, long run): ${breached} of ${guardrails.length} breached`,
    ...guardrails.map((g) => `  ${g}`),
    'numbers: rounded as the app shows them; shares (unit %) in percent, so 96.42 means 96.42%,',
    '  and their changes (series delta) in percentage points; low and high: 95% interval',
  ].map((line) => `# ${line}`);
}

function roundInterval(def: MetricDef, v: Interval, delta: boolean): Interval {
  const extra =
    delta && v.low !== null && v.high !== null ? intervalExtraDigits(def, v.low, v.high) : 0;
  const round = (x: number | null, more = 0) => (x === null ? null : shownNumber(def, x, more));
  return { mean: round(v.mean), low: round(v.low, extra), high: round(v.high, extra) };
}

function roundSide(def: MetricDef, s: SideReport, delta: boolean): SideReport {
  const { mean, low, high } = s.weekly;
  const weekly = mean.map((_, k) =>
    roundInterval(
      def,
      { mean: mean[k] ?? null, low: low[k] ?? null, high: high[k] ?? null },
      delta,
    ),
  );
  return {
    shortRun: roundInterval(def, s.shortRun, delta),
    longRun: roundInterval(def, s.longRun, delta),
    peak: roundInterval(def, s.peak, delta),
    whole: roundInterval(def, s.whole, delta),
    weekly: {
      mean: weekly.map((v) => v.mean),
      low: weekly.map((v) => v.low),
      high: weekly.map((v) => v.high),
    },
  };
}

/** A metric's rows rounded as shown, its unit as shown ("%" for a share). */
function roundMetric(m: MetricReport): MetricReport {
  const def = METRIC_BY_ID.get(m.id);
  if (!def) return m;
  return {
    ...m,
    unit: unitLabel(def),
    scenario: roundSide(def, m.scenario, false),
    ...(m.baseline ? { baseline: roundSide(def, m.baseline, false) } : {}),
    ...(m.delta ? { delta: roundSide(def, m.delta, true) } : {}),
  };
}

/** The app's CSV export of a comparison: the header block, then the rounded tidy rows. */
export function resultsCsv(c: Comparison, ctx: ExportContext, thresholds: Thresholds): string {
  const report = comparisonReport(c, ctx.baseline, ctx.scenario);
  const rows = reportCsv({ ...report, metrics: report.metrics.map(roundMetric) });
  return `${csvHeaderLines(c, ctx, thresholds).join('\n')}\n${rows}`;
}

/**
 * The lab's recommendation (docs/MODEL.md "The experiment lab"): the design whose estimates err
 * least on the North Star and on the app's guardrails (src/model/guardrails.ts) that the lab
 * can measure, each against its threshold in force (the user's, else the table's), and the
 * shortest test length at which its North Star estimate reaches 80% power.
 *
 * A design's error on the North Star is its root mean squared error relative to the true
 * effect's size (or its SE, when the effect is nearer 0), at most 1. On a guardrail it is that
 * error relative to the guardrail's headroom, how far the control sits from its threshold on
 * the good side: a test that errs by more than the headroom can miss a breach or see one that
 * is not there. A design that cannot estimate a guardrail errs by 1 on it. The North Star
 * counts twice, each guardrail once. When the guardrails move the pick off the North Star's
 * own best design, the sentence names the guardrail that did.
 */
import { DESIGN_LABEL, type ExperimentDesign } from './experiment';
import { effectiveThreshold, isUserThreshold, type Thresholds } from './guardrails';
import { LAB_METRICS, type LabMetricDef, type MarketBalance } from './lab-metrics';
import type { DesignStats, Recommendation } from './lab-stats';
import { METRIC_BY_ID, type MetricDef, type MetricId } from './metrics';

const HORIZON = 12;
const NORTH_STAR_WEIGHT = 2;

/** A guardrail the lab weighs: its lab metric's index, the app's metric and threshold. */
export interface LabGuardrail {
  readonly index: number;
  readonly lab: LabMetricDef;
  readonly metric: MetricDef;
  readonly threshold: number;
  /** The control's distance from the threshold on the good side (0 when it breaches). */
  readonly headroom: number;
  readonly userSet: boolean;
}

/** The app guardrails among the lab's metrics, with their thresholds in force and headroom. */
export function labGuardrails(
  levels: readonly number[],
  thresholds: Thresholds = {},
): LabGuardrail[] {
  const out: LabGuardrail[] = [];
  LAB_METRICS.forEach((lab, index) => {
    const metric = lab.appMetric ? METRIC_BY_ID.get(lab.appMetric) : undefined;
    const threshold = metric ? effectiveThreshold(metric, thresholds) : undefined;
    if (!metric || threshold === undefined || lab.role === 'northStar') return;
    const level = levels[index] ?? NaN;
    const gap = metric.better === 'down' ? threshold - level : level - threshold;
    out.push({
      index,
      lab,
      metric,
      threshold,
      headroom: Number.isFinite(gap) ? Math.max(0, gap) : 0,
      userSet: isUserThreshold(metric.id) && thresholds[metric.id as MetricId] !== undefined,
    });
  });
  return out;
}

/** A design's error on the North Star (relative to the effect's size), 0 to 1. */
function northStarError(d: DesignStats): number {
  const s = d.metrics[0];
  if (!s) return 1;
  return Math.min(1, s.rmse / Math.max(Math.abs(s.truth.value), s.se.value, 1e-9));
}

/** A design's error on a guardrail (relative to its headroom), 0 to 1. */
function guardrailError(d: DesignStats, g: LabGuardrail): number {
  const s = d.metrics[g.index];
  if (!s) return 1;
  return Math.min(1, s.rmse / Math.max(g.headroom, 1e-9));
}

/** A design's weighted error over the North Star and the guardrails. */
export function designScore(d: DesignStats, guardrails: readonly LabGuardrail[]): number {
  let total = NORTH_STAR_WEIGHT * northStarError(d);
  for (const g of guardrails) total += guardrailError(d, g);
  return total / (NORTH_STAR_WEIGHT + guardrails.length);
}

/** A value of a metric in its units: "0.4 points" for a share, "$0.12", "12 packages/week". */
function amount(metric: MetricDef, v: number): string {
  if (metric.percent) return `${(100 * v).toFixed(1)} points`;
  if (metric.unit.startsWith('$')) return `$${v.toFixed(2)}`;
  return `${v.toFixed(metric.digits)} ${metric.unit}`;
}

function level(metric: MetricDef, v: number): string {
  if (metric.percent) return `${(100 * v).toFixed(1)}%`;
  if (metric.unit.startsWith('$')) return `$${v.toFixed(2)}`;
  return `${v.toFixed(metric.digits)} ${metric.unit}`;
}

/** Why guardrail `g` moved the pick from `nsBest` to `best`. */
function decidingClause(g: LabGuardrail, nsBest: DesignStats, best: DesignStats): string {
  const whose = g.userSet ? 'the threshold you set' : 'its threshold';
  const where =
    g.headroom > 0
      ? `sits ${amount(g.metric, g.headroom)} from ${whose} (${level(g.metric, g.threshold)})`
      : `already breaches ${whose} (${level(g.metric, g.threshold)})`;
  const ns = DESIGN_LABEL[nsBest.design].toLowerCase();
  const s = nsBest.metrics[g.index];
  const fails = s
    ? `a ${ns} errs by ${amount(g.metric, s.rmse)} on it`
    : `a ${ns} cannot estimate it`;
  const b = best.metrics[g.index];
  const gives = b
    ? `, a ${DESIGN_LABEL[best.design].toLowerCase()} by ${amount(g.metric, b.rmse)}`
    : '';
  return `the ${g.lab.label.toLowerCase()} guardrail decides: it ${where}; ${fails}${gives}`;
}

/** "inflates by 38%", "deflates by 20%", or "overstates 12-fold" for a large bias. */
function overstates(relativeBias: number): string {
  if (relativeBias >= 2) return `overstates ${Math.round(1 + relativeBias)}-fold`;
  const by = `${Math.round(100 * Math.abs(relativeBias))}%`;
  return relativeBias >= 0 ? `inflates by ${by}` : `deflates by ${by}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The design that errs least over the North Star and the guardrails at the test's length, and
 * the shortest length at which its North Star estimate reaches 80% power; `levels` are the
 * control's, by lab metric, and `thresholds` the user's.
 */
export function recommend(
  designs: readonly DesignStats[],
  balance: MarketBalance,
  testWeeks: number,
  levels: readonly number[] = [],
  thresholds: Thresholds = {},
): Recommendation {
  const guardrails = labGuardrails(levels, thresholds);
  const score = (d: DesignStats) => designScore(d, guardrails);
  const best = [...designs].sort((a, b) => score(a) - score(b))[0];
  if (!best) return { design: 'switchback', weeks: testWeeks, text: 'No design was run.' };
  const nsBest = [...designs].sort(
    (a, b) => northStarError(a) - northStarError(b) || score(a) - score(b),
  )[0];
  let decidedBy: LabGuardrail | undefined;
  if (nsBest !== best) {
    const gain = (g: LabGuardrail) => guardrailError(nsBest, g) - guardrailError(best, g);
    decidedBy = [...guardrails].sort((a, b) => gain(b) - gain(a))[0];
  }
  const ns = best.metrics[0];
  const powered = best.byWeeks.find((w) => w.power >= 0.8);
  const weeks = powered?.weeks ?? HORIZON;
  const pct = (v: number) => `${Math.round(100 * v)}%`;
  const worst = [...designs].sort(
    (a, b) => Math.abs(b.metrics[0]?.relativeBias ?? 0) - Math.abs(a.metrics[0]?.relativeBias ?? 0),
  )[0];
  const side =
    balance.scarce === 'neither' ? 'The market is balanced' : `${cap(balance.scarce)} are scarce`;
  const worstClause =
    worst && worst !== best && Number.isFinite(worst.metrics[0]?.relativeBias ?? NaN)
      ? `: a ${DESIGN_LABEL[worst.design].toLowerCase()} ${overstates(worst.metrics[0]?.relativeBias ?? 0)} the North Star effect`
      : '';
  const bias = ns && Number.isFinite(ns.relativeBias) ? pct(Math.abs(ns.relativeBias)) : 'n/a';
  const power = powered
    ? `reaches 80% power at ${weeks} week${weeks === 1 ? '' : 's'}`
    : `reaches only ${pct(best.byWeeks[HORIZON - 1]?.power ?? 0)} power even at ${HORIZON} weeks`;
  const w = `${testWeeks} week${testWeeks === 1 ? '' : 's'}`;
  const label = (d: ExperimentDesign) => DESIGN_LABEL[d].toLowerCase();
  const why = decidedBy ? `; ${decidingClause(decidedBy, nsBest, best)}` : '';
  const text = `${side}${worstClause}; a ${label(best.design)} errs least over the North Star and the guardrails (North Star bias ${bias} at ${w}) and ${power}${why}.`;
  return {
    design: best.design,
    weeks,
    text,
    ...(decidedBy ? { decidedBy: decidedBy.lab.id } : {}),
  };
}

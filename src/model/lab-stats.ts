/**
 * The lab's statistics (docs/MODEL.md "The experiment lab"): over R re-randomisations of a
 * test (each on its own replication of the market, a fresh assignment), each design's naive
 * estimate against the true market-level effect (all treated vs all control on the same
 * replication, paired): bias, standard error, the chance of a wrong sign, power and the
 * minimum detectable effect, each with a 95% interval, for every test length of 1 to
 * LAB_HORIZON_WEEKS weeks; the market balance; and a recommendation.
 */
import type { ExperimentDesign } from './experiment';
import { LAB_ROW_COUNT } from './lab-record';
import { normalCdf } from './normal';
import type { Thresholds } from './guardrails';
import { recommend } from './lab-recommend';
import {
  LAB_METRICS,
  LAB_METRIC_COUNT,
  type LabMetricId,
  balanceShares,
  labValues,
  marketBalance,
  naiveEstimates,
  type MarketBalance,
} from './lab-metrics';

/** The power and MDE chart's test lengths are 1 to this many weeks. */
export const LAB_HORIZON_WEEKS = 12;
/**
 * The re-randomisations whose runs last LAB_HORIZON_WEEKS (the first ones): the chart's lengths
 * past the test's and the long-run truth come from these; the others' runs last the test's
 * length only (a run's first weeks do not depend on its length), which saves a third of the
 * default lab's work.
 */
export const LAB_CHART_REPS = 50;
/** The long-run truth: the effect over the last LONG_RUN_WEEKS weeks of the horizon. */
export const LONG_RUN_WEEKS = 4;
const Z = 1.959964;
/** z of 80% power: MDE = (Z + Z_POWER) × SE. */
const Z_POWER = 0.841621;

/** One re-randomisation, reduced: metric m over the first k+1 weeks at [k * M + m]. */
export interface LabRepData {
  /** Weeks its runs lasted: LAB_HORIZON_WEEKS, or the test's length (NaN past it). */
  readonly weeks: number;
  readonly truth: Float64Array;
  /** The effect over the horizon's last LONG_RUN_WEEKS weeks, per metric (NaN in a short run). */
  readonly longRun: Float64Array;
  /** The control's balance shares over the test's weeks: unfilled, beaten. */
  readonly balance: readonly [number, number];
  /** The control's level of each metric over the test's weeks. */
  readonly level: readonly number[];
  readonly estimates: Partial<Record<ExperimentDesign, Float64Array>>;
}

/** Reduces one replication's lab records (control, treated, and each design's test). */
export function reduceRep(
  control: Float64Array,
  treated: Float64Array,
  tests: Partial<Record<ExperimentDesign, Float64Array>>,
  testWeeks: number,
): LabRepData {
  const M = LAB_METRIC_COUNT;
  const days = control.length / LAB_ROW_COUNT;
  const K = Math.min(LAB_HORIZON_WEEKS, Math.floor(days / 7));
  const size = LAB_HORIZON_WEEKS * M;
  const truth = new Float64Array(size).fill(NaN);
  const estimates: Partial<Record<ExperimentDesign, Float64Array>> = {};
  for (const d of Object.keys(tests) as ExperimentDesign[]) {
    estimates[d] = new Float64Array(size).fill(NaN);
  }
  for (let k = 0; k < K; k++) {
    const to = (k + 1) * 7;
    const c = labValues(control, days, to);
    const t = labValues(treated, days, to);
    for (let m = 0; m < M; m++) truth[k * M + m] = t[m] - c[m];
    for (const [d, lab] of Object.entries(tests) as [ExperimentDesign, Float64Array][]) {
      estimates[d]?.set(naiveEstimates(lab, days, to, d), k * M);
    }
  }
  let longRun = new Float64Array(M).fill(NaN);
  if (K === LAB_HORIZON_WEEKS) {
    const from = (K - LONG_RUN_WEEKS) * 7;
    const late = (lab: Float64Array) => lateValues(lab, days, from);
    const lc = late(control);
    const lt = late(treated);
    longRun = Float64Array.from(lt, (v, m) => v - lc[m]);
  }
  const balance = balanceShares(control, days, testWeeks * 7);
  const level = labValues(control, days, testWeeks * 7);
  return { weeks: K, truth, longRun, balance, level, estimates };
}

/** Lab metrics over days [from, days) of a lab record. */
function lateValues(lab: Float64Array, days: number, from: number): number[] {
  const rows = lab.length / days;
  const n = days - from;
  const part = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) part.set(lab.subarray(r * days + from, r * days + days), r * n);
  return labValues(part, n, n);
}

export interface Interval {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

export interface MetricStats {
  readonly metric: string;
  /** The naive estimate's mean over re-randomisations. */
  readonly estimate: Interval;
  /** The true effect over the same weeks (all treated vs all control, paired). */
  readonly truth: Interval;
  readonly bias: Interval;
  /** Bias as a share of the true effect's size (NaN when the effect is 0). */
  readonly relativeBias: number;
  readonly se: Interval;
  /** The estimate's root mean squared error against the truth. */
  readonly rmse: number;
  readonly wrongSign: Interval;
  /** Power of a two-sided 5% test with this SE, analytic (normal), and simulated. */
  readonly power: Interval;
  readonly rejection: Interval;
  readonly mde: Interval;
  /**
   * The check of the analytic power: the simulated estimates moved to centre on the MDE, the
   * share a test with the simulated SE rejects (analytic: 80%).
   */
  readonly atMde: number;
  /** The long-run effect, and what the estimate misses of it (estimate − long run). */
  readonly longRun: number;
  readonly missedLongRun: number;
}

/** Power, MDE and bias of one metric at one test length. */
export interface WeekPoint {
  readonly weeks: number;
  readonly power: number;
  readonly mde: number;
  readonly bias: number;
}

export interface DesignStats {
  readonly design: ExperimentDesign;
  /** One per lab metric at the test's length; null where the design cannot estimate it. */
  readonly metrics: readonly (MetricStats | null)[];
  /** The North Star's power, MDE and bias by test length, 1 to LAB_HORIZON_WEEKS weeks. */
  readonly byWeeks: readonly WeekPoint[];
  /** The same for every lab metric (null where the design cannot estimate it). */
  readonly byMetricWeeks: readonly (readonly WeekPoint[] | null)[];
}

export interface Recommendation {
  readonly design: ExperimentDesign;
  readonly weeks: number;
  readonly text: string;
  /** The app guardrail that decided it over the North Star's own best design, if one did. */
  readonly decidedBy?: LabMetricId;
}

export interface LabReport {
  readonly rerandomisations: number;
  /** The re-randomisations behind the chart's lengths past the test's and the long run. */
  readonly chartReps: number;
  readonly testWeeks: number;
  readonly balance: MarketBalance;
  /** Each lab metric's level in the control over the test's weeks (mean). */
  readonly levels: readonly number[];
  readonly designs: readonly DesignStats[];
  readonly recommendation: Recommendation;
}

function mean(a: readonly number[]): number {
  return a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);
}

function sd(a: readonly number[]): number {
  if (a.length < 2) return 0;
  const m = mean(a);
  return Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / (a.length - 1));
}

/** Power of a two-sided 5% z test of an estimate centred on `effect` with standard error `se`. */
export function analyticPower(effect: number, se: number): number {
  if (!(se > 0)) return effect !== 0 ? 1 : 0.05;
  const k = Math.abs(effect) / se;
  return normalCdf(k - Z) + normalCdf(-k - Z);
}

/** Wilson 95% interval of a share. */
function wilson(hits: number, n: number): Interval {
  const p = n > 0 ? hits / n : 0;
  const d = 1 + (Z * Z) / n;
  const c = (p + (Z * Z) / (2 * n)) / d;
  const h = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / d;
  return { value: p, low: Math.max(0, c - h), high: Math.min(1, c + h) };
}

function meanInterval(a: readonly number[]): Interval {
  const m = mean(a);
  const h = (Z * sd(a)) / Math.sqrt(Math.max(1, a.length));
  return { value: m, low: m - h, high: m + h };
}

/** The stats of one metric's estimates `e` against truths `t` (paired by re-randomisation). */
export function metricStats(
  metric: string,
  e: readonly number[],
  t: readonly number[],
  longRun: readonly number[],
): MetricStats {
  const n = e.length;
  const estimate = meanInterval(e);
  const truth = meanInterval(t);
  const bias = meanInterval(e.map((v, r) => v - t[r]));
  const s = sd(e);
  // The SD's 95% interval, normal approximation: s × (1 ± Z / √(2(n − 1))).
  const spread = Z / Math.sqrt(2 * Math.max(1, n - 1));
  const se = { value: s, low: s * Math.max(0, 1 - spread), high: s * (1 + spread) };
  const sign = Math.sign(truth.value);
  const wrong = e.filter((v) => Math.sign(v) !== sign).length;
  const power = {
    value: analyticPower(estimate.value, s),
    low: analyticPower(estimate.value, se.high),
    high: analyticPower(estimate.value, se.low),
  };
  const rejection = wilson(e.filter((v) => Math.abs(v) > Z * s).length, n);
  const k = Z + Z_POWER;
  const mde = { value: k * s, low: k * se.low, high: k * se.high };
  const shift = mde.value - estimate.value;
  const atMde = n > 0 ? e.filter((v) => Math.abs(v + shift) > Z * s).length / n : 0;
  const lr = mean(longRun);
  return {
    metric,
    estimate,
    truth,
    bias,
    relativeBias: truth.value !== 0 ? bias.value / Math.abs(truth.value) : NaN,
    se,
    rmse: Math.sqrt(bias.value ** 2 + s * s),
    wrongSign: wilson(wrong, n),
    power,
    rejection,
    mde,
    atMde,
    longRun: lr,
    missedLongRun: estimate.value - lr,
  };
}

/** The lab's report from the re-randomisations' reduced data (`thresholds`: the user's). */
export function labReport(
  reps: readonly LabRepData[],
  testWeeks: number,
  thresholds: Thresholds = {},
): LabReport {
  const M = LAB_METRIC_COUNT;
  const first = reps[0];
  const long = reps.filter((r) => r.weeks >= LAB_HORIZON_WEEKS);
  const designs = (Object.keys(first?.estimates ?? {}) as ExperimentDesign[]).map(
    (design): DesignStats => {
      const est = (r: LabRepData) => r.estimates[design] ?? new Float64Array(0);
      // Length k from the re-randomisations whose runs lasted that long.
      const column = (k: number, m: number, pick: (r: LabRepData) => Float64Array) =>
        reps.filter((r) => r.weeks > k).map((r) => pick(r)[k * M + m]);
      const k0 = testWeeks - 1;
      const metrics = LAB_METRICS.map((def, m) =>
        def.designs.includes(design)
          ? metricStats(
              def.id,
              column(k0, m, est),
              column(k0, m, (r) => r.truth),
              long.map((r) => r.longRun[m]),
            )
          : null,
      );
      const byMetricWeeks = LAB_METRICS.map((def, m) =>
        def.designs.includes(design)
          ? Array.from({ length: LAB_HORIZON_WEEKS }, (_, k): WeekPoint => {
              const st = metricStats(
                '',
                column(k, m, est),
                column(k, m, (r) => r.truth),
                [],
              );
              return {
                weeks: k + 1,
                power: st.power.value,
                mde: st.mde.value,
                bias: st.bias.value,
              };
            })
          : null,
      );
      return { design, metrics, byWeeks: byMetricWeeks[0] ?? [], byMetricWeeks };
    },
  );
  const balance = marketBalance(
    mean(reps.map((r) => r.balance[0])),
    mean(reps.map((r) => r.balance[1])),
  );
  const levels = LAB_METRICS.map((_, m) => mean(reps.map((r) => r.level[m])));
  return {
    rerandomisations: reps.length,
    chartReps: long.length,
    testWeeks,
    balance,
    levels,
    designs,
    recommendation: recommend(designs, balance, testWeeks, levels, thresholds),
  };
}

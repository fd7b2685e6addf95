/**
 * The stylized facts of docs/MODEL.md section 6 as data: what the evidence says happens when a
 * lever moves, so the model can be checked against it. The engine's tests
 * (tests/sim/engine.test.ts) and the app's reality check (src/ui/model-page/reality-check.ts) both read
 * this table, so there is one statement of each fact.
 *
 * A fact is a change to make to a scenario (relative to its current values, so it can be run
 * on any user's assumptions), and the signs the paired deltas (changed minus unchanged) should
 * take. Judging is pure: give it a comparison, get a verdict per expectation and per fact.
 */
import { METRIC_BY_ID, METRIC_INDEX, type MetricDef, type MetricId } from './metrics';
import { PARAM_BY_ID, type ParamDef, type ParamId } from './params';
import type { Comparison, IntervalArrays } from './results';
import { withParams, type Parsed, type Scenario } from './scenario';

/** How one parameter moves: scaled, shifted, or set. */
export type ParamChange =
  | { readonly param: ParamId; readonly times: number }
  | { readonly param: ParamId; readonly plus: number }
  | { readonly param: ParamId; readonly set: number | boolean };

/** Which period's paired delta an expectation reads. */
export type Run = 'short' | 'long' | 'peak' | 'whole';

/** The delta of `metric` over `run` should lie on the `sign` side of zero. */
export interface Expectation {
  readonly metric: MetricId;
  readonly run: Run;
  readonly sign: 1 | -1;
}

export interface StylizedFact {
  readonly id: string;
  /** A short name ("Pay up"). */
  readonly title: string;
  /** What the evidence says, in a sentence or two. */
  readonly statement: string;
  /** The change to make to the current scenario. */
  readonly change: readonly ParamChange[];
  /** Signs the paired deltas (changed minus current) should take. */
  readonly expectations: readonly Expectation[];
  /**
   * Metrics whose effect should fade: the long-run delta below the short-run delta. Judged
   * on the means (the comparison carries no interval for the difference of two periods).
   */
  readonly fades?: readonly MetricId[];
  /** Where the fact comes from. */
  readonly source: string;
}

export const STYLIZED_FACTS = [
  {
    id: 'pay-up',
    title: 'Pay up 10%',
    statement:
      'Raising pay raises fill rate and on-time delivery at once; with free entry and fixed demand more drivers then share the same blocks, so hours per driver fall and realised hourly earnings drift back towards where they were.',
    change: [{ param: 'payPerHour', times: 1.1 }],
    expectations: [
      { metric: 'fillRate', run: 'short', sign: 1 },
      { metric: 'onTimeRate', run: 'short', sign: 1 },
      { metric: 'driverNetHourly', run: 'short', sign: 1 },
      { metric: 'activeDrivers', run: 'long', sign: 1 },
      { metric: 'hoursPerActiveDriver', run: 'long', sign: -1 },
    ],
    fades: ['hoursPerActiveDriver', 'driverNetHourly'],
    source:
      'Hall, Horton & Knoepfle, on Uber’s fare changes: the effect of a fare rise on drivers’ hourly earnings fades within about 8 weeks as more drivers work more hours.',
  },
  {
    id: 'longer-blocks',
    title: 'Longer blocks',
    statement:
      'Longer blocks cut station overhead per package, but fill less readily, because fewer drivers have a long window free.',
    change: [{ param: 'blockHours', plus: 1.5 }],
    expectations: [
      { metric: 'costPerPackage', run: 'whole', sign: -1 },
      { metric: 'fillRate', run: 'whole', sign: -1 },
    ],
    source:
      'Chen, Chevalier, Rossi & Oehlsen (2019), "The value of flexible work: evidence from Uber drivers": drivers value flexibility highly, so rigid long shifts are less attractive.',
  },
  {
    id: 'surge-off',
    title: 'Surge off',
    statement:
      'Surge pay reduces the blocks left unfilled at start, at a cost the surge spend shows: switching it off leaves more blocks unfilled and the surge spend falls to nothing.',
    change: [{ param: 'surgeEnabled', set: false }],
    expectations: [
      { metric: 'fillRate', run: 'whole', sign: -1 },
      { metric: 'surgeSpendShare', run: 'whole', sign: -1 },
    ],
    source:
      'Flex surge blocks, reported at $30–40 an hour against $18–25 base: surge (dynamic) pay draws drivers to work left unfilled.',
  },
  {
    id: 'more-buffer',
    title: 'More capacity buffer',
    statement:
      'Planning more block hours than the forecast needs (over-provisioning) buys on-time delivery with idle paid hours.',
    change: [{ param: 'capacityBuffer', plus: 0.1 }],
    expectations: [
      { metric: 'onTimeRate', run: 'whole', sign: 1 },
      { metric: 'idlePaidHoursShare', run: 'whole', sign: 1 },
    ],
    source:
      'Operations planning practice: a safety margin over forecast absorbs forecast error at the price of slack (idle paid hours).',
  },
] as const satisfies readonly StylizedFact[];

export type FactId = (typeof STYLIZED_FACTS)[number]['id'];

/** A value without binary noise (24.200000000000003 → 24.2). */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** One parameter's move on this scenario: from, to, and whether the range capped it. */
export interface AppliedChange {
  readonly param: ParamId;
  readonly def: ParamDef;
  readonly from: number | boolean;
  readonly to: number | boolean;
  /** The change went past the parameter's range and was held at its end. */
  readonly capped: boolean;
}

/** The value a change gives the parameter, held within its range. */
export function changedValue(
  change: ParamChange,
  current: number | boolean,
): { value: number | boolean; capped: boolean } {
  const def = PARAM_BY_ID.get(change.param);
  if ('set' in change) return { value: change.set, capped: false };
  if (typeof current !== 'number' || !def || def.kind === 'boolean') {
    return { value: current, capped: false };
  }
  let x = 'times' in change ? current * change.times : current + change.plus;
  x = def.kind === 'integer' ? Math.round(x) : clean(x);
  const held = Math.min(def.max, Math.max(def.min, x));
  return { value: held, capped: held !== x };
}

/** Each parameter the fact moves, from the scenario's value to the changed one. */
export function appliedChanges(fact: StylizedFact, scenario: Scenario): AppliedChange[] {
  const out: AppliedChange[] = [];
  for (const change of fact.change) {
    const def = PARAM_BY_ID.get(change.param);
    if (!def) continue;
    const from = scenario.params[change.param];
    const { value, capped } = changedValue(change, from);
    out.push({ param: change.param, def, from, to: value, capped });
  }
  return out;
}

/**
 * The scenario with the fact's change made, validated. Fails with a reason when the change
 * would not change anything (the parameter is already there, or at the end of its range), so
 * a fact is never "tested" against itself.
 */
export function applyFact(fact: StylizedFact, scenario: Scenario): Parsed<Scenario> {
  const changes = appliedChanges(fact, scenario);
  if (changes.length !== fact.change.length) {
    return { ok: false, error: `fact "${fact.id}" names a parameter the table does not have` };
  }
  if (changes.every((c) => c.from === c.to)) {
    const what = changes.map((c) => `${c.def.label} is already ${String(c.to)}`).join('; ');
    return { ok: false, error: `the change makes no difference here: ${what}` };
  }
  return withParams(scenario, Object.fromEntries(changes.map((c) => [c.param, c.to])));
}

export type ExpectationVerdict = 'reproduced' | 'inconclusive' | 'contradicted' | 'unknown';

export interface JudgedExpectation extends Expectation {
  readonly def: MetricDef;
  readonly delta: number;
  readonly low: number;
  readonly high: number;
  readonly verdict: ExpectationVerdict;
}

export interface JudgedFade {
  readonly metric: MetricId;
  readonly def: MetricDef;
  readonly short: number;
  readonly long: number;
  readonly verdict: ExpectationVerdict;
}

export interface JudgedFact {
  readonly verdict: ExpectationVerdict;
  readonly expectations: readonly JudgedExpectation[];
  readonly fades: readonly JudgedFade[];
}

function pick(c: Pick<Comparison, 'delta'>, run: Run): IntervalArrays {
  if (run === 'short') return c.delta.shortRun;
  if (run === 'long') return c.delta.longRun;
  if (run === 'peak') return c.delta.peak;
  return c.delta.whole;
}

/**
 * Whether a paired delta's 95% interval lies on the expected side of zero (reproduced),
 * includes zero (inconclusive) or lies on the other side (contradicted).
 */
export function judgeInterval(sign: 1 | -1, low: number, high: number): ExpectationVerdict {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return 'unknown';
  const lo = Math.min(low, high);
  const hi = Math.max(low, high);
  if (lo <= 0 && hi >= 0) return 'inconclusive';
  return (lo > 0 ? 1 : -1) === sign ? 'reproduced' : 'contradicted';
}

/** The fact's expectations judged on a comparison of the changed scenario with the current. */
export function judgeFact(fact: StylizedFact, c: Pick<Comparison, 'delta'>): JudgedFact {
  const expectations = fact.expectations.map((e): JudgedExpectation => {
    const i = METRIC_INDEX[e.metric];
    const d = pick(c, e.run);
    const low = d.low[i] ?? NaN;
    const high = d.high[i] ?? NaN;
    return {
      ...e,
      def: metricDef(e.metric),
      delta: d.mean[i] ?? NaN,
      low,
      high,
      verdict: judgeInterval(e.sign, low, high),
    };
  });
  const fades = (fact.fades ?? []).map((metric): JudgedFade => {
    const i = METRIC_INDEX[metric];
    const short = c.delta.shortRun.mean[i] ?? NaN;
    const long = c.delta.longRun.mean[i] ?? NaN;
    const verdict: ExpectationVerdict =
      !Number.isFinite(short) || !Number.isFinite(long)
        ? 'unknown'
        : long < short
          ? 'reproduced'
          : 'contradicted';
    return { metric, def: metricDef(metric), short, long, verdict };
  });
  return { verdict: combine([...expectations, ...fades]), expectations, fades };
}

/**
 * A fact's verdict from its parts: contradicted if any part is, reproduced if all are,
 * unknown if a number is missing, inconclusive otherwise.
 */
export function combine(parts: readonly { verdict: ExpectationVerdict }[]): ExpectationVerdict {
  if (parts.some((p) => p.verdict === 'contradicted')) return 'contradicted';
  if (parts.some((p) => p.verdict === 'unknown')) return 'unknown';
  if (parts.every((p) => p.verdict === 'reproduced')) return 'reproduced';
  return 'inconclusive';
}

function metricDef(id: MetricId): MetricDef {
  const def = METRIC_BY_ID.get(id);
  if (!def) throw new Error(`unknown metric "${id}"`);
  return def;
}

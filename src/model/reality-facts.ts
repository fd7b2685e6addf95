/**
 * The reality check's facts (docs/MODEL.md section 6): what published evidence says about
 * gig delivery work, each as a run to make, a figure to measure on it, a numeric target
 * with its tolerance, and its source. `npm test` runs them at the defaults
 * (tests/sim/reality-check.test.ts) and the Model page runs them on the user's assumptions,
 * showing the measured figure, the target, the source and a pass or a visible fail. A fact
 * the model does not reproduce fails; it is never hidden.
 *
 * Judging is pure (src/model/reality-measure.ts); planning a fact's runs is `planFact`.
 */
import { PARAM_BY_ID } from './params';
import type { Measure, Moved, Target } from './reality-measure';
import { withParams, type Parsed, type Scenario } from './scenario';
import { changedValue, type ParamChange } from './param-change';

/** How a measured figure and its target are written. */
export type FactFormat = 'share' | 'ratio' | 'money' | 'number' | 'days';

export interface FactSource {
  /** Authors, title, year: what a reader would look up. */
  readonly cite: string;
  /** Where to read it. */
  readonly url: string;
}

export interface RealityFact {
  readonly id: string;
  /** A short name ("Hours respond to pay"). */
  readonly title: string;
  /** What the evidence says, in a sentence or two. */
  readonly statement: string;
  /** How the model is put to the test, in a sentence. */
  readonly how: string;
  readonly source: FactSource;
  /** Changes made to both runs: the setting the fact is about (e.g. a December start). */
  readonly setup?: readonly ParamChange[];
  /** Weeks to simulate at least (the scenario's horizon if longer). */
  readonly minWeeks?: number;
  /** Weeks to simulate exactly (overrides the scenario's horizon). */
  readonly weeks?: number;
  /** The change made to the scenario run only; none: both runs are the same scenario. */
  readonly change?: readonly ParamChange[];
  readonly measure: Measure;
  readonly target: Target;
  readonly format: FactFormat;
}

const NBER = 'https://www.nber.org/papers/';

const SOURCES = {
  ach: {
    cite: 'Angrist, Caldwell & Hall, "Uber vs. Taxi: A Driver\'s Eye View", NBER WP 23891 (2017); AEJ: Applied 2021',
    url: `${NBER}w23891`,
  },
  hhk: {
    cite: 'Hall, Horton & Knoepfle, "Ride-Sharing Markets Re-Equilibrate", NBER WP 30883 (2023)',
    url: `${NBER}w30883`,
  },
  hk: {
    cite: 'Hall & Krueger, "An Analysis of the Labor Market for Uber\'s Driver-Partners in the United States", NBER WP 22843; ILR Review 2018',
    url: `${NBER}w22843`,
  },
  ccro: {
    cite: 'Chen, Chevalier, Rossi & Oehlsen, "The Value of Flexible Work: Evidence from Uber Drivers", NBER WP 23296; JPE 2019',
    url: `${NBER}w23296`,
  },
  shipmatrix: {
    cite: "ShipMatrix, US parcel carriers' on-time delivery, normal weeks and the December peak",
    url: 'https://shipmatrix.com/',
  },
  flex: {
    cite: 'Amazon Flex, advertised pay "$18–$25 an hour" before vehicle costs',
    url: 'https://flex.amazon.com/',
  },
  spec: {
    cite: 'gigsim model specification, section 6 (last-mile industry figures and operations practice; no single public source)',
    url: 'docs/MODEL.md#6-facts-the-model-should-reproduce-and-how-it-is-checked',
  },
  crn: {
    cite: 'Law, "Simulation Modeling and Analysis" (5th ed., 2015), section 11.2: common random numbers',
    url: 'https://en.wikipedia.org/wiki/Variance_reduction#Common_Random_Numbers_(CRN)',
  },
} as const satisfies Record<string, FactSource>;

/**
 * The hours elasticity of labour supply for a pay change by `factor`: the arc elasticity of
 * the hours drivers offer per week at the offered pay, weeks 1–4, within 0.8–1.6.
 */
function hoursElasticity(
  kind: 'raise' | 'cut',
  title: string,
  statement: string,
  factor: number,
): RealityFact {
  const pct = Math.round((factor - 1) * 100);
  return {
    id: `hours-elasticity-${kind}`,
    title,
    statement,
    how: `Pay ${pct > 0 ? '+' : '−'}${Math.abs(pct)}%: elasticity of the hours drivers offer per week at the offered pay, weeks 1–4 (0.8–1.6).`,
    source: SOURCES.ach,
    change: [{ param: 'payPerHour', times: factor }],
    measure: {
      kind: 'elasticity',
      metric: 'hoursOfferedPerDriver',
      period: 'short',
      param: 'payPerHour',
    },
    target: { low: 0.8, high: 1.6 },
    format: 'ratio',
  };
}

export const REALITY_FACTS: readonly RealityFact[] = [
  {
    id: 'off-peak-on-time',
    title: 'Off-peak service',
    statement: 'US parcel carriers deliver 96–99% of packages on time outside the peaks.',
    how: 'On-time rate of the current scenario in the long run (outside calendar peaks).',
    source: SOURCES.shipmatrix,
    measure: { kind: 'level', side: 'baseline', metric: 'onTimeRate', period: 'long' },
    target: { low: 0.96, high: 0.99 },
    format: 'share',
  },
  {
    id: 'december-peak',
    title: 'December peak',
    statement:
      'Carriers prepare for December (hiring, peak pay), and their worst week still delivers about 85% or more on time.',
    how: 'Lowest weekly on-time rate of the current scenario started in week 44 for 10 weeks.',
    source: SOURCES.shipmatrix,
    setup: [{ param: 'startWeek', set: 44 }],
    weeks: 10,
    measure: { kind: 'weekly-min', side: 'baseline', metric: 'onTimeRate' },
    target: { low: 0.85 },
    format: 'share',
  },
  {
    id: 'cost-per-package',
    title: 'Cost per package',
    statement: 'Last-mile delivery by gig drivers costs about $1.50–3 a package.',
    how: 'Cost per package of the current scenario in the long run.',
    source: SOURCES.spec,
    measure: { kind: 'level', side: 'baseline', metric: 'costPerPackage', period: 'long' },
    target: { low: 1.5, high: 3 },
    format: 'money',
  },
  {
    id: 'net-hourly',
    title: "Drivers' net hourly",
    statement:
      'Flex advertises $18–25 an hour before vehicle costs; drivers net about $15–21 once costs and unpaid time are counted.',
    how: 'Realised net hourly (after vehicle cost, unpaid waiting and search) in the long run.',
    source: SOURCES.flex,
    measure: { kind: 'level', side: 'baseline', metric: 'driverNetHourly', period: 'long' },
    target: { low: 15, high: 21 },
    format: 'money',
  },
  hoursElasticity(
    'raise',
    'Hours respond to a raise',
    'Drivers offered more per hour work more hours: the labour-supply elasticity of Uber drivers is about 1.2.',
    1.1,
  ),
  hoursElasticity(
    'cut',
    'Hours respond to a cut alike',
    "A pay cut reduces the hours drivers offer about as much as a raise of the same size adds: supply has no kink at today's pay.",
    0.9,
  ),
  {
    id: 'one-year-survival',
    title: 'Half of new drivers stay a year',
    statement: 'About half of new drivers are still active a year after their first trip.',
    how: 'One-year survival of new drivers in the long run: a life table of exits by tenure (40–60%).',
    source: SOURCES.hk,
    measure: { kind: 'level', side: 'baseline', metric: 'survival365', period: 'long' },
    target: { low: 0.4, high: 0.6 },
    format: 'share',
  },
  {
    id: 'pay-up-fill',
    title: 'Pay up: blocks fill',
    statement: 'Raising pay draws more drivers to the offers, so more blocks fill at once.',
    how: 'Pay +10%: change in fill rate over weeks 1–4, beyond noise.',
    source: SOURCES.ach,
    change: [{ param: 'payPerHour', times: 1.1 }],
    measure: { kind: 'delta', metric: 'fillRate', period: 'short' },
    target: { low: 0, beyondNoise: true },
    format: 'share',
  },
  {
    id: 'hhk-fade',
    title: "A raise's hourly gain fades",
    statement:
      'After a fare rise drivers earn more an hour at first, then more of them work more hours for the same demand, and the hourly gain is gone within about 8 weeks.',
    how: 'Pay +18% (at the defaults $22 → $26): the net hourly gain in weeks 11–12 over the gain in weeks 1–2 (1 = persists, 0 = gone).',
    source: SOURCES.hhk,
    change: [{ param: 'payPerHour', times: 26 / 22 }],
    minWeeks: 16,
    measure: { kind: 'fade', metric: 'driverNetHourly', early: [1, 2], late: [11, 12] },
    target: { high: 0.5 },
    format: 'ratio',
  },
  {
    id: 'flexible-blocks',
    title: 'Short blocks fill',
    statement:
      'Drivers value flexibility highly, so shorter blocks fill at least as well as longer ones.',
    how: 'Blocks of 2.5 h instead of the current length: change in fill rate over the whole run (at least −0.5 points).',
    source: SOURCES.ccro,
    change: [{ param: 'blockHours', set: 2.5 }],
    measure: { kind: 'delta', metric: 'fillRate', period: 'whole' },
    target: { low: -0.005 },
    format: 'share',
  },
  {
    id: 'long-blocks-fill',
    title: 'Long blocks fill less',
    statement: 'Fewer drivers have a long window free, so much longer blocks fill less readily.',
    how: 'Blocks 1.5 h longer: change in fill rate over the whole run, below zero beyond noise.',
    source: SOURCES.ccro,
    change: [{ param: 'blockHours', plus: 1.5 }],
    measure: { kind: 'delta', metric: 'fillRate', period: 'whole' },
    target: { high: 0, beyondNoise: true },
    format: 'share',
  },
  {
    id: 'surge-off',
    title: 'Surge fills the gaps',
    statement:
      'Surge pay on late re-offers fills blocks that would otherwise start unfilled (Flex surge offers run at 1.4–1.8× base).',
    how: 'Surge off: change in fill rate over the whole run, below zero beyond noise.',
    source: SOURCES.flex,
    change: [{ param: 'surgeEnabled', set: false }],
    measure: { kind: 'delta', metric: 'fillRate', period: 'whole' },
    target: { high: 0, beyondNoise: true },
    format: 'share',
  },
  {
    id: 'buffer-slack',
    title: 'A buffer costs slack',
    statement:
      'Planning more block hours than the forecast needs buys service with idle paid hours.',
    how: 'Capacity buffer +10 points: change in the share of paid hours idle, above zero beyond noise.',
    source: SOURCES.spec,
    change: [{ param: 'capacityBuffer', plus: 0.1 }],
    measure: { kind: 'delta', metric: 'idlePaidHoursShare', period: 'whole' },
    target: { low: 0, beyondNoise: true },
    format: 'share',
  },
  {
    id: 'demand-shock-bounded',
    title: 'A shock stays bounded',
    statement:
      'Operators absorb a demand shock with fallback carriers and re-attempts: service degrades in proportion, and no queue grows without limit.',
    how: 'Demand +30%: the highest weekly backlog, in days of demand (at most half a day).',
    source: SOURCES.spec,
    change: [{ param: 'demandPerDay', times: 1.3 }],
    measure: { kind: 'weekly-max', side: 'scenario', metric: 'backlogDays' },
    target: { high: 0.5 },
    format: 'days',
  },
  {
    id: 'crn-precision',
    title: 'Paired runs are precise',
    statement:
      'Comparing two scenarios on common random numbers (the same draws for the same drivers and days) gives a far narrower interval than independent runs.',
    how: 'Pay +10%: variance of an unpaired difference of on-time packages over the paired one (at least 3×).',
    source: SOURCES.crn,
    change: [{ param: 'payPerHour', times: 1.1 }],
    measure: { kind: 'crn-gain', metric: 'onTimePackagesPerWeek', period: 'whole' },
    target: { low: 3 },
    format: 'ratio',
  },
];

/** The two runs a fact compares, and the move of the parameter it changes first. */
export interface FactPlan {
  readonly baseline: Scenario;
  readonly scenario: Scenario;
  readonly moved?: Moved;
}

function apply(s: Scenario, changes: readonly ParamChange[]): Parsed<Scenario> {
  const params: Record<string, number | boolean> = {};
  for (const c of changes) {
    if (!PARAM_BY_ID.has(c.param)) return { ok: false, error: `unknown parameter "${c.param}"` };
    params[c.param] = changedValue(c, s.params[c.param]).value;
  }
  return withParams(s, params);
}

/**
 * The runs a fact needs on the current scenario: its setup made on both, its change on the
 * scenario side. Fails with a reason when the change would change nothing here.
 */
export function planFact(fact: RealityFact, current: Scenario): Parsed<FactPlan> {
  const weeks = fact.weeks ?? Math.max(current.weeks, fact.minWeeks ?? 0);
  const base = apply({ ...current, weeks }, fact.setup ?? []);
  if (!base.ok) return base;
  if (!fact.change) return { ok: true, value: { baseline: base.value, scenario: base.value } };
  const changed = apply(base.value, fact.change);
  if (!changed.ok) return changed;
  const first = fact.change[0];
  const from = base.value.params[first.param];
  const to = changed.value.params[first.param];
  if (fact.change.every((c) => base.value.params[c.param] === changed.value.params[c.param])) {
    const label = PARAM_BY_ID.get(first.param)?.label ?? first.param;
    return {
      ok: false,
      error: `the change makes no difference here: ${label} is already ${String(to)}`,
    };
  }
  const moved = typeof from === 'number' && typeof to === 'number' ? { from, to } : undefined;
  return { ok: true, value: { baseline: base.value, scenario: changed.value, moved } };
}

/** A key for the runs a fact makes: facts with the same key can share one comparison. */
export function planKey(plan: FactPlan): string {
  return JSON.stringify([plan.baseline, plan.scenario]);
}

/**
 * Why a metric moved: the exact decomposition of a metric's change (scenario − baseline, per
 * replication, paired) into parts read from the engine's own ledger, the daily record
 * (src/sim/record.ts). Each metric is a ratio of sums of record fields over a period
 * (src/sim/measure.ts); its parts are the terms of those sums:
 *
 * - `shares`: M = c + k·Σ aᵢ / B with every term over one denominator. Part i is the change of
 *   its own share, Δ(k·aᵢ / B); the parts sum to ΔM with nothing left over.
 * - `ratio`: M = k·Σ aᵢ / Σ bⱼ, a shift-share with midpoint weights: a numerator term's part is
 *   k·Δaᵢ·½(1/B₀ + 1/B₁), a denominator term's −k·½(A₀ + A₁)·Δbⱼ/(B₀B₁). The midpoint weights
 *   share the interaction between numerator and denominator evenly, so the parts sum to ΔM
 *   exactly and no interaction term is left over. With `per`, every term is first divided by a
 *   common sum (driver net hourly = net pay per paid hour / hours spent per paid hour).
 * - `hazards`: M = exp(−Σ hᵢ), a life table, with hᵢ = daysᵢ·eᵢ/xᵢ the exits eᵢ of a cause in
 *   a tenure band over the band's driver-days xᵢ. The log of M is a sum, so part i is its
 *   share −L·Δhᵢ of the change, L the logarithmic mean of M₀ and M₁ (ΔM / Δln M, or M₀ when
 *   ln M does not move): the parts sum to ΔM exactly.
 * - `factors`: M = k·R/den, with R a count drawn around its expected value Fₙ, and Fₙ a
 *   product of factors recorded as running products F₀, F₁ = F₀·f₁, …, Fₙ. The expected value's
 *   change is split by the same logarithmic mean: part 0 is L·Δln F₀, part j is L·Δln(Fⱼ/Fⱼ₋₁),
 *   and the last part, chance, is the change in R − Fₙ.
 *
 * Terms are linear combinations of the period's sums, named by record field or by one of the
 * `WHY_EXTRAS` (src/sim/why-sums.ts computes them). Mechanism nodes of the causal graph that
 * the ledger measures (`WHY_NODES`, src/model/why-nodes.ts) are measured the same way, so the chains behind a change
 * can be checked against the run link by link (src/model/why-chains.ts).
 */
import type { MetricId } from './metrics';
import type { IntervalArrays } from './results';

/** Σ coefficient × the period's sum of a record field (or an extra). */
export type Linear = readonly (readonly [name: string, coef: number])[];

export interface WhyPart {
  readonly id: string;
  /** What the part is, short: a waterfall row's label. */
  readonly label: string;
  readonly sum: Linear;
}

export interface WhyDef {
  readonly metric: MetricId;
  readonly kind: 'shares' | 'ratio' | 'hazards' | 'factors';
  /** k: the metric is k·Σ num / den (plus `constant` for shares). */
  readonly scale: number;
  readonly constant?: number;
  /** Numerator terms; for `shares` these are all the parts. */
  readonly num: readonly WhyPart[];
  /** Denominator terms: parts of their own for `ratio`; one sum for `shares` (not a part). */
  readonly den: readonly WhyPart[];
  /**
   * For `ratio`: every term is divided by this sum first (numerator and denominator alike, so
   * the metric is unchanged), and the denominator has `denConstant` (the normaliser's own
   * term, divided by itself) besides its parts. Parts then read as rates: pay per block hour.
   */
  readonly per?: Linear;
  readonly denConstant?: number;
  /** For `hazards`: each numerator part's tenure band, its driver-days and length in days. */
  readonly bands?: readonly { readonly exposure: Linear; readonly days: number }[];
}

/**
 * Sums over a period besides the record fields' (src/sim/why-sums.ts): its days; the pool at
 * the start of week 1 times the days (the opening stock); the drivers joined, quit and
 * deactivated since week 1, summed over the period's days (so that Σ active = opening + joined
 * − quit − deactivated, day by day); the pool at the start of each week in the period.
 */
export const WHY_EXTRAS = [
  'days',
  'openingPoolDays',
  'cumJoined',
  'cumChurned',
  'cumDeactivated',
  'weekStartPool',
] as const;

/** The periods a decomposition is carried for, in this order in every array. */
export const WHY_PERIODS = ['shortRun', 'longRun', 'peak', 'whole'] as const;
export type WhyPeriod = (typeof WHY_PERIODS)[number];

const part = (id: string, label: string, sum: Linear): WhyPart => ({ id, label, sum });
const one = (id: string, label: string, field: string, coef = 1): WhyPart =>
  part(id, label, [[field, coef]]);

/** The denominator "active driver-days" split by the pool's flows since week 1. */
const POOL: readonly WhyPart[] = [
  one('pool', 'Pool at the start of week 1', 'openingPoolDays'),
  one('joined', 'Drivers who joined', 'cumJoined'),
  one('churned', 'Drivers who quit', 'cumChurned', -1),
  one('deactivated', 'Drivers deactivated', 'cumDeactivated', -1),
];

/** Why fresh packages missed (record fields written in src/sim/packages.ts). */
const MISSES: readonly WhyPart[] = [
  one('unfilled', 'Blocks left unfilled', 'unloadedUnfilled'),
  one('noShows', 'No-shows', 'unloadedNoShow'),
  one('planShort', 'Plan short of volume', 'unloadedPlan'),
  one('fallback', 'Overflow to fallback', 'fallback', -1),
  one('failed', 'Failed attempts', 'freshFailed'),
  one('returned', 'Returned from overruns', 'freshReturned'),
];

const negated = (parts: readonly WhyPart[]): WhyPart[] =>
  parts.map((p) =>
    part(
      p.id,
      p.label,
      p.sum.map(([f, c]) => [f, -c] as const),
    ),
  );

const ratio = (
  metric: MetricId,
  num: readonly WhyPart[],
  den: readonly WhyPart[],
  scale = 1,
): WhyDef => ({ metric, kind: 'ratio', scale, num, den });

const perActiveWeek = (metric: MetricId, id: string, label: string, field: string): WhyDef =>
  ratio(metric, [one(id, label, field)], POOL, 7);

/** The tenure bands of the life table (src/sim/measure.ts): record suffix, days, words. */
const BANDS = [
  { b: 0, days: 30, words: 'in their first month' },
  { b: 1, days: 60, words: 'in months 2–3' },
  { b: 2, days: 275, words: 'in months 4–12' },
] as const;

/**
 * Retention or survival over the first `n` tenure bands: one part per band and cause, the
 * drivers who quit and those deactivated (for repeated no-shows).
 */
function hazards(metric: MetricId, n: number): WhyDef {
  const bands = BANDS.slice(0, n);
  return {
    metric,
    kind: 'hazards',
    scale: 1,
    num: bands.flatMap(({ b, words }) => [
      part(`quit${b}`, `New drivers quitting ${words}`, [
        [`tenureExits${b}`, 1],
        [`tenureDeactivated${b}`, -1],
      ]),
      one(`deactivated${b}`, `Deactivated ${words}`, `tenureDeactivated${b}`),
    ]),
    den: [],
    bands: bands.flatMap(({ b, days }) => {
      const band = { exposure: [[`tenureExposure${b}`, 1]] as Linear, days };
      return [band, band];
    }),
  };
}

export const WHY: readonly WhyDef[] = [
  {
    metric: 'onTimePackagesPerWeek',
    kind: 'shares',
    scale: 7,
    num: [one('demand', 'Packages due', 'demand'), ...negated(MISSES)],
    den: [one('days', 'days', 'days')],
  },
  {
    metric: 'onTimeRate',
    kind: 'shares',
    scale: 1,
    constant: 1,
    num: negated(MISSES),
    den: [one('demand', 'Packages due', 'demand')],
  },
  {
    metric: 'lateRate',
    kind: 'shares',
    scale: 1,
    num: MISSES,
    den: [one('demand', 'Packages due', 'demand')],
  },
  ratio(
    'failedAttemptRate',
    [one('failed', 'Failed attempts', 'failed')],
    [one('attempted', 'Attempts', 'attempted')],
  ),
  ratio(
    'sellerPromiseKeptRate',
    [one('kept', 'Seller packages on time', 'sellerOnTime')],
    [one('due', 'Seller packages due', 'sellerDemand')],
  ),
  {
    metric: 'activeDrivers',
    kind: 'shares',
    scale: 1,
    num: POOL,
    den: [one('days', 'days', 'days')],
  },
  {
    // Net hourly = (net pay per paid block hour) / (hours spent per paid block hour): the pay
    // rates on top, the unpaid and idle time below.
    metric: 'driverNetHourly',
    kind: 'ratio',
    scale: 1,
    per: [['paidHours', 1]],
    denConstant: 1,
    num: [
      one('base', 'Base pay per block hour', 'payBase'),
      one('surge', 'Surge pay per block hour', 'paySurge'),
      one('tips', 'Tips per block hour', 'payTips'),
      part('vehicle', 'Vehicle cost per block hour', [
        ['netEarnings', 1],
        ['payBase', -1],
        ['paySurge', -1],
        ['payTips', -1],
      ]),
    ],
    den: [
      one('idle', 'Early finishes (paid, not worked)', 'idleHours', -1),
      part('overrun', 'Unpaid overrun', [
        ['workHours', 1],
        ['paidHours', -1],
        ['idleHours', 1],
      ]),
      one('search', 'Unpaid search for blocks', 'searchHours'),
    ],
  },
  perActiveWeek('hoursPerActiveDriver', 'paidHours', 'Paid block hours', 'paidHours'),
  ratio(
    'blockScarcity',
    [
      part('beaten', 'Driver-days beaten to a block', [
        ['frustratedDays', 1],
        ['noFitDays', -1],
      ]),
    ],
    [one('wanted', 'Driver-days wanting a block', 'wantedDays')],
  ),
  ratio(
    'noFittingBlock',
    [one('noFit', 'Driver-days with no fitting block', 'noFitDays')],
    [one('wanted', 'Driver-days wanting a block', 'wantedDays')],
  ),
  perActiveWeek('hoursOfferedPerDriver', 'offered', 'Hours drivers would work', 'hoursOffered'),
  ratio(
    'weeklyChurnRate',
    [
      one('churned', 'Drivers who quit', 'churned'),
      one('deactivated', 'Deactivated', 'deactivated'),
    ],
    [
      one('pool', 'Pool at week starts', 'weekStartPool'),
      one('joined', 'Drivers who joined', 'joined'),
    ],
  ),
  hazards('retention90', 2),
  hazards('survival365', 3),
  {
    // A week's Gini is z + (1 − z)·G⁺: z the share of its drivers with no paid hours, G⁺ the
    // Gini among those who worked (src/sim/tallies.ts). The mean over weeks splits the same way.
    metric: 'hoursGini',
    kind: 'shares',
    scale: 7,
    num: [
      one('noHours', 'Drivers with no hours that week', 'giniNoHours'),
      part('uneven', 'Uneven hours among those who worked', [
        ['gini', 1],
        ['giniNoHours', -1],
      ]),
    ],
    den: [one('days', 'days', 'days')],
  },
  {
    // Applicants are drawn each day around base × ramp × pay heard × word of mouth
    // (src/sim/entry.ts); the record keeps the running products, then the count drawn.
    metric: 'applicantsWeekly',
    kind: 'factors',
    scale: 7,
    num: [
      one('base', 'Base recruiting rate', 'applicantsBase'),
      one('ramp', 'Recruiting ramp (peaks, waitlist)', 'applicantsRamped'),
      one('pay', 'Earnings drivers hear about', 'applicantsPaid'),
      one('wordOfMouth', 'Word of mouth from satisfied drivers', 'applicantsExpected'),
      one('chance', 'Chance in the day’s sign-ups', 'applicants'),
    ],
    den: [one('days', 'days', 'days')],
  },
  ratio(
    'activationRate',
    [one('activated', 'Applicants who worked a block', 'cohortActivated')],
    [one('applicants', 'Applicants', 'cohortApplicants')],
  ),
  ratio(
    'daysToFirstBlock',
    [one('days', 'Days waited', 'firstBlockDays')],
    [one('firsts', 'First blocks worked', 'firstBlocks')],
  ),
  ratio(
    'costPerPackage',
    [
      one('base', 'Base pay', 'payBase'),
      one('surge', 'Surge pay', 'paySurge'),
      one('tips', 'Tips', 'payTips'),
      one('fallback', 'Fallback carrier', 'fallbackCost'),
      one('overhead', 'Station overhead', 'overheadCost'),
    ],
    [
      part('drivers', 'Packages delivered by drivers', [
        ['onTime', 1],
        ['lateDelivered', 1],
      ]),
      part('fallbackPackages', 'Packages to the fallback', [
        ['fallback', 1],
        ['agedOut', 1],
      ]),
    ],
  ),
  ratio(
    'fillRate',
    [one('covered', 'Need covered by claims', 'needCovered')],
    [one('need', 'Capacity needed', 'needCapacity')],
  ),
  ratio(
    'timeToFillHours',
    [one('hours', 'Hours to claim', 'timeToFillSum')],
    [one('claimed', 'Blocks claimed', 'blocksClaimed')],
  ),
  ratio(
    'surgeSpendShare',
    [one('surge', 'Surge pay', 'paySurge')],
    [one('baseDen', 'Base pay', 'payBase'), one('surgeDen', 'Surge pay (in all pay)', 'paySurge')],
  ),
  {
    metric: 'fallbackShare',
    kind: 'shares',
    scale: 1,
    num: [
      one('sameDay', 'Overflow on the day', 'fallback'),
      one('agedOut', 'After waiting two days', 'agedOut'),
    ],
    // Over the packages leaving the station (delivered by a driver, on time or late, or handed
    // to the fallback), as the engine measures it (src/sim/measure.ts).
    den: [
      part('leaving', 'Packages leaving the station', [
        ['onTime', 1],
        ['lateDelivered', 1],
        ['fallback', 1],
        ['agedOut', 1],
      ]),
    ],
  },
  ratio(
    'backlogDays',
    [one('backlog', 'Packages waiting overnight', 'backlogEnd')],
    [one('demand', 'Packages due', 'demand')],
  ),
  ratio(
    'idlePaidHoursShare',
    [one('idle', 'Idle paid hours', 'idleHours')],
    [one('paid', 'Paid block hours', 'paidHours')],
  ),
  ratio(
    'belowFloorHoursShare',
    [one('below', 'Hours below the floor', 'belowFloorHours')],
    [one('work', 'Hours worked', 'workHours')],
  ),
  perActiveWeek('unpaidOverrunHoursPerDriver', 'overrun', 'Unpaid overrun hours', 'overrunHours'),
  ratio(
    'unsafePaceShare',
    [one('unsafe', 'Routes above the safe pace', 'unsafeBlocks')],
    [one('worked', 'Blocks worked', 'blocksWorked')],
  ),
];

/** The parts of a decomposition, in the order they are carried and drawn. */
export function whyParts(def: WhyDef): readonly WhyPart[] {
  return def.kind === 'ratio' ? [...def.num, ...def.den] : def.num;
}

export const WHY_BY_METRIC: ReadonlyMap<MetricId, WhyDef> = new Map(WHY.map((d) => [d.metric, d]));

/** Where each metric's parts start in the arrays of all parts (`Why.parts`). */
export const WHY_OFFSET: ReadonlyMap<MetricId, number> = (() => {
  const out = new Map<MetricId, number>();
  let k = 0;
  for (const d of WHY) {
    out.set(d.metric, k);
    k += whyParts(d).length;
  }
  return out;
})();

export const WHY_PART_COUNT = WHY.reduce((n, d) => n + whyParts(d).length, 0);

/**
 * The decompositions of a comparison, per period: every metric's parts (at `WHY_OFFSET`, in
 * `whyParts` order) and every measured node's change (in `WHY_NODES` order), each a paired
 * mean with its 95% interval across replications.
 */
export interface Why {
  readonly parts: Readonly<Record<WhyPeriod, IntervalArrays>>;
  readonly nodes: Readonly<Record<WhyPeriod, IntervalArrays>>;
}

/**
 * The metric table: the success-metrics tree of docs/MODEL.md section 7, one row per metric.
 * The engine computes metrics in this order; the UI, the runner and the docs read it.
 */

export type Stakeholder =
  'northStar' | 'customers' | 'merchants' | 'drivers' | 'operator' | 'guardrails';

export interface MetricDef {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly stakeholder: Stakeholder;
  /** 'up' when higher is better, 'down' when lower is better. */
  readonly better: 'up' | 'down';
  readonly definition: string;
  /** Guardrail threshold: a value on the wrong side of it is a breach. */
  readonly guardrail?: { readonly threshold: number; readonly meaning: string };
  /**
   * The smallest change that matters (docs/MODEL.md section 7): `abs` in the metric's units
   * (shares as fractions), or `rel` as a fraction of the baseline's value in the same period.
   */
  readonly minChange: { readonly abs: number } | { readonly rel: number };
  /** Digits shown in the UI and kept in snapshots. */
  readonly digits: number;
  /** Shown as a percentage when the unit is a share. */
  readonly percent?: boolean;
}

export const STAKEHOLDERS: readonly { id: Stakeholder; label: string; meaning: string }[] = [
  { id: 'northStar', label: 'North Star', meaning: 'The one number the service lives by.' },
  { id: 'customers', label: 'Customers', meaning: 'Packages arrive when promised.' },
  { id: 'merchants', label: 'Merchants', meaning: 'Marketplace sellers’ promises are kept.' },
  { id: 'drivers', label: 'Drivers', meaning: 'Enough work, paid fairly, shared evenly.' },
  { id: 'operator', label: 'Operator', meaning: 'Capacity at a sustainable cost.' },
  {
    id: 'guardrails',
    label: 'Guardrails',
    meaning: 'Counter-metrics that must not degrade while the North Star moves.',
  },
];

export const METRICS = [
  {
    id: 'onTimePackagesPerWeek',
    label: 'On-time packages per week',
    unit: 'packages/week',
    stakeholder: 'northStar',
    better: 'up',
    minChange: { rel: 0.01 },
    definition:
      'Packages delivered by their promise date in a week, by drivers or the fallback carrier.',
    digits: 0,
  },
  {
    id: 'onTimeRate',
    label: 'On-time rate',
    unit: 'share',
    stakeholder: 'customers',
    better: 'up',
    minChange: { abs: 0.005 },
    definition: 'Share of the week’s packages delivered by their promise date.',
    digits: 4,
    percent: true,
  },
  {
    id: 'lateRate',
    label: 'Late rate',
    unit: 'share',
    stakeholder: 'customers',
    better: 'down',
    minChange: { abs: 0.005 },
    definition:
      'Share of the week’s packages that miss their promise date (delivered a day or more late).',
    digits: 4,
    percent: true,
  },
  {
    id: 'failedAttemptRate',
    label: 'Failed attempts',
    unit: 'share',
    stakeholder: 'customers',
    better: 'down',
    minChange: { abs: 0.002 },
    definition:
      'Share of delivery attempts that fail (nobody home, no access); failed packages are re-attempted.',
    digits: 4,
    percent: true,
  },
  {
    id: 'sellerPromiseKeptRate',
    label: 'Seller promises kept',
    unit: 'share',
    stakeholder: 'merchants',
    better: 'up',
    minChange: { abs: 0.005 },
    definition: 'Share of marketplace sellers’ packages delivered by their promise date.',
    digits: 4,
    percent: true,
  },
  {
    id: 'activeDrivers',
    label: 'Active drivers',
    unit: 'drivers',
    stakeholder: 'drivers',
    better: 'up',
    minChange: { rel: 0.02 },
    definition: 'Drivers in the active pool, averaged over the days of the period.',
    digits: 0,
  },
  {
    id: 'driverNetHourly',
    label: 'Driver net hourly',
    unit: '$/h',
    stakeholder: 'drivers',
    better: 'up',
    minChange: { abs: 0.25 },
    definition:
      'Realised earnings after vehicle cost, per hour actually spent: station wait, route, unpaid overrun and search time.',
    digits: 2,
  },
  {
    id: 'hoursPerActiveDriver',
    label: 'Hours per active driver',
    unit: 'h/week',
    stakeholder: 'drivers',
    better: 'up',
    minChange: { abs: 0.25 },
    definition: 'Paid block hours per active driver per week.',
    digits: 2,
  },
  {
    id: 'blockScarcity',
    label: 'Beaten to a block',
    unit: 'share',
    stakeholder: 'drivers',
    better: 'down',
    minChange: { abs: 0.01 },
    definition:
      'Share of driver-days on which a driver wanted a block at the offered pay and got none, though a planned block fitted their hours and pay: others claimed it first.',
    digits: 4,
    percent: true,
  },
  {
    id: 'noFittingBlock',
    label: 'No block fitting my window',
    unit: 'share',
    stakeholder: 'drivers',
    better: 'down',
    minChange: { abs: 0.01 },
    definition:
      'Share of driver-days on which a driver wanted a block at the offered pay and got none because no planned block fitted their window, week and pay: a mismatch.',
    digits: 4,
    percent: true,
  },
  {
    id: 'retention90',
    label: '90-day retention',
    unit: 'share',
    stakeholder: 'drivers',
    better: 'up',
    minChange: { abs: 0.01 },
    definition:
      'Share of newly active drivers still active 90 days later: a life table of the exit rates of drivers in their first 30 days and days 30–89.',
    digits: 4,
    percent: true,
  },
  {
    id: 'survival365',
    label: 'One-year survival',
    unit: 'share',
    stakeholder: 'drivers',
    better: 'up',
    minChange: { abs: 0.01 },
    definition:
      'Share of newly active drivers still active a year later: the 90-day life table continued with the exit rate of drivers in days 90–364.',
    digits: 4,
    percent: true,
  },
  {
    id: 'hoursOfferedPerDriver',
    label: 'Hours offered per driver',
    unit: 'h/week',
    stakeholder: 'drivers',
    better: 'up',
    minChange: { abs: 0.25 },
    definition:
      'Hours a week active drivers would work at the offered pay (on the days they look), whether or not demand gives them blocks: the labour supply.',
    digits: 2,
    percent: false,
  },
  {
    id: 'weeklyChurnRate',
    label: 'Weekly churn',
    unit: 'share/week',
    stakeholder: 'drivers',
    better: 'down',
    minChange: { abs: 0.001 },
    definition:
      'Drivers who quit or are deactivated in a week, over the drivers at risk: the active pool at the start of the week and those who joined during it (so never above 100%).',
    guardrail: { threshold: 0.03, meaning: 'More than 3% of the pool leaving a week.' },
    digits: 4,
    percent: true,
  },
  {
    id: 'hoursGini',
    label: 'Hours inequality (Gini)',
    unit: 'index',
    stakeholder: 'drivers',
    better: 'down',
    minChange: { abs: 0.01 },
    definition:
      'Gini coefficient of paid hours across active drivers in a week (0 even, 1 one driver has all).',
    digits: 3,
  },
  {
    id: 'applicantsWeekly',
    label: 'Applicants per week',
    unit: 'people/week',
    stakeholder: 'drivers',
    better: 'up',
    minChange: { rel: 0.05 },
    definition: 'People who sign up to drive in a week: the first step of the driver funnel.',
    digits: 1,
  },
  {
    id: 'activationRate',
    label: 'Activation rate',
    unit: 'share',
    stakeholder: 'drivers',
    better: 'up',
    minChange: { abs: 0.01 },
    definition:
      'Share of applicants who work a first block within three weeks after onboarding ends, counted for each day’s applicants once that window has closed.',
    digits: 4,
    percent: true,
  },
  {
    id: 'daysToFirstBlock',
    label: 'Days to first block',
    unit: 'days',
    stakeholder: 'drivers',
    better: 'down',
    minChange: { abs: 1 },
    definition:
      'Mean days from sign-up to the first block worked (waitlist, onboarding, finding a block), over the first blocks worked in the period.',
    digits: 1,
  },
  {
    id: 'costPerPackage',
    label: 'Cost per package',
    unit: '$/package',
    stakeholder: 'operator',
    better: 'down',
    minChange: { abs: 0.02 },
    definition:
      'Driver pay, surge, tips passed on, fallback and station overhead, per package delivered.',
    guardrail: { threshold: 2.5, meaning: 'Cost per package above $2.50.' },
    digits: 3,
  },
  {
    id: 'fillRate',
    label: 'Fill rate',
    unit: 'share',
    stakeholder: 'operator',
    better: 'up',
    minChange: { abs: 0.005 },
    definition:
      'Share of the day’s fresh need (route capacity for the forecast plus buffer) covered by blocks claimed by their start, at most 100% a day; blocks for the backlog do not count.',
    digits: 4,
    percent: true,
  },
  {
    id: 'timeToFillHours',
    label: 'Time to fill',
    unit: 'h',
    stakeholder: 'operator',
    better: 'down',
    minChange: { abs: 0.25 },
    definition: 'Mean hours from a block’s release to its claim, over blocks claimed.',
    digits: 2,
  },
  {
    id: 'surgeSpendShare',
    label: 'Surge spend',
    unit: 'share',
    stakeholder: 'operator',
    better: 'down',
    minChange: { abs: 0.005 },
    definition: 'Surge pay as a share of all block pay.',
    digits: 4,
    percent: true,
  },
  {
    id: 'fallbackShare',
    label: 'Fallback share',
    unit: 'share',
    stakeholder: 'operator',
    better: 'down',
    minChange: { abs: 0.005 },
    definition:
      'Share of the packages leaving the station (delivered or handed over) that went to the fallback carrier: on the day when no driver can take them, or after two days waiting.',
    digits: 4,
    percent: true,
  },
  {
    id: 'backlogDays',
    label: 'Backlog',
    unit: 'days of demand',
    stakeholder: 'operator',
    better: 'down',
    minChange: { abs: 0.01 },
    definition:
      'Packages waiting at the station at the end of the day, in days of demand (0.1 = a tenth of a day’s packages). A package waits at most two days before the fallback carrier takes it.',
    guardrail: {
      threshold: 0.25,
      meaning:
        'More than a quarter of a day’s packages left waiting overnight: the station is short of drivers.',
    },
    digits: 3,
  },
  {
    id: 'idlePaidHoursShare',
    label: 'Idle paid hours',
    unit: 'share',
    stakeholder: 'operator',
    better: 'down',
    minChange: { abs: 0.01 },
    definition:
      'Share of paid block hours left over after the route was done (early finishes keep full pay).',
    digits: 4,
    percent: true,
  },
  {
    id: 'belowFloorHoursShare',
    label: 'Hours below wage floor',
    unit: 'share',
    stakeholder: 'guardrails',
    better: 'down',
    minChange: { abs: 0.01 },
    definition:
      'Share of driver hours worked in blocks whose realised net hourly is under the wage floor.',
    guardrail: { threshold: 0.1, meaning: 'More than 10% of hours below the floor.' },
    digits: 4,
    percent: true,
  },
  {
    id: 'unpaidOverrunHoursPerDriver',
    label: 'Unpaid overrun per driver',
    unit: 'h/week',
    stakeholder: 'guardrails',
    better: 'down',
    minChange: { abs: 0.05 },
    definition: 'Hours worked past the block end without pay, per active driver per week.',
    guardrail: { threshold: 0.25, meaning: 'More than 15 unpaid minutes a driver a week.' },
    digits: 3,
  },
  {
    id: 'unsafePaceShare',
    label: 'Unsafe-pace routes',
    unit: 'share',
    stakeholder: 'guardrails',
    better: 'down',
    minChange: { abs: 0.005 },
    definition: 'Share of worked blocks whose route needs a pace above the safe pace.',
    guardrail: { threshold: 0.05, meaning: 'More than 5% of routes above the safe pace.' },
    digits: 4,
    percent: true,
  },
] as const satisfies readonly MetricDef[];

export type MetricId = (typeof METRICS)[number]['id'];

export const METRIC_COUNT = METRICS.length;

export const METRIC_INDEX: Readonly<Record<MetricId, number>> = Object.fromEntries(
  METRICS.map((m, i) => [m.id, i]),
) as Record<MetricId, number>;

export const METRIC_BY_ID: ReadonlyMap<string, MetricDef> = new Map(
  (METRICS as readonly MetricDef[]).map((m) => [m.id, m]),
);

/** Guardrail metrics in the tree: those with a threshold, in table order. */
export const GUARDRAIL_IDS: readonly MetricId[] = METRICS.filter(
  (m: MetricDef) => m.guardrail !== undefined,
).map((m) => m.id);

/** Whether a value breaches the metric's guardrail (false when it has none). */
export function breachesGuardrail(metric: MetricDef, value: number): boolean {
  if (!metric.guardrail) return false;
  return metric.better === 'down'
    ? value > metric.guardrail.threshold
    : value < metric.guardrail.threshold;
}

/**
 * The lab's metrics (docs/MODEL.md "The experiment lab"): each measured over a set of days of
 * a run's lab record (src/model/lab-record.ts), for the whole market (the truth: all treated
 * vs all control), and as the naive estimate each design can make from inside one market:
 * treated minus control, per driver (driver split, both sides), per block (block split), or
 * per day (switchback), scaled to the market where the metric is a total.
 */
import type { ExperimentDesign } from './experiment';
import { LAB } from './lab-record';
import type { MetricId } from './metrics';

export type LabMetricId =
  | 'onTimePackagesPerWeek'
  | 'hoursPerDriver'
  | 'netHourly'
  | 'weeklyChurn'
  | 'fillRate'
  | 'costPerPackage';

export interface LabMetricDef {
  readonly id: LabMetricId;
  readonly label: string;
  readonly unit: string;
  readonly digits: number;
  /** The North Star (weighed in the recommendation) or another metric shown. */
  readonly role: 'northStar' | 'shown';
  /**
   * The app's metric this one measures, as the lab's record can: a guardrail of the app
   * (src/model/guardrails.ts) is weighed in the recommendation against its threshold in force.
   */
  readonly appMetric?: MetricId;
  /** The designs that can estimate it. */
  readonly designs: readonly ExperimentDesign[];
  readonly percent?: boolean;
}

export const LAB_METRICS: readonly LabMetricDef[] = [
  {
    id: 'onTimePackagesPerWeek',
    label: 'On-time packages per week',
    unit: 'packages/week',
    digits: 0,
    role: 'northStar',
    appMetric: 'onTimePackagesPerWeek',
    designs: ['driver', 'block', 'both', 'switchback'],
  },
  {
    id: 'netHourly',
    label: 'Driver net pay per hour worked',
    unit: '$/h',
    digits: 2,
    role: 'shown',
    designs: ['driver', 'both', 'switchback'],
  },
  {
    id: 'weeklyChurn',
    label: 'Weekly churn',
    unit: 'share/week',
    digits: 4,
    role: 'shown',
    appMetric: 'weeklyChurnRate',
    designs: ['driver', 'both', 'switchback'],
    percent: true,
  },
  {
    id: 'costPerPackage',
    label: 'Cost per on-time package',
    unit: '$/package',
    digits: 3,
    role: 'shown',
    appMetric: 'costPerPackage',
    designs: ['switchback'],
  },
  {
    id: 'hoursPerDriver',
    label: 'Paid hours per driver-week',
    unit: 'h/week',
    digits: 2,
    role: 'shown',
    designs: ['driver', 'both', 'switchback'],
  },
  {
    id: 'fillRate',
    label: 'Blocks filled by their start',
    unit: 'share',
    digits: 4,
    role: 'shown',
    appMetric: 'fillRate',
    designs: ['block', 'both', 'switchback'],
    percent: true,
  },
];

export const LAB_METRIC_COUNT = LAB_METRICS.length;

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}

/** Sums of the lab record's rows over days [0, to) whose arm row is in `arms` (all if none). */
export function labSums(
  lab: Float64Array,
  days: number,
  to: number,
  arm?: number,
): { sum: (row: number) => number; n: number } {
  const keep: number[] = [];
  for (let d = 0; d < to; d++)
    if (arm === undefined || lab[LAB.arm * days + d] === arm) keep.push(d);
  return {
    n: keep.length,
    sum: (row) => {
      let s = 0;
      for (const d of keep) s += lab[row * days + d];
      return s;
    },
  };
}

/** Every lab metric over days [0, to) (those of day arm `arm` only, when given). */
export function labValues(lab: Float64Array, days: number, to: number, arm?: number): number[] {
  const { sum, n } = labSums(lab, days, to, arm);
  const active = sum(LAB.active);
  const onTime = sum(LAB.onTime);
  return LAB_METRICS.map((m) => {
    switch (m.id) {
      case 'onTimePackagesPerWeek':
        return ratio(onTime, n / 7);
      case 'hoursPerDriver':
        return ratio(7 * sum(LAB.paid), active);
      case 'netHourly':
        return ratio(sum(LAB.net), sum(LAB.work));
      case 'weeklyChurn':
        return ratio(7 * sum(LAB.exits), active);
      case 'fillRate':
        return ratio(sum(LAB.claimed), sum(LAB.offered));
      case 'costPerPackage':
        return ratio(sum(LAB.cost), onTime);
    }
  });
}

/** Treated minus control of a ratio whose treated parts are rows `xa`, `xb` of totals `a`, `b`. */
function split(sum: (row: number) => number, a: number, xa: number, b: number, xb: number): number {
  return ratio(sum(xa), sum(xb)) - ratio(sum(a) - sum(xa), sum(b) - sum(xb));
}

/**
 * The naive estimate of each lab metric's effect (NaN where the design cannot estimate it)
 * from an experiment run's lab record over days [0, to).
 */
export function naiveEstimates(
  lab: Float64Array,
  days: number,
  to: number,
  design: ExperimentDesign,
): number[] {
  if (design === 'switchback') {
    const t = labValues(lab, days, to, 1);
    const c = labValues(lab, days, to, 0);
    return t.map((v, k) => v - c[k]);
  }
  const { sum, n } = labSums(lab, days, to);
  const weeks = n / 7;
  // Packages delivered by drivers, counted on time as the market's share of them is.
  const onTimeShare = ratio(sum(LAB.onTime), sum(LAB.delivered));
  const byDriver = design !== 'block';
  return LAB_METRICS.map((m) => {
    if (!m.designs.includes(design)) return NaN;
    switch (m.id) {
      case 'onTimePackagesPerWeek':
        // Per driver-day (or per block offered), treated minus control, times the market's.
        return byDriver
          ? split(sum, LAB.delivered, LAB.xDelivered, LAB.active, LAB.xActive) *
              ratio(sum(LAB.active), weeks) *
              onTimeShare
          : split(sum, LAB.delivered, LAB.xDeliveredOnBlocks, LAB.offered, LAB.xOffered) *
              ratio(sum(LAB.offered), weeks) *
              onTimeShare;
      case 'hoursPerDriver':
        return 7 * split(sum, LAB.paid, LAB.xPaid, LAB.active, LAB.xActive);
      case 'netHourly':
        return split(sum, LAB.net, LAB.xNet, LAB.work, LAB.xWork);
      case 'weeklyChurn':
        return 7 * split(sum, LAB.exits, LAB.xExits, LAB.active, LAB.xActive);
      case 'fillRate':
        return split(sum, LAB.claimed, LAB.xClaimed, LAB.offered, LAB.xOffered);
      case 'costPerPackage':
        return NaN;
    }
  });
}

/** Which side of the market is scarce (from the control's run). */
export interface MarketBalance {
  /** Share of blocks offered left unclaimed at their start. */
  readonly unfilledShare: number;
  /** Share of driver-days that wanted a block and were beaten to one (one fitted and paid). */
  readonly beatenShare: number;
  readonly scarce: 'blocks' | 'drivers' | 'neither';
  readonly text: string;
}

/** The market balance from a control run's sums over the test's days. */
export function marketBalance(unfilledShare: number, beatenShare: number): MarketBalance {
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const facts = `${pct(beatenShare)} of driver-days that wanted a block were beaten to one; ${pct(unfilledShare)} of blocks went unclaimed`;
  if (beatenShare < 0.02 && unfilledShare < 0.02) {
    return { unfilledShare, beatenShare, scarce: 'neither', text: `Balanced: ${facts}.` };
  }
  const scarce = beatenShare >= unfilledShare ? 'blocks' : 'drivers';
  const text =
    scarce === 'blocks'
      ? `Blocks are scarce: ${facts}. A driver split overstates a pay rise (treated drivers take blocks from the controls).`
      : `Drivers are scarce: ${facts}. A block split overstates a pay rise (treated blocks draw drivers from the controls).`;
  return { unfilledShare, beatenShare, scarce, text };
}

/** The balance sums of a control run over days [0, to): unfilled and beaten shares. */
export function balanceShares(lab: Float64Array, days: number, to: number): [number, number] {
  const { sum } = labSums(lab, days, to);
  return [
    1 - ratio(sum(LAB.claimed), sum(LAB.offered)),
    ratio(sum(LAB.frustrated) - sum(LAB.noFit), sum(LAB.wanted)),
  ];
}

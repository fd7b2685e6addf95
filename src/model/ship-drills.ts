/**
 * Ship-or-not drills (docs/PRACTICE.md): a proposal, the criteria the candidate states before
 * the reveal (the metric that must get better, two or three that must not get worse, and the
 * run length they judge on), then the call: ship, ship with a change, don't ship. The call is
 * graded against the candidate's own criteria applied to the simulation (callOf, arc.ts), and
 * the reveal shows what the same criteria say on the other run length. Each drill also carries
 * a strong candidate's criteria; under them the short-run and the long-run calls disagree in at
 * least a third of the drills (measured on the code's fixed runs; tests/model/ship-drills).
 */
import { callOf, type Call, type Criteria } from './arc';
import type { MetricId } from './metrics';
import type { Prompt } from './prompts';
import type { RunLength, Truth } from './scoring';

export interface ShipDrill extends Prompt {
  /** The criteria a strong candidate states for this proposal. */
  readonly criteria: Criteria;
}

const ASKED: readonly MetricId[] = [
  'onTimePackagesPerWeek',
  'costPerPackage',
  'onTimeRate',
  'fillRate',
  'fallbackShare',
  'driverNetHourly',
  'activeDrivers',
  'weeklyChurnRate',
  'unpaidOverrunHoursPerDriver',
  'lateRate',
];

function drill(d: Omit<ShipDrill, 'metrics'>): ShipDrill {
  return { ...d, metrics: ASKED };
}

export const SHIP_DRILLS: readonly ShipDrill[] = [
  drill({
    id: 'ship-pay-cut',
    title: 'Cut pay per hour by 10% ($22 to $19.80) to lower the cost per package',
    difficulty: 'hard',
    key: { mechanisms: ['payCost', 'paySupply', 'fallback'], reversal: true, trap: true },
    context: 'Finance wants the saving this quarter; the driver pool is a slow-moving stock.',
    changes: { payPerHour: 19.8 },
    criteria: { goal: 'costPerPackage', guardrails: ['onTimePackagesPerWeek', 'activeDrivers'] },
  }),
  drill({
    id: 'ship-pool-cap',
    title: 'Cap the driver pool at 600 so that each driver gets more hours and earns more',
    difficulty: 'hard',
    key: { mechanisms: ['crowding', 'churn', 'fallback'], reversal: true, trap: true },
    context: 'Drivers say there are too many of them for the blocks; 800 are active today.',
    changes: { poolCap: 600 },
    criteria: { goal: 'driverNetHourly', guardrails: ['onTimePackagesPerWeek', 'fillRate'] },
  }),
  drill({
    id: 'ship-pay-rise',
    title: 'Raise pay per hour from $22 to $26 to grow the driver pool',
    difficulty: 'hard',
    key: { mechanisms: ['payCost', 'paySupply', 'crowding'], reversal: true },
    context: 'Recruiting wants a bigger pool before next year’s growth.',
    changes: { payPerHour: 26 },
    criteria: { goal: 'activeDrivers', guardrails: ['costPerPackage', 'weeklyChurnRate'] },
  }),
  drill({
    id: 'ship-release-week',
    title: 'Release blocks a week ahead (from 2 days) so drivers can plan and earn more',
    difficulty: 'hard',
    key: { mechanisms: ['release', 'fallback'], reversal: true },
    context: 'Drivers ask to plan their week; scheduling proposes 7-day releases.',
    changes: { releaseLeadDays: 7 },
    criteria: { goal: 'driverNetHourly', guardrails: ['fallbackShare', 'onTimeRate'] },
  }),
  drill({
    id: 'ship-long-blocks',
    title: 'Move to 5-hour blocks (from 3.5 hours) to cut station overhead per package',
    difficulty: 'hard',
    key: { mechanisms: ['fit', 'overhead', 'fallback'], competing: true },
    context: 'Operations wants fewer, longer blocks.',
    changes: { blockHours: 5 },
    criteria: { goal: 'costPerPackage', guardrails: ['onTimePackagesPerWeek', 'fillRate'] },
  }),
  drill({
    id: 'ship-no-buffer',
    title: 'Drop the capacity buffer over the forecast (from 5% to 0%) to save paid hours',
    difficulty: 'medium',
    key: { mechanisms: ['capacity', 'fallback'] },
    context: 'Idle paid hours show up in the monthly review.',
    changes: { capacityBuffer: 0 },
    criteria: { goal: 'costPerPackage', guardrails: ['onTimeRate', 'fallbackShare'] },
  }),
  drill({
    id: 'ship-no-overrun',
    title: 'End every route with its block (no running over) to stop unpaid overtime',
    difficulty: 'medium',
    key: { mechanisms: ['capacity', 'fallback'] },
    context: 'Drivers’ advocates report unpaid time at the end of long routes.',
    changes: { maxOverrunHours: 0 },
    criteria: {
      goal: 'unpaidOverrunHoursPerDriver',
      guardrails: ['onTimePackagesPerWeek', 'costPerPackage'],
    },
  }),
  drill({
    id: 'ship-one-strike',
    title: 'Deactivate drivers after a single no-show (from three) to raise reliability',
    difficulty: 'hard',
    key: { mechanisms: ['churn', 'paySupply', 'fallback'], trap: true },
    context: 'A no-show leaves a route to the fallback carrier at short notice.',
    changes: { strikesToDeactivate: 1 },
    criteria: { goal: 'onTimeRate', guardrails: ['activeDrivers', 'fillRate'] },
  }),
  drill({
    id: 'ship-surge-off',
    title: 'Switch off surge pay before peak season to save its premium',
    difficulty: 'easy',
    key: { mechanisms: ['surge'] },
    context: 'Both runs start in week 44, before Black Friday.',
    changes: { surgeEnabled: false },
    setting: { startWeek: 44 },
    weeks: 12,
    criteria: { goal: 'costPerPackage', guardrails: ['onTimePackagesPerWeek', 'lateRate'] },
  }),
];

export const SHIP_DRILL_BY_ID: ReadonlyMap<string, ShipDrill> = new Map(
  SHIP_DRILLS.map((d) => [d.id, d]),
);

/** The calls criteria give in the short and the long run, and whether they disagree. */
export function shipCalls(
  truths: readonly Truth[],
  criteria: Criteria,
): Readonly<Record<RunLength, Call>> & { readonly disagree: boolean } {
  const short = callOf(truths, criteria, 'short').call;
  const long = callOf(truths, criteria, 'long').call;
  return { short, long, disagree: short !== long };
}

/** What the candidate states before the reveal, and the call. */
export interface ShipAnswer {
  readonly criteria: Criteria;
  readonly horizon: RunLength;
  readonly call: Call | '';
  readonly reason: string;
}

export interface ShipGrade {
  /** 0–1: 0.75 for the call the criteria give at the horizon, 0.25 for a reason. */
  readonly score: number;
  readonly right: boolean;
  /** What the candidate's criteria give at their horizon and at the other. */
  readonly atHorizon: ReturnType<typeof callOf>;
  readonly other: ReturnType<typeof callOf>;
  /** The strong candidate's criteria, short and long run. */
  readonly model: ReturnType<typeof shipCalls>;
}

/** Grades a ship-or-not answer against the criteria the candidate stated. */
export function gradeShip(d: ShipDrill, truths: readonly Truth[], a: ShipAnswer): ShipGrade {
  const atHorizon = callOf(truths, a.criteria, a.horizon);
  const other = callOf(truths, a.criteria, a.horizon === 'long' ? 'short' : 'long');
  const right = a.call === atHorizon.call;
  return {
    score: (right ? 0.75 : 0) + (a.reason.trim().length > 0 ? 0.25 : 0),
    right,
    atHorizon,
    other,
    model: shipCalls(truths, d.criteria),
  };
}

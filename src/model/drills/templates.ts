/**
 * The root-cause drills' hidden causes (docs/PRACTICE.md): each a change of the engine's own
 * parameters from a week on, what it moves first (the headline the drill opens with), the
 * fixes that answer it, and its signature: how each measure a strong candidate would look at
 * should move if this is the cause. The signatures are the mechanisms' predictions, written
 * from the model, not read off runs; tests/model/drills.test.ts checks them against runs.
 */
import type { Params } from '../params';
import type { Move } from './features';

/** A signature's entry: a move, or `any` where the cause may move a measure either way. */
export type Expect = Move | 'any';

export type FixId =
  | 'raisePay'
  | 'mileageSupplement'
  | 'recruit'
  | 'raiseBuffer'
  | 'shorterBlocks'
  | 'addLoading'
  | 'cutLoadTime'
  | 'releaseEarlier'
  | 'surgeOn'
  | 'raiseSurgeCap'
  | 'restoreReserved'
  | 'speedOnboarding'
  | 'followUpSignups'
  | 'commitBlocks'
  | 'fixAccess'
  | 'restoreFallback'
  | 'fixRouting'
  | 'relaxDeactivation'
  | 'allowOverrun'
  | 'trimBuffer'
  | 'capPool';

export const FIXES: Readonly<Record<FixId, string>> = {
  raisePay: 'Raise pay per block hour',
  mileageSupplement: 'Pay a mileage supplement for vehicle costs',
  recruit: 'Recruit more drivers (referral bonus, advertising)',
  raiseBuffer: 'Plan a larger capacity buffer over the forecast',
  shorterBlocks: 'Go back to shorter blocks',
  addLoading: 'Add loading capacity at the station (or spread the start times)',
  cutLoadTime: 'Cut the loading time (pre-staged carts, more loaders per van)',
  releaseEarlier: 'Release blocks earlier',
  surgeOn: 'Turn surge pay back on',
  raiseSurgeCap: 'Raise the surge cap back',
  restoreReserved: 'Restore reserved offers for reliable drivers',
  speedOnboarding: 'Speed up onboarding (background checks, app set-up)',
  followUpSignups: 'Follow up new sign-ups through activation',
  commitBlocks: 'Curb no-shows (more reserved, committed blocks; reminders)',
  fixAccess: 'Fix delivery access (lockers, access codes, address data)',
  restoreFallback: 'Restore the fallback carrier’s capacity',
  fixRouting: 'Fix the routes’ pace (routing, parking, road works detours)',
  relaxDeactivation: 'Relax the deactivation rule',
  allowOverrun: 'Let routes run past the block end again (paid)',
  trimBuffer: 'Plan closer to the forecast (a smaller capacity buffer)',
  capPool: 'Pause onboarding (cap the pool) until volume returns',
};

/** The metrics a drill opens with: "<headline> has moved since week W". */
export type HeadlineId =
  | 'onTimeRate'
  | 'costPerPackage'
  | 'active'
  | 'netPerHour'
  | 'fillRate'
  | 'joined'
  | 'frustratedShare';

export interface DrillTemplate {
  readonly id: string;
  /** The cause as the candidate names it, from the list of all causes. */
  readonly cause: string;
  /** Causes of one family (pay, supply, planning, release, station, funnel, road) share half credit. */
  readonly family: 'pay' | 'supply' | 'planning' | 'release' | 'station' | 'funnel' | 'road';
  /** The hidden change, from the change week on. */
  readonly change: Partial<Params>;
  readonly headline: HeadlineId;
  readonly fixes: readonly FixId[];
  /** One sentence: the mechanism, as the feedback explains it. */
  readonly mechanism: string;
  /** How the measures move if this is the cause (features.ts ids); unlisted ones may do anything. */
  readonly signature: Readonly<Record<string, Expect>>;
}

/**
 * The measures every cause is expected to leave flat unless its signature says otherwise: each
 * is moved by few causes, so any of them moving or holding tells causes apart.
 */
export const PRIMARY: ReadonlySet<string> = new Set([
  'demand',
  'planCover',
  'planErrorSd',
  'blockHours',
  'noShowRate',
  'waitQuiet',
  'waitSpread',
  'basePerHour',
  'vehiclePerHour',
  'failedRate',
  'packagesPerBlock',
  'hoursPerDriver',
  'returnedPerBlock',
]);

/** What template t expects of a measure: its signature's entry, else flat for a primary one. */
export function expectation(t: DrillTemplate, feature: string): Move | undefined {
  const e = t.signature[feature] ?? (PRIMARY.has(feature) ? 'flat' : undefined);
  return e === 'any' ? undefined : e;
}

export const TEMPLATES: readonly DrillTemplate[] = [
  {
    id: 'competitorPay',
    cause: 'A competitor raised its pay: drivers’ outside options pay more',
    family: 'supply',
    change: { outsideWage: 20.5 },
    headline: 'fillRate',
    fixes: ['raisePay'],
    mechanism:
      'Drivers now ask more for an hour than the block nets them: fewer want blocks at the offered pay, sign-ups fall and blocks go unclaimed.',
    signature: { wantShare: 'down', hoursPerDriver: 'down', noFitShare: 'flat', fillRate: 'down' },
  },
  {
    id: 'payCut',
    cause: 'Base pay per block hour was cut',
    family: 'pay',
    change: { payPerHour: 17.5 },
    headline: 'fillRate',
    fixes: ['raisePay'],
    mechanism:
      'Each block nets less: fewer drivers want one at the offered pay, the pool shrinks and blocks go unclaimed, though each package costs less.',
    signature: { basePerHour: 'down', wantShare: 'down', hoursPerDriver: 'down', fillRate: 'down' },
  },
  {
    id: 'fuelCost',
    cause: 'Fuel and vehicle costs rose',
    family: 'pay',
    change: { vehicleCostPerMile: 0.65 },
    headline: 'netPerHour',
    fixes: ['mileageSupplement', 'raisePay'],
    mechanism:
      "The same pay nets drivers less after their vehicle costs, so fewer want blocks; the operator's pay per hour has not moved.",
    signature: {
      vehiclePerHour: 'up',
      netPerHour: 'down',
      wantShare: 'down',
      hoursPerDriver: 'down',
    },
  },
  {
    id: 'demandShock',
    cause: 'Volume jumped (a new client)',
    family: 'planning',
    change: { demandPerDay: 10000 },
    headline: 'onTimeRate',
    fixes: ['recruit', 'raisePay'],
    mechanism:
      'The plan follows the larger forecast, but the same pool of drivers cannot claim the extra blocks: more go unfilled and packages miss.',
    signature: { demand: 'up', fillRate: 'down', blocksPerK: 'up' },
  },
  {
    id: 'forecastError',
    cause: 'The forecast got worse (a new forecasting model)',
    family: 'planning',
    change: { forecastError: 0.22 },
    headline: 'onTimeRate',
    fixes: ['raiseBuffer'],
    mechanism:
      'Volume misses the plan by more each day: on days above it the routes run out of room, on days below blocks idle.',
    signature: { planErrorSd: 'up', planCover: 'any', blocksPerK: 'flat' },
  },
  {
    id: 'bufferCut',
    cause: 'The capacity buffer over the forecast was cut',
    family: 'planning',
    change: { capacityBuffer: -0.1 },
    headline: 'onTimeRate',
    fixes: ['raiseBuffer'],
    mechanism:
      'The plan now offers less route capacity than the forecast needs: blocks fill easily but packages find no room.',
    signature: { planCover: 'down', shortDays: 'up', fillRate: 'up', blocksPerK: 'down' },
  },
  {
    id: 'longerBlocks',
    cause: 'The typical block was made longer',
    family: 'release',
    change: { blockHours: 5.5 },
    headline: 'fillRate',
    fixes: ['shorterBlocks'],
    mechanism:
      'Fewer drivers’ days have room for a long block: the longest blocks go unclaimed and drivers who want work find nothing that fits.',
    signature: {
      blockHours: 'up',
      noFitShare: 'up',
      fillRate: 'down',
      packagesPerBlock: 'up',
      returnedPerBlock: 'up',
    },
  },
  {
    id: 'loadingBottleneck',
    cause: 'A loading dock closed: fewer vans loaded per half hour',
    family: 'station',
    change: { loadingPerHalfHour: 12 },
    headline: 'onTimeRate',
    fixes: ['addLoading'],
    mechanism:
      'The busiest start slots now queue at the station: drivers leave late, overrun and bring packages back.',
    signature: {
      waitBusy: 'up',
      waitSpread: 'up',
      waitQuiet: 'up',
      blocksPerK: 'flat',
      overrunPerBlock: 'up',
      returnedPerBlock: 'up',
      vehiclePerHour: 'any',
    },
  },
  {
    id: 'slowLoading',
    cause: 'Loading each van takes longer (a new scanning step)',
    family: 'station',
    change: { loadMinutes: 40 },
    headline: 'onTimeRate',
    fixes: ['cutLoadTime'],
    mechanism:
      'Every van waits longer at the station whatever its start time, so routes run out of time.',
    signature: {
      waitQuiet: 'up',
      packagesPerBlock: 'down',
      blocksPerK: 'up',
      vehiclePerHour: 'down',
    },
  },
  {
    id: 'sameDayRelease',
    cause: 'Blocks are now released on the day',
    family: 'release',
    change: { releaseLeadDays: 0 },
    headline: 'fillRate',
    fixes: ['releaseEarlier'],
    mechanism:
      'Blocks offered a few hours ahead reach only the drivers free at short notice: fewer are claimed early, more go unfilled.',
    signature: {
      lastHoursClaims: 'up',
      firstOfferClaims: 'down',
      dayAheadClaims: 'vanish',
      surgedShare: 'up',
    },
  },
  {
    id: 'surgeOff',
    cause: 'Surge pay was switched off',
    family: 'release',
    change: { surgeEnabled: false },
    headline: 'onTimeRate',
    fixes: ['surgeOn'],
    mechanism:
      'The last unfilled blocks no longer step up in pay, so no one is drawn in to take them at the last minute.',
    signature: { surgedShare: 'vanish', surgePerHour: 'vanish', dayAheadClaims: 'vanish' },
  },
  {
    id: 'surgeCapCut',
    cause: 'The surge cap was lowered',
    family: 'release',
    change: { surgeCap: 1.1 },
    headline: 'onTimeRate',
    fixes: ['raiseSurgeCap'],
    mechanism:
      'Re-offered blocks still surge, but by less: fewer drivers take the last unfilled blocks.',
    signature: { surgePerHour: 'down', dayAheadClaims: 'flat' },
  },
  {
    id: 'onboardingSlow',
    cause: 'Onboarding slowed down (a new background-check vendor)',
    family: 'funnel',
    change: { onboardingDays: 60 },
    headline: 'joined',
    fixes: ['speedOnboarding'],
    mechanism:
      'Sign-ups keep coming but wait weeks longer to start: activations stop for a while and the pool shrinks with churn.',
    signature: { joined: 'vanish', applicants: 'flat' },
  },
  {
    id: 'activationDrop',
    cause: 'Fewer sign-ups finish onboarding (an app set-up bug)',
    family: 'funnel',
    change: { activationShare: 0.3 },
    headline: 'joined',
    fixes: ['followUpSignups'],
    mechanism:
      'As many people sign up, but fewer of them ever start, so the pool shrinks with churn.',
    signature: { joined: 'down', applicants: 'flat' },
  },
  {
    id: 'applicantDrop',
    cause: 'Sign-ups dried up (a recruiting channel closed)',
    family: 'funnel',
    change: { applicantsPerWeek: 3 },
    headline: 'joined',
    fixes: ['recruit'],
    mechanism: 'Fewer people sign up, so fewer start and the pool shrinks with churn.',
    signature: { applicants: 'down', joined: 'down' },
  },
  {
    id: 'noShowWave',
    cause: 'No-shows rose (a rival app poaches drivers on the day)',
    family: 'supply',
    change: { noShowRate: 0.12 },
    headline: 'onTimeRate',
    fixes: ['commitBlocks', 'raiseBuffer'],
    mechanism:
      'Claimed blocks are not worked: their packages have no route, and strikes deactivate more drivers.',
    signature: { noShowRate: 'up', deactRate: 'up' },
  },
  {
    id: 'failedAttempts',
    cause: 'More delivery attempts fail (new buildings without access)',
    family: 'road',
    change: { failedAttemptRate: 0.1 },
    headline: 'onTimeRate',
    fixes: ['fixAccess'],
    mechanism:
      'Routes are full and on time, but more packages come back from the door and go out late the next day.',
    signature: { failedRate: 'up', failedShare: 'up' },
  },
  {
    id: 'slowerRoutes',
    cause: 'Routes got slower (road works, parking rules)',
    family: 'road',
    change: { productivity: 12.5 },
    headline: 'costPerPackage',
    fixes: ['fixRouting'],
    mechanism:
      'Each route holds fewer packages, so the plan needs more blocks per package: cost per package rises and more blocks must be filled.',
    signature: { packagesPerBlock: 'down', blocksPerK: 'up', costPerPackage: 'up' },
  },
  {
    id: 'noOverrun',
    cause: 'Routes must end with the block: no running over',
    family: 'road',
    change: { maxOverrunHours: 0 },
    headline: 'onTimeRate',
    fixes: ['allowOverrun'],
    mechanism:
      'A driver who runs out of time brings the rest of the route back instead of finishing it.',
    signature: { overrunPerBlock: 'vanish', returnedPerBlock: 'up', returnedShare: 'up' },
  },
  {
    id: 'stricterDeactivation',
    cause: 'Drivers are deactivated after a single no-show',
    family: 'supply',
    change: { strikesToDeactivate: 1 },
    headline: 'active',
    fixes: ['relaxDeactivation'],
    mechanism:
      "Every no-show now ends a driver's account: deactivations jump and the pool shrinks.",
    signature: { deactRate: 'up', quitRate: 'flat', active: 'down' },
  },
  {
    id: 'fewerHours',
    cause: 'Drivers want fewer hours (a new gig app takes their time)',
    family: 'supply',
    change: { hoursWanted: 3.5 },
    headline: 'fillRate',
    fixes: ['raisePay', 'recruit'],
    mechanism:
      'The same drivers want fewer hours a week, so fewer blocks are claimed though as many drivers look at the offers.',
    signature: { hoursPerDriver: 'down', noFitShare: 'up' },
  },
  {
    id: 'churnUp',
    cause: 'Drivers leave for good more often (a large employer nearby is hiring)',
    family: 'supply',
    change: { baseChurn: 0.03 },
    headline: 'active',
    fixes: ['recruit', 'raisePay'],
    mechanism:
      'More drivers quit each week whatever they earn, so the pool shrinks faster than sign-ups refill it.',
    signature: { quitRate: 'up', active: 'down' },
  },
  {
    id: 'demandDrop',
    cause: 'Volume fell (a client left)',
    family: 'planning',
    change: { demandPerDay: 6000 },
    headline: 'frustratedShare',
    fixes: ['capPool'],
    mechanism:
      'The plan follows the smaller forecast, so fewer blocks are offered to the same drivers: more of those who want a block find none.',
    signature: { demand: 'down', frustratedShare: 'up' },
  },
  {
    id: 'bufferRaise',
    cause: 'The capacity buffer over the forecast was raised',
    family: 'planning',
    change: { capacityBuffer: 0.3 },
    headline: 'costPerPackage',
    fixes: ['trimBuffer'],
    mechanism:
      'The plan offers far more route capacity than the volume needs: blocks go out half full, idle time and cost per package rise.',
    signature: {
      planCover: 'up',
      planErrorSd: 'any',
      idlePerBlock: 'up',
      costPerPackage: 'up',
      packagesPerBlock: 'down',
    },
  },
];

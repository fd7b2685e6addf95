/**
 * The model's causal graph, as data: levers and assumptions (parameters) act through the
 * mechanisms of the engine (src/sim/engine.ts, docs/MODEL-NOTES.md) on the metrics, each link
 * with a sign. Links that need the driver pool to change (entry and churn acting on the number
 * of drivers, and what that number does next) take weeks and belong to the long run only.
 * Each node has words for its rise and its fall, so that a chain reads as a sentence. The
 * chains themselves are found in causal.ts.
 */
import { METRIC_BY_ID, type MetricId } from './metrics';
import { PARAM_BY_ID, type ParamId } from './params';

export type Sign = 1 | -1;

/** Node ids: `p.<paramId>` for parameters, `m.<metricId>` for metrics, or a mechanism. */
export type NodeId = string;

export interface CausalNode {
  readonly id: NodeId;
  readonly kind: 'parameter' | 'mechanism' | 'metric';
  /** How the node's rise and fall read in a chain. */
  readonly up: string;
  readonly down: string;
}

export interface CausalEdge {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly sign: Sign;
  /** 'long': acts through entry and churn, so it shows after weeks, not in the short run. */
  readonly run: 'both' | 'long';
  /** Why, in the engine's terms. */
  readonly why: string;
}

export const paramNode = (id: ParamId): NodeId => `p.${id}`;
export const metricNode = (id: MetricId): NodeId => `m.${id}`;

const MECHANISMS: readonly CausalNode[] = [
  ['offeredNet', 'better-paid offers', 'worse-paid offers'],
  ['askingWage', 'drivers ask more per hour', 'drivers ask less per hour'],
  ['willing', 'more drivers willing to work', 'fewer drivers willing to work'],
  ['claims', 'more claims', 'fewer claims'],
  ['blocksOffered', 'more block hours offered', 'fewer block hours offered'],
  ['blockCount', 'more, shorter blocks', 'fewer, longer blocks'],
  ['windowFit', 'more drivers’ free hours fit a block', 'fewer drivers’ free hours fit a block'],
  ['surgePay', 'pay rises on unfilled blocks', 'no pay rise on unfilled blocks'],
  ['offerWindow', 'blocks open longer before start', 'blocks open for less time'],
  ['noShows', 'more no-shows', 'fewer no-shows'],
  ['routeCapacity', 'more route capacity shows up', 'less route capacity shows up'],
  ['routeLoad', 'fuller routes', 'lighter routes'],
  ['stationWait', 'longer station waits', 'shorter station waits'],
  ['packages', 'more packages to deliver', 'fewer packages to deliver'],
  ['planMiss', 'plans miss the day’s volume more', 'plans meet the day’s volume better'],
  ['payPerPackage', 'more driver pay per package', 'less driver pay per package'],
  ['overheadPerPackage', 'more station overhead per package', 'less station overhead per package'],
  [
    'wageGap',
    'more drivers earn below their asking wage',
    'fewer drivers earn below their asking wage',
  ],
  ['applicants', 'more applicants', 'fewer applicants'],
  ['reservedOffers', 'more blocks held for drivers in good standing', 'fewer blocks held back'],
  ['newcomerScarcity', 'new drivers find fewer blocks', 'new drivers find more blocks'],
  ['experience', 'a more experienced pool', 'more new, slower drivers on the road'],
].map(([id, up, down]) => ({ id, kind: 'mechanism', up, down }) as CausalNode);

const METRIC_WORDS: Readonly<Partial<Record<MetricId, [string, string]>>> = {
  onTimePackagesPerWeek: ['more packages on time', 'fewer packages on time'],
  fillRate: ['higher fill', 'lower fill'],
  fallbackShare: ['more fallback', 'less fallback'],
  activeDrivers: ['more active drivers', 'fewer active drivers'],
  blockScarcity: ['more drivers beaten to a block', 'fewer drivers beaten to a block'],
  noFittingBlock: [
    'more drivers find no block that fits their hours',
    'fewer drivers find no block that fits their hours',
  ],
  applicantsWeekly: ['more sign-ups', 'fewer sign-ups'],
  activationRate: ['more applicants reach a first block', 'fewer applicants reach a first block'],
  daysToFirstBlock: ['a longer wait for a first block', 'a shorter wait for a first block'],
  weeklyChurnRate: ['more drivers leave each week', 'fewer drivers leave each week'],
  surgeSpendShare: ['more surge spend', 'less surge spend'],
  hoursGini: ['hours shared less evenly', 'hours shared more evenly'],
  idlePaidHoursShare: ['more idle paid hours', 'fewer idle paid hours'],
};

const PARAM_WORDS: Readonly<Partial<Record<ParamId, [string, string]>>> = {
  payPerHour: ['pay up', 'pay down'],
  surgeEnabled: ['surge switched on', 'surge switched off'],
  tipsPerHour: ['tips up', 'tips down'],
  releaseLeadDays: ['blocks released earlier', 'blocks released later'],
  blockHours: ['longer blocks', 'shorter blocks'],
};

type E = [from: NodeId, to: NodeId, sign: Sign, why: string, run?: 'long'];

const p = paramNode;
const m = metricNode;

const EDGE_ROWS: readonly E[] = [
  // pay and what drivers weigh
  [p('payPerHour'), 'offeredNet', 1, 'Offers are weighed at pay less vehicle cost per hour.'],
  [p('tipsPerHour'), 'offeredNet', 1, 'Tips add to the net pay a driver weighs.'],
  [p('vehicleCostPerMile'), 'offeredNet', -1, 'Vehicle cost comes off the net pay.'],
  [p('milesPerHour'), 'offeredNet', -1, 'More miles per hour, more vehicle cost per hour.'],
  [p('payPerHour'), 'payPerPackage', 1, 'Every block hour is paid at the base rate.'],
  [p('tipsPerHour'), 'payPerPackage', 1, 'The operator counts the tips it passes on as cost.'],
  [p('outsideWage'), 'askingWage', 1, 'Reservation wages centre on the outside wage.'],
  ['offeredNet', 'willing', 1, 'A driver looks for a block when it pays at least the asking wage.'],
  ['askingWage', 'willing', -1, 'A higher asking wage rules out more offers.'],
  ['willing', 'claims', 1, 'More drivers checking the app claim more blocks.'],
  [
    'willing',
    m('blockScarcity'),
    1,
    'More drivers chase the same blocks, so more of them go without.',
  ],
  ['offeredNet', m('driverNetHourly'), 1, 'Realised earnings follow the pay per block hour.'],
  // surge
  [p('surgeEnabled'), 'surgePay', 1, 'Unfilled blocks step up in pay at 24, 6 and 2 hours.'],
  [p('surgeStep'), 'surgePay', 1, 'Each surge wave adds this share of base pay.'],
  [p('surgeCap'), 'surgePay', 1, 'The cap limits how far a surged block can rise.'],
  ['surgePay', 'claims', 1, 'Higher pay on late offers wins drivers who turned them down.'],
  ['surgePay', m('surgeSpendShare'), 1, 'Surge pay is counted as surge spend.'],
  ['surgePay', m('driverNetHourly'), 1, 'Drivers on surged blocks earn more per hour.'],
  ['claims', m('surgeSpendShare'), -1, 'Blocks claimed at base pay never reach the surge waves.'],
  [m('surgeSpendShare'), 'payPerPackage', 1, 'Surge is pay on top of the base rate.'],
  // block shape and release
  [p('blockHours'), 'windowFit', -1, 'Fewer drivers have a free window long enough.'],
  [p('blockHours'), 'blockCount', -1, 'The same hours come in fewer, longer blocks.'],
  [
    p('blockHours'),
    m('driverNetHourly'),
    1,
    'Station wait and search time spread over more paid hours.',
  ],
  ['windowFit', 'claims', 1, 'A driver only claims a block that fits their window.'],
  [
    'windowFit',
    m('noFittingBlock'),
    -1,
    'A driver whose free hours fit no planned block goes without.',
  ],
  ['windowFit', m('blockScarcity'), 1, 'More drivers whose hours fit compete for the same blocks.'],
  ['windowFit', m('activationRate'), 1, 'A new driver whose hours fit a block finds a first one.'],
  ['blockCount', 'overheadPerPackage', 1, 'Station overhead is paid per block dispatched.'],
  [
    'blockCount',
    m('noFittingBlock'),
    -1,
    'With fewer blocks a day, fewer start at an hour a driver is free.',
  ],
  ['blockCount', m('hoursGini'), -1, 'Hours come in bigger lumps to fewer drivers.'],
  [p('releaseLeadDays'), 'offerWindow', 1, 'Blocks are offered that many days ahead.'],
  [p('releaseLeadDays'), 'noShows', 1, 'Plans change between an early claim and the start.'],
  ['offerWindow', 'claims', 1, 'More drivers see an offer that stays open longer.'],
  ['offerWindow', m('timeToFillHours'), 1, 'Time to fill is counted from the release.'],
  [p('shortNoticeShare'), 'claims', 1, 'Late offers reach more drivers free at short notice.'],
  [p('noShowRate'), 'noShows', 1, 'Claimed blocks are not worked.'],
  // reserved offers
  [
    p('reservedShare'),
    'reservedOffers',
    1,
    'A share of blocks goes first to drivers in good standing.',
  ],
  ['reservedOffers', m('hoursGini'), 1, 'Established drivers take more of the hours.'],
  ['reservedOffers', 'newcomerScarcity', 1, 'New drivers are not yet in good standing.'],
  ['reservedOffers', 'noShows', -1, 'Drivers in good standing rarely miss a block.'],
  ['newcomerScarcity', m('blockScarcity'), 1, 'New drivers wanting work go without.'],
  ['newcomerScarcity', m('daysToFirstBlock'), 1, 'New drivers wait longer for a first block.'],
  ['newcomerScarcity', m('retention90'), -1, 'Frustrated new drivers leave in their first months.'],
  ['newcomerScarcity', m('weeklyChurnRate'), 1, 'Frustration raises the exit hazard.'],
  // planning, capacity and packages
  [p('capacityBuffer'), 'blocksOffered', 1, 'Block hours are planned above the forecast.'],
  [p('productivity'), 'blocksOffered', -1, 'Routes planned at a faster pace need fewer hours.'],
  [p('demandPerDay'), 'packages', 1, 'More volume a day.'],
  [p('peakIntensity'), 'packages', 1, 'Peak weeks carry more volume.'],
  [p('demandTrend'), 'packages', 1, 'Volume grows over the horizon.'],
  ['packages', 'blocksOffered', 1, 'Blocks are planned from the forecast.'],
  ['packages', m('onTimePackagesPerWeek'), 1, 'More volume, more packages delivered on time.'],
  [p('forecastError'), 'planMiss', 1, 'Actual volume strays further from the plan.'],
  ['planMiss', m('onTimeRate'), -1, 'Days planned short leave packages behind.'],
  ['planMiss', m('idlePaidHoursShare'), 1, 'Days planned long leave paid hours idle.'],
  ['blocksOffered', 'claims', 1, 'More blocks on offer, more blocks claimed.'],
  ['blocksOffered', m('fillRate'), -1, 'More blocks for the same drivers fill less completely.'],
  ['blocksOffered', m('blockScarcity'), -1, 'More blocks, fewer drivers go without.'],
  ['blocksOffered', 'routeCapacity', 1, 'More block hours carry more packages.'],
  ['blocksOffered', 'payPerPackage', 1, 'More paid hours for the same packages.'],
  ['blocksOffered', 'overheadPerPackage', 1, 'More blocks dispatched for the same packages.'],
  ['claims', m('fillRate'), 1, 'Fill is blocks claimed over blocks offered.'],
  ['claims', m('timeToFillHours'), -1, 'Blocks wanted by more drivers go sooner.'],
  ['claims', m('hoursPerActiveDriver'), 1, 'More blocks claimed, more paid hours per driver.'],
  [m('fillRate'), 'routeCapacity', 1, 'Claimed blocks are the routes that go out.'],
  ['noShows', 'routeCapacity', -1, 'A no-show’s route stays at the station.'],
  ['noShows', m('weeklyChurnRate'), 1, 'Repeated no-shows deactivate drivers.'],
  ['routeCapacity', m('fallbackShare'), -1, 'What the routes cannot carry goes to the fallback.'],
  ['routeCapacity', m('onTimeRate'), 1, 'Loaded packages are delivered on time.'],
  ['routeCapacity', m('lateRate'), -1, 'Packages beyond the fallback’s capacity wait a day.'],
  [
    'routeCapacity',
    m('sellerPromiseKeptRate'),
    1,
    'Marketplace packages are left off first when routes run short.',
  ],
  ['routeCapacity', 'routeLoad', -1, 'The day’s packages spread over more routes.'],
  [
    p('fallbackCapacity'),
    m('fallbackShare'),
    1,
    'The fallback carrier takes more of the overflow.',
  ],
  [p('fallbackCapacity'), m('lateRate'), -1, 'Overflow it takes is not late.'],
  [p('failedAttemptRate'), m('failedAttemptRate'), 1, 'More attempts fail.'],
  [p('failedAttemptRate'), m('lateRate'), 1, 'Failed packages are re-attempted the next day.'],
  [p('firstPartyPriority'), m('sellerPromiseKeptRate'), -1, 'Retail volume is loaded first.'],
  [m('onTimeRate'), m('onTimePackagesPerWeek'), 1, 'The same volume, more of it on time.'],
  [m('fallbackShare'), m('costPerPackage'), 1, 'The fallback carrier charges more per package.'],
  [p('fallbackCostPerPackage'), m('costPerPackage'), 1, 'Each fallback package costs more.'],
  // routes and the station
  [p('loadingPerHalfHour'), 'stationWait', -1, 'The station loads more drivers at once.'],
  [p('loadMinutes'), 'stationWait', 1, 'Loading takes longer.'],
  ['stationWait', m('driverNetHourly'), -1, 'Waiting is unpaid time.'],
  ['stationWait', m('unpaidOverrunHoursPerDriver'), 1, 'A late start runs past the block end.'],
  ['routeLoad', m('unsafePaceShare'), 1, 'Full routes need a faster pace.'],
  ['routeLoad', m('unpaidOverrunHoursPerDriver'), 1, 'Full routes run past the block end.'],
  ['routeLoad', m('idlePaidHoursShare'), -1, 'Light routes finish early on full pay.'],
  ['routeLoad', m('driverNetHourly'), -1, 'Overruns past the block end are unpaid time.'],
  [p('maxOverrunHours'), m('unpaidOverrunHoursPerDriver'), 1, 'Drivers work longer past the end.'],
  [p('safePace'), m('unsafePaceShare'), -1, 'Fewer routes exceed the safe pace.'],
  [p('wageFloor'), m('belowFloorHoursShare'), 1, 'More hours fall under a higher floor.'],
  [
    p('stationOverheadPerBlock'),
    'overheadPerPackage',
    1,
    'Each block dispatched costs the station more.',
  ],
  ['payPerPackage', m('costPerPackage'), 1, 'Driver pay is most of the cost.'],
  ['overheadPerPackage', m('costPerPackage'), 1, 'Overhead is part of the cost.'],
  [m('driverNetHourly'), m('belowFloorHoursShare'), -1, 'Better-paid hours clear the floor.'],
  // beliefs, churn and entry
  [m('driverNetHourly'), 'wageGap', -1, 'Drivers compare what they earn with what they ask.'],
  ['askingWage', 'wageGap', 1, 'Drivers asking more are more often disappointed.'],
  ['wageGap', m('weeklyChurnRate'), 1, 'Earning below the asking wage raises the exit hazard.'],
  [m('blockScarcity'), m('weeklyChurnRate'), 1, 'Days without a block build frustration.'],
  [m('noFittingBlock'), m('weeklyChurnRate'), 1, 'Days without a block build frustration.'],
  [
    m('blockScarcity'),
    m('daysToFirstBlock'),
    1,
    'New drivers beaten to blocks take longer to work a first one.',
  ],
  [
    m('blockScarcity'),
    m('activationRate'),
    -1,
    'Some new drivers beaten to blocks never work a first one in time.',
  ],
  [p('baseChurn'), m('weeklyChurnRate'), 1, 'Satisfied drivers leave more often.'],
  [p('wageGapChurn'), m('weeklyChurnRate'), 1, 'Underpaid drivers leave faster.'],
  [p('frustrationChurn'), m('weeklyChurnRate'), 1, 'Frustrated drivers leave faster.'],
  [m('weeklyChurnRate'), m('retention90'), -1, 'New drivers leave at the same higher hazard.'],
  [m('weeklyChurnRate'), m('activeDrivers'), -1, 'Leavers shrink the pool.', 'long'],
  ['offeredNet', 'applicants', 1, 'Sign-ups rise with advertised net pay.', 'long'],
  ['askingWage', 'applicants', -1, 'Sign-ups fall as the outside wage rises.', 'long'],
  [p('applicantsPerWeek'), 'applicants', 1, 'More people apply each week.', 'long'],
  [p('wordOfMouth'), 'applicants', 1, 'Satisfied drivers bring in more applicants.', 'long'],
  [m('driverNetHourly'), 'applicants', 1, 'Satisfied drivers bring in friends.', 'long'],
  [m('blockScarcity'), 'applicants', -1, 'Frustrated drivers do not recommend the work.', 'long'],
  [m('noFittingBlock'), 'applicants', -1, 'Frustrated drivers do not recommend the work.', 'long'],
  // the sign-up funnel
  ['offeredNet', m('applicantsWeekly'), 1, 'Sign-ups follow the advertised net pay at once.'],
  ['askingWage', m('applicantsWeekly'), -1, 'Sign-ups fall as the outside wage rises.'],
  [p('applicantsPerWeek'), m('applicantsWeekly'), 1, 'More people apply each week.'],
  [
    m('driverNetHourly'),
    m('applicantsWeekly'),
    1,
    'Satisfied drivers bring in friends (word of mouth).',
    'long',
  ],
  [p('activationShare'), m('activationRate'), 1, 'More applicants complete onboarding.'],
  [p('onboardingDays'), m('daysToFirstBlock'), 1, 'The background check and set-up take longer.'],
  [
    p('poolCap'),
    m('daysToFirstBlock'),
    -1,
    'A looser cap shortens the waitlist before onboarding.',
  ],
  [
    p('poolCap'),
    m('activationRate'),
    1,
    'A looser cap lets applicants start within the activation window.',
  ],
  ['applicants', m('activeDrivers'), 1, 'Applicants onboard and join the pool.', 'long'],
  [p('poolCap'), m('activeDrivers'), 1, 'A looser cap lets more applicants in.', 'long'],
  [p('initialDrivers'), m('activeDrivers'), 1, 'The pool starts larger.'],
  [m('activeDrivers'), 'willing', 1, 'A larger pool has more drivers looking.', 'long'],
  [
    m('activeDrivers'),
    m('hoursPerActiveDriver'),
    -1,
    'More drivers share the same blocks.',
    'long',
  ],
  // Learning by doing: routes are planned at an experienced driver's pace.
  [
    'applicants',
    'experience',
    -1,
    'Newcomers start slower (learning by doing) and dilute the pool’s experience.',
    'long',
  ],
  [p('learningGain'), 'experience', -1, 'New drivers are further below the planned pace.'],
  [p('learningBlocks'), 'experience', -1, 'Drivers take more blocks to reach full pace.'],
  [
    'experience',
    m('unpaidOverrunHoursPerDriver'),
    -1,
    'Slower drivers overrun routes planned at the experienced pace.',
  ],
  [
    'experience',
    m('onTimePackagesPerWeek'),
    1,
    'Past the longest unpaid overrun a slow driver returns packages, which go late.',
  ],
  ['experience', m('lateRate'), -1, 'Returned packages roll over and arrive late.'],
];

export const CAUSAL_EDGES: readonly CausalEdge[] = EDGE_ROWS.map(([from, to, sign, why, run]) => ({
  from,
  to,
  sign,
  why,
  run: run ?? 'both',
}));

function parameterNode(id: string): CausalNode | undefined {
  const def = PARAM_BY_ID.get(id);
  if (!def) return undefined;
  const words = PARAM_WORDS[id as ParamId];
  if (words) return { id: `p.${id}`, kind: 'parameter', up: words[0], down: words[1] };
  const label = def.label.charAt(0).toLowerCase() + def.label.slice(1);
  if (def.kind === 'boolean') {
    return {
      id: `p.${id}`,
      kind: 'parameter',
      up: `${label}: switched on`,
      down: `${label}: switched off`,
    };
  }
  return { id: `p.${id}`, kind: 'parameter', up: `${label} up`, down: `${label} down` };
}

function metricNodeOf(id: string): CausalNode | undefined {
  const def = METRIC_BY_ID.get(id);
  if (!def) return undefined;
  const words = METRIC_WORDS[id as MetricId];
  const label = def.label.charAt(0).toLowerCase() + def.label.slice(1);
  return {
    id: `m.${id}`,
    kind: 'metric',
    up: words ? words[0] : `higher ${label}`,
    down: words ? words[1] : `lower ${label}`,
  };
}

const MECHANISM_BY_ID = new Map(MECHANISMS.map((n) => [n.id, n]));

/** The node of an id, or undefined when the id names nothing. */
export function causalNode(id: NodeId): CausalNode | undefined {
  if (id.startsWith('p.')) return parameterNode(id.slice(2));
  if (id.startsWith('m.')) return metricNodeOf(id.slice(2));
  return MECHANISM_BY_ID.get(id);
}

/** Words for a node's move: "pay down" for the pay node moving -1. */
export function nodeWords(id: NodeId, direction: Sign): string {
  const node = causalNode(id);
  if (!node) return id;
  return direction > 0 ? node.up : node.down;
}

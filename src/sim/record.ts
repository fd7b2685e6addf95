/**
 * The daily record: additive counts and money flows, one row per field, one column per day.
 * Every metric over any range of days is computed from these sums (src/sim/measure.ts).
 */
export const FIELDS = [
  'demand', // fresh packages due today
  'sellerDemand', // of which from marketplace sellers
  'onTime', // fresh packages delivered today by drivers
  'sellerOnTime', // marketplace packages delivered by their promise (drivers or fallback)
  'fallback', // fresh packages handed to the fallback carrier
  'lateDelivered', // packages delivered after their promise day
  'missed', // fresh packages that missed their promise today
  'attempted', // delivery attempts
  'failed', // failed attempts (re-attempted later)
  'returned', // packages brought back from overrunning routes
  'blocksOffered',
  'blocksClaimed', // claimed by start
  'blocksSurged', // claimed at a surged rate
  'noShows',
  'blocksWorked',
  'timeToFillSum', // hours from release to claim, summed over claimed blocks
  'payBase',
  'paySurge',
  'payTips',
  'fallbackCost',
  'overheadCost',
  'paidHours', // block hours paid
  'idleHours', // paid block hours after the route was done
  'overrunHours', // unpaid hours past the block end
  'workHours', // hours actually spent on blocks: wait, route, overrun
  'searchHours', // unpaid hours spent hunting for blocks
  'netEarnings', // driver pay minus vehicle cost
  'belowFloorHours', // work hours in blocks whose realised net hourly is under the floor
  'unsafeBlocks',
  'wantedDays', // driver-days that wanted a block at the offered pay
  'frustratedDays', // of which got none
  'active', // active drivers at the end of the day
  'joined', // drivers activated today
  'churned', // active drivers who quit today
  'deactivated', // active drivers deactivated today
  // Active driver-days and exits by tenure band, in pairs (src/sim/churn.ts relies on the order):
  'tenureExposure0', // active driver-days at tenure 0-29 days
  'tenureExits0', // exits at tenure 0-29 days
  'tenureExposure1', // at tenure 30-89 days
  'tenureExits1',
  'tenureExposure2', // at tenure 90-364 days
  'tenureExits2',
  'gini', // Gini of the week's hours, written on the week's last day only
  'agedOut', // late packages that waited MAX_WAIT_DAYS and went to the fallback carrier
  'backlogEnd', // packages waiting at the station at the end of the day
  'activeStart', // active drivers at the start of the day, before entry and exits
  'noFitDays', // of frustratedDays: no block planned today fitted the window, week and asking wage
  'applicants', // people who signed up today
  'firstBlocks', // drivers who signed up during the run and worked their first block today
  'firstBlockDays', // days from sign-up to that first block, summed over today's first blocks
  'cohortApplicants', // applicants whose activation window closed today (signed up L days ago)
  'cohortActivated', // of which worked a first block within the window
  'needCapacity', // route capacity planned for the day's fresh need: forecast x (1 + buffer)
  'needCovered', // of which covered by blocks claimed by their start (at most needCapacity)
  'hoursOffered', // hours drivers looking today would work at the offered base pay
  'surgeRecruits', // blocks claimed by drivers not looking today, drawn in by surge pay
  'backToBack', // blocks claimed as a driver's second or third block of the day
  // The ledger of why fresh packages miss (src/model/why.ts decomposes changes with it):
  'plannedCapacity', // route capacity of the blocks planned today (packages)
  'unfilledCapacity', // of which in blocks nobody claimed
  'noShowCapacity', // of which in blocks claimed and not worked (no-shows)
  'unloadedUnfilled', // fresh packages no route had room for: the share due to unfilled blocks
  'unloadedNoShow', // ... due to no-shows
  'unloadedPlan', // ... due to a plan short of the day's volume
  'freshFailed', // fresh packages loaded and not delivered today: failed attempts
  'freshReturned', // ... brought back from overrunning routes
  // For the decompositions of retention, survival, the hours Gini and applicants (why.ts):
  'tenureDeactivated0', // of tenureExits0: deactivations (the rest quit)
  'tenureDeactivated1', // of tenureExits1
  'tenureDeactivated2', // of tenureExits2
  'giniNoHours', // share of the Gini's drivers with no paid hours, on the week's last day only
  'applicantsBase', // expected applicants today at the base rate (applicantsPerWeek / 7)
  'applicantsRamped', // ... times the recruiting ramp (1 while applicants wait for a place)
  'applicantsPaid', // ... times the pay response (realised net hourly heard over outside wage)
  'applicantsExpected', // ... times word of mouth: the Poisson mean the arrivals are drawn from
  // The slices of the practice drills (src/sim/slices.ts), by block length (group 0 the
  // longest, 4 the shortest), start slot (SLOT_STARTS) and offer wave (reserved, release,
  // re-offers 24, 6, 3 and 1 h before the start):
  'offeredLen0', // blocks planned of length group 0
  'offeredLen1',
  'offeredLen2',
  'offeredLen3',
  'offeredLen4',
  'unfilledLen0', // of which nobody claimed
  'unfilledLen1',
  'unfilledLen2',
  'unfilledLen3',
  'unfilledLen4',
  'noShowLen0', // no-shows on blocks of length group 0
  'noShowLen1',
  'noShowLen2',
  'noShowLen3',
  'noShowLen4',
  'workedSlot0', // blocks worked starting in slot 0
  'workedSlot1',
  'workedSlot2',
  'workedSlot3',
  'workedSlot4',
  'workedSlot5',
  'waitSlot0', // station wait (h) of the blocks worked in slot 0, summed
  'waitSlot1',
  'waitSlot2',
  'waitSlot3',
  'waitSlot4',
  'waitSlot5',
  'claimedWave0', // blocks claimed in the reserved wave
  'claimedWave1', // ... in the open release
  'claimedWave2', // ... re-offered 24 h before the start
  'claimedWave3', // ... 6 h before
  'claimedWave4', // ... 3 h before
  'claimedWave5', // ... 1 h before
] as const;

export type Field = (typeof FIELDS)[number];

export const FIELD_COUNT = FIELDS.length;

export const F = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;

/** Field-major daily record: field f on day d at [f * days + d]. */
export function newRecord(days: number): Float64Array {
  return new Float64Array(FIELD_COUNT * days);
}

/**
 * The lab's daily record of one run (ReplicationResult.lab, built by src/sim/lab-record.ts):
 * LAB_ROW_COUNT rows of one value per day. The day's totals over the whole market, then the
 * treated arm's tallies of a split (its control's are the totals less these), and in row `arm`
 * each day's arm in a switchback (1 treated, 0 control, -1 washout; 1 throughout in a split).
 */
export const LAB = {
  arm: 0,
  /** Packages delivered by their promise (by drivers or the fallback carrier). */
  onTime: 1,
  /** Packages delivered by drivers (attempts less failures). */
  delivered: 2,
  /** Drivers' net earnings, $. */
  net: 3,
  /** Hours on blocks (wait, route, overrun). */
  work: 4,
  /** Block hours paid. */
  paid: 5,
  /** Active drivers at the day's end (a day's sum is driver-days). */
  active: 6,
  /** Drivers who quit or were deactivated. */
  exits: 7,
  offered: 8,
  claimed: 9,
  /** The operator's cost: block pay, tips, fallback, station overhead, $. */
  cost: 10,
  /** Driver-days that wanted a block at the offered pay, and of those got none. */
  wanted: 11,
  frustrated: 12,
  /** Of those who got none: no block planned fitted their window, week and asking wage. */
  noFit: 13,
  // A split's treated arm: by the driver's arm, then by the block's.
  xDelivered: 14,
  xNet: 15,
  xWork: 16,
  xPaid: 17,
  xActive: 18,
  xExits: 19,
  xOffered: 20,
  xClaimed: 21,
  xDeliveredOnBlocks: 22,
} as const;
export const LAB_ROW_COUNT = 23;

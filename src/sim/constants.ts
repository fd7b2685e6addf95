/**
 * The engine's fixed constants: the behavioural ones (assumptions about drivers, listed on the
 * model page and in docs/MODEL-NOTES.md), and the structural ones the phases of the day share
 * (table sizes, the purposes of the random streams, the flags of a day's candidates).
 */

// ---- behavioural constants (listed on the model page) ----------------------------------------

/**
 * A driver takes another block while the hours still wanted this week are at least this share
 * of the block (weekly targets are soft: nobody turns down a 4-hour block for want of 1 hour).
 */
export const HOURS_OVERSHOOT = 0.5;
/** Probability that a driver with a free weekday wants to work that day. */
export const DAILY_WANT = 0.7;
/**
 * Drivers' daily availability windows: the earliest start (5:30) plus a draw skewed towards
 * the morning over the next 11 hours; window length lognormal around 6 hours (log sd 0.5).
 */
export const WINDOW_EARLIEST = 5.5;
export const WINDOW_START_RANGE = 11;
export const WINDOW_MEDIAN_HOURS = 6;
export const WINDOW_SPREAD = 0.5;
/** Spread (log sd) of weekly hours wanted, app-check speed, productivity, no-show propensity. */
export const HOURS_SPREAD = 0.5;
export const SPEED_SPREAD = 1;
export const PRODUCTIVITY_SPREAD = 0.12;
export const NO_SHOW_SPREAD = 0.8;
/** Smoothing of frustration (per wanted day) and of overruns (per block). */
export const FRUSTRATION_SMOOTHING = 0.1;
export const OVERRUN_SMOOTHING = 0.2;
/** Strikes (no-shows) decay with a time constant of 30 days. */
export const STRIKE_DAYS = 30;
/** Good standing: fewer recent strikes than this, and at least this many blocks done. */
export const GOOD_STANDING_STRIKES = 0.5;
export const GOOD_STANDING_BLOCKS = 5;
/**
 * The initial pool has been through past selection: its reservation wages are drawn below
 * this quantile (as a z-score) of the distribution, so drivers who could not live on the pay
 * have already left. Tenures are spread over the past two years.
 */
export const INITIAL_RES_Z = 0.15;
/**
 * Applicants select themselves: people whose reservation wage is more than this factor above
 * the advertised net pay do not apply (their wages are drawn below that cut).
 */
export const APPLY_SLACK = 1.15;
export const INITIAL_TENURE_DAYS = 730;
/** No-show multiplier per day of release lead: plans change between claim and start. */
export const NO_SHOW_LEAD_BASE = 0.7;
export const NO_SHOW_LEAD_SLOPE = 0.15;
/** Station queue: extra wait (h) per multiple of loading capacity arriving at once. */
export const QUEUE_HOURS_PER_OVERLOAD = 0.25;
/**
 * Days a package that missed its promise waits at the station for a driver before the fallback
 * carrier takes it, whatever that carrier's daily capacity for fresh packages: a late package
 * is rescued within this bound (at the fallback cost), so no queue grows without limit.
 */
export const MAX_WAIT_DAYS = 2;
/**
 * Weeks simulated before week 1 (days -182 to -1) from the seeded pool, under the status quo
 * (the baseline's parameters) without calendar peaks or demand trend, so that every run starts
 * from a steady state: the seeded pool's selection and tenures wash out (weekly churn, active
 * drivers and the backlog are flat from week 1). Half a year: the slowest of the state's
 * adjustments (the pool's churn-selected mix of asking wages) is within noise of its level a
 * year on by then (docs/MODEL.md "Warm-up").
 */
export const WARMUP_WEEKS = 26;

// ---- structural constants (internal to the engine) -------------------------------------------

/**
 * The day number of the streams of draws fixed at a driver's creation (src/sim/state.ts): far
 * before the warm-up's first day, so no day's stream of any purpose shares their keys.
 */
export const ATTRIBUTE_DAY = -(1 << 24);
/** The daily decay of strikes. */
export const STRIKE_DECAY = Math.exp(-1 / STRIKE_DAYS);
/** Levels of the daily wage-noise table (quantiles of a lognormal, looked up by a uniform). */
export const NOISE_LEVELS = 1024;
/** Time buckets of an offer wave: drivers who check in one bucket claim in index order. */
export const BUCKETS = 64;

/** Purposes: each kind of draw has its own stream. */
export const P = {
  res: 1,
  hours: 2,
  days: 3,
  winStart: 4,
  winLen: 5,
  speed: 6,
  prod: 7,
  noShowP: 8,
  tenure: 9,
  arrivals: 20,
  activation: 21,
  demand: 22,
  seller: 23,
  planRound: 24,
  want: 30,
  noise: 31,
  shortNotice: 32,
  noShow: 50,
  fail: 51,
  churn: 52,
  delay: 60, // + wave index
} as const;

/** Candidate flags: wants work at the base pay, free at short notice, in good standing. */
export const WANTS = 1;
export const SHORT_OK = 2;
export const GOOD = 4;

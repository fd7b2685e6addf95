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
/**
 * Probability that a driver with a free weekday looks for work that day when the pay they
 * expect equals their asking wage; it moves with (expected pay / asking wage) to the power
 * LOOK_ELASTICITY, capped at LOOK_MAX (src/sim/supply.ts).
 */
export const DAILY_WANT = 0.7;
export const LOOK_ELASTICITY = 0.45;
export const LOOK_MAX = 0.95;
/**
 * Weekly hours a driver wants move with (expected pay / asking wage) to the power
 * HOURS_ELASTICITY around their hours wanted at their asking wage (src/sim/supply.ts).
 */
export const HOURS_ELASTICITY = 0.45;
/**
 * A driver who is looking takes a block that pays at least this share of their asking wage
 * (times the day's noise): the asking wage is what keeps them in the work and sets their
 * hours, a single block that pays a little less still beats an empty day.
 */
export const ACCEPT_SHARE = 0.7;
/**
 * Unpaid search time grows with competition (Hall, Horton & Knoepfle 2023): the day's search
 * minutes are `searchMinutes` × (drivers wanting a block per block offered, smoothed, / SEARCH_REF_RATIO)
 * to the power SEARCH_POWER, between SEARCH_MIN_MULT and SEARCH_MAX_MULT times the parameter.
 * SEARCH_REF_RATIO is the ratio measured at the default point, so the default searches
 * `searchMinutes`.
 */
export const SEARCH_REF_RATIO = 1.45;
export const SEARCH_POWER = 9;
/** Days over which drivers' sense of the competition for blocks is smoothed. */
export const SEARCH_SMOOTHING_DAYS = 7;
export const SEARCH_MIN_MULT = 0.25;
export const SEARCH_MAX_MULT = 8;
/**
 * Word of mouth about earnings: applicants follow the realised net hourly of current drivers
 * (search time included), smoothed over about REALISED_DAYS days, relative to the ratio of
 * realised to advertised pay at the default point (REALISED_REF).
 */
export const REALISED_DAYS = 14;
export const REALISED_REF = 0.95;
/**
 * Newcomers leave more readily: the exit hazard is multiplied by
 * 1 + NEWCOMER_CHURN × NEWCOMER_DAYS / (NEWCOMER_DAYS + days of tenure), falling with tenure
 * (Hall & Krueger 2018: about half of new drivers still active a year on).
 */
export const NEWCOMER_CHURN = 0.4;
export const NEWCOMER_DAYS = 60;
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
 * this quantile (as a z-score) of the distribution, the cut applicants face at the default
 * pay, well above the default net pay so that supply has no kink there (drivers who ask more
 * than the pay are in the pool, looking for surged blocks, and leave sooner). Tenures are
 * spread over the past two years.
 */
export const INITIAL_RES_Z = 0.6;
/**
 * Applicants select themselves: people whose reservation wage is more than this factor above
 * the advertised net pay do not apply (their wages are drawn below that cut).
 */
export const APPLY_SLACK = 1.15;
export const INITIAL_TENURE_DAYS = 730;
/** No-show multiplier per day of release lead: plans change between claim and start. */
export const NO_SHOW_LEAD_BASE = 0.7;
export const NO_SHOW_LEAD_SLOPE = 0.15;
/**
 * Reserved offers are committed: a driver who claimed a reserved block fails to show this
 * share as often as for an open one (Flex's reserved offers carry stricter cancellation rules).
 */
export const RESERVED_NO_SHOW = 0.4;
/**
 * Drivers not looking for work today take a surged block when its offered net clears their
 * asking wage by this share, and when they are free today at all (this probability; their
 * availability then falls with notice like everyone's).
 */
export const SURGE_MARGIN = 0.25;
export const SURGE_FREE = 0.1;
/** Drivers not looking are drawn in by surged offers this close to the start (hours): same day. */
export const SURGE_RECRUIT_HOURS = 12;
/** Most blocks one driver takes in a day (back to back, each starting after the last ends). */
export const MAX_BLOCKS_PER_DAY = 2;
/**
 * The recruitment ramp: applicant intake rises over the RAMP_WEEKS before a calendar peak, by
 * `peakHiringBoost` times the peak's extra volume at its strongest.
 */
export const RAMP_WEEKS = 6;
/** Station queue: extra wait (h) per multiple of loading capacity arriving at once. */
export const QUEUE_HOURS_PER_OVERLOAD = 0.25;
/**
 * Days a package that missed its promise waits at the station for a driver before the fallback
 * carrier takes it, whatever that carrier's daily capacity for fresh packages: a late package
 * is rescued within this bound (at the fallback cost), so no queue grows without limit.
 */
export const MAX_WAIT_DAYS = 2;
/**
 * The activation rate follows each day's applicants for `onboardingDays` plus this many days:
 * those who worked a first block by then count as activated (a measurement window, not
 * behaviour).
 */
export const ACTIVATION_GRACE_DAYS = 21;

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
  surgeNoise: 40,
  surgeFree: 41,
  delay: 60, // + wave index
  xAssign: 70, // an experiment's assignment (keyed by its assignment seed, src/sim/experiment.ts)
  xBlocks: 71, // an experiment's treated block types of a day
  fitDraw: 90, // a fitted constant's draw for a replication (src/sim/fit-draw.ts), day 0
  // Sampling designs (src/run/design-*.ts), keyed by the design's seed, not a replication's.
  designLhs: 200,
  designMorris: 201,
  designBootstrap: 202,
} as const;

/**
 * Candidate flags: wants work at the base pay, in good standing, claimed a reserved block,
 * not looking today but drawn in by surge pay, a further block of a driver's day.
 */
export const WANTS = 1;
export const GOOD = 4;
export const RESERVED = 8;
export const SURGE_ONLY = 16;
export const EXTRA = 32;

/**
 * Experiments inside one simulated market (issue 16, docs/MODEL.md "The experiment lab"): a
 * scenario may carry an assignment that applies a treatment's levers to a share of drivers
 * (driver split), a share of each day's block types (block split), both (a driver is paid the
 * treatment on a treated block only when they are treated too), or alternating windows of days
 * (switchback). The controls share the same market. Validated here, as every scenario field is.
 */
import { quoted } from './input-text';
import { PARAM_BY_ID, type Params } from './params';

export const EXPERIMENT_DESIGNS = ['driver', 'block', 'both', 'switchback'] as const;
export type ExperimentDesign = (typeof EXPERIMENT_DESIGNS)[number];

export const DESIGN_LABEL: Record<ExperimentDesign, string> = {
  driver: 'Driver split',
  block: 'Block split',
  both: 'Both sides',
  switchback: 'Switchback',
};

export interface Experiment {
  readonly design: ExperimentDesign;
  /** Share of drivers (driver split, both) and of each day's block types (block split, both). */
  readonly share: number;
  /** Switchback: days per window; windows alternate, the first one's arm drawn at random. */
  readonly windowDays: number;
  /** Switchback: the first days of each window, left out of the estimate. */
  readonly washoutDays: number;
  /** Keys the assignment's draws only: a new seed re-randomises, the market's draws stay. */
  readonly assignmentSeed: number;
  /** The treatment's lever values (the scenario's own parameters are the control's). */
  readonly treatment: Partial<Params>;
}

/**
 * The levers a split can give to some drivers or blocks and not others: pay and surge. A
 * block's length and its release lead shape the day's block types and offer waves, which all
 * drivers share, so they can be tested by switchback only (any lever can).
 */
export const SPLIT_LEVERS = ['payPerHour', 'surgeEnabled', 'surgeStep', 'surgeCap'] as const;

export const EXPERIMENT_LIMITS = {
  share: { min: 0, max: 1 },
  windowDays: { min: 1, max: 28 },
  washoutDays: { min: 0, max: 27 },
} as const;

export type ExperimentParsed = { ok: true; value: Experiment } | { ok: false; error: string };

/** Checks an experiment; messages name the field and the allowed range. */
export function checkExperiment(x: Experiment): ExperimentParsed {
  if (!EXPERIMENT_DESIGNS.includes(x.design)) {
    return {
      ok: false,
      error: `experiment design ${quoted(String(x.design))} is not one of ${EXPERIMENT_DESIGNS.join(', ')}`,
    };
  }
  const { share, windowDays, washoutDays } = x;
  if (!(share >= 0 && share <= 1)) {
    return { ok: false, error: `experiment share must be from 0 to 1, got ${String(share)}` };
  }
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 28) {
    return {
      ok: false,
      error: `switchback window must be a whole number of days from 1 to 28, got ${String(windowDays)}`,
    };
  }
  if (!Number.isInteger(washoutDays) || washoutDays < 0 || washoutDays >= windowDays) {
    return {
      ok: false,
      error: `washout must be a whole number of days from 0 to ${windowDays - 1} (shorter than the ${windowDays}-day window), got ${String(washoutDays)}`,
    };
  }
  if (!Number.isInteger(x.assignmentSeed) || x.assignmentSeed < 0) {
    return { ok: false, error: `assignment seed must be a whole number ≥ 0` };
  }
  for (const [id, value] of Object.entries(x.treatment)) {
    const def = PARAM_BY_ID.get(id);
    if (!def) return { ok: false, error: `the treatment sets an unknown parameter ${quoted(id)}` };
    if (x.design !== 'switchback' && !(SPLIT_LEVERS as readonly string[]).includes(id)) {
      return {
        ok: false,
        error: `a ${DESIGN_LABEL[x.design].toLowerCase()} can treat ${SPLIT_LEVERS.join(', ')} only (all drivers share the day's blocks and waves); ${def.label} ("${id}") can be tested by switchback`,
      };
    }
    if (typeof value !== typeof (def.kind === 'boolean' ? true : 0)) {
      return { ok: false, error: `the treatment's ${def.label} ("${id}") has the wrong type` };
    }
  }
  return { ok: true, value: x };
}

/**
 * The day arms of a switchback of `days` days: 1 treated, 0 control, -1 washout (left out).
 * Windows alternate; `firstTreated` says whether the first window is treated.
 */
export function switchbackArms(x: Experiment, days: number, firstTreated: boolean): Int8Array {
  const arms = new Int8Array(days);
  for (let d = 0; d < days; d++) {
    const w = Math.floor(d / x.windowDays);
    const treated = (w % 2 === 0) === firstTreated;
    // Every window follows a change of arm (the first one follows the warm-up, a control).
    const switched = w > 0 || treated;
    arms[d] = switched && d - w * x.windowDays < x.washoutDays ? -1 : treated ? 1 : 0;
  }
  return arms;
}

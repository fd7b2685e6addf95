/**
 * Scenarios: what a run is asked to simulate, and the validation every way in shares
 * (URL, scenario files, saved scenarios, form fields, runner flags).
 *
 * File form (DESIGN.md): { "version": 1, "seed": 1, "weeks": 26, "replications": 16,
 *                          "params": { "<paramId>": value, ... }, "fit": {...} }
 * `params` may list only the parameters that differ from the defaults; `fit` (optional) is a
 * calibration's fitted constants (src/model/scenario-fit.ts).
 */
import type { Experiment } from './experiment';
import { excerpt, quoted } from './input-text';
import { PARAMS, PARAM_BY_ID, defaultParams, type ParamDef, type Params } from './params';
import { parseFit, type ScenarioFit } from './scenario-fit';

export type { FitConstant, ScenarioFit } from './scenario-fit';

export const SCENARIO_VERSION = 1;

export interface Scenario {
  readonly version: 1;
  readonly seed: number;
  readonly weeks: number;
  readonly replications: number;
  readonly params: Params;
  /**
   * The parameters the run's warm-up runs under (docs/MODEL.md "Warm-up"): in a comparison the
   * baseline's (`pairedWith`), so both sides start from one warmed state; absent, the run's
   * own. A pairing made when a comparison is run, not part of the file form.
   */
  readonly warmup?: Params;
  /**
   * A change of parameters from the Monday of week `change.week` on (docs/MODEL.md "A change
   * mid-run"): the practice drills inject a hidden cause into a station's history with it. Not
   * part of the file form; a run without it is the very same run as before it existed.
   */
  readonly change?: ScenarioChange;
  /**
   * An experiment inside the market (src/model/experiment.ts, docs/MODEL.md "The experiment
   * lab"): the lab's runs only, not part of the file form.
   */
  readonly experiment?: Experiment;
  /**
   * The fitted constants the station rests on (src/model/scenario-fit.ts, docs/MODEL.md
   * "Calibration"): each replication draws them from their fitted distribution. Part of the
   * file form; absent, every replication runs at the parameters as set.
   */
  readonly fit?: ScenarioFit;
}

/** Parameters that change from week `week` (1-based, 2 or later) of a run on. */
export interface ScenarioChange {
  readonly week: number;
  readonly params: Partial<Params>;
}

/** The parameters a scenario's warm-up runs under: `warmup` when paired, else its own. */
export function warmupParams(s: Scenario): Params {
  return s.warmup ?? s.params;
}

/**
 * The scenario as run beside `baseline`: warming up under the baseline's warm-up parameters,
 * so that both start week 1 from the same warmed state and the levers apply from week 1, and
 * over the baseline's fit (none when the baseline has none), so that both draw the same
 * constants in each replication. A scenario whose parameters are the baseline's is returned
 * without `warmup`: the very same run as the baseline.
 */
export function pairedWith(baseline: Scenario, scenario: Scenario): Scenario {
  const warm = warmupParams(baseline);
  const rest: Scenario = {
    version: scenario.version,
    seed: scenario.seed,
    weeks: scenario.weeks,
    replications: scenario.replications,
    params: scenario.params,
    ...(baseline.fit ? { fit: baseline.fit } : {}),
  };
  return Object.keys(changedParams(scenario.params, warm)).length === 0
    ? rest
    : { ...rest, warmup: warm };
}

/** The run settings that sit beside the parameters, with their ranges. */
export const SETTINGS = {
  seed: {
    label: 'Seed',
    min: 0,
    max: 4294967295,
    default: 1,
    meaning: 'Seed of every random draw.',
  },
  weeks: { label: 'Weeks', min: 1, max: 104, default: 26, meaning: 'Simulated horizon.' },
  replications: {
    label: 'Replications',
    // A 95% interval needs at least two replications: one gives no spread to measure.
    min: 2,
    max: 256,
    default: 16,
    meaning:
      'Independent runs with different random draws; at least two, since an interval needs two, and more give narrower intervals.',
  },
} as const;

export type SettingId = keyof typeof SETTINGS;

export function defaultScenario(): Scenario {
  return {
    version: SCENARIO_VERSION,
    seed: SETTINGS.seed.default,
    weeks: SETTINGS.weeks.default,
    replications: SETTINGS.replications.default,
    params: defaultParams(),
  };
}

/**
 * "Reset baseline to defaults" beside `scenario`: the default parameters at the scenario's run
 * settings, and no fit on either side (a fit left on the scenario would come back with "Make
 * this the baseline", though the note on it went with the baseline's).
 */
export function resetBaselineBeside(scenario: Scenario): {
  baseline: Scenario;
  scenario: Scenario;
} {
  const rest: Scenario = { ...scenario };
  delete (rest as { fit?: ScenarioFit }).fit;
  return {
    baseline: {
      ...defaultScenario(),
      seed: scenario.seed,
      weeks: scenario.weeks,
      replications: scenario.replications,
    },
    scenario: rest,
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A value as a message quotes it: short and printable (src/model/input-text.ts). */
function show(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (value === undefined) return 'nothing';
  try {
    return excerpt(JSON.stringify(value) ?? String(value), 40);
  } catch {
    return excerpt(Object.prototype.toString.call(value), 40);
  }
}

function fmtRange(min: number, max: number): string {
  return `${min} to ${max}`;
}

/** Checks one parameter value against the table; returns the value or an error naming it. */
export function checkParam(id: string, value: unknown): Parsed<number | boolean> {
  const def: ParamDef | undefined = PARAM_BY_ID.get(id);
  if (!def) return { ok: false, error: `unknown parameter ${quoted(id)}` };
  // Named by label and key: the app shows the label, a scenario file or the runner uses the key.
  const name = `${def.label} ("${id}")`;
  if (def.kind === 'boolean') {
    if (typeof value !== 'boolean') {
      return { ok: false, error: `${name} must be true or false, got ${show(value)}` };
    }
    return { ok: true, value };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return {
      ok: false,
      error: `${name} must be a number from ${fmtRange(def.min, def.max)}, got ${show(value)}`,
    };
  }
  if (def.kind === 'integer' && !Number.isInteger(value)) {
    return {
      ok: false,
      error: `${name} must be a whole number from ${fmtRange(def.min, def.max)}, got ${show(value)}`,
    };
  }
  if (value < def.min || value > def.max) {
    return {
      ok: false,
      error:
        `${name} is ${show(value)}, outside the allowed range ${fmtRange(def.min, def.max)} ${def.unit}`.trimEnd(),
    };
  }
  return { ok: true, value };
}

/** Checks a run setting (seed, weeks, replications): a whole number within its range. */
export function checkSetting(id: SettingId, value: unknown): Parsed<number> {
  const s = SETTINGS[id];
  const name = `${s.label} ("${id}")`;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return {
      ok: false,
      error: `${name} must be a whole number from ${fmtRange(s.min, s.max)}, got ${show(value)}`,
    };
  }
  if (value < s.min || value > s.max) {
    // Say why there must be two: one replication has no spread, so no interval.
    const why =
      id === 'replications' && value < s.min
        ? ': a 95% interval needs at least two replications, since one has no spread to measure'
        : '';
    return {
      ok: false,
      error: `${name} is ${value}, outside the allowed range ${fmtRange(s.min, s.max)}${why}`,
    };
  }
  return { ok: true, value };
}

/**
 * Parses the scenario file form. Missing settings take their defaults, missing parameters
 * the table's defaults; unknown keys, wrong types and out-of-range values are rejected.
 */
export function parseScenario(input: unknown): Parsed<Scenario> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: `a scenario must be a JSON object, got ${show(input)}` };
  }
  const obj = input as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    // Own keys only: `toString` or `__proto__` name no setting, though `in` finds them.
    if (!['version', 'params', 'fit'].includes(key) && !Object.hasOwn(SETTINGS, key)) {
      return {
        ok: false,
        error: `unknown key ${quoted(key)} (allowed: version, seed, weeks, replications, params, fit)`,
      };
    }
  }
  if (obj.version !== undefined && obj.version !== SCENARIO_VERSION) {
    return { ok: false, error: `"version" must be ${SCENARIO_VERSION}, got ${show(obj.version)}` };
  }
  const settings: Record<SettingId, number> = {
    seed: SETTINGS.seed.default,
    weeks: SETTINGS.weeks.default,
    replications: SETTINGS.replications.default,
  };
  for (const id of Object.keys(SETTINGS) as SettingId[]) {
    if (obj[id] === undefined) continue;
    const r = checkSetting(id, obj[id]);
    if (!r.ok) return r;
    settings[id] = r.value;
  }
  const params = defaultParams() as Record<string, number | boolean>;
  if (obj.params !== undefined) {
    if (typeof obj.params !== 'object' || obj.params === null || Array.isArray(obj.params)) {
      return {
        ok: false,
        error: `"params" must be an object of parameter values, got ${show(obj.params)}`,
      };
    }
    for (const [id, value] of Object.entries(obj.params as Record<string, unknown>)) {
      const r = checkParam(id, value);
      if (!r.ok) return r;
      params[id] = r.value;
    }
  }
  const value: Scenario = { version: SCENARIO_VERSION, ...settings, params: params as Params };
  if (obj.fit === undefined) return { ok: true, value };
  const fit = parseFit(obj.fit);
  return fit.ok ? { ok: true, value: { ...value, fit: fit.value } } : fit;
}

/** The file form of a scenario, listing only the parameters that differ from the defaults. */
export function scenarioToJson(s: Scenario): {
  version: 1;
  seed: number;
  weeks: number;
  replications: number;
  params: Partial<Params>;
  fit?: ScenarioFit;
} {
  return {
    version: s.version,
    seed: s.seed,
    weeks: s.weeks,
    replications: s.replications,
    params: changedParams(s.params),
    ...(s.fit ? { fit: s.fit } : {}),
  };
}

/** Parameters whose value differs from `base` (the defaults unless given). */
export function changedParams(params: Params, base: Params = defaultParams()): Partial<Params> {
  const out: Record<string, number | boolean> = {};
  for (const p of PARAMS as readonly ParamDef[]) {
    const id = p.id as keyof Params;
    if (params[id] !== base[id]) out[id] = params[id];
  }
  return out as Partial<Params>;
}

/** A copy of the scenario with some parameters replaced (validated). */
export function withParams(s: Scenario, changes: Record<string, unknown>): Parsed<Scenario> {
  return parseScenario({
    ...scenarioToJson(s),
    params: { ...changedParams(s.params), ...changes },
  });
}

/**
 * The whole view (baseline, scenario, chosen chart and metric, user-set guardrail thresholds)
 * as a link, and back. Pure functions, no DOM.
 *
 * The link is the URL's hash in query form, and lists only what differs from the defaults:
 *
 *   #payPerHour=24.2&surgeEnabled=false&seed=3&b.blockHours=5&chart=pool&metric=fillRate
 *     &t.costPerPackage=3&m.hoursPerActiveDriver=0.5
 *
 * - a bare parameter id is the scenario's value, `b.<id>` the baseline's;
 * - `seed`, `weeks`, `replications` are the run settings, shared by baseline and scenario
 *   (they must be, to pair replications on the same random draws);
 * - `chart` (weekly | pool | earnings | why), `metric` (a metric id), `t.<metricId>` (a guardrail
 *   threshold the user set), `m.<metricId>` (a smallest change that matters the user set, in
 *   the table's kind: metric units, shares as fractions, or a fraction of the baseline);
 * - `pin<k>=<name>` and `pin<k>.<id>=<value>`: the workspace's pins (pin-link.ts). A pin that
 *   cannot be used is dropped, named in `dropped`, and does not fail the link;
 * - `fit.<id>=<value>_<logSe>` and `fitr=<correlations>`: the baseline's fit (fit-link.ts),
 *   which its scenario is compared over; one that cannot be used is dropped and named too;
 * - `lab.<setting>`: the experiment lab's settings (lab-link.ts), dropped and named the same way.
 * Numbers are written in JavaScript's shortest round-trip form, so decoding reproduces the
 * exact numbers. Decoding validates through parseScenario: the first thing wrong is named.
 */
import { MAX_LINK_CHARS, numberOrText, quoted } from '../../model/input-text';
import { METRIC_BY_ID, METRIC_INDEX, type MetricId } from '../../model/metrics';
import { PARAM_BY_ID, type Params } from '../../model/params';
import { usableMinChange, type MinChanges } from '../../model/verdict';
import type { Pin } from '../shared/scenario-runs';
import { isLabKey, readLab, writeLab, type LabSettings } from '../shared/lab-link';
import { isPinKey, readPins, writePins } from './pin-link';
import { isFitKey, readFit, writeFit } from './fit-link';
import { fitKey } from '../../model/scenario-fit';
import {
  SETTINGS,
  changedParams,
  defaultScenario,
  parseScenario,
  type Parsed,
  type Scenario,
  type SettingId,
} from '../../model/scenario';

export const CHART_IDS = ['weekly', 'pool', 'earnings', 'why'] as const;
export type ChartKind = (typeof CHART_IDS)[number];

export type Thresholds = Partial<Record<MetricId, number>>;
export type { MinChanges };

export interface ViewState {
  readonly baseline: Scenario;
  readonly scenario: Scenario;
  readonly chart: ChartKind;
  readonly metric: MetricId;
  readonly thresholds: Thresholds;
  readonly minChanges: MinChanges;
  /** The workspace's pins (none when absent). */
  readonly pins?: readonly Pin[];
  /** The experiment lab's settings (its defaults when absent). */
  readonly lab?: LabSettings;
}

/** A view read from a link, with a message per pin it dropped (absent when none was). */
export interface LinkView extends ViewState {
  readonly dropped?: readonly string[];
}

export const DEFAULT_CHART: ChartKind = 'weekly';
export const DEFAULT_METRIC: MetricId = 'onTimePackagesPerWeek';

export function defaultView(): ViewState {
  return {
    baseline: defaultScenario(),
    scenario: defaultScenario(),
    chart: DEFAULT_CHART,
    metric: DEFAULT_METRIC,
    thresholds: {},
    minChanges: {},
  };
}

const SETTING_IDS = Object.keys(SETTINGS) as SettingId[];
const BASELINE_PREFIX = 'b.';
const THRESHOLD_PREFIX = 't.';
const MIN_CHANGE_PREFIX = 'm.';

/**
 * `baseline` with the run settings (seed, weeks, replications) of `scenario`, so the two can
 * be paired; the same object when they already agree.
 */
export function alignSettings(baseline: Scenario, scenario: Scenario): Scenario {
  if (SETTING_IDS.every((k) => baseline[k] === scenario[k])) return baseline;
  return {
    ...baseline,
    seed: scenario.seed,
    weeks: scenario.weeks,
    replications: scenario.replications,
  };
}

/**
 * A guardrail threshold is valid for metrics that carry a guardrail (every one may be set):
 * finite and above 0, and a share at most 1 (100%).
 */
export function checkThreshold(metric: string, value: unknown): Parsed<number> {
  const def = METRIC_BY_ID.get(metric);
  if (!def) return { ok: false, error: `unknown metric ${quoted(metric)}` };
  if (!def.guardrail) return { ok: false, error: `metric "${metric}" has no guardrail threshold` };
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return {
      ok: false,
      error: `the threshold of "${metric}" must be a number above 0, got ${typeof value === 'string' ? quoted(value) : String(value)}`,
    };
  }
  if (def.percent === true && value > 1) {
    return { ok: false, error: `the threshold of "${metric}" is a share: at most 1, got ${value}` };
  }
  return { ok: true, value };
}

/** A smallest change that matters: for a known metric, a finite number, zero or more. */
export function checkMinChange(metric: string, value: unknown): Parsed<number> {
  const def = METRIC_BY_ID.get(metric);
  if (!def || !Object.hasOwn(METRIC_INDEX, metric)) {
    return { ok: false, error: `unknown metric "${metric}"` };
  }
  if (!usableMinChange(value)) {
    const got = typeof value === 'string' ? `"${value.slice(0, 40)}"` : String(value);
    return {
      ok: false,
      error: `the smallest change that matters of "${metric}" must be a number, 0 or more, got ${got}`,
    };
  }
  return { ok: true, value };
}

/** `minChanges` with the one of `metric` set to `value`, or without it when `value` is undefined. */
export function withMinChange(
  minChanges: MinChanges,
  metric: MetricId,
  value: number | undefined,
): MinChanges {
  const next: MinChanges = Object.fromEntries(
    Object.entries(minChanges).filter(([id]) => id !== metric),
  );
  if (usableMinChange(value)) next[metric] = value;
  return next;
}

/**
 * `thresholds` with the one of `metric` set to `threshold`, or without it when `threshold` is
 * not a number above 0. A new object; the changed threshold comes last (so last in the link).
 */
export function withThreshold(
  thresholds: Thresholds,
  metric: MetricId,
  threshold: number | undefined,
): Thresholds {
  const keep = threshold !== undefined && Number.isFinite(threshold) && threshold > 0;
  const next: Thresholds = Object.fromEntries(
    Object.entries(thresholds).filter(([id]) => id !== metric),
  );
  if (keep) next[metric] = threshold;
  return next;
}

function writeParams(out: URLSearchParams, params: Params, prefix: string): void {
  for (const [id, value] of Object.entries(changedParams(params))) {
    out.append(`${prefix}${id}`, String(value));
  }
}

/** The view as a URL hash (with its leading "#"), or "" for the default view. */
export function encodeView(view: ViewState): string {
  const out = new URLSearchParams();
  writeParams(out, view.scenario.params, '');
  for (const k of SETTING_IDS) {
    if (view.scenario[k] !== SETTINGS[k].default) out.append(k, String(view.scenario[k]));
  }
  writeParams(out, view.baseline.params, BASELINE_PREFIX);
  writeFit(out, view.baseline.fit);
  if (view.chart !== DEFAULT_CHART) out.append('chart', view.chart);
  if (view.metric !== DEFAULT_METRIC) out.append('metric', view.metric);
  for (const [id, value] of Object.entries(view.thresholds)) {
    if (value !== undefined) out.append(`${THRESHOLD_PREFIX}${id}`, String(value));
  }
  for (const [id, value] of Object.entries(view.minChanges)) {
    if (value !== undefined) out.append(`${MIN_CHANGE_PREFIX}${id}`, String(value));
  }
  writePins(out, view.pins ?? []);
  writeLab(out, view.lab);
  const text = out.toString();
  return text === '' ? '' : `#${text}`;
}

/** A parameter's text as the type its table row asks for (left as text when it is not). */
function paramValue(id: string, text: string): unknown {
  const def = PARAM_BY_ID.get(id);
  if (def?.kind === 'boolean') {
    if (text === 'true') return true;
    if (text === 'false') return false;
    return text;
  }
  return numberOrText(text);
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** What a link's keys say, gathered before the two scenarios are validated. */
interface LinkParts {
  /** The run settings, as written. */
  readonly settings: Record<string, unknown>;
  readonly scenarioParams: Record<string, unknown>;
  readonly baselineParams: Record<string, unknown>;
  readonly thresholds: Record<string, number>;
  readonly minChanges: Record<string, number>;
  chart: ChartKind;
  metric: MetricId;
}

/** Files one `key=value` of a link into `parts`; says what is wrong when it cannot be used. */
function readEntry(parts: LinkParts, key: string, value: string): string | undefined {
  if ((SETTING_IDS as string[]).includes(key)) {
    parts.settings[key] = numberOrText(value);
  } else if (key === 'chart') {
    const c = CHART_IDS.find((id) => id === value);
    if (!c) return `"chart" must be one of ${CHART_IDS.join(', ')}, got ${quoted(value)}`;
    parts.chart = c;
  } else if (key === 'metric') {
    if (!METRIC_BY_ID.has(value)) return `"metric" names no metric: ${quoted(value)}`;
    parts.metric = value as MetricId;
  } else if (key.startsWith(THRESHOLD_PREFIX)) {
    const id = key.slice(THRESHOLD_PREFIX.length);
    const r = checkThreshold(id, numberOrText(value));
    if (!r.ok) return r.error;
    parts.thresholds[id] = r.value;
  } else if (key.startsWith(MIN_CHANGE_PREFIX)) {
    const id = key.slice(MIN_CHANGE_PREFIX.length);
    const r = checkMinChange(id, numberOrText(value));
    if (!r.ok) return r.error;
    parts.minChanges[id] = r.value;
  } else if (key.startsWith(BASELINE_PREFIX)) {
    const id = key.slice(BASELINE_PREFIX.length);
    if (!PARAM_BY_ID.has(id)) return `unknown baseline parameter ${quoted(id)}`;
    parts.baselineParams[id] = paramValue(id, value);
  } else if (PARAM_BY_ID.has(key)) {
    parts.scenarioParams[key] = paramValue(key, value);
  } else {
    return `unknown key ${quoted(key)} in the link (expected a parameter id, b.<parameter>, seed, weeks, replications, chart, metric, t.<metric>, m.<metric>, pin<k> or lab.<setting>)`;
  }
  return undefined;
}

/** The view the gathered parts describe: scenario first, then the baseline on its settings. */
function viewOf(parts: LinkParts): Parsed<ViewState> {
  const s = parseScenario({ ...parts.settings, params: parts.scenarioParams });
  if (!s.ok) return fail(s.error);
  const b = parseScenario({
    version: 1,
    seed: s.value.seed,
    weeks: s.value.weeks,
    replications: s.value.replications,
    params: parts.baselineParams,
  });
  if (!b.ok) return fail(`in the baseline, ${b.error}`);
  return {
    ok: true,
    value: {
      baseline: b.value,
      scenario: s.value,
      chart: parts.chart,
      metric: parts.metric,
      thresholds: parts.thresholds as Thresholds,
      minChanges: parts.minChanges as MinChanges,
    },
  };
}

/**
 * Reads a view from a URL hash (with or without its "#"). An empty hash is the default view.
 * Anything wrong (an unknown key, a repeated key, a value of the wrong type or out of range)
 * fails the whole link with a message naming the key and value.
 */
export function decodeView(hash: string): Parsed<LinkView> {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const base = defaultView();
  if (text.trim() === '') return { ok: true, value: base };
  if (text.length > MAX_LINK_CHARS) {
    return fail(`the link is over ${MAX_LINK_CHARS / 1024} KB, longer than any view's link`);
  }
  let entries: [string, string][];
  try {
    entries = [...new URLSearchParams(text).entries()];
  } catch {
    return fail('the link could not be read as key=value pairs');
  }
  const parts: LinkParts = {
    settings: {},
    scenarioParams: {},
    baselineParams: {},
    thresholds: {},
    minChanges: {},
    chart: base.chart,
    metric: base.metric,
  };
  const seen = new Set<string>();
  for (const [key, value] of entries) {
    if (isPinKey(key) || isFitKey(key) || isLabKey(key)) continue;
    if (seen.has(key)) return fail(`${quoted(key)} appears more than once in the link`);
    seen.add(key);
    const error = readEntry(parts, key, value);
    if (error !== undefined) return fail(error);
  }
  const read = viewOf(parts);
  if (!read.ok) return read;
  const fit = readFit(entries);
  const view = typeof fit === 'object' ? withFit(read.value, fit) : read.value;
  const { pins, dropped } = readPins(entries, view.scenario, paramValue);
  if (typeof fit === 'string') dropped.unshift(`the baseline's fit was dropped: ${fit}`);
  const { lab, dropped: labDropped } = readLab(entries);
  dropped.push(...labDropped);
  return {
    ok: true,
    value: {
      ...view,
      ...(pins.length > 0 ? { pins } : {}),
      ...(lab ? { lab } : {}),
      ...(dropped.length > 0 ? { dropped } : {}),
    },
  };
}

/** The view with `fit` on its baseline and its scenario (the workspace's fit). */
function withFit(view: ViewState, fit: Scenario['fit']): ViewState {
  return { ...view, baseline: { ...view.baseline, fit }, scenario: { ...view.scenario, fit } };
}

/** Whether two scenarios are the same in every setting, parameter and fit. */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  if (SETTING_IDS.some((k) => a[k] !== b[k])) return false;
  if (fitKey(a.fit) !== fitKey(b.fit)) return false;
  return Object.keys(changedParams(a.params, b.params)).length === 0;
}

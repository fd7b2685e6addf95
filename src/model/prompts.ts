/**
 * Practice prompts: changes a product manager might propose, for a candidate to reason about
 * before the simulation answers. Each prompt names the levers it moves (absolute values),
 * optionally a situation both sides share (for example the season) and a horizon, and the
 * metrics the candidate is asked about. A prompt of the library starts from the default
 * station, whatever the workspace holds, so its title ("from $22 to $30") is what is run and
 * every candidate answers the same question.
 *
 * A candidate can also turn any scenario into a prompt: the levers it changes against its
 * baseline make the title, and that baseline is the one run.
 */
import { reaches } from './causal';
import { PRACTICE_RUN } from './practice-code';
import { METRICS, type MetricId } from './metrics';
import { PARAM_BY_ID, defaultParams, type ParamDef, type ParamId, type Params } from './params';
import { LONG_RUN_WEEKS, SHORT_RUN_WEEKS } from './results';
import { changedParams, withParams, type Parsed, type Scenario } from './scenario';

export type Difficulty = 'easy' | 'medium' | 'hard';

export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** Mechanisms of the model an answer key can involve (docs/PRACTICE.md, "Difficulty"). */
export const MECHANISMS = {
  payCost: 'pay is the operator’s cost: cost per package and driver pay move together',
  paySupply:
    'pay (or the outside wage) draws drivers in and keeps them: the pool grows or shrinks over months',
  crowding: 'more drivers share the same block hours: fewer hours each, more of them frustrated',
  fit: 'block length against the hours drivers want: fewer fit a longer block, fill falls',
  overhead: 'fixed costs per block (station overhead) spread over more or fewer packages',
  capacity: 'blocks planned against the forecast: idle paid hours when over, misses when under',
  fallback:
    'what drivers do not cover goes to the fallback carrier, which costs more and misses more',
  surge: 'surge pay fills blocks that would go unclaimed, at a premium',
  release: 'when blocks are released: who sees them first and how early drivers commit',
  reserved: 'reserved offers go to drivers in good standing before the open waves',
  churn: 'frustration and missed hours drive quits, felt only over months',
} as const;
export type Mechanism = keyof typeof MECHANISMS;

/**
 * A prompt's answer key in outline: the mechanisms the answers involve, and whether effects
 * compete (a metric pulled both ways, or the North Star and cost moving against each other), a
 * metric reverses between the short and the long run, or a guardrail is the trap (it breaks
 * while the headline looks good).
 */
export interface AnswerKey {
  readonly mechanisms: readonly Mechanism[];
  readonly competing?: boolean;
  readonly reversal?: boolean;
  readonly trap?: boolean;
}

/**
 * Difficulty from the answer key: easy moves one mechanism with nothing competing; hard has
 * three mechanisms or more, competing effects, a reversal or a guardrail trap; medium is the
 * rest (two mechanisms pulling the same way).
 */
export function difficultyOf(key: AnswerKey): Difficulty {
  if (key.competing || key.reversal || key.trap || key.mechanisms.length >= 3) return 'hard';
  return key.mechanisms.length <= 1 ? 'easy' : 'medium';
}

export interface Prompt {
  readonly id: string;
  /** The change as a PM would propose it. */
  readonly title: string;
  readonly difficulty: Difficulty;
  /** A sentence of context for the candidate. */
  readonly context: string;
  /** Levers (or assumptions) the proposal changes: the scenario's values. */
  readonly changes: Partial<Params>;
  /** The situation baseline and scenario share (not part of the change). */
  readonly setting?: Partial<Params>;
  /** Simulated weeks, when the prompt needs its own horizon. */
  readonly weeks?: number;
  /** Metrics the candidate predicts, the North Star first. */
  readonly metrics: readonly MetricId[];
  /** Made from the workspace scenario: runs against the workspace baseline, not the defaults. */
  readonly fromWorkspace?: boolean;
  /** The answer key in outline: its difficulty follows from it (difficultyOf). */
  readonly key: AnswerKey;
}

/**
 * Fewest weeks a practice round simulates: the short run (weeks 1–4) and the long run (the
 * last 8 weeks) must not overlap, or the candidate would be asked the same thing twice.
 */
export const PRACTICE_MIN_WEEKS = SHORT_RUN_WEEKS + LONG_RUN_WEEKS;

export const NORTH_STAR: MetricId = 'onTimePackagesPerWeek';

export const PROMPTS: readonly Prompt[] = [
  {
    id: 'pay-rise-30',
    title: 'Raise pay per hour from $22 to $30',
    difficulty: 'hard',
    key: { mechanisms: ['payCost', 'paySupply', 'crowding'], trap: true },
    context: 'Drivers complain about pay; finance asks what a generous raise buys.',
    changes: { payPerHour: 30 },
    metrics: [
      'onTimePackagesPerWeek',
      'fillRate',
      'driverNetHourly',
      'costPerPackage',
      'activeDrivers',
      'hoursPerActiveDriver',
      'blockScarcity',
      'fallbackShare',
    ],
  },
  {
    id: 'pay-cut-10',
    title: 'Cut pay per hour by 10% ($22 to $19.80)',
    difficulty: 'hard',
    key: { mechanisms: ['payCost', 'paySupply', 'fallback'], trap: true },
    context: 'Finance wants a lower cost per package and proposes the obvious cut.',
    changes: { payPerHour: 19.8 },
    metrics: [
      'onTimePackagesPerWeek',
      'fillRate',
      'fallbackShare',
      'costPerPackage',
      'driverNetHourly',
      'activeDrivers',
      'weeklyChurnRate',
      'onTimeRate',
    ],
  },
  {
    id: 'blocks-5h',
    title: 'Move to 5-hour blocks (from 3.5 hours)',
    difficulty: 'hard',
    key: { mechanisms: ['fit', 'overhead', 'fallback'], competing: true },
    context: 'Operations wants fewer, longer blocks to cut station overhead.',
    changes: { blockHours: 5 },
    metrics: [
      'onTimePackagesPerWeek',
      'fillRate',
      'costPerPackage',
      'driverNetHourly',
      'hoursGini',
      'noFittingBlock',
      'onTimeRate',
    ],
  },
  {
    id: 'surge-off-peak',
    title: 'Switch off surge pay before peak season',
    difficulty: 'easy',
    key: { mechanisms: ['surge'] },
    context: 'Both runs start in week 44, just before Black Friday; surge spend is under scrutiny.',
    changes: { surgeEnabled: false },
    setting: { startWeek: 44 },
    weeks: 12,
    metrics: [
      'onTimePackagesPerWeek',
      'fillRate',
      'surgeSpendShare',
      'fallbackShare',
      'costPerPackage',
      'lateRate',
      'driverNetHourly',
    ],
  },
  {
    id: 'release-week-ahead',
    title: 'Release blocks a week ahead (from 2 days)',
    difficulty: 'medium',
    key: { mechanisms: ['release', 'fallback'] },
    context: 'Drivers ask to plan their week; the scheduling team proposes 7-day releases.',
    changes: { releaseLeadDays: 7 },
    metrics: [
      'onTimePackagesPerWeek',
      'fillRate',
      'timeToFillHours',
      'onTimeRate',
      'fallbackShare',
      'weeklyChurnRate',
      'activeDrivers',
    ],
  },
  {
    id: 'buffer-20',
    title: 'Raise the capacity buffer from 5% to 20%',
    difficulty: 'easy',
    key: { mechanisms: ['capacity'] },
    context: 'Customers saw late packages last month; the station wants a bigger margin.',
    changes: { capacityBuffer: 0.2 },
    metrics: [
      'onTimePackagesPerWeek',
      'onTimeRate',
      'idlePaidHoursShare',
      'costPerPackage',
      'fillRate',
      'hoursPerActiveDriver',
      'blockScarcity',
    ],
  },
  {
    id: 'reserved-80',
    title: 'Reserve 80% of blocks for drivers in good standing (from 30%)',
    difficulty: 'easy',
    key: { mechanisms: ['reserved'] },
    context: 'Reliability matters; the proposal rewards drivers with a clean record.',
    changes: { reservedShare: 0.8 },
    metrics: [
      'onTimePackagesPerWeek',
      'hoursGini',
      'retention90',
      'weeklyChurnRate',
      'activeDrivers',
      'fillRate',
    ],
  },
  {
    id: 'tight-labour',
    title: 'The labour market tightens: outside wages rise from $17 to $19 an hour',
    difficulty: 'medium',
    key: { mechanisms: ['paySupply', 'fallback'] },
    context: 'Not a lever: warehouses nearby raise wages. What happens if pay stays as it is?',
    changes: { outsideWage: 19 },
    metrics: [
      'onTimePackagesPerWeek',
      'activeDrivers',
      'fillRate',
      'weeklyChurnRate',
      'costPerPackage',
      'fallbackShare',
      'surgeSpendShare',
    ],
  },
  {
    id: 'tips-3',
    title: 'Pass on tips of $3 per block hour',
    difficulty: 'medium',
    key: { mechanisms: ['payCost', 'paySupply'] },
    context: 'A grocery partner adds tips; the operator counts them as its cost.',
    changes: { tipsPerHour: 3 },
    metrics: [
      'onTimePackagesPerWeek',
      'driverNetHourly',
      'costPerPackage',
      'fillRate',
      'activeDrivers',
      'belowFloorHoursShare',
    ],
  },
];

export const PROMPT_BY_ID: ReadonlyMap<string, Prompt> = new Map(PROMPTS.map((p) => [p.id, p]));

/** The baseline and scenario a prompt compares: both with its setting and horizon. */
export interface PromptRun {
  readonly baseline: Scenario;
  readonly scenario: Scenario;
}

/**
 * Builds a prompt's pair of runs (validated): on the workspace's run settings (seed,
 * replications, and weeks unless the prompt sets them, at least PRACTICE_MIN_WEEKS), from the
 * default parameters for a library prompt or from the workspace baseline for one made from
 * the workspace scenario.
 */
export function promptRun(
  prompt: Prompt,
  workspaceBaseline: Scenario,
  seed?: number,
): Parsed<PromptRun> {
  // A library prompt from a code (`seed` given) runs on the fixed settings, so the code alone
  // gives the runs; a prompt made from the workspace runs on the workspace's.
  const fixed = seed !== undefined && !prompt.fromWorkspace;
  const weeks = Math.max(
    PRACTICE_MIN_WEEKS,
    prompt.weeks ?? (fixed ? PRACTICE_RUN.weeks : workspaceBaseline.weeks),
  );
  const settings = fixed ? { seed, replications: PRACTICE_RUN.replications } : {};
  const start: Scenario = prompt.fromWorkspace
    ? { ...workspaceBaseline, weeks }
    : { ...workspaceBaseline, ...settings, weeks, params: defaultParams() };
  const base = withParams(start, prompt.setting ?? {});
  if (!base.ok) return base;
  const scenario = withParams(base.value, prompt.changes);
  if (!scenario.ok) return scenario;
  if (Object.keys(changedParams(scenario.value.params, base.value.params)).length === 0) {
    return {
      ok: false,
      error: 'this prompt changes nothing against your baseline (it already has these values)',
    };
  }
  return { ok: true, value: { baseline: base.value, scenario: scenario.value } };
}

/** A parameter value as people read it, with its unit: "$22/h", "3.5 h", "on". */
export function formatParamValue(def: ParamDef, value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  const text = String(Number(value.toPrecision(6)));
  if (def.unit.startsWith('$')) return `$${text}${def.unit.slice(1)}`;
  if (def.unit === 'share') return `${Number((value * 100).toPrecision(6))}%`;
  if (def.unit === 'week') return `week ${text}`;
  return def.unit === '' ? text : `${text} ${def.unit}`;
}

/** Metrics asked about when a prompt is made from a scenario, in order of priority. */
export const CUSTOM_METRICS: readonly MetricId[] = [
  'onTimePackagesPerWeek',
  'fillRate',
  'costPerPackage',
  'driverNetHourly',
  'activeDrivers',
  'onTimeRate',
  'fallbackShare',
  'weeklyChurnRate',
];

/**
 * A prompt from a scenario against its baseline: the changed levers make the title. The run
 * settings (weeks) come from the scenario; the rest of the baseline is the workspace's.
 */
export function promptFromScenario(baseline: Scenario, scenario: Scenario): Parsed<Prompt> {
  const changes = changedParams(scenario.params, baseline.params);
  const ids = Object.keys(changes) as (keyof Params)[];
  if (ids.length === 0) {
    return {
      ok: false,
      error: 'the workspace scenario is the same as its baseline: change a lever first',
    };
  }
  const parts = ids.map((id) => {
    const def = PARAM_BY_ID.get(id);
    if (!def) return id;
    return `${def.label}: ${formatParamValue(def, baseline.params[id])} → ${formatParamValue(def, scenario.params[id])}`;
  });
  return { ok: true, value: customPrompt(ids, changes, parts.join('; '), scenario.weeks) };
}

/** Most and fewest metrics a prompt made from a scenario asks about. */
const CUSTOM_MOST = 8;
const CUSTOM_FEWEST = 6;

function customPrompt(
  ids: readonly ParamId[],
  changes: Partial<Params>,
  title: string,
  weeks: number,
): Prompt {
  // The North Star, then the metrics the changed levers reach in the causal graph.
  const reached = (metric: MetricId) => ids.some((id) => reaches(id, metric));
  const preferred = [
    ...CUSTOM_METRICS,
    ...METRICS.map((m) => m.id).filter((id) => !CUSTOM_METRICS.includes(id)),
  ];
  const metrics: MetricId[] = [NORTH_STAR];
  for (const id of preferred) {
    if (metrics.length >= CUSTOM_MOST) break;
    if (!metrics.includes(id) && reached(id)) metrics.push(id);
  }
  for (const id of CUSTOM_METRICS) {
    if (metrics.length >= CUSTOM_FEWEST) break;
    if (!metrics.includes(id)) metrics.push(id);
  }
  return {
    id: `scenario:${JSON.stringify(changes)}`,
    title,
    // Every lever moved is a mechanism of its own at least; two or more may compete.
    difficulty: ids.length > 1 ? 'hard' : 'medium',
    key: { mechanisms: [], competing: ids.length > 1 },
    context: 'Made from your workspace scenario against its baseline.',
    changes,
    weeks,
    metrics,
    fromWorkspace: true,
  };
}

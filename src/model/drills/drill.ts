/**
 * A drill from its code (docs/PRACTICE.md): the hidden cause (a template), the station's
 * scenario with the cause as a change from the change week on, and the query budget. The same
 * code gives the same scenario, hence the same history, slices and grading.
 */
import { defaultScenario, type Scenario } from '../scenario';
import { decodeDrill } from './code';
import { FEATURE_BY_ID } from './features';
import { formatValue } from './grade';
import { Window, type DrillHistory } from './history';
import { observe } from './slices';
import { TEMPLATES, type DrillTemplate } from './templates';

/** Weeks of station history a drill shows. */
export const DRILL_WEEKS = 12;
/** Queries a drill allows (slices to look at) before the candidate must name the cause. */
export const DRILL_BUDGET = 5;

/**
 * The drills' station: the default one with pay a little lower ($20), so it runs tight
 * enough (about 95% of blocks filled, some surged) for surge, release and supply causes to show.
 */
export const DRILL_STATION = { payPerHour: 20 } as const;

export interface Drill {
  readonly code: string;
  readonly seed: number;
  readonly template: DrillTemplate;
  /** The first week under the hidden change: 7, 8 or 9, so the last 4 to 6 weeks show it. */
  readonly changeWeek: number;
  readonly budget: number;
  readonly scenario: Scenario;
}

/** The drill of a template and a seed. */
export function makeDrill(template: DrillTemplate, seed: number, code: string): Drill {
  const changeWeek = 7 + (seed % 3);
  const base = defaultScenario();
  return {
    code,
    seed,
    template,
    changeWeek,
    budget: DRILL_BUDGET,
    scenario: {
      ...base,
      params: { ...base.params, ...DRILL_STATION },
      seed,
      weeks: DRILL_WEEKS,
      replications: 2,
      change: { week: changeWeek, params: template.change },
    },
  };
}

/** The drill a code stands for, or undefined for a code that names none. */
export function drillFromCode(code: string): Drill | undefined {
  const d = decodeDrill(code);
  if (!d || d.template >= TEMPLATES.length) return undefined;
  return makeDrill(TEMPLATES[d.template], d.seed, code.trim().toUpperCase());
}

/** What the candidate is told before any query: the headline metric's move and its weeks. */
export interface DrillPrompt {
  readonly metric: string;
  readonly text: string;
  /** The headline metric week by week (free to see: the prompt shows it). */
  readonly weekly: readonly number[];
}

/** The prompt of a drill, from its history: "<metric> has moved since week W". */
export function drillPrompt(drill: Drill, h: DrillHistory): DrillPrompt {
  const f = FEATURE_BY_ID.get(drill.template.headline);
  if (!f) throw new Error(`no measure "${drill.template.headline}"`);
  const o = observe(h, f);
  const lengths = (w: number): readonly number[] =>
    w + 1 < h.changeWeek ? h.lengths.before : h.lengths.after;
  const weekly = Array.from({ length: h.weeks }, (_, w) =>
    f.value(new Window(h, w * 7, w * 7 + 7), lengths(w)),
  );
  const verb = o.after > o.before ? 'rose' : 'fell';
  const last = h.changeWeek - 1;
  const text =
    `${f.label} ${verb} from ${formatValue(f, o.before)} in weeks 1–${last} to ` +
    `${formatValue(f, o.after)} in weeks ${h.changeWeek}–${h.weeks}. Find out why within ` +
    `${drill.budget} queries, name the cause and the fix.`;
  return { metric: f.label, text, weekly };
}

/**
 * Grading a root-cause drill against its truth (docs/PRACTICE.md): the cause named (right, of
 * the same family, or wrong), the fix named, and the queries spent, with feedback for each
 * whether right or wrong, and the reference solver's steps as the model answer.
 */
import type { DrillHistory } from './history';
import { FEATURE_BY_ID, type FeatureDef, type SliceId } from './features';
import { observe, SLICE_BY_ID, type Observation } from './slices';
import { fits, solve, type Solution } from './solver';
import { FIXES, TEMPLATES, expectation, type DrillTemplate, type FixId } from './templates';
import type { Drill } from './drill';

export interface DrillAnswer {
  /** The id of the cause named (a template's id). */
  readonly cause: string;
  readonly fix: FixId;
  /** The slices queried, in order. */
  readonly queries: readonly SliceId[];
}

export interface DrillGrade {
  /** 0 to 100: 60 for the cause (20 for one of its family), 30 for the fix, 10 for economy. */
  readonly score: number;
  readonly cause: 'right' | 'family' | 'wrong';
  readonly fixRight: boolean;
  readonly queriesUsed: number;
  /** One paragraph each: the cause, the fix, the queries. */
  readonly feedback: readonly string[];
  /** How a strong candidate narrows it down (the reference solver). */
  readonly model: Solution;
}

/** A measure's value as the slices show it. */
export function formatValue(f: FeatureDef, v: number): string {
  if (f.unit === '%') return `${(100 * v).toFixed(1)}%`;
  if (f.unit === '$/h' || f.unit === '$') return `$${v.toFixed(2)}${f.unit === '$/h' ? '/h' : ''}`;
  const unit = f.unit === '' ? '' : ` ${f.unit}`;
  return `${v.toFixed(Math.abs(v) >= 100 ? 0 : 1)}${unit}`;
}

/** "label: before → after". */
export function describe(o: Observation): string {
  const f = o.feature;
  return `${f.label}: ${formatValue(f, o.before)} → ${formatValue(f, o.after)}`;
}

/** The measures where template t's expectations meet the history: what fits, what does not. */
function evidence(
  t: DrillTemplate,
  h: DrillHistory,
): { fit: Observation[]; misfit: Observation[] } {
  const fit: Observation[] = [];
  const misfit: Observation[] = [];
  for (const [id, f] of FEATURE_BY_ID) {
    const e = expectation(t, id);
    if (!e) continue;
    const o = observe(h, f);
    if (!fits(e, o.move)) misfit.push(o);
    else if (e !== 'flat') fit.push(o);
  }
  return { fit, misfit };
}

function causeFeedback(truth: DrillTemplate, named: DrillTemplate | undefined, h: DrillHistory) {
  const shown = evidence(truth, h).fit.map(describe).join('; ');
  if (named?.id === truth.id) {
    return `Right: ${truth.cause}. ${truth.mechanism} The data that show it: ${shown}.`;
  }
  const intro = named ? `Not “${named.cause}”.` : 'No cause was named.';
  let why = '';
  if (named) {
    const against = evidence(named, h).misfit.slice(0, 2);
    why = against.length
      ? ` Had it been the cause, ${against
          .map(
            (o) =>
              `${o.feature.label.toLowerCase()} would have ${moveWord(expectation(named, o.feature.id))} (${formatValue(o.feature, o.before)} → ${formatValue(o.feature, o.after)})`,
          )
          .join(', and ')}.`
      : ' The data do not rule it out, but they do not show its mark either.';
    if (named.family === truth.family) why += ` It is close: both are ${truth.family} causes.`;
  }
  return `${intro}${why} The hidden cause: ${truth.cause}. ${truth.mechanism} The data that show it: ${shown}.`;
}

function moveWord(e: string | undefined): string {
  return e === 'up'
    ? 'risen'
    : e === 'down'
      ? 'fallen'
      : e === 'vanish'
        ? 'fallen to nearly nothing'
        : 'held steady';
}

/** Grades an answer to a drill against its hidden cause, on the drill's history. */
export function gradeDrill(drill: Drill, h: DrillHistory, answer: DrillAnswer): DrillGrade {
  const truth = drill.template;
  const named = TEMPLATES.find((t) => t.id === answer.cause);
  const cause =
    named?.id === truth.id ? 'right' : named?.family === truth.family ? 'family' : 'wrong';
  const fixRight = truth.fixes.includes(answer.fix);
  const model = solve(h, drill.budget, truth.headline);
  const used = Math.min(answer.queries.length, drill.budget);
  const extra = Math.max(0, used - model.steps.length);
  const economy = cause === 'right' ? Math.max(0, 10 - 3 * extra) : 0;
  const score =
    (cause === 'right' ? 60 : cause === 'family' ? 20 : 0) + (fixRight ? 30 : 0) + economy;
  const fixText = fixRight
    ? `${FIXES[answer.fix]}: yes, that answers it.`
    : `${FIXES[answer.fix] ?? 'That fix'} does not answer it; ${truth.fixes.map((f) => FIXES[f].toLowerCase()).join(', or ')} would.`;
  const path = model.steps.map((s) => SLICE_BY_ID.get(s.slice)?.title ?? s.slice).join(' → ');
  const queryText = `You used ${used} of ${drill.budget} queries; the model answer used ${model.steps.length}: ${path}.`;
  return {
    score,
    cause,
    fixRight,
    queriesUsed: used,
    feedback: [causeFeedback(truth, named, h), fixText, queryText],
    model,
  };
}

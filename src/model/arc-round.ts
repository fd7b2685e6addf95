/**
 * A metric-question round graded as a whole (docs/PRACTICE.md): every step of the arc
 * (arc.ts) against the run's truths, the round's score (the mean of its five steps) and the
 * per-skill scores its history keeps. Pure.
 */
import {
  choosableMetrics,
  gradeCall,
  gradeGuardrails,
  gradeNorthStar,
  gradePredictions,
  type ArcAnswers,
  type CallFacts,
  type GuardrailFacts,
  type NorthStarFacts,
  type Skill,
  type SizedRow,
  type StepGrade,
} from './arc';
import type { Params } from './params';
import type { Prompt } from './prompts';
import type { Truth } from './scoring';

export interface QuestionGrade {
  readonly northStar: StepGrade<NorthStarFacts>;
  readonly guardrails: StepGrade<GuardrailFacts>;
  readonly direction: StepGrade<null>;
  readonly size: StepGrade<null>;
  readonly call: StepGrade<CallFacts>;
  /** The asked metrics' rows, direction and size graded. */
  readonly rows: readonly SizedRow[];
  /** Mean of the five steps, 0–1. */
  readonly score: number;
  readonly skills: Readonly<Partial<Record<Skill, number>>>;
}

/**
 * Grades a round. `measured` holds every metric's truths (short and long run), the asked
 * metrics' among them; `baseline` and `scenario` are the runs' parameters.
 */
export function gradeQuestion(
  prompt: Prompt,
  answers: ArcAnswers,
  measured: readonly Truth[],
  baseline: Params,
  scenario: Params,
): QuestionGrade {
  const asked = measured.filter((t) => prompt.metrics.includes(t.metric));
  // Rows in the prompt's order, short run then long run for each metric.
  asked.sort(
    (a, b) =>
      prompt.metrics.indexOf(a.metric) - prompt.metrics.indexOf(b.metric) ||
      (a.run === b.run ? 0 : a.run === 'short' ? -1 : 1),
  );
  const northStar = gradeNorthStar(answers, measured);
  const guardrails = gradeGuardrails(
    answers,
    measured,
    choosableMetrics(prompt.metrics),
    baseline,
    scenario,
  );
  const { rows, direction, size } = gradePredictions(asked, answers);
  const call = gradeCall(answers, measured);
  const steps = [northStar, guardrails, direction, size, call];
  const skills: Partial<Record<Skill, number>> = {};
  for (const s of steps) skills[s.skill] = s.score;
  return {
    northStar,
    guardrails,
    direction,
    size,
    call,
    rows,
    score: steps.reduce((a, s) => a + s.score, 0) / steps.length,
    skills,
  };
}

/**
 * The reveal's feedback, step by step: for a metric question, the round's score and a section
 * per step (North Star, inputs and guardrails, directions, sizes, the call), each with its
 * score and its feedback whether right or wrong (arc-feedback.ts words it); for a ship-or-not
 * drill, the call against the candidate's criteria, what they say on the other run length, and
 * the strong candidate's criteria. Templates only: practice-mode.ts places them.
 *
 * Hooks: `[data-round-score]` (0–1), `[data-feedback=<northStar|guardrails|direction|size|call>]`
 * with `data-step-score`; for a ship drill `[data-ship-grade]` with `data-right`.
 */
import { html } from 'lit';
import type { ArcAnswers, Criteria } from '../../model/arc';
import type { QuestionGrade } from '../../model/arc-round';
import { RUN_LENGTH_TEXT, type Truth } from '../../model/scoring';
import type { ShipAnswer, ShipGrade } from '../../model/ship-drills';
import {
  CALL_TEXT,
  callFeedback,
  changeText,
  guardrailFeedback,
  northStarFeedback,
  predictionFeedback,
  quote,
} from './arc-feedback';
import { labels } from './arc-forms';
import { percentText } from './practice-text';

function stepSection(id: string, title: string, score: number, lines: readonly string[]) {
  return html`<div class="feedback" data-feedback=${id} data-step-score=${score}>
    <h4>${title} <span class="step-score">${percentText(score)}</span></h4>
    ${lines.map((line) => html`<p>${line}</p>`)}
  </div>`;
}

/** The feedback on every step of a metric question. */
export function questionReview(g: QuestionGrade, answers: ArcAnswers, measured: readonly Truth[]) {
  const pred = predictionFeedback(g.rows, g.direction, g.size, measured);
  return html`<p class="round-score" data-round-score=${g.score}>
      Round score: <strong>${percentText(g.score)}</strong> (the mean of the five steps)
    </p>
    ${stepSection(
      'northStar',
      'Step 1 · Goal and North Star',
      g.northStar.score,
      northStarFeedback(g.northStar, answers.goal),
    )}
    ${stepSection(
      'guardrails',
      'Step 2 · Inputs and guardrails',
      g.guardrails.score,
      guardrailFeedback(g.guardrails),
    )}
    ${stepSection('direction', 'Step 3 · Directions', g.direction.score, pred.direction)}
    ${stepSection('size', 'Step 3 · Sizes', g.size.score, pred.size)}
    ${stepSection('call', 'Step 4 · The call', g.call.score, callFeedback(g.call, answers))}`;
}

function criteriaText(c: Criteria): string {
  return `${labels([c.goal])} must get better; ${labels(c.guardrails)} must not get worse`;
}

/** The feedback on a ship-or-not drill. */
export function shipReview(g: ShipGrade, a: ShipAnswer, model: Criteria) {
  const other = a.horizon === 'long' ? 'short' : 'long';
  const reading = (r: ShipGrade['atHorizon']) =>
    [
      r.goal ? `${labels([r.goal.metric])} ${changeText(r.goal)}` : 'the goal had no estimate',
      ...r.broken.map((t) => `${labels([t.metric])} worse (${changeText(t)})`),
    ].join('; ');
  const lines = [
    `Your criteria: ${criteriaText(a.criteria)}, judged on the ${RUN_LENGTH_TEXT[a.horizon].toLowerCase()}.`,
    `They give: ${CALL_TEXT[g.atHorizon.call]} (${reading(g.atHorizon)}). You said: ${a.call ? CALL_TEXT[a.call] : 'nothing'}${g.right ? ': right.' : '.'}`,
    g.other.call === g.atHorizon.call
      ? `On the ${RUN_LENGTH_TEXT[other].toLowerCase()} they give the same call.`
      : `On the ${RUN_LENGTH_TEXT[other].toLowerCase()} they would give ${CALL_TEXT[g.other.call]} (${reading(g.other)}): the run length decides this one.`,
    `A strong candidate’s criteria here: ${criteriaText(model)}. Short run: ${CALL_TEXT[g.model.short]}; long run: ${CALL_TEXT[g.model.long]}.`,
    a.reason.trim()
      ? `Your reasoning: “${quote(a.reason)}”.`
      : 'You gave no reasoning: one sentence naming the trade-off is what an interviewer listens for.',
  ];
  return html`<p class="round-score" data-round-score=${g.score}>
      Score: <strong>${percentText(g.score)}</strong>
    </p>
    <div class="feedback" data-ship-grade data-right=${String(g.right)} data-feedback="call">
      ${lines.map((line) => html`<p>${line}</p>`)}
    </div>`;
}

/**
 * The reveal's note on the North Star: what the candidate wrote and picked, judged against
 * the model's North Star and why it is the one, and how it moved in the round. Templates
 * only: practice-mode.ts places it in its own shadow root (the words are north-star.ts).
 */
import { html, nothing } from 'lit';
import { METRIC_BY_ID, type MetricId } from '../../model/metrics';
import { NORTH_STAR, type Prompt } from '../../model/prompts';
import type { RoundScore } from '../../model/scoring';
import { formatDelta } from '../shared/format';
import { MODEL_NORTH_STAR_WHY, judgePick, movedText, type NorthStarPick } from './north-star';

/** What the candidate said and how the round came out. */
export interface NorthStarNoteProps {
  readonly prompt: Prompt;
  /** What the candidate wrote. */
  readonly text: string;
  /** The metric they chose from the tree, or "". */
  readonly choice: MetricId | '';
  readonly result: RoundScore | undefined;
}

export function northStarNote(p: NorthStarNoteProps) {
  const model = METRIC_BY_ID.get(NORTH_STAR);
  const text = p.text.trim();
  const nsRows = p.result?.rows.filter((r) => r.truth.metric === NORTH_STAR) ?? [];
  return html`
    ${text ? html`<p>You wrote: “${text}”</p>` : html`<p>You wrote no North Star.</p>`}
    ${pickVerdict(judgePick(p.choice))}
    <p>
      The model’s North Star is <strong>${model?.label ?? NORTH_STAR}</strong>.
      ${MODEL_NORTH_STAR_WHY}
    </p>
    ${
      nsRows.length > 0 && model && p.prompt.metrics.includes(NORTH_STAR)
        ? html`<p>
            In this round it
            ${nsRows.map(
              (r, i) =>
                html`${i > 0 ? ' and ' : ''}${movedText(r.truth.direction, r.truth.verdict === 'uncertain')}
                in the ${r.truth.run} run
                (${formatDelta(model, r.truth.delta, r.truth.low, r.truth.high)} packages a week)`,
            )}.
          </p>`
        : nothing
    }
  `;
}

function pickVerdict(pick: NorthStarPick) {
  switch (pick.kind) {
    case 'none':
      return html`<p>You did not choose a metric from the tree.</p>`;
    case 'model':
      return html`<p><strong>You picked the model’s North Star.</strong></p>`;
    case 'other':
      return html`<p>
          You picked <strong>${pick.label}</strong>
          (${pick.group}).
        </p>
        <p>${pick.why}</p>`;
  }
}

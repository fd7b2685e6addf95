/**
 * The lines above presentation mode's table: which shown scenario is running and how far it
 * is, and a note on the run settings and the period that every column shares (with a hint
 * when there are no saved scenarios to step through).
 */
import { html, nothing } from 'lit';
import type { Scenario } from '../../model/scenario';
import type { RunDecision } from '../shared/run-gate';
import { PERIOD_LABEL, type RunPeriod } from '../shared/comparison-rows';
import { periodText, scenarioPeriods } from '../shared/run-windows';
import type { ShownSlide } from './presentation-deck';
import { runningNow, type RunOf } from '../shared/scenario-runs';

/** What the status line's buttons do. */
export interface RunActions {
  /** Stops the runs in flight. */
  cancel(): void;
  /** Runs the shown scenarios not in hand again (`anyway`: over the time budget too). */
  rerun(anyway?: boolean): void;
}

/** The run gate's word on the shown scenarios: why they did not run, or their estimate. */
function gateNote(decision: RunDecision | undefined, running: boolean, actions?: RunActions) {
  if (!decision) return nothing;
  if (running) {
    return decision.note
      ? html`<p class="note" data-notice="estimate">${decision.note}</p>`
      : nothing;
  }
  if (!decision.notice) return nothing;
  return html`<p class="problem" role="alert" data-notice="gate">
    ${decision.notice}
    ${
      decision.label && actions
        ? html`<button
            type="button"
            data-action="run-anyway-present"
            @click=${() => actions.rerun(true)}
          >
            ${decision.label}
          </button>`
        : nothing
    }
  </p>`;
}

/**
 * The progress of the shown scenario running now, with Cancel (empty, and
 * `data-progress="done"`, if none; with “Run again” when a shown column's run failed).
 */
export function statusLine(
  shown: readonly ShownSlide[],
  runOf: RunOf,
  actions?: RunActions,
  decision?: RunDecision,
) {
  const running = runningNow(shown, runOf);
  if (!running) {
    const failed = shown.some(({ slide }) => runOf(slide)?.state === 'failed');
    return html`${gateNote(decision, false, actions)}
      <div class="status" role="status" data-progress="done">
        ${
          failed && actions && !decision?.notice
            ? html`<button type="button" data-action="rerun-present" @click=${actions.rerun}>
                Run again
              </button>`
            : nothing
        }
      </div>`;
  }
  const { fraction } = running;
  return html`${gateNote(decision, true)}
    <div class="status" role="status" data-progress=${fraction}>
      <span
        >Running ${running.position} of ${shown.length}: “${running.slide.name}”,
        ${Math.round(fraction * 100)}% of the replications in.</span
      >
      <progress max="1" .value=${fraction} aria-label="Replications done"></progress>
      ${
        actions
          ? html`<button type="button" data-action="cancel-present" @click=${actions.cancel}>
              Cancel
            </button>`
          : nothing
      }
    </div>`;
}

/** What the note says. */
export interface NoteView {
  /** The baseline, whose run settings every scenario runs on. */
  readonly baseline: Scenario;
  readonly period: RunPeriod;
  /** How many scenarios the deck holds (1: only the workspace's). */
  readonly total: number;
  /** Why the saved scenarios could not be read ('' when they could). */
  readonly savedProblem: string;
}

/** The run settings and the period, a hint to save scenarios, and any trouble reading them. */
export function settingsNote(view: NoteView) {
  const { baseline, period } = view;
  return html`<p class="note">
    Each scenario against the baseline on the workspace’s run settings: ${baseline.weeks} weeks,
    ${baseline.replications} paired replications, seed ${baseline.seed}. ${PERIOD_LABEL[period]}:
    ${periodText(scenarioPeriods(baseline), period)}; changes with their 95% interval.
    ${
      view.total === 1
        ? html`<span class="empty" data-empty
            >Save scenarios in the workspace (scenario bar, “Save as”) to step through them
            here.</span
          >`
        : nothing
    }
    ${view.savedProblem ? html`<span class="problem">${view.savedProblem}.</span>` : nothing}
  </p>`;
}

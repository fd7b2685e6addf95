/**
 * The first screen of practice mode: a code to play (any kind), the codes of the day, the
 * candidate's progress per skill, the metric questions, the ship-or-not drills and the
 * root-cause drill. Template only: practice-mode.ts places it and handles its events.
 *
 * Hooks: `[data-code-input]`, `[data-start-code]`, `[data-code-of-the-day=<question|ship>]`,
 * `[data-custom-prompt]`; the lists are `<practice-prompts>` (`data-list="question"` and
 * `data-list="ship"`).
 */
import { html, nothing } from 'lit';
import { PROMPTS } from '../../model/prompts';
import { SHIP_DRILLS } from '../../model/ship-drills';
import type { History } from '../../model/scoring';
import type { SkillStore } from '../../model/skills';
import type { PromptPickDetail } from './practice-prompts';
import './practice-prompts';
import './root-cause-drill';
import { skillProgressView } from './skill-progress';

export interface PickViewProps {
  readonly history: History;
  readonly skills: SkillStore;
  readonly code: string;
  readonly codeError: string;
  readonly notice: string;
  readonly today: { readonly question: string; readonly ship: string };
}

export interface PickViewHandlers {
  readonly onCode: (text: string) => void;
  readonly startCode: (code: string) => void;
  readonly pickQuestion: (id: string) => void;
  readonly pickShip: (id: string) => void;
  readonly fromWorkspace: () => void;
  readonly drillGraded: (e: CustomEvent<{ code: string; score: number }>) => void;
}

export function pickView(p: PickViewProps, on: PickViewHandlers) {
  return html`<section aria-labelledby="pick-heading">
    <h2 id="pick-heading" tabindex="-1">Practice metric reasoning</h2>
    <p class="lede">
      A metric question runs as an interviewer runs it: the goal and the North Star, then input
      metrics and guardrails, then the direction and size of each metric in the short and the long
      run, then the call. Each step is locked before the next opens; the simulation then grades
      every step and says why. Every round has a code: the same code gives the same runs, so the
      same answers get the same score.
    </p>
    ${codesView(p, on)}
    <div class="row">
      <button type="button" data-custom-prompt @click=${on.fromWorkspace}>
        Make a prompt from my workspace scenario
      </button>
      ${p.notice ? html`<span class="notice" role="alert">${p.notice}</span>` : nothing}
    </div>
    <h3 style="margin-top:1rem">Your progress</h3>
    ${skillProgressView(p.skills)}
    <h3 style="margin-top:1rem">Metric questions</h3>
    <practice-prompts
      data-list="question"
      .prompts=${PROMPTS}
      .history=${p.history}
      @prompt-pick=${(e: CustomEvent<PromptPickDetail>) => on.pickQuestion(e.detail.id)}
    ></practice-prompts>
    <h3 style="margin-top:1rem">Ship or not</h3>
    <p class="lede">
      State your criteria, make the call, then see what the simulation says in the short and the
      long run: graded against the criteria you stated.
    </p>
    <practice-prompts
      data-list="ship"
      .workspaceTotals=${false}
      .prompts=${SHIP_DRILLS}
      .history=${p.history}
      @prompt-pick=${(e: CustomEvent<PromptPickDetail>) => on.pickShip(e.detail.id)}
    ></practice-prompts>
    <h3 style="margin-top:1rem">Diagnose</h3>
    <root-cause-drill @drill-graded=${on.drillGraded}></root-cause-drill>
  </section>`;
}

/** The code field and the codes of the day. */
function codesView(p: PickViewProps, on: PickViewHandlers) {
  return html`<div class="row">
      <label
        >Code
        <input
          data-code-input
          size="12"
          .value=${p.code}
          @input=${(e: Event) => on.onCode((e.target as HTMLInputElement).value)}
      /></label>
      <button type="button" data-start-code @click=${() => on.startCode(p.code)}>
        Play this code
      </button>
      ${p.codeError ? html`<span class="notice" role="alert">${p.codeError}</span>` : nothing}
    </div>
    <p>
      Today (the same for everyone, by UTC date): metric question
      <button
        type="button"
        class="link"
        data-code-of-the-day="question"
        @click=${() => on.startCode(p.today.question)}
      >
        ${p.today.question}</button
      >, ship-or-not
      <button
        type="button"
        class="link"
        data-code-of-the-day="ship"
        @click=${() => on.startCode(p.today.ship)}
      >
        ${p.today.ship}</button
      >; the root-cause drill of the day is filled in below.
    </p>`;
}

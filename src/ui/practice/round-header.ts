/**
 * The head of a practice round: the prompt's title (the heading the focus moves to), its
 * difficulty, the way back to the prompts, its context, and what the round compares (from
 * round-setup.ts), or why the prompt cannot run. Templates only: practice-mode.ts places it in
 * its own shadow root.
 */
import { html, nothing } from 'lit';
import { PRACTICE_MIN_WEEKS, type Prompt, type PromptRun } from '../../model/prompts';
import type { Parsed, Scenario } from '../../model/scenario';
import { DIFFICULTY_TEXT } from './practice-text';
import { roundSetup } from './round-setup';

/**
 * The round's header section. `run` is the prompt's pair of runs (or why there is none),
 * `baseline` the workspace's; `back` returns to the prompts.
 */
export function roundHeader(
  prompt: Prompt,
  run: Parsed<PromptRun>,
  baseline: Scenario,
  back: () => void,
  code?: string,
) {
  return html`<section aria-labelledby="prompt-heading">
    <div class="row">
      <h2 id="prompt-heading" tabindex="-1">${prompt.title}</h2>
      <span class="difficulty">${DIFFICULTY_TEXT[prompt.difficulty]}</span>
      <button type="button" @click=${back}>Back to the prompts</button>
    </div>
    <p class="lede">${prompt.context}</p>
    ${
      code
        ? html`<p>
            Code <strong data-round-code>${code}</strong>: the same code gives the same runs, so the
            same answers get the same score. Share it, or play it again later.
          </p>`
        : nothing
    }
    ${
      run.ok
        ? changes(prompt, run.value, baseline)
        : html`<p class="notice" role="alert">This prompt cannot run: ${run.error}.</p>`
    }
  </section>`;
}

/** What the round compares: against what, how long, and the levers changed and set. */
function changes(prompt: Prompt, run: PromptRun, baseline: Scenario) {
  const setup = roundSetup(prompt, run, baseline);
  return html`<p>
      Compared with
      ${setup.fromWorkspace ? 'your workspace baseline' : 'the default station (your workspace levers are left out, so every candidate answers the same question)'}
      over ${setup.weeks}
      weeks${setup.lengthened ? ` (at least ${PRACTICE_MIN_WEEKS}, so that the short and the long run do not overlap)` : ''},
      ${setup.replications} paired replications. The change:
    </p>
    <ul class="changes">
      ${setup.changes.map((line) => html`<li>${line}</li>`)}
    </ul>
    ${
      setup.situation.length > 0
        ? html`<p>For both runs (the situation, not the change):</p>
            <ul class="changes">
              ${setup.situation.map((line) => html`<li>${line}</li>`)}
            </ul>`
        : nothing
    }`;
}

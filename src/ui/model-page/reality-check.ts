import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Scenario } from '../../model/scenario';
import type { CompareRunner } from '../shared/runner';
import { FACTS, FactCheck } from './fact-check';
import { settingsNotes, summaryText } from './fact-words';
import { realityCheckStyles } from './reality-check.styles';
import './reality-fact';

/**
 * The reality check: runs each stylized fact of docs/MODEL.md section 6 (src/model/stylized-facts.ts)
 * on the current assumptions (baseline = the current scenario, scenario = the same with the
 * fact's change) and says whether the model reproduces it: every expected paired delta's 95%
 * interval on the expected side of zero (reproduced), one including zero (inconclusive), one
 * on the wrong side (contradicted), with the numbers. Facts run one after another through the
 * runner, with progress shown; leaving the page (or Stop) aborts the comparison in flight and
 * cancels the rest, and a run
 * superseded by another part of the app counts as stopped, not as an error. New assumptions
 * clear the verdicts, which belonged to the old ones.
 *
 * The element shows the controls, the progress, the summary and the notes; the running is
 * fact-check.ts, each fact's card `<reality-fact>` (reality-fact.ts), the words fact-words.ts.
 *
 * Test hooks: `data-state="idle" | "running"` on the host; one element per fact with
 * `data-fact="<id>"` and `data-verdict` (reproduced | inconclusive | contradicted | unknown |
 * not-applicable | failed | waiting | running | not-run); each judged expectation with
 * `data-expectation="<metric>/<run>"`, `data-delta`, `data-ci-low`, `data-ci-high` and
 * `data-verdict` (both in reality-fact).
 *
 * Links to metric definitions carry `data-topic` (the model page moves to them in place).
 */
@customElement('reality-check')
export class RealityCheck extends LitElement {
  /** Runs a comparison on the app's pool; absent until the app provides it. */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  /** The current assumptions. */
  @property({ attribute: false }) scenario: Scenario | undefined;

  @property({ type: String, reflect: true, attribute: 'data-state' })
  state: 'idle' | 'running' = 'idle';

  /** The check shown: each fact's state, the progress and why it ended early. */
  private readonly check = new FactCheck(this);

  static override styles = realityCheckStyles;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page cancels the check: no further fact is started.
    this.stop('');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scenario') && this.scenario) this.check.assume(this.scenario);
    this.state = this.check.running ? 'running' : 'idle';
  }

  /** Runs every fact on the current assumptions, one after another. */
  async run(): Promise<void> {
    const runner = this.runner;
    const scenario = this.scenario;
    if (!runner || !scenario) return;
    await this.check.run(runner, scenario);
  }

  /** Abandons the check in flight (the facts not yet run stay unjudged). */
  stop(notice?: string): void {
    this.check.stop(notice);
  }

  override render() {
    const s = this.scenario;
    const { facts, notice } = this.check;
    const running = this.state === 'running';
    return html`<div class="controls">
        <button
          type="button"
          data-action="run-check"
          ?disabled=${running || !this.runner || !s}
          @click=${() => void this.run()}
        >
          ${facts.size > 0 && !running ? 'Run the check again' : 'Run the reality check'}
        </button>
        ${running ? this.progress() : nothing}
        ${!running && facts.size > 0 ? this.summary() : nothing}
      </div>
      ${
        !this.runner
          ? html`<p class="note">The simulator is not connected yet: the check runs in the app.</p>`
          : nothing
      }
      ${notice ? html`<p class="note notice" role="status">${notice}</p>` : nothing}
      ${s ? settingsNotes(s).map((n) => html`<p class="note">${n}</p>`) : nothing}
      <div class="facts">
        ${FACTS.map(
          (f) =>
            html`<reality-fact
              .fact=${f}
              .factState=${facts.get(f.id)}
              .scenario=${s}
            ></reality-fact>`,
        )}
      </div>`;
  }

  /** Stop, and how far the check has got. */
  private progress() {
    const { current, fraction } = this.check;
    return html`<button
        type="button"
        class="secondary"
        data-action="stop-check"
        @click=${() => this.stop()}
      >
        Stop
      </button>
      <span class="progress" role="status">
        <progress max="1" .value=${fraction} aria-label="Reality check progress"></progress>
        Fact ${current + 1} of ${FACTS.length}: ${FACTS[current]?.title ?? ''} ·
        ${Math.round(fraction * 100)}%
      </span>`;
  }

  private summary() {
    const text = summaryText(this.check.facts.values(), FACTS.length);
    return text ? html`<span class="summary" data-summary>${text}</span>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reality-check': RealityCheck;
  }
}

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Scenario } from '../../model/scenario';
import type { CompareRunner } from '../shared/runner';
import { FACTS, FactCheck } from './fact-check';
import { settingsNotes, summaryText, verdictOf } from './fact-words';
import { realityCheckStyles } from './reality-check.styles';
import './reality-fact';

/**
 * The reality check: runs every fact of docs/MODEL.md section 6 (src/model/reality-facts.ts)
 * on the current assumptions, each with its own setting and change (one paired comparison per
 * distinct pair of runs, so facts that make the same runs share it), and shows for each the
 * measured figure with its 95% interval, the numeric target, the source and a PASS or a
 * visible FAIL with the reason. Comparisons run one after another through the runner, with
 * progress shown; leaving the page (or Stop) aborts the comparison in flight and cancels the
 * rest, and a run superseded by another part of the app counts as stopped, not as an error.
 * New assumptions clear the verdicts, which belonged to the old ones. The summary counts the
 * passes and names every fail.
 *
 * The element shows the controls, the progress, the summary and the notes; the running is
 * fact-check.ts, each fact's card `<reality-fact>` (reality-fact.ts), the words fact-words.ts.
 *
 * Test hooks: `data-state="idle" | "running"` on the host; `data-summary` on the summary, with
 * `data-pass`, `data-fail`, `data-cannot-run` counts; one card per fact with
 * `data-fact="<id>"` and `data-verdict` (pass | fail | cannot-run | waiting | running |
 * not-run), its figures' hooks in reality-fact.ts.
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

  /** Runs every fact on the current assumptions, one comparison after another. */
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
      </div>
      ${!running && facts.size > 0 ? this.summary() : nothing}
      ${
        !this.runner
          ? html`<p class="note">The simulator is not connected yet: the check runs in the app.</p>`
          : nothing
      }
      ${notice ? html`<p class="note notice" role="status">${notice}</p>` : nothing}
      ${s ? settingsNotes(s, FACTS).map((n) => html`<p class="note">${n}</p>`) : nothing}
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
    const { current, fraction, groups } = this.check;
    const names = groups[current]?.facts.map((f) => f.title).join(', ') ?? '';
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
        Run ${current + 1} of ${groups.length}: ${names} · ${Math.round(fraction * 100)}%
      </span>`;
  }

  private summary() {
    const { facts } = this.check;
    const text = summaryText(FACTS, facts);
    if (!text) return nothing;
    const count = (v: string) => FACTS.filter((f) => verdictOf(facts.get(f.id)) === v).length;
    const fails = count('fail');
    return html`<p
      class="summary ${fails > 0 ? 'has-fail' : ''}"
      role="status"
      data-summary
      data-pass=${count('pass')}
      data-fail=${fails}
      data-cannot-run=${count('cannot-run')}
    >
      ${text}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reality-check': RealityCheck;
  }
}

import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { planFact, type RealityFact } from '../../model/reality-facts';
import type { Scenario } from '../../model/scenario';
import type { FactState } from './fact-check';
import { sourceRef } from './fact-list';
import { VERDICT_WORDS, factMeasuredText, factTargetText, runText, verdictOf } from './fact-words';
import { realityFactStyles } from './reality-fact.styles';

/**
 * One fact of the reality check, as a card: its title and where it stands (a PASS or FAIL
 * badge in colour and words, or progress while it runs), what the evidence says, how the
 * model is put to the test and the runs that makes on the current assumptions, the measured
 * figure with its 95% interval where it has one, the target, why it failed or cannot run, and
 * its source as a link. Properties in, no events.
 *
 * Test hooks: the card carries `data-fact="<id>"` and `data-verdict` (pass | fail | cannot-run
 * | waiting | running | not-run); the measured figure `data-measured` (with `data-ci-low`,
 * `data-ci-high` when it has an interval), the target `data-target`, the reason `data-reason`.
 */
/** What the measured figure says before there is one. */
const PENDING = {
  'not-run': 'not run yet',
  waiting: 'waiting for its run',
  running: 'running…',
  'cannot-run': 'none',
} as const;

@customElement('reality-fact')
export class RealityFactCard extends LitElement {
  /** The fact shown. */
  @property({ attribute: false }) fact: RealityFact | undefined;
  /** Where it stands in the check shown; undefined when not run yet. */
  @property({ attribute: false }) factState: FactState | undefined;
  /** The current assumptions (the fact's runs are planned on them). */
  @property({ attribute: false }) scenario: Scenario | undefined;

  static override styles = realityFactStyles;

  override render() {
    const f = this.fact;
    if (!f) return nothing;
    const st = this.factState;
    const verdict = verdictOf(st);
    const headingId = `fact-${f.id}`;
    return html`<article
      class=${verdict}
      data-fact=${f.id}
      data-verdict=${verdict}
      aria-labelledby=${headingId}
    >
      <header>
        <h4 id=${headingId}>${f.title}</h4>
        ${this.badge()}
      </header>
      <p class="statement">${f.statement}</p>
      <p class="how"><strong>How it is tested:</strong> ${f.how}</p>
      ${this.runs(f)}
      <dl class="figures">
        <div>
          <dt>Measured</dt>
          <dd class="num">${this.measured(f)}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd class="num" data-target>${factTargetText(f)}</dd>
        </div>
      </dl>
      ${this.reason()}
      <p class="source">Source: ${sourceRef(f.source)}</p>
    </article>`;
  }

  /** The verdict badge, with the progress of a running fact. */
  private badge() {
    const st = this.factState;
    const verdict = verdictOf(st);
    const words = VERDICT_WORDS[verdict];
    const running = st?.status === 'running' ? ` ${Math.round(st.fraction * 100)}%` : '';
    return html`<span class="verdict ${verdict}"
      >${words.icon ? html`<span aria-hidden="true">${words.icon}</span> ` : nothing}${words.text}${running}</span
    >`;
  }

  /** The runs the fact makes on the current assumptions. */
  private runs(f: RealityFact) {
    const s = this.scenario;
    if (!s) return nothing;
    const plan = planFact(f, s);
    if (!plan.ok) return nothing;
    return html`<p class="runs"><strong>Runs here:</strong> ${runText(plan.value, s)}</p>`;
  }

  private measured(f: RealityFact) {
    const st = this.factState;
    if (st?.status !== 'done') {
      return html`<span class="pending">${PENDING[st?.status ?? 'not-run']}</span>`;
    }
    const m = st.judged.measured;
    return html`<span
      data-measured=${m.value}
      data-ci-low=${m.low ?? nothing}
      data-ci-high=${m.high ?? nothing}
      >${factMeasuredText(f, m)}</span
    >`;
  }

  /** Why the fact failed or cannot run. */
  private reason() {
    const st = this.factState;
    const text =
      st?.status === 'cannot-run'
        ? st.reason
        : st?.status === 'done' && st.judged.verdict !== 'pass'
          ? st.judged.reason
          : '';
    if (!text) return nothing;
    const verdict = verdictOf(st);
    return html`<p class="reason ${verdict}" data-reason>
      <strong>${verdict === 'fail' ? 'Fails:' : 'Cannot run:'}</strong> ${text}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reality-fact': RealityFactCard;
  }
}

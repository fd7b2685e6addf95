import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Scenario } from '../../model/scenario';
import {
  appliedChanges,
  type JudgedExpectation,
  type JudgedFact,
  type JudgedFade,
  type StylizedFact,
} from '../../model/stylized-facts';
import { NO_VALUE, formatChange, formatDelta } from '../shared/format';
import { modelLink, topicId } from '../shared/model-link';
import type { FactState } from './fact-check';
import {
  PART_WORDS,
  VERDICT_WORDS,
  changeText,
  fadeWords,
  periodText,
  verdictOf,
} from './fact-words';
import { realityFactStyles } from './reality-fact.styles';

/**
 * One stylized fact in the reality check, as a card: its title and where it stands (a verdict
 * badge, or progress while it runs), the statement, the change the check makes on the current
 * assumptions, why it could not be judged, the table of expected changes against the model's
 * with intervals, and its source. Properties in, no events.
 *
 * Test hooks: the card carries `data-fact="<id>"` and `data-verdict` (reproduced |
 * inconclusive | contradicted | unknown | not-applicable | failed | waiting | running |
 * not-run); each judged expectation `data-expectation="<metric>/<run>"`, `data-delta`,
 * `data-ci-low`, `data-ci-high` and `data-verdict`. Links to metric definitions carry
 * `data-topic` (the model page moves to them in place).
 */
@customElement('reality-fact')
export class RealityFact extends LitElement {
  /** The fact shown. */
  @property({ attribute: false }) fact: StylizedFact | undefined;
  /** Where it stands in the check shown; undefined when not run yet. */
  @property({ attribute: false }) factState: FactState | undefined;
  /** The current assumptions (the fact's change is worked out on them). */
  @property({ attribute: false }) scenario: Scenario | undefined;

  static override styles = realityFactStyles;

  override render() {
    const f = this.fact;
    if (!f) return nothing;
    const s = this.scenario;
    const st = this.factState;
    const verdict = verdictOf(st);
    const changes = s ? appliedChanges(f, s) : [];
    const judged = st?.status === 'done' ? st.judged : undefined;
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
      <p class="change">
        <strong>Change:</strong>
        ${changes.length > 0 ? changes.map(changeText).join('; ') : NO_VALUE}
      </p>
      ${
        st?.status === 'not-applicable' || st?.status === 'failed'
          ? html`<p class="note">${st.reason}</p>`
          : nothing
      }
      ${judged ? this.table(judged, s?.weeks ?? 0) : nothing}
      ${
        verdict === 'inconclusive' && s
          ? html`<p class="note">
              An interval includes zero: the direction is not settled with ${s.replications}
              replication${s.replications === 1 ? '' : 's'}; more replications narrow the intervals.
            </p>`
          : nothing
      }
      <p class="source">Source: ${f.source}</p>
    </article>`;
  }

  /** The verdict badge, with the progress of a running fact. */
  private badge() {
    const st = this.factState;
    if (!st) return html`<span class="verdict">Not run yet</span>`;
    const verdict = verdictOf(st);
    const words = VERDICT_WORDS[verdict];
    return html`<span class="verdict ${verdict}"
      ><span aria-hidden="true">${words.icon}</span> ${words.text}${
        st.status === 'running' ? ` ${Math.round(st.fraction * 100)}%` : ''
      }</span
    >`;
  }

  private metricLink(j: { metric: string; def: { label: string } }) {
    const topic = topicId('metric', j.metric);
    return html`<a href=${modelLink('metric', j.metric)} data-topic=${topic}>${j.def.label}</a>`;
  }

  private table(j: JudgedFact, weeks: number) {
    return html`<table>
      <colgroup>
        <col class="metric" />
        <col class="period" />
        <col class="expected" />
        <col class="model" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">Period</th>
          <th scope="col">Expected</th>
          <th scope="col">Model: change [95% interval]</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        ${j.expectations.map((e) => this.expectationRow(e, weeks))}
        ${j.fades.map((f) => this.fadeRow(f, weeks))}
      </tbody>
    </table>`;
  }

  private expectationRow(e: JudgedExpectation, weeks: number) {
    return html`<tr
      data-expectation="${e.metric}/${e.run}"
      data-delta=${e.delta}
      data-ci-low=${e.low}
      data-ci-high=${e.high}
      data-verdict=${e.verdict}
    >
      <td>${this.metricLink(e)}</td>
      <td>${periodText(e.run, weeks)}</td>
      <td>${e.sign > 0 ? '▲ rises' : '▼ falls'}</td>
      <td class="num">
        ${
          Number.isFinite(e.delta)
            ? formatDelta(e.def, e.delta, e.low, e.high)
            : html`<span title="The runs gave no number for this period">${NO_VALUE}</span>`
        }
      </td>
      <td class="part ${e.verdict}">${PART_WORDS[e.verdict]}</td>
    </tr>`;
  }

  private fadeRow(f: JudgedFade, weeks: number) {
    return html`<tr
      data-expectation="${f.metric}/fade"
      data-short=${f.short}
      data-long=${f.long}
      data-verdict=${f.verdict}
    >
      <td>${this.metricLink(f)}</td>
      <td>${periodText('short', weeks)} vs ${periodText('long', weeks)}</td>
      <td>effect fades</td>
      <td class="num">
        ${formatChange(f.def, f.short)} → ${formatChange(f.def, f.long)}
        <span class="note">(means)</span>
      </td>
      <td class="part ${f.verdict}">${fadeWords(f.verdict)}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reality-fact': RealityFact;
  }
}

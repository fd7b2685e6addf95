import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LONG_RUN_WEEKS, SHORT_RUN_WEEKS } from '../../model/results';
import { scenarioToJson, type Scenario } from '../../model/scenario';
import {
  STYLIZED_FACTS,
  appliedChanges,
  applyFact,
  judgeFact,
  type AppliedChange,
  type ExpectationVerdict,
  type JudgedExpectation,
  type JudgedFact,
  type JudgedFade,
  type Run,
  type StylizedFact,
} from '../../model/stylized-facts';
import { isSuperseded } from '../../run/pool';
import { NO_VALUE, formatChange, formatDelta } from '../shared/format';
import { withUnit } from '../shared/lever-values';
import { modelLink, topicId } from '../shared/model-link';
import type { CompareRunner } from '../shared/runner';

/** Where one fact stands in a check. */
type FactState =
  | { status: 'waiting' }
  | { status: 'running'; fraction: number }
  | { status: 'done'; judged: JudgedFact }
  | { status: 'not-applicable'; reason: string }
  | { status: 'failed'; reason: string };

/** A fact's verdict as the hook `data-verdict` carries it. */
type ShownVerdict =
  ExpectationVerdict | 'not-applicable' | 'failed' | 'waiting' | 'running' | 'not-run';

const FACTS = STYLIZED_FACTS as readonly StylizedFact[];

const VERDICT_WORDS: Readonly<Record<ShownVerdict, { icon: string; text: string }>> = {
  reproduced: { icon: '✓', text: 'Reproduced' },
  inconclusive: { icon: '?', text: 'Inconclusive' },
  contradicted: { icon: '✗', text: 'Contradicted' },
  unknown: { icon: '–', text: 'No estimate' },
  'not-applicable': { icon: '–', text: 'Not applicable' },
  failed: { icon: '!', text: 'Run failed' },
  waiting: { icon: '…', text: 'Waiting' },
  running: { icon: '…', text: 'Running' },
  'not-run': { icon: '', text: 'Not run yet' },
};

const PART_WORDS: Readonly<Record<ExpectationVerdict, string>> = {
  reproduced: 'as expected',
  inconclusive: 'interval includes zero',
  contradicted: 'opposite direction',
  unknown: 'no estimate',
};

function periodText(run: Run, weeks: number): string {
  if (run === 'short') return `weeks 1–${Math.min(SHORT_RUN_WEEKS, weeks)}`;
  if (run === 'long') {
    const from = Math.max(1, weeks - LONG_RUN_WEEKS + 1);
    return from === weeks ? `week ${weeks}` : `weeks ${from}–${weeks}`;
  }
  return `whole run (${weeks} weeks)`;
}

function changeText(c: AppliedChange): string {
  const note = c.capped ? ' (held at the end of its range)' : '';
  return `${c.def.label}: ${withUnit(c.from, c.def.unit)} → ${withUnit(c.to, c.def.unit)}${note}`;
}

function scenarioKey(s: Scenario): string {
  return JSON.stringify(scenarioToJson(s));
}

/**
 * The reality check: runs each stylized fact of MODEL.md section 6 (src/model/stylized-facts.ts)
 * on the current assumptions (baseline = the current scenario, scenario = the same with the
 * fact's change) and says whether the model reproduces it: every expected paired delta's 95%
 * interval on the expected side of zero (reproduced), one including zero (inconclusive), one
 * on the wrong side (contradicted), with the numbers. Facts run one after another through the
 * runner, with progress shown; leaving the page (or Stop) aborts the comparison in flight and
 * cancels the rest, and a run
 * superseded by another part of the app counts as stopped, not as an error. New assumptions
 * clear the verdicts, which belonged to the old ones.
 *
 * Test hooks: `data-state="idle" | "running"` on the host; one element per fact with
 * `data-fact="<id>"` and `data-verdict` (reproduced | inconclusive | contradicted | unknown |
 * not-applicable | failed | waiting | running | not-run); each judged expectation with
 * `data-expectation="<metric>/<run>"`, `data-delta`, `data-ci-low`, `data-ci-high` and
 * `data-verdict`.
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

  @state() private facts: ReadonlyMap<string, FactState> = new Map();
  /** Which fact is running, and how far the whole check has got (0..1). */
  @state() private current = -1;
  @state() private fraction = 0;
  /** Why the last check ended early, if it did. */
  @state() private notice = '';

  /** Bumped to abandon the check in flight: its remaining facts are not run. */
  private token = 0;
  /** Aborts the comparison in flight (a runner that honours it supersedes its run). */
  private abort: AbortController | undefined;
  /** The assumptions the shown verdicts belong to. */
  private checkedKey = '';

  static override styles = css`
    :host {
      display: block;
      font-variant-numeric: tabular-nums;
      --ok: #17703a;
      --ok-bg: #e3f3e8;
      --bad: #b3261e;
      --bad-bg: #fbe5e3;
      --open: #7a5400;
      --open-bg: #fdf1d6;
      --muted: #59636e;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin: 0.5rem 0 1rem;
    }
    button {
      font: inherit;
      padding: 0.45rem 0.9rem;
      border-radius: 6px;
      border: 1px solid #1c2430;
      background: #1c2430;
      color: #fff;
      cursor: pointer;
    }
    button.secondary {
      background: #fff;
      color: #1c2430;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    button:focus-visible,
    a:focus-visible {
      outline: 3px solid #3b82f6;
      outline-offset: 2px;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      color: var(--muted);
    }
    progress {
      width: 12rem;
      height: 0.8rem;
    }
    .note {
      color: var(--muted);
      margin: 0.25rem 0;
    }
    .notice {
      color: var(--open);
    }
    .summary {
      font-weight: 600;
    }
    .facts {
      display: grid;
      gap: 0.75rem;
    }
    article {
      border: 1px solid #dde2e8;
      border-left: 6px solid #c3cad3;
      border-radius: 6px;
      padding: 0.75rem 1rem;
      background: #fff;
    }
    article.reproduced {
      border-left-color: var(--ok);
    }
    article.contradicted {
      border-left-color: var(--bad);
    }
    article.inconclusive {
      border-left-color: #d99a00;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.75rem;
    }
    h4 {
      margin: 0;
      font-size: 1.05rem;
    }
    .verdict {
      font-weight: 700;
      padding: 0.05rem 0.5rem;
      border-radius: 999px;
      background: #eef1f4;
      color: #333c46;
      white-space: nowrap;
    }
    .verdict.reproduced {
      background: var(--ok-bg);
      color: var(--ok);
    }
    .verdict.contradicted {
      background: var(--bad-bg);
      color: var(--bad);
    }
    .verdict.inconclusive {
      background: var(--open-bg);
      color: var(--open);
    }
    .statement {
      margin: 0.35rem 0;
    }
    .change {
      margin: 0.25rem 0;
    }
    .source {
      color: var(--muted);
      font-size: 0.9rem;
      margin: 0.35rem 0 0;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      margin-top: 0.5rem;
      table-layout: fixed;
    }
    col.metric {
      width: 21%;
    }
    col.period {
      width: 21%;
    }
    col.expected {
      width: 11%;
    }
    col.model {
      width: 29%;
    }
    th,
    td {
      text-align: left;
      padding: 0.3rem 0.6rem 0.3rem 0;
      border-top: 1px solid #eef1f4;
      vertical-align: baseline;
    }
    th {
      font-weight: 600;
      color: var(--muted);
      font-size: 0.9rem;
    }
    .part.reproduced {
      color: var(--ok);
    }
    .part.contradicted {
      color: var(--bad);
    }
    .part.inconclusive {
      color: var(--open);
    }
    a {
      color: #1d4f91;
    }
  `;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page cancels the check: no further fact is started.
    this.stop('');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scenario') && this.scenario) {
      const key = scenarioKey(this.scenario);
      if (this.checkedKey !== '' && key !== this.checkedKey) {
        this.stop('');
        this.facts = new Map();
        this.checkedKey = '';
        this.notice = 'The assumptions changed: run the check again to judge them.';
      }
    }
  }

  /** Runs every fact on the current assumptions, one after another. */
  async run(): Promise<void> {
    const runner = this.runner;
    const scenario = this.scenario;
    if (!runner || !scenario) return;
    const token = ++this.token;
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    const total = FACTS.length;
    this.checkedKey = scenarioKey(scenario);
    this.facts = new Map(FACTS.map((f) => [f.id, { status: 'waiting' }]));
    this.notice = '';
    this.state = 'running';
    this.fraction = 0;
    for (let k = 0; k < total; k++) {
      const fact = FACTS[k];
      if (!fact || token !== this.token) return;
      this.current = k;
      this.fraction = k / total;
      const changed = applyFact(fact, scenario);
      if (!changed.ok) {
        this.set(fact.id, { status: 'not-applicable', reason: changed.error });
        continue;
      }
      this.set(fact.id, { status: 'running', fraction: 0 });
      try {
        const comparison = await runner(
          scenario,
          changed.value,
          (p) => {
            if (token !== this.token) return;
            this.fraction = (k + p.fraction) / total;
            this.set(fact.id, { status: 'running', fraction: p.fraction });
          },
          controller.signal,
        );
        if (token !== this.token) return;
        this.set(fact.id, { status: 'done', judged: judgeFact(fact, comparison) });
      } catch (error) {
        if (token !== this.token) return;
        if (isSuperseded(error)) {
          this.stop('Stopped: another part of the app took the simulator. Run the check again.');
          return;
        }
        const reason = error instanceof Error ? error.message : String(error);
        this.set(fact.id, { status: 'failed', reason });
      }
    }
    this.current = -1;
    this.fraction = 1;
    this.state = 'idle';
  }

  /** Abandons the check in flight (the facts not yet run stay unjudged). */
  stop(notice = 'Stopped before every fact was run.'): void {
    if (this.state !== 'running') return;
    this.token++;
    this.abort?.abort();
    this.abort = undefined;
    this.current = -1;
    this.state = 'idle';
    this.notice = notice;
    // Facts not judged go back to "not run yet".
    this.facts = new Map(
      [...this.facts].filter(([, s]) => s.status !== 'waiting' && s.status !== 'running'),
    );
  }

  private set(id: string, s: FactState): void {
    const facts = new Map(this.facts);
    facts.set(id, s);
    this.facts = facts;
  }

  override render() {
    const s = this.scenario;
    const running = this.state === 'running';
    return html`<div class="controls">
        <button
          type="button"
          data-action="run-check"
          ?disabled=${running || !this.runner || !s}
          @click=${() => void this.run()}
        >
          ${this.facts.size > 0 && !running ? 'Run the check again' : 'Run the reality check'}
        </button>
        ${
          running
            ? html`<button
                  type="button"
                  class="secondary"
                  data-action="stop-check"
                  @click=${() => this.stop()}
                >
                  Stop
                </button>
                <span class="progress" role="status">
                  <progress
                    max="1"
                    .value=${this.fraction}
                    aria-label="Reality check progress"
                  ></progress>
                  Fact ${this.current + 1} of ${FACTS.length}: ${FACTS[this.current]?.title ?? ''} ·
                  ${Math.round(this.fraction * 100)}%
                </span>`
            : nothing
        }
        ${!running && this.facts.size > 0 ? this.summary() : nothing}
      </div>
      ${
        !this.runner
          ? html`<p class="note">The simulator is not connected yet: the check runs in the app.</p>`
          : nothing
      }
      ${this.notice ? html`<p class="note notice" role="status">${this.notice}</p>` : nothing}
      ${s ? this.settingsNotes(s) : nothing}
      <div class="facts">${FACTS.map((f) => this.fact(f, s))}</div>`;
  }

  private summary() {
    const counts = new Map<string, number>();
    for (const st of this.facts.values()) {
      const v = this.verdictOf(st);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const parts = (['reproduced', 'inconclusive', 'contradicted', 'not-applicable'] as const)
      .filter((v) => (counts.get(v) ?? 0) > 0)
      .map((v) => `${counts.get(v) ?? 0} ${VERDICT_WORDS[v].text.toLowerCase()}`);
    return parts.length > 0
      ? html`<span class="summary" data-summary>${parts.join(', ')} of ${FACTS.length}</span>`
      : nothing;
  }

  private settingsNotes(s: Scenario) {
    const notes: string[] = [];
    notes.push(
      `Each fact compares your current assumptions (${s.weeks} weeks, ${s.replications} paired replications, seed ${s.seed}) with the same assumptions after the fact's change.`,
    );
    if (s.replications < 2) {
      notes.push(
        'With one replication there is no interval: each verdict rests on a single run. Use at least 4.',
      );
    }
    if (s.weeks < SHORT_RUN_WEEKS + LONG_RUN_WEEKS) {
      notes.push(
        `With ${s.weeks} weeks the short run (weeks 1–${SHORT_RUN_WEEKS}) and the long run (last ${LONG_RUN_WEEKS} weeks) overlap, so long-run facts have little time to show; ${SHORT_RUN_WEEKS + LONG_RUN_WEEKS} weeks or more separate them.`,
      );
    }
    return notes.map((n) => html`<p class="note">${n}</p>`);
  }

  private verdictOf(st: FactState | undefined): ShownVerdict {
    if (!st) return 'not-run';
    if (st.status === 'done') return st.judged.verdict;
    return st.status;
  }

  private fact(f: StylizedFact, s: Scenario | undefined) {
    const st = this.facts.get(f.id);
    const verdict = this.verdictOf(st);
    const words = VERDICT_WORDS[verdict];
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
        ${
          st
            ? html`<span class="verdict ${verdict}"
                ><span aria-hidden="true">${words.icon}</span> ${words.text}${
                  st.status === 'running' ? ` ${Math.round(st.fraction * 100)}%` : ''
                }</span
              >`
            : html`<span class="verdict">Not run yet</span>`
        }
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
      <td class="part ${f.verdict}">
        ${
          f.verdict === 'reproduced'
            ? 'smaller later'
            : f.verdict === 'contradicted'
              ? 'not smaller later'
              : PART_WORDS[f.verdict]
        }
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reality-check': RealityCheck;
  }
}

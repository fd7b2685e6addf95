import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { METRICS } from '../../model/metrics';
import { PARAMS } from '../../model/params';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { REALITY_FACTS } from '../../model/reality-facts';
import './metric-docs';
import { topicFromSearch, topicId, withTopic } from '../shared/model-link';
import { PROSE, SECTIONS, sectionRef } from './model-odd';
import { modelPageStyles } from './model-page.styles';
import './param-docs';
import './reality-check';
import type { CompareRunner } from '../shared/runner';
import { srOnly } from '../shared/styles';

/**
 * The model explained, inside the app: the model described in the order of the ODD protocol
 * (purpose; entities, state and scales; the day's process; design concepts; initialisation;
 * input data; submodels), then every parameter with its default, range, meaning and source,
 * every metric with its definition and guardrail (both generated from their tables), the
 * reality check on the current assumptions, and what the model leaves out.
 *
 * Deep links: `?mode=model&topic=<anchor>` (see model-link.ts: `modelLink('param', id)`)
 * scrolls to the anchor (`param-<id>`, `metric-<id>`, `section-<id>`) once the page is shown,
 * highlights and focuses it. Links on the page that carry `data-topic` move within the page
 * (history.pushState, keeping the rest of the URL) instead of reloading it; back and forward
 * return to the previous topic.
 *
 * Test hooks: `data-param-doc`, `data-metric-doc` rows (param-docs.ts, metric-docs.ts);
 * `data-fact` / `data-verdict` (reality-fact.ts, in reality-check.ts), `data-fact-row` (the
 * facts listed in the purpose section, fact-list.ts); `data-topic-missing`
 * on the notice shown when the link names an anchor the page does not have. Its look is
 * model-page.styles.ts.
 */
@customElement('model-page')
export class ModelPage extends LitElement {
  /** Runs a comparison on the app's pool (for the reality check). */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  /** The current assumptions: the reality check runs its facts on this scenario. */
  @property({ attribute: false }) scenario: Scenario = defaultScenario();

  /** The anchor the URL asks for, highlighted once found. */
  @state() private target = '';
  /** The URL named an anchor this page does not have. */
  @state() private missing = '';

  /** A topic waiting for the page to be laid out (it may be created hidden). */
  private pending: string | undefined;
  private resize: ResizeObserver | undefined;
  private readonly onPopState = () => this.readTopic();

  static override styles = [srOnly, modelPageStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    this.readTopic();
    this.resize = new ResizeObserver(() => void this.showPending());
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    this.resize?.disconnect();
    this.resize = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.showPending();
  }

  /** Takes the topic from the URL and scrolls to it as soon as the page is laid out. */
  private readTopic(): void {
    const topic = topicFromSearch(location.search);
    this.pending = topic;
    this.target = topic ?? '';
    this.missing = '';
    if (this.hasUpdated) void this.showPending();
  }

  private async showPending(): Promise<void> {
    const topic = this.pending;
    if (topic === undefined || !this.hasUpdated) return;
    // Hidden (not laid out yet): wait for the resize observer to report a size.
    if (this.getClientRects().length === 0) return;
    this.pending = undefined;
    await this.childrenUpdated();
    const root = this.shadowRoot;
    const el = root?.getElementById(topic);
    if (!el) {
      this.missing = topic;
      return;
    }
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }

  /** Resolves when the generated tables have rendered (their anchors exist). */
  private async childrenUpdated(): Promise<void> {
    await this.updateComplete;
    const kids = this.shadowRoot?.querySelectorAll('param-docs, metric-docs') ?? [];
    await Promise.all(Array.from(kids, (k) => (k as LitElement).updateComplete));
  }

  /** A click on a link to a topic of this page moves within the page, keeping the URL's rest. */
  private onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event
      .composedPath()
      .find((t): t is HTMLAnchorElement => t instanceof HTMLAnchorElement && !!t.dataset.topic);
    const topic = link?.dataset.topic;
    if (!topic) return;
    event.preventDefault();
    history.pushState(history.state, '', withTopic(location.href, topic));
    this.readTopic();
  }

  override render() {
    const sections = SECTIONS.map((s) => this.section(s.id, s.title, s.odd));
    return html`<div class="layout" @click=${(e: MouseEvent) => this.onClick(e)}>
      <nav aria-label="Model page contents">
        <h2>Contents</h2>
        <ol>
          ${SECTIONS.map(
            (s) =>
              html`<li class=${this.target === topicId('section', s.id) ? 'current' : ''}>
                ${sectionRef(s.id, s.title)}
              </li>`,
          )}
        </ol>
      </nav>
      <div class="content">
        <h1>The model explained</h1>
        <p class="intro">
          How gigsim simulates a crowdsourced delivery service, described in the order of the ODD
          protocol for agent-based models (Overview, Design concepts, Details; Grimm et al. 2006,
          updated 2020). The parameter and metric lists are generated from the tables the simulation
          itself reads, so they always match it.
        </p>
        <p class="counts">
          ${PARAMS.length} parameters · ${METRICS.length} metrics · ${REALITY_FACTS.length} facts
          with numeric targets
        </p>
        ${
          this.missing
            ? html`<p class="missing" role="status" data-topic-missing=${this.missing}>
                This link points to “${this.missing}”, which is not on this page: the parameter or
                metric may have been renamed. The contents are listed on the left.
              </p>`
            : nothing
        }
        ${sections}
      </div>
    </div>`;
  }

  private section(id: string, title: string, odd: string) {
    const anchor = topicId('section', id);
    return html`<section id=${anchor} tabindex="-1" aria-labelledby="${anchor}-h">
      <h2 id="${anchor}-h">${title} <span class="odd">ODD: ${odd}</span></h2>
      ${this.body(id)}
    </section>`;
  }

  private body(id: string) {
    if (id === 'parameters') {
      return html`<p>
          Every number the model uses, with its unit, allowed range, default, meaning and the source
          of the default. Where your current assumptions differ, the value in use is shown as “now”.
        </p>
        <param-docs .params=${this.scenario.params} target=${this.target}></param-docs>`;
    }
    if (id === 'metrics') {
      return html`<p>
          Every metric the model reports, in the metric tree's order: the North Star, each
          stakeholder's inputs, and the guardrails that must not degrade.
        </p>
        <metric-docs target=${this.target}></metric-docs>`;
    }
    if (id === 'reality-check') {
      return html`<p>
          Does the model still behave like the evidence on <strong>your</strong> assumptions? Each
          fact below states what published evidence says, with a number: the check runs it on your
          current scenario (with the fact's own setting or change, as a paired comparison where it
          compares two runs), measures the figure the fact is about and judges it against the
          target. A fact passes when the figure lies within its target (and, where the target asks
          for a change beyond noise, its 95% interval excludes zero); otherwise it fails, and says
          why. A failing fact is shown, not hidden: it marks where the model departs from known
          ground, so read its other answers there with care.
        </p>
        <reality-check .runner=${this.runner} .scenario=${this.scenario}></reality-check>`;
    }
    const prose = PROSE[id];
    return prose ? prose() : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'model-page': ModelPage;
  }
}

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Thresholds } from '../../model/guardrails';
import type { MetricId } from '../../model/metrics';
import type { Comparison } from '../../model/results';
import { defaultScenario, type Scenario } from '../../model/scenario';
import type { MinChanges } from '../../model/verdict';
import { comparisonHeadline, headlineParagraph } from '../shared/comparison-headline';
import { decideRun, pairPlan } from '../shared/run-gate';
import type { CompareRunner } from '../shared/runner';
import { srOnly, verdictColours } from '../shared/styles';
import { comparisonSummaryStyles } from './comparison-summary.styles';
import { chartsSection } from './summary-charts';
import { guardrailsSection } from './summary-guardrails';
import { leversSection } from './summary-levers';
import { metricsSection } from './summary-metrics';
import { failureText, progressPercent, ranText, settingsText } from './summary-text';

/**
 * A one-page summary of a comparison, to print or save as PDF: the levers changed (against
 * the baseline, with labels and units), every metric's baseline, scenario and paired change
 * with its 95% interval for the short and the long run with its verdict, the guardrails (a
 * breach flagged in words), and the charts (a metric's weekly course, the driver pool,
 * drivers' earnings), and, under the title, when it was run and the link that reproduces it
 * (`data-summary-ran` with the ISO time, `a[data-summary-link]`). It runs its comparison
 * through `runner` (the app's pool, whose cache answers a pair it has seen at once), with
 * progress shown.
 *
 * A print stylesheet keeps to the page: no buttons, sections and charts never cut across
 * pages. The host carries `data-state="running" | "ready" | "failed"`; each section carries
 * `data-section="levers" | "metrics" | "guardrails" | "charts"`; metric rows carry
 * `data-metric` with raw long-run numbers in `data-value`, `data-delta`, `data-ci-low`,
 * `data-ci-high`.
 *
 * This element runs the comparison and draws the toolbar, the title and the progress; the
 * sections are drawn by summary-levers.ts, summary-metrics.ts, summary-guardrails.ts and
 * summary-charts.ts, their sentences written by summary-text.ts.
 *
 * @fires summary-close - the user closed the summary ("Close" or Escape).
 */
@customElement('comparison-summary')
export class ComparisonSummary extends LitElement {
  /** Runs the comparison on the app's pool. */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  /** What the scenario is called ("Workspace scenario", a saved scenario's name). */
  @property({ type: String }) name = 'Scenario';
  /** The user's guardrail thresholds (the table's where none is set). */
  @property({ attribute: false }) thresholds: Thresholds = {};
  /** The user's smallest changes that matter (the table's where none is set). */
  @property({ attribute: false }) minChanges: MinChanges = {};
  /** The metric whose weekly course is charted (the North Star by default). */
  @property({ type: String }) metric: MetricId = 'onTimePackagesPerWeek';
  /** The link that reproduces the summary (printed under its title). */
  @property({ type: String }) link = '';

  @property({ type: String, reflect: true, attribute: 'data-state' })
  state: 'running' | 'ready' | 'failed' | 'cancelled' = 'running';

  @state() private comparison: Comparison | undefined;
  @state() private progress = 0;
  @state() private error = '';
  /** When the comparison shown was run (its numbers came in). */
  @state() private ranAt: Date | undefined;
  /** Whether the page is laid out for print (the charts are drawn shorter then). */
  @state() private printing = false;

  private runs = 0;
  /** Stops the run in flight on the workers: Cancel, closing the summary, or a newer run. */
  private abort: AbortController | undefined;
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    this.close();
  };

  static override styles = [srOnly, verdictColours, comparisonSummaryStyles];

  private readonly printMedia = window.matchMedia('print');
  private readonly onPrint = () => {
    this.printing = this.printMedia.matches;
  };
  private readonly onBeforePrint = () => {
    this.printing = true;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    this.printMedia.addEventListener('change', this.onPrint);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onPrint);
    this.onPrint();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    this.printMedia.removeEventListener('change', this.onPrint);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onPrint);
    this.runs++; // a run in flight no longer reaches this element
    this.abort?.abort(); // and stops: closing the summary stops its run
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('runner') || changed.has('baseline') || changed.has('scenario')) {
      void this.run();
    }
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private async run(): Promise<void> {
    const runner = this.runner;
    const run = ++this.runs;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.comparison = undefined;
    this.ranAt = undefined;
    this.progress = 0;
    this.error = '';
    if (!runner) {
      this.state = 'running';
      return;
    }
    // Opened on purpose, so a run over the time budget goes; one the gate refuses does not.
    const gate = decideRun(pairPlan(this.baseline, this.scenario, 'This summary'), true, false);
    if (!gate.start) {
      this.state = 'failed';
      this.error = gate.notice;
      return;
    }
    this.state = 'running';
    try {
      const c = await runner(
        this.baseline,
        this.scenario,
        (p) => {
          if (run === this.runs) this.progress = p.fraction;
        },
        abort.signal,
      );
      if (run !== this.runs) return;
      this.comparison = c;
      this.ranAt = new Date();
      this.progress = 1;
      this.state = 'ready';
    } catch (error) {
      if (run !== this.runs) return;
      this.state = 'failed';
      this.error = failureText(error);
    }
  }

  /** Cancel: stops the run on the workers; the summary says so and offers to run again. */
  private readonly cancel = (): void => {
    this.runs++;
    this.abort?.abort();
    this.state = 'cancelled';
  };

  private readonly rerun = (): void => void this.run();

  private close(): void {
    this.dispatchEvent(new CustomEvent('summary-close', { bubbles: true, composed: true }));
  }

  private print(): void {
    window.print();
  }

  override render() {
    const c = this.comparison;
    return html`
      <div class="toolbar" role="group" aria-label="Summary actions">
        <button
          type="button"
          class="primary"
          data-action="print"
          ?disabled=${!c}
          @click=${this.print}
        >
          Print / save as PDF
        </button>
        <button type="button" data-action="close-summary" @click=${this.close}>Close</button>
        <span class="hint">Choose “Save as PDF” as the printer to keep a file.</span>
      </div>
      <div class="sheet">
        <article class="page" aria-labelledby="summary-title">
          <h1 id="summary-title" tabindex="-1">${this.name} against the baseline</h1>
          <p class="meta">${settingsText(this.scenario)}</p>
          ${this.provenance()}
          ${
            c && this.state === 'ready'
              ? headlineParagraph(
                  comparisonHeadline(c, this.thresholds, this.minChanges),
                  'headline',
                )
              : nothing
          }
          ${this.statusView()} ${leversSection(this.baseline, this.scenario)}
          ${c ? this.resultSections(c) : nothing}
        </article>
      </div>
    `;
  }

  /** When it was run and the link that reproduces it, for the printed page to stand alone. */
  private provenance() {
    return html`<p class="meta provenance">
      <span data-summary-ran=${this.ranAt?.toISOString() ?? ''}>${ranText(this.ranAt)}</span>
      ${
        this.link
          ? html`· Reproduce: <a data-summary-link href=${this.link}>${this.link}</a>`
          : nothing
      }
    </p>`;
  }

  private statusView() {
    if (this.state === 'failed') {
      return html`<p class="error" role="alert">
        The comparison could not be run: ${this.error}.
      </p>`;
    }
    if (this.state === 'running') {
      return html`<div class="progress" role="status">
        <span
          >Running the comparison: ${progressPercent(this.progress)}% of the replications in.</span
        >
        <progress max="1" .value=${this.progress} aria-label="Replications done"></progress>
        <button type="button" data-action="cancel-summary" @click=${this.cancel}>Cancel</button>
      </div>`;
    }
    if (this.state === 'cancelled') {
      return html`<p class="cancelled" role="status" data-notice="cancelled">
        Cancelled: this summary has no numbers.
        <button type="button" data-action="rerun-summary" @click=${this.rerun}>Run again</button>
      </p>`;
    }
    return nothing;
  }

  private resultSections(c: Comparison) {
    const charts = {
      metric: this.metric,
      wageFloor: this.scenario.params.wageFloor,
      printing: this.printing,
    };
    return html`${metricsSection(c, this.minChanges)} ${guardrailsSection(c, this.thresholds)}
    ${chartsSection(c, charts)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comparison-summary': ComparisonSummary;
  }
}

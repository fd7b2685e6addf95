/**
 * The Global design tool. Runs a design on the workspace's scenario in the browser (a form:
 * kind, factors with ranges, N, replications, weeks; the jobs on the app's worker pool, the
 * report computed in a worker, src/run/design-browser.ts), or loads a design's report file
 * (the runner's `--design` JSON, or the `merge` of its shards, README "Global designs, shards
 * and the queue"). Either way it shows, for a chosen metric, the indices per factor with their
 * intervals, each guardrail's breach rate across the points and the design table; a design
 * run here downloads as the runner's JSON (it loads back, byte for byte the runner's report of
 * the same spec) and CSV.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MetricId } from '../../model/metrics';
import { defaultScenario, type Parsed, type Scenario } from '../../model/scenario';
import { describeSeconds } from '../../model/run-budget';
import { browserPoolSize } from '../../run/browser';
import { designRunPlan, runDesignInBrowser, type DesignProgress } from '../../run/design-browser';
import { readDesignFile } from '../../run/design-file';
import type { DesignOutput, DesignView } from '../../run/design-output';
import { planDesign, type DesignPlan } from '../../run/design-plan';
import type { SimulationPool } from '../../run/simulation-pool';
import { downloadBlob } from '../charts/chart-export';
import { defaultDesignForm, designCheck, readDesignForm, type DesignForm } from './design-form';
import { designFormView } from './design-form-view';
import { designReportView } from './design-report-view';
import { emit } from './explore-events';
import { gatePlan } from './explore-plans';
import { exploreStyles } from './explore.styles';
import './explore-run-bar';
import { IDLE, errorText, type RunJob, type RunStatus } from './run-session';

/** Largest report file read, bytes: a design of thousands of points is tens of MB. */
export const MAX_DESIGN_FILE_BYTES = 256 * 1024 * 1024;

/**
 * @fires explore-run - CustomEvent<RunRequest>, when the design is asked to run.
 */
@customElement('explore-design')
export class ExploreDesign extends LitElement {
  /** The app's worker pool; undefined until it has started. */
  @property({ attribute: false }) pool: SimulationPool | undefined;
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  @property({ attribute: false }) status: RunStatus = IDLE;

  @state() private form: DesignForm | undefined;
  @state() private report: DesignView | undefined;
  /** The files of the design run here (none for a loaded report). */
  @state() private output: DesignOutput<Blob> | undefined;
  @state() private progress: DesignProgress | undefined;
  @state() private metric: MetricId = 'costPerPackage';
  @state() private error = '';
  @state() private source = '';
  /** The page of the design table shown. */
  @state() private page = 0;
  /** Whether the tables show yet: a new report draws its chart first, its tables a frame later. */
  @state() private tables = true;
  private checked: { key: unknown[]; value: ReturnType<typeof designCheck> } | undefined;

  static override styles = [
    exploreStyles,
    css`
      .design-run {
        width: 100%;
        box-sizing: border-box;
        /* A fieldset is as wide as its content unless told: on a phone, the screen's width. */
        min-width: 0;
      }
      .design-run select {
        max-width: 100%;
      }
      .design-run label {
        min-width: 0;
        max-width: 100%;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding-bottom: 0.25rem;
      }
      .factor {
        margin: 0;
      }
      .table-box {
        max-width: 100%;
        overflow-x: auto;
        margin-top: 0.75rem;
      }
      table {
        border-collapse: collapse;
      }
      th,
      td {
        padding: 0.25rem 0.75rem;
        text-align: left;
        border-bottom: 1px solid #d9dee5;
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .downloads {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
      }
    `,
  ];

  override willUpdate(): void {
    // The form starts around the scenario's values the first time it shows.
    this.form ??= defaultDesignForm(this.scenario);
  }

  override render() {
    const form = this.form ?? defaultDesignForm(this.scenario);
    const r = this.report;
    return html`<form aria-label="Global design" @submit=${this.onSubmit}>
        ${designFormView({
          form,
          metric: this.metric,
          scenario: this.scenario,
          check: this.check(form),
          setForm: (f) => (this.form = f),
          setMetric: (m) => (this.metric = m),
        })}
        <label
          >Or load a design report (JSON from the runner's design or its merged shards)
          <input
            type="file"
            accept=".json,application/json"
            data-design-file
            @change=${this.onFile}
        /></label>
      </form>
      <explore-run-bar
        .what=${'design' as const}
        .status=${this.status}
        .ready=${this.pool !== undefined}
        .hasChart=${r !== undefined}
        @run-start=${this.run}
      ></explore-run-bar>
      ${this.progressLine()}
      ${this.error ? html`<p class="error" role="alert" data-design-error>${this.error}</p>` : nothing}
      ${
        r
          ? html`${this.downloads()}
            ${designReportView(r, this.metricOf(r), this.source, {
              page: this.page,
              setPage: (p) => (this.page = p),
              tables: this.tables,
            })}`
          : html`<p class="note">No design yet: run one, or load a report file.</p>`
      }`;
  }

  /** The form's check, worked out again only when the form or the scenarios change. */
  private check(form: DesignForm): ReturnType<typeof designCheck> {
    const key = [form, this.baseline, this.scenario, this.pool?.size ?? browserPoolSize()];
    if (!this.checked || key.some((k, i) => k !== this.checked?.key[i])) {
      const [, , , workers] = key as [unknown, unknown, unknown, number];
      this.checked = { key, value: designCheck(form, this.baseline, this.scenario, workers) };
    }
    return this.checked.value;
  }

  /** The metric shown, or the report's first when it has no indices of the chosen one. */
  private metricOf(r: DesignView): string {
    return r.indices.some((i) => i.metric === this.metric)
      ? this.metric
      : (r.indices[0]?.metric ?? this.metric);
  }

  /** The time left while the design's jobs run (the run bar counts them), then the report. */
  private progressLine() {
    const p = this.progress;
    if (!p || this.status.running !== 'design') return nothing;
    const text =
      p.phase === 'report'
        ? `All ${p.total} runs done; computing the report…`
        : p.secondsLeft !== undefined
          ? `About ${describeSeconds(p.secondsLeft)} left.`
          : 'Timing the first runs to tell the time left…';
    return html`<p class="note" role="status" data-design-progress=${p.phase}>${text}</p>`;
  }

  private downloads() {
    const out = this.output;
    if (!out) return nothing;
    const name = `gigsim-design-${out.view.design.kind}${out.view.design.hash ? `-${out.view.design.hash}` : ''}`;
    const save = (blob: Blob, ext: string) => downloadBlob(blob, `${name}.${ext}`);
    return html`<p class="downloads">
      <span class="note">Download the report as the runner writes it:</span>
      <button type="button" data-design-download="json" @click=${() => save(out.json, 'json')}>
        JSON
      </button>
      <button type="button" data-design-download="csv" @click=${() => save(out.csv, 'csv')}>
        CSV
      </button>
    </p>`;
  }

  /** Shows a report: its chart at once, its tables in a task of their own after. */
  private show(report: DesignView): void {
    this.report = report;
    this.page = 0;
    this.tables = false;
    requestAnimationFrame(() => setTimeout(() => (this.tables = true)));
  }

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    this.run();
  };

  private run = (): void => {
    const pool = this.pool;
    if (!pool || !this.form) return;
    const spec = readDesignForm(this.form, this.baseline, this.scenario);
    let plan: Parsed<DesignPlan>;
    try {
      plan = spec.ok ? { ok: true, value: planDesign(spec.value) } : spec;
    } catch (error) {
      plan = { ok: false, error: errorText(error) };
    }
    const job: Parsed<RunJob> = !plan.ok
      ? plan
      : { ok: true, value: (options) => this.runPlan(pool, plan.value, options) };
    emit(this, 'explore-run', {
      what: 'design',
      job,
      ...(plan.ok ? { plan: () => gatePlan('design', designRunPlan(plan.value)) } : {}),
    });
  };

  private async runPlan(
    pool: SimulationPool,
    plan: DesignPlan,
    { signal, onProgress }: Parameters<RunJob>[0],
  ): Promise<void> {
    this.progress = undefined;
    try {
      const out = await runDesignInBrowser(pool, plan, {
        signal,
        onProgress: (p) => {
          this.progress = p;
          onProgress({ done: p.done, total: p.total, fraction: p.fraction });
        },
      });
      this.output = out;
      this.show(out.view);
      this.error = '';
      this.source = "This design, run here on the workspace's scenario";
    } finally {
      this.progress = undefined;
    }
  }

  private onFile = async (e: Event): Promise<void> => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.error = '';
    if (file.size > MAX_DESIGN_FILE_BYTES) {
      this.error = `${file.name} is over ${MAX_DESIGN_FILE_BYTES / 1024 ** 2} MB, larger than a design report can be.`;
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      this.error = `${file.name} is not JSON.`;
      return;
    }
    const r = readDesignFile(json);
    if (!r.ok) {
      this.error = `${file.name}: ${r.error}.`;
      return;
    }
    this.output = undefined;
    this.show(r.value);
    this.source = file.name;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'explore-design': ExploreDesign;
  }
}

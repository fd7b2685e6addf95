/**
 * The experiment lab (`?mode=lab`, docs/MODEL.md "The experiment lab"): how would a field test
 * of the workspace's scenario against its baseline read? Pick designs, the treated share, the
 * switchback's window and the test's length; the lab runs the test on many fresh assignments
 * in the workers (through the run gate, with progress and Cancel) and shows the market's
 * balance, a recommendation, each design's table and the power and MDE chart.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  DESIGN_LABEL,
  EXPERIMENT_DESIGNS,
  SPLIT_LEVERS,
  type ExperimentDesign,
} from '../../model/experiment';
import type { Thresholds } from '../../model/guardrails';
import { LAB_METRICS } from '../../model/lab-metrics';
import { LAB_HORIZON_WEEKS, type LabReport } from '../../model/lab-stats';
import { PARAM_BY_ID } from '../../model/params';
import { changedParams, type Scenario } from '../../model/scenario';
import { LAB_DEFAULTS, checkLabSpec, labJobs, runLab, type LabSpec } from '../../run/lab';
import { isSuperseded } from '../../run/pool';
import type { SimulationPool } from '../../run/simulation-pool';
import { LAB_NUMBERS, type LabSettings } from '../shared/lab-link';
import { decideRun, type GatePlan } from '../shared/run-gate';
import { labModeStyles } from './lab-mode.styles';
import { labPowerChart } from './lab-power-chart';
import { labTables } from './lab-table';

/** The gate's plan of a lab: its control, treated and test runs, each of R replications. */
export function labPlan(spec: LabSpec): GatePlan {
  const jobs = labJobs(spec);
  const per = 2 + spec.designs.length;
  const scenarios = jobs.slice(0, per).map((j) => j.scenario);
  return {
    baselines: scenarios.slice(0, 1),
    points: scenarios.slice(1),
    what: 'This lab',
    fewer: 're-randomisations or designs',
  };
}

type NumberSetting = Exclude<keyof LabSettings, 'designs' | 'dropped'>;

/** The form's number fields, in order. */
const FIELD_LABELS: Record<NumberSetting, string> = {
  share: 'Treated share',
  windowDays: 'Switchback window (days)',
  washoutDays: 'Washout (days)',
  testWeeks: `Test length (weeks, 1–${LAB_HORIZON_WEEKS})`,
  rerandomisations: 'Re-randomisations',
};

@customElement('lab-mode')
export class LabMode extends LitElement {
  static override styles = labModeStyles;

  @property({ attribute: false }) baseline!: Scenario;
  @property({ attribute: false }) scenario!: Scenario;
  @property({ attribute: false }) pool: SimulationPool | undefined;
  /** 'idle' or 'running' (page hook `lab-mode[data-state]`). */
  @property({ reflect: true, attribute: 'data-state' }) runState: 'idle' | 'running' = 'idle';

  /** The user's guardrail thresholds (the workspace's), weighed in the recommendation. */
  @property({ attribute: false }) thresholds: Thresholds = {};
  /** The form's settings (from the link; a change is told with a `lab-settings` event). */
  @property({ attribute: false }) settings: LabSettings = LAB_DEFAULTS;
  /** The lab metric the power and MDE chart shows (index into LAB_METRICS; the North Star). */
  @state() private chartMetric = 0;
  @state() private progress = 0;
  @state() private report: LabReport | undefined;
  @state() private notice = '';
  @state() private noticeLabel = '';
  @state() private note = '';
  private abort: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  private get spec(): LabSpec {
    const s = this.settings;
    return {
      base: this.baseline,
      treatment: changedParams(this.scenario.params, this.baseline.params),
      designs: EXPERIMENT_DESIGNS.filter((d) => s.designs.includes(d)),
      share: s.share,
      windowDays: s.windowDays,
      washoutDays: Math.min(s.washoutDays, s.windowDays - 1),
      testWeeks: s.testWeeks,
      rerandomisations: s.rerandomisations,
      thresholds: this.thresholds,
    };
  }

  /** Changes the settings and tells the app (which puts them in the link). */
  private set(change: Partial<LabSettings>): void {
    // A link's dropped settings are told once: a change leaves them behind.
    this.settings = { ...this.settings, ...change, dropped: undefined };
    this.dispatchEvent(
      new CustomEvent<LabSettings>('lab-settings', { detail: this.settings, bubbles: true }),
    );
  }

  private async run(allowed = false): Promise<void> {
    const spec = this.spec;
    const error = checkLabSpec(spec);
    if (error) {
      this.notice = `The lab cannot run: ${error}.`;
      this.noticeLabel = '';
      return;
    }
    const decision = decideRun(labPlan(spec), allowed, this.report !== undefined);
    this.notice = decision.notice;
    this.noticeLabel = decision.start ? '' : decision.label;
    if (!decision.start || !this.pool) return;
    this.note = decision.note;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.runState = 'running';
    this.progress = 0;
    try {
      this.report = await runLab(this.pool.workers, spec, {
        signal: abort.signal,
        // A render per percent, not per run (a default lab makes 1,000 runs).
        onProgress: (done, total) => {
          const p = Math.floor((100 * done) / total) / 100;
          if (this.abort === abort && p !== this.progress) this.progress = p;
        },
      });
    } catch (e) {
      if (!isSuperseded(e))
        this.notice = `The lab failed: ${e instanceof Error ? e.message : String(e)}`;
      else if (this.abort === abort) this.notice = 'Cancelled: the lab stopped before it finished.';
    } finally {
      if (this.abort === abort) {
        this.runState = 'idle';
        this.abort = undefined;
        this.note = '';
      }
    }
  }

  private cancel(): void {
    this.abort?.abort();
  }

  private toggle(d: ExperimentDesign, on: boolean): void {
    const now = this.settings.designs;
    const designs = on ? [...now, d] : now.filter((x) => x !== d);
    this.set({ designs: EXPERIMENT_DESIGNS.filter((x) => designs.includes(x)) });
  }

  private treatmentText(): string {
    const t = changedParams(this.scenario.params, this.baseline.params) as Record<string, unknown>;
    const parts = Object.entries(t).map(([id, v]) => {
      const def = PARAM_BY_ID.get(id);
      const from = (this.baseline.params as unknown as Record<string, unknown>)[id];
      return `${def?.label ?? id} ${String(from)} → ${String(v)}${def?.unit ? ` ${def.unit}` : ''}`;
    });
    return parts.length > 0
      ? parts.join('; ')
      : 'none: the scenario is the baseline. Change a lever in the workspace (e.g. pay per hour) to test it.';
  }

  private number(
    label: string,
    value: number,
    min: number,
    max: number,
    step: number,
    set: (v: number) => void,
  ) {
    return html`<label
      >${label}
      <input
        type="number"
        .value=${String(value)}
        min=${min}
        max=${max}
        step=${step}
        @change=${(e: Event) => {
          const v = Number((e.target as HTMLInputElement).value);
          if (Number.isFinite(v)) set(Math.min(max, Math.max(min, v)));
        }}
    /></label>`;
  }

  private form() {
    const s = this.settings;
    const splitOnly = Object.keys(changedParams(this.scenario.params, this.baseline.params)).some(
      (id) => !(SPLIT_LEVERS as readonly string[]).includes(id),
    );
    return html`<form @submit=${(e: Event) => (e.preventDefault(), void this.run())}>
      <p class="treatment">
        <strong>Treatment</strong> (the scenario against the baseline): ${this.treatmentText()}
      </p>
      <fieldset>
        <legend>Designs</legend>
        ${EXPERIMENT_DESIGNS.map(
          (d) =>
            html`<label class="check"
              ><input
                type="checkbox"
                name="design"
                value=${d}
                .checked=${this.settings.designs.includes(d)}
                @change=${(e: Event) => this.toggle(d, (e.target as HTMLInputElement).checked)}
              />${DESIGN_LABEL[d]}</label
            >`,
        )}
        ${
          splitOnly
            ? html`<p class="hint">
                Splits treat pay and surge only; this scenario changes other levers, which only a
                switchback can test.
              </p>`
            : nothing
        }
      </fieldset>
      <div class="fields">
        ${(Object.keys(FIELD_LABELS) as NumberSetting[]).map((id) => {
          const d = LAB_NUMBERS[id];
          const step = d.whole ? 1 : 0.05;
          return this.number(FIELD_LABELS[id], s[id], d.min, d.max, step, (v) =>
            this.set({ [id]: v }),
          );
        })}
      </div>
      ${
        s.dropped
          ? html`<p class="notice" role="status" data-lab-link-notice>
              Part of this link could not be used: ${s.dropped.join('; ')}.
            </p>`
          : nothing
      }
      ${this.bar()}
    </form>`;
  }

  /** The run button, Cancel and progress, and the run's notes. */
  private bar() {
    return html`<div class="bar">
        <button type="submit" data-lab-run ?disabled=${this.runState === 'running'}>
          Run the lab
        </button>
        ${
          this.runState === 'running'
            ? html`<button type="button" data-lab-cancel @click=${() => this.cancel()}>
                  Cancel
                </button>
                <progress data-lab-progress max="1" .value=${this.progress}></progress>
                <span>${Math.round(100 * this.progress)}% of the runs</span>`
            : nothing
        }
      </div>
      ${this.note ? html`<p class="note">${this.note}</p>` : nothing}
      ${
        this.notice
          ? html`<p class="notice" role="status" data-lab-notice>
              ${this.notice}
              ${
                this.noticeLabel
                  ? html`<button type="button" @click=${() => void this.run(true)}>
                      ${this.noticeLabel}
                    </button>`
                  : nothing
              }
            </p>`
          : nothing
      }`;
  }

  private results(r: LabReport) {
    const b = r.balance;
    const bar = (v: number) => `${Math.min(100, 100 * v).toFixed(1)}%`;
    return html`<section class="balance" data-lab-balance data-scarce=${b.scarce}>
        <h3>Market balance</h3>
        <p>${b.text}</p>
        <div class="meter">
          <span>Drivers beaten to a block</span><i style="width:${bar(b.beatenShare)}"></i
          ><b>${bar(b.beatenShare)}</b>
        </div>
        <div class="meter">
          <span>Blocks left unclaimed</span><i style="width:${bar(b.unfilledShare)}"></i
          ><b>${bar(b.unfilledShare)}</b>
        </div>
      </section>
      <section class="recommendation" data-lab-recommendation>
        <h3>Recommendation</h3>
        <p>${r.recommendation.text}</p>
      </section>
      <section>
        <h3>
          <label
            >Power and MDE by test length:
            <select
              data-lab-chart-metric
              @change=${(e: Event) =>
                (this.chartMetric = Number((e.target as HTMLSelectElement).value))}
            >
              ${LAB_METRICS.map(
                (m, i) =>
                  html`<option value=${i} ?selected=${i === this.chartMetric}>
                    ${m.label}${m.role === 'northStar' ? ' (North Star)' : ''}
                  </option>`,
              )}
            </select></label
          >
        </h3>
        ${labPowerChart(r.designs, this.chartMetric)}
        ${
          r.chartReps < r.rerandomisations
            ? html`<p class="method">
                Test lengths past ${r.testWeeks} weeks from the first ${r.chartReps}
                re-randomisations, whose runs last ${LAB_HORIZON_WEEKS} weeks.
              </p>`
            : nothing
        }
      </section>
      ${labTables(r)}
      <p class="method">
        ${r.rerandomisations} re-randomisations, each on its own replication of the market; the true
        effect is all drivers and blocks treated against none, on the same replication. Power is a
        two-sided 5% test with the simulated standard error.
      </p>`;
  }

  override render() {
    return html`<h2>Experiment lab</h2>
      <p class="intro">
        How would a field test of this change read? In a two-sided market the obvious test can
        mislead: treated drivers take blocks from the controls. The lab runs your test many times
        inside the simulated market and scores each design against the true effect.
      </p>
      ${this.form()} ${this.report ? this.results(this.report) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lab-mode': LabMode;
  }
}

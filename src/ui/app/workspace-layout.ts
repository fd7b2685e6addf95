/**
 * The workspace's layout: the scenario bar above, the levers on the left, and in the main
 * column the metric tree (with the run's error, if any) and the charts. Templates only:
 * gig-app.ts holds the view, handles the events and places this in its own shadow root.
 */
import { html, nothing } from 'lit';
import type { MetricId } from '../../model/metrics';
import type { Comparison } from '../../model/results';
import type { Scenario } from '../../model/scenario';
import { WORKSPACE_NAME } from '../shared/export-context';
import '../workspace/chart-panel';
import '../workspace/lever-panel';
import '../workspace/metric-tree';
import '../workspace/pinned-scenarios';
import '../workspace/scenario-bar';
import '../shared/comparison-headline';
import type { Pin, RunOf } from '../shared/scenario-runs';
import type { SummaryRequest } from './mode-views';
import type { ChartKind, MinChanges, Thresholds } from './view-state';

/** What the workspace shows. */
export interface WorkspaceProps {
  /** The scenario as the levers show it (edits still settling included). */
  readonly edited: Scenario;
  /** The scenario compared (its wage floor is drawn on the charts). */
  readonly scenario: Scenario;
  readonly baseline: Scenario;
  /** Whether a comparison is on its way (edits settling or a run in flight). */
  readonly busy: boolean;
  readonly comparison: Comparison | undefined;
  /** How far the run has got, 0..1. */
  readonly progress: number;
  /** Why the last run failed, or "". */
  readonly error: string;
  /** Why the numbers shown are not for the levers as set (the run was cancelled), or "". */
  readonly cancelNotice: string;
  /** The notice's button ("Run again", "Run anyway"), or "" for none (a run refused). */
  readonly rerunLabel: string;
  /** The estimate of a long run, said while it runs, or "". */
  readonly runNote: string;
  readonly metric: MetricId;
  readonly chart: ChartKind;
  readonly thresholds: Thresholds;
  readonly minChanges: MinChanges;
  /** The link to this view. */
  readonly link: string;
  /** Why the link could not be used, or "". */
  readonly linkNotice: string;
  /** The pinned scenarios, on the scenario's run settings. */
  readonly pins: readonly Pin[];
  /** Why the last pin was refused, or "". */
  readonly pinMessage: string;
  /** Where the comparison of the current scenario and of each pin stands. */
  readonly pinRunOf: RunOf;
}

/** The workspace's events, each handled by the app. */
export interface WorkspaceHandlers {
  /** A preset, saved scenario or file replaces the scenario (and the thresholds saved with it). */
  scenarioInput(e: ScenarioInput): void;
  baselineInput(e: CustomEvent<{ baseline: Scenario }>): void;
  noticeDismiss(): void;
  leverInput(e: CustomEvent<{ scenario: Scenario }>): void;
  metricSelect(e: CustomEvent<{ metric: MetricId }>): void;
  thresholdChange(e: CustomEvent<{ metric: MetricId; threshold: number | undefined }>): void;
  chartSelect(e: CustomEvent<{ chart: string }>): void;
  rerun(): void;
  minChangeChange(e: CustomEvent<{ metric: MetricId; value: number | undefined }>): void;
  /** A lever field holds typed text not yet applied (or no longer). */
  leverPending(e: CustomEvent<{ pending: boolean }>): void;
  pinAdd(): void;
  pinRemove(e: CustomEvent<{ index: number }>): void;
  summaryOpen(e: CustomEvent<SummaryRequest>): void;
}

/** A preset, saved scenario or file taken as the scenario, with what was saved with it. */
export type ScenarioInput = CustomEvent<{
  scenario: Scenario;
  thresholds?: Thresholds;
  minChanges?: MinChanges;
}>;

export function workspaceLayout(p: WorkspaceProps, on: WorkspaceHandlers) {
  return html`
    <section class="bar" data-region="scenario" aria-label="Scenario">
      <scenario-bar
        .scenario=${p.edited}
        .busy=${p.busy}
        .baseline=${p.baseline}
        .comparison=${p.comparison}
        .link=${p.link}
        .thresholds=${p.thresholds}
        .minChanges=${p.minChanges}
        .notice=${p.linkNotice}
        @scenario-input=${on.scenarioInput}
        @baseline-input=${on.baselineInput}
        @notice-dismiss=${on.noticeDismiss}
      ></scenario-bar>
    </section>
    <comparison-headline
      class="headline"
      data-region="headline"
      .comparison=${p.comparison}
      .thresholds=${p.thresholds}
      .minChanges=${p.minChanges}
      .progress=${p.progress}
      .updating=${p.busy}
    ></comparison-headline>
    <main class="layout">
      <section class="levers" data-region="levers" aria-labelledby="levers-title">
        <h2 id="levers-title">Levers</h2>
        <lever-panel
          .scenario=${p.edited}
          .baseline=${p.baseline}
          @scenario-input=${on.leverInput}
          @lever-pending=${on.leverPending}
        ></lever-panel>
      </section>
      <div class="main">${metricsSection(p, on)} ${chartsSection(p, on)} ${pinsSection(p, on)}</div>
    </main>
  `;
}

function metricsSection(p: WorkspaceProps, on: WorkspaceHandlers) {
  return html`<section data-region="metrics" aria-labelledby="metrics-title">
    <h2 id="metrics-title">Metrics</h2>
    ${p.error ? html`<p class="error" role="alert">The simulation failed: ${p.error}</p>` : nothing}
    ${
      p.cancelNotice
        ? html`<p class="cancelled" role="status" data-notice="cancelled">
            ${p.cancelNotice}
            ${
              p.rerunLabel
                ? html`<button type="button" data-action="rerun" @click=${on.rerun}>
                    ${p.rerunLabel}
                  </button>`
                : nothing
            }
          </p>`
        : nothing
    }
    ${
      p.runNote && p.busy
        ? html`<p class="run-note" role="status" data-notice="estimate">${p.runNote}</p>`
        : nothing
    }
    <metric-tree
      .comparison=${p.comparison}
      .progress=${p.progress}
      .updating=${p.busy}
      .selected=${p.metric}
      .thresholds=${p.thresholds}
      .minChanges=${p.minChanges}
      @metric-select=${on.metricSelect}
      @threshold-change=${on.thresholdChange}
      @min-change-change=${on.minChangeChange}
    ></metric-tree>
  </section>`;
}

function pinsSection(p: WorkspaceProps, on: WorkspaceHandlers) {
  return html`<section data-region="pins" aria-labelledby="pins-title">
    <h2 id="pins-title">Pinned scenarios</h2>
    <pinned-scenarios
      .pins=${p.pins}
      .baseline=${p.baseline}
      .scenario=${p.scenario}
      .thresholds=${p.thresholds}
      .metric=${p.metric}
      .runOf=${p.pinRunOf}
      .message=${p.pinMessage}
      @pin-add=${on.pinAdd}
      @pin-remove=${on.pinRemove}
      @summary-open=${on.summaryOpen}
    ></pinned-scenarios>
  </section>`;
}

function chartsSection(p: WorkspaceProps, on: WorkspaceHandlers) {
  return html`<section data-region="charts" aria-labelledby="charts-title">
    <h2 id="charts-title">Charts</h2>
    <chart-panel
      .comparison=${p.comparison}
      .metric=${p.metric}
      .chart=${p.chart}
      .baseline=${p.baseline}
      .scenario=${p.scenario}
      .wageFloor=${p.scenario.params.wageFloor}
      .exportSource=${{
        name: WORKSPACE_NAME,
        scenario: p.scenario,
        baseline: p.baseline,
        link: p.link,
      }}
      @metric-select=${on.metricSelect}
      @chart-select=${on.chartSelect}
    ></chart-panel>
  </section>`;
}

/**
 * The main area of each mode but the workspace (workspace-layout.ts), and of the one-page
 * summary: which component shows, under which label, with what it is handed. Every mode gets
 * the app's runner and the workspace's scenarios. Templates only: gig-app.ts places them in
 * its own shadow root and handles the events.
 */
import { html } from 'lit';
import type { MetricId } from '../../model/metrics';
import type { Scenario } from '../../model/scenario';
import type { SimulationPool } from '../../run/simulation-pool';
import '../calibrate/calibrate-mode';
import type { CalibratedBaseline } from '../calibrate/calibrate-mode';
import '../explore/explorer-view';
import '../lab/lab-mode';
import '../model-page/model-page';
import '../practice/practice-mode';
import '../present/presentation-mode';
import '../replay/replay-mode';
import type { CompareRunner } from '../shared/runner';
import '../summary/comparison-summary';
import { MODE_INFO, type AppMode } from './app-mode';
import type { AppRunner } from './app-runner';
import { DEFAULT_LAB, type LabSettings } from '../shared/lab-link';
import { defaultView, encodeView, type MinChanges, type Thresholds } from './view-state';

/** What the one-page summary shows: a scenario against a baseline, under a name. */
export interface SummaryRequest {
  readonly baseline: Scenario;
  readonly scenario: Scenario;
  readonly name: string;
}

/** What the app hands a mode. */
export interface ModeProps {
  readonly runner: CompareRunner;
  readonly baseline: Scenario;
  readonly scenario: Scenario;
  readonly thresholds: Thresholds;
  readonly minChanges: MinChanges;
  /** The app's worker pool (the lab runs its jobs on it directly). */
  readonly pool?: SimulationPool;
  /** The lab's settings from the link (its defaults when undefined). */
  readonly lab?: LabSettings;
}

/** The modes' events, each handled by the app. */
export interface ModeHandlers {
  /** Presentation mode asks for the summary of a scenario. */
  summaryOpen(e: CustomEvent<SummaryRequest>): void;
  /** The one-page summary is closed. */
  summaryClose(): void;
  /** The explorer applies a scenario to the workspace. */
  scenarioInput(e: CustomEvent<{ scenario: Scenario }>): void;
  /** Calibrate mode makes the fitted station the baseline. */
  calibratedBaseline?(e: CalibratedBaseline): void;
  /** The lab's settings changed (they go into the link). */
  labSettings?(e: CustomEvent<LabSettings>): void;
}

export function modeView(mode: Exclude<AppMode, 'workspace'>, p: ModeProps, on: ModeHandlers) {
  switch (mode) {
    case 'practice':
      return html`<main class="single" aria-label=${MODE_INFO.practice.label}>
        <practice-mode
          .runner=${p.runner}
          .baseline=${p.baseline}
          .scenario=${p.scenario}
        ></practice-mode>
      </main>`;
    case 'present':
      return html`<main class="single wide" aria-label=${MODE_INFO.present.label}>
        <presentation-mode
          .runner=${p.runner}
          .baseline=${p.baseline}
          .scenario=${p.scenario}
          .thresholds=${p.thresholds}
          .minChanges=${p.minChanges}
          @summary-open=${on.summaryOpen}
        ></presentation-mode>
      </main>`;
    case 'explore':
      return exploreView(p, on);
    case 'replay':
      return html`<main class="single wide" aria-label=${MODE_INFO.replay.label}>
        <replay-mode .baseline=${p.baseline} .scenario=${p.scenario}></replay-mode>
      </main>`;
    case 'lab':
      return html`<main class="single wide" aria-label=${MODE_INFO.lab.label}>
        <lab-mode
          .pool=${p.pool}
          .baseline=${p.baseline}
          .scenario=${p.scenario}
          .thresholds=${p.thresholds}
          .settings=${p.lab ?? DEFAULT_LAB}
          @lab-settings=${on.labSettings}
        ></lab-mode>
      </main>`;
    case 'calibrate':
      return html`<main class="single" aria-label=${MODE_INFO.calibrate.label}>
        <calibrate-mode
          .histories=${(p.runner as Partial<AppRunner>).histories}
          .baseline=${p.baseline}
          @calibrated-baseline=${on.calibratedBaseline}
        ></calibrate-mode>
      </main>`;
    case 'model':
      return html`<main class="single" aria-label=${MODE_INFO.model.label}>
        <model-page .runner=${p.runner} .scenario=${p.scenario}></model-page>
      </main>`;
  }
}

/** Explore: its tools run on the app's runner, and its global designs on the pool itself. */
function exploreView(p: ModeProps, on: ModeHandlers) {
  return html`<main class="single wide" aria-label=${MODE_INFO.explore.label}>
    <explorer-view
      .runner=${p.runner}
      .pool=${p.pool}
      .baseline=${p.baseline}
      .scenario=${p.scenario}
      .thresholds=${p.thresholds}
      @scenario-input=${on.scenarioInput}
    ></explorer-view>
  </main>`;
}

/**
 * The link that reproduces a summary: the workspace on its baseline and scenario, with the
 * user's thresholds, smallest changes and metric (its "Summary" then shows the same page).
 */
export function summaryLink(
  request: SummaryRequest,
  p: Pick<ModeProps, 'thresholds' | 'minChanges'> & { readonly metric: MetricId },
  page = `${location.origin}${location.pathname}`,
): string {
  const { baseline, scenario } = request;
  const { thresholds, minChanges, metric } = p;
  const hash = encodeView({ ...defaultView(), baseline, scenario, thresholds, minChanges, metric });
  return `${page}${hash}`;
}

/** The one-page summary of `request`, with the user's thresholds and chosen metric. */
export function summaryView(
  request: SummaryRequest,
  p: Pick<ModeProps, 'runner' | 'thresholds' | 'minChanges'> & { readonly metric: MetricId },
  on: ModeHandlers,
) {
  return html`<main class="single" aria-label="One-page summary">
    <comparison-summary
      .runner=${p.runner}
      .baseline=${request.baseline}
      .scenario=${request.scenario}
      .name=${request.name}
      .thresholds=${p.thresholds}
      .minChanges=${p.minChanges}
      .metric=${p.metric}
      .link=${summaryLink(request, p)}
      @summary-close=${on.summaryClose}
    ></comparison-summary>
  </main>`;
}

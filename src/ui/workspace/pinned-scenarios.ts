import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TREE_GUARDRAIL_IDS, type Thresholds } from '../../model/guardrails';
import type { MetricId } from '../../model/metrics';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { MAIN_METRICS, MAX_PINS, type Column, type Pin, type RunOf } from '../shared/scenario-runs';
import { scenarioTable } from '../shared/scenario-table';
import { scenarioTableStyles } from '../shared/scenario-table.styles';
import { verdictColours } from '../shared/styles';

/** The rows: the main metrics, every guardrail, and the metric selected in the workspace. */
export function pinMetrics(selected: MetricId): MetricId[] {
  const ids = new Set<MetricId>(MAIN_METRICS);
  for (const id of TREE_GUARDRAIL_IDS) ids.add(id);
  ids.add(selected);
  return [...ids];
}

/**
 * The workspace's pinned scenarios: up to four scenarios kept aside ("Pin this scenario"), shown
 * side by side with the baseline and the current scenario in the table presentation mode uses
 * (ui/shared/scenario-table.ts): per metric, each one's value, change with its 95% interval,
 * verdict and any guardrail breach, in the long run. Pins are compared with the current
 * baseline on the current run settings; the app runs their comparisons when the workspace's
 * own run is done and says where each stands through `runOf`.
 *
 * Test hooks: `[data-action="pin"]`, `[data-action="unpin"][data-slide=<i>]`,
 * `[data-pin-count]`; the cells carry presentation mode's hooks (`td[data-slide][data-metric]`
 * with `data-value`, `data-delta`, `data-ci-low`, `data-ci-high`); column 0 is the current
 * scenario, pins are 1 to 4.
 *
 * @fires pin-add - the user pins the current scenario
 * @fires pin-remove - CustomEvent<{ index: number }>: the user unpins pin `index` (from 0)
 * @fires summary-open - CustomEvent<{ baseline, scenario, name }>: the user opens a summary
 */
@customElement('pinned-scenarios')
export class PinnedScenarios extends LitElement {
  @property({ attribute: false }) pins: readonly Pin[] = [];
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  /** The current scenario (first column). */
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  @property({ attribute: false }) thresholds: Thresholds = {};
  @property({ attribute: false }) metric: MetricId = 'onTimePackagesPerWeek';
  /** Where each column's comparison stands. */
  @property({ attribute: false }) runOf: RunOf = () => undefined;
  /** Why the last pin was refused, or "". */
  @property({ type: String }) message = '';

  static override styles = [
    verdictColours,
    scenarioTableStyles,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.5rem 1rem;
        margin-bottom: 0.5rem;
      }
      .hint {
        color: #4a5565;
        font-size: 0.9em;
        margin: 0;
      }
      .scroll {
        overflow-x: auto;
      }
      /* Narrow screens: the table keeps readable columns and scrolls sideways. */
      table {
        font-size: 0.9em;
        min-width: calc(19em + var(--columns, 1) * 8.5em);
      }
      td button {
        margin: 0.15em 0 0 0.3em;
      }
    `,
  ];

  private emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const { pins } = this;
    const full = pins.length >= MAX_PINS;
    const current: Column = { name: 'Current scenario', scenario: this.scenario };
    const columns = [current, ...pins].map((slide, index) => ({ slide, index }));
    return html`<div class="head">
        <button
          type="button"
          data-action="pin"
          ?disabled=${full}
          @click=${() => this.emit('pin-add')}
        >
          Pin this scenario
        </button>
        <p class="hint" data-pin-count=${pins.length} role="status">
          ${
            this.message ||
            (pins.length === 0
              ? `Pin up to ${MAX_PINS} scenarios to compare them side by side with the baseline.`
              : `${pins.length} of ${MAX_PINS} pinned${full ? ': unpin one to pin another' : ''}.`)
          }
        </p>
      </div>
      ${
        pins.length === 0
          ? nothing
          : html`<div class="scroll" style="--columns: ${columns.length}">
              ${scenarioTable({
                shown: columns,
                metricIds: pinMetrics(this.metric),
                baseline: this.baseline,
                period: 'longRun',
                thresholds: this.thresholds,
                runOf: this.runOf,
                openSummary: (slide) =>
                  this.emit('summary-open', {
                    baseline: this.baseline,
                    scenario: slide.scenario,
                    name: slide.name,
                  }),
                remove: (_slide, index) =>
                  index > 0 ? () => this.emit('pin-remove', { index: index - 1 }) : undefined,
              })}
            </div>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pinned-scenarios': PinnedScenarios;
  }
}

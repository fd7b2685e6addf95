/**
 * The run bar under each explorer tool's form: its run button, Cancel, the progress of the run
 * in flight (whichever tool started it) or the last word on it, and the chart's SVG and PNG
 * export; below it the run gate's question with "Run anyway" (`data-explorer-ask`), the
 * estimate of a long run while it goes (`data-explorer-estimate`), and the error, if any.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { exploreStyles } from './explore.styles';
import { emit } from './explore-events';
import { runLabel, type ExplorerTab } from './explorer-tabs';
import { IDLE, type RunStatus } from './run-session';

/**
 * @fires run-start - Event (not bubbling), when the run button is pressed.
 * @fires run-cancel - CustomEvent<undefined>, when Cancel is pressed.
 * @fires run-anyway - CustomEvent<undefined>, when "Run anyway" is pressed.
 * @fires chart-export - CustomEvent<{ format: 'svg' | 'png' }>, when an export button is pressed.
 */
@customElement('explore-run-bar')
export class ExploreRunBar extends LitElement {
  /** The run the button starts (`data-explorer-run`). */
  @property({ attribute: false }) what: ExplorerTab = 'sweep';
  @property({ attribute: false }) status: RunStatus = IDLE;
  /** Whether the worker pool is there to run on. */
  @property({ attribute: false }) ready = false;
  /** Whether the tool draws a chart now (goal seek answers with a table). */
  @property({ attribute: false }) hasChart = false;

  static override styles = exploreStyles;

  override render() {
    const busy = this.status.running !== undefined;
    const { asking, note } = this.status;
    return html`<div class="actions">
        <button
          class="primary"
          type="button"
          data-explorer-run=${this.what}
          ?disabled=${busy || !this.ready}
          @click=${() => this.dispatchEvent(new Event('run-start'))}
        >
          ${runLabel(this.what)}
        </button>
        <button
          type="button"
          data-explorer-cancel
          ?disabled=${!busy && !asking}
          @click=${() => emit(this, 'run-cancel', undefined)}
        >
          Cancel
        </button>
        ${this.runStatus(busy)}
        ${!this.ready ? html`<span class="note">The worker pool is starting…</span>` : nothing}
        ${this.exportGroup()}
      </div>
      ${
        asking
          ? html`<p class="error" role="alert" data-explorer-ask>
              ${asking}
              <button
                type="button"
                data-explorer-run-anyway
                @click=${() => emit(this, 'run-anyway', undefined)}
              >
                Run anyway
              </button>
            </p>`
          : nothing
      }
      ${busy && note ? html`<p class="note" role="status" data-explorer-estimate>${note}</p>` : nothing}
      ${
        this.status.error
          ? html`<p class="error" role="alert" data-explorer-error>${this.status.error}</p>`
          : nothing
      }`;
  }

  /** The progress of the run in flight, 'Starting…' before it reports, or the last word. */
  private runStatus(busy: boolean) {
    const p = this.status.progress;
    if (busy && p) {
      return html`<progress
          data-explorer-progress
          max="1"
          .value=${p.fraction}
          aria-label="Progress"
        ></progress>
        <span role="status">${p.done} of ${p.total} runs done</span>`;
    }
    if (busy) return html`<span role="status">Starting…</span>`;
    return html`<span role="status" class="note" data-explorer-message
      >${this.status.message}</span
    >`;
  }

  private exportGroup() {
    const title = this.hasChart ? '' : 'Run this tab first: there is no chart to export yet';
    const button = (format: 'svg' | 'png') =>
      html`<button
        type="button"
        data-export-format=${format}
        ?disabled=${!this.hasChart}
        title=${title}
        @click=${() => emit(this, 'chart-export', { format })}
      >
        ${format.toUpperCase()}
      </button>`;
    return html`<span class="export" role="group" aria-label="Export the chart">
      <span class="note">Export</span>
      ${button('svg')} ${button('png')}
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'explore-run-bar': ExploreRunBar;
  }
}

/**
 * A folded replay (issue 19) for Present and Practice: "Watch a day of this run" opens the
 * replay view of the given baseline and scenario. Nothing is recorded until it is opened.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { defaultScenario, type Scenario } from '../../model/scenario';
import './replay-view';

@customElement('replay-panel')
export class ReplayPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin: 16px 0;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
      font-size: 1.05em;
    }
  `;

  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  /** The summary's words. */
  @property() label = 'Watch a day of this run, driver by driver';
  @state() private open = false;

  protected override render() {
    return html`<details
      @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)}
    >
      <summary>${this.label}</summary>
      ${
        this.open
          ? html`<replay-view
              .baseline=${this.baseline}
              .scenario=${this.scenario}
              .week=${Math.min(4, this.baseline.weeks)}
            ></replay-view>`
          : nothing
      }
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'replay-panel': ReplayPanel;
  }
}

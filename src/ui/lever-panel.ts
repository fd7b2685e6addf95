import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { defaultScenario, type Scenario } from '../model/scenario';

/**
 * PLACEHOLDER (being written by the levers helper): every parameter of the table as a control.
 *
 * @fires scenario-input - CustomEvent<{ scenario: Scenario }>: a valid edited scenario
 */
@customElement('lever-panel')
export class LeverPanel extends LitElement {
  /** The scenario being edited. */
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  /** The baseline it is compared against (levers that differ are marked). */
  @property({ attribute: false }) baseline: Scenario = defaultScenario();

  override render() {
    return html`<p>Levers</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lever-panel': LeverPanel;
  }
}

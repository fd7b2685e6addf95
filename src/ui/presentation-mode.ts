import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Thresholds } from '../model/guardrails';
import { defaultScenario, type Scenario } from '../model/scenario';
import type { CompareRunner } from './runner';

/**
 * Presentation mode (being written): saved scenarios side by side for meetings.
 *
 * @fires summary-open - CustomEvent<{ baseline, scenario, name }>: show the one-page summary.
 */
@customElement('presentation-mode')
export class PresentationMode extends LitElement {
  @property({ attribute: false }) runner: CompareRunner | undefined;
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  @property({ attribute: false }) thresholds: Thresholds = {};

  override render() {
    return html`<p>Presentation</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'presentation-mode': PresentationMode;
  }
}

import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Thresholds } from '../model/guardrails';
import { defaultScenario, type Scenario } from '../model/scenario';
import type { CompareRunner } from './runner';

/**
 * One-page summary of a comparison (being written).
 *
 * @fires summary-close - the user closed the summary.
 */
@customElement('comparison-summary')
export class ComparisonSummary extends LitElement {
  @property({ attribute: false }) runner: CompareRunner | undefined;
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  @property({ type: String }) name = '';
  @property({ attribute: false }) thresholds: Thresholds = {};

  override render() {
    return html`<p>Summary</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comparison-summary': ComparisonSummary;
  }
}

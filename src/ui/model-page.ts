import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { defaultScenario, type Scenario } from '../model/scenario';
import type { CompareRunner } from './runner';

/** PLACEHOLDER (being written by the model-page helper): the model explained, and the reality check. */
@customElement('model-page')
export class ModelPage extends LitElement {
  /** Runs a comparison on the app's pool (for the reality check). */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  /** The current assumptions: the reality check runs its facts on this scenario. */
  @property({ attribute: false }) scenario: Scenario = defaultScenario();

  override render() {
    return html`<p>The model</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'model-page': ModelPage;
  }
}

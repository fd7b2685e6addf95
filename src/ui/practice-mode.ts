import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { defaultScenario, type Scenario } from '../model/scenario';
import type { CompareRunner } from './runner';

/** PLACEHOLDER (being written by the practice helper): practice mode for candidates. */
@customElement('practice-mode')
export class PracticeMode extends LitElement {
  /** Runs a comparison on the app's pool; undefined until the app provides it. */
  @property({ attribute: false }) runner: CompareRunner | undefined;
  /** The workspace's baseline: prompts are changes against it. */
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  /** The workspace's current scenario (a candidate can make a prompt from it). */
  @property({ attribute: false }) scenario: Scenario = defaultScenario();

  override render() {
    return html`<p>Practice</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'practice-mode': PracticeMode;
  }
}

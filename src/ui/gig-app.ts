import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The application root: the page frame with the lever panel and the metric area.
 * Carries `data-state="idle" | "running"` for tests and assistive tools.
 */
@customElement('gig-app')
export class GigApp extends LitElement {
  /** Whether a simulation is in flight; mirrored to the `data-state` attribute. */
  @property({ type: String, reflect: true, attribute: 'data-state' })
  state: 'idle' | 'running' = 'idle';

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
    header {
      display: flex;
      align-items: baseline;
      gap: 1rem;
      padding: 0.75rem 1.5rem;
      background: #1c2430;
      color: #fff;
    }
    h1 {
      margin: 0;
      font-size: 1.5rem;
      letter-spacing: 0.02em;
    }
    .tagline {
      color: #c9d2de;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(16rem, 22rem) 1fr;
      gap: 1rem;
      padding: 1rem 1.5rem;
    }
    section {
      background: #fff;
      border: 1px solid #dde2e8;
      border-radius: 8px;
      padding: 1rem;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.1rem;
    }
    @media (max-width: 800px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
  `;

  override render() {
    return html`
      <header>
        <h1>gigsim</h1>
        <span class="tagline">what-if simulator for a crowdsourced delivery service</span>
      </header>
      <main class="layout">
        <section data-region="levers" aria-labelledby="levers-title">
          <h2 id="levers-title">Levers</h2>
          <slot name="levers"></slot>
        </section>
        <section data-region="metrics" aria-labelledby="metrics-title">
          <h2 id="metrics-title">Metrics</h2>
          <slot name="metrics"></slot>
        </section>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gig-app': GigApp;
  }
}

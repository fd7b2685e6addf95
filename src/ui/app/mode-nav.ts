import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { APP_MODES, MODE_INFO, type AppMode } from './app-mode';
import { tabStep } from '../shared/keys';

/**
 * The app's modes as a row of links (Workspace, Practice, Present, Model). Each link is the
 * real URL of its mode, so it can be opened in a new tab or copied; a plain click (or Enter)
 * asks the app to switch instead of reloading. The active mode carries `aria-current="page"`.
 * ← and → move between the links, Home and End go to the first and last.
 *
 * @fires mode-select - CustomEvent<{ mode: AppMode }>: the user chose a mode (plain click or
 *   Enter on its link).
 */
@customElement('mode-nav')
export class ModeNav extends LitElement {
  /** The mode shown. */
  @property({ type: String }) mode: AppMode = 'workspace';
  /** Each mode's URL (relative or absolute); a missing one links to "#". */
  @property({ attribute: false }) links: Partial<Record<AppMode, string>> = {};

  static override styles = css`
    :host {
      display: block;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    a {
      display: inline-block;
      padding: 0.35rem 0.8rem;
      border-radius: 6px;
      border: 1px solid transparent;
      color: #dfe6ee;
      text-decoration: none;
      font-size: 1rem;
      line-height: 1.3;
    }
    a:hover {
      background: #2d3947;
      color: #fff;
    }
    a[aria-current='page'] {
      background: #fff;
      color: #1c2430;
      font-weight: 600;
      border-color: #fff;
    }
    a:focus-visible {
      outline: 3px solid #7fb2f0;
      outline-offset: 2px;
    }
  `;

  override render() {
    return html`<nav aria-label="Modes">
      <ul>
        ${APP_MODES.map(
          (m) =>
            html`<li>
              <a
                href=${this.links[m] ?? '#'}
                data-mode-link=${m}
                title=${MODE_INFO[m].purpose}
                aria-current=${m === this.mode ? 'page' : 'false'}
                @click=${(e: MouseEvent) => this.onClick(e, m)}
                @keydown=${(e: KeyboardEvent) => this.onKey(e, m)}
                >${MODE_INFO[m].label}</a
              >
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private onClick(e: MouseEvent, mode: AppMode): void {
    // Let the browser open the link elsewhere on a modified or non-primary click.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.dispatchEvent(
      new CustomEvent<{ mode: AppMode }>('mode-select', {
        detail: { mode },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private onKey(e: KeyboardEvent, mode: AppMode): void {
    const next = tabStep(e.key, APP_MODES.indexOf(mode), APP_MODES.length);
    const target = next === undefined ? undefined : APP_MODES[next];
    if (!target) return;
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`[data-mode-link="${target}"]`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mode-nav': ModeNav;
  }
}

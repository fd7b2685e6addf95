/**
 * The app's header: the name and tagline, the mode links, the Summary button (in the
 * workspace and presentation mode) and the run's status for screen readers and the eye, with
 * Cancel while the workspace's run goes.
 * Templates only: gig-app.ts places it in its own shadow root and handles the events.
 */
import { html, nothing } from 'lit';
import type { AppMode } from './app-mode';
import './mode-nav';

/** What the header shows. */
export interface HeaderProps {
  readonly mode: AppMode;
  /** Each mode's URL. */
  readonly links: Partial<Record<AppMode, string>>;
  /** Whether the one-page summary is open. */
  readonly summaryOpen: boolean;
  /** What the workspace's run is doing, or "". */
  readonly status: string;
  /** Whether the workspace's run can be cancelled (it is running). */
  readonly canCancel: boolean;
}

/** The header's events, each handled by the app. */
export interface HeaderHandlers {
  modeSelect(e: CustomEvent<{ mode: AppMode }>): void;
  openSummary(): void;
  cancelRun(): void;
}

export function appHeader(p: HeaderProps, on: HeaderHandlers) {
  return html`<header>
    <h1>gigsim</h1>
    <span class="tagline">what-if simulator for a crowdsourced delivery service</span>
    <mode-nav .mode=${p.mode} .links=${p.links} @mode-select=${on.modeSelect}></mode-nav>
    ${
      p.mode === 'workspace' || p.mode === 'present'
        ? html`<button
            type="button"
            class="summary-button"
            data-action="open-summary"
            aria-pressed=${p.summaryOpen ? 'true' : 'false'}
            title="A one-page summary of the workspace's comparison, to print or save as PDF"
            @click=${on.openSummary}
          >
            Summary
          </button>`
        : nothing
    }
    <span class="status" role="status" aria-live="polite">${p.status}</span>
    ${
      p.canCancel
        ? html`<button
            type="button"
            class="cancel-button"
            data-action="cancel-run"
            title="Stop this run; the last complete numbers stay on screen"
            @click=${on.cancelRun}
          >
            Cancel
          </button>`
        : nothing
    }
  </header>`;
}

/** The header's status while the workspace's run goes: levers settling, or how far it got. */
export function runStatus(settling: boolean, progress: number): string {
  if (settling) return 'Waiting for the levers to settle…';
  return `Updating… ${Math.round(progress * 100)}% of replications`;
}

/**
 * The notes under the header: why a link's mode could not be used, and where the view shown
 * came from when it was not the link's (the autosave restored, with a way back to the
 * defaults; an autosave that could not be read or written). Templates only: gig-app.ts keeps
 * the notes and handles the buttons.
 */
import { html, nothing } from 'lit';
import type { MemoryNotice } from './view-memory';

export interface NoticeHandlers {
  dismissMode(): void;
  dismissMemory(): void;
  /** Leaves the restored scenario for the defaults. */
  startFresh(): void;
}

export function appNotices(
  modeNotice: string,
  memory: MemoryNotice | undefined,
  on: NoticeHandlers,
) {
  return html`${
    modeNotice
      ? html`<p class="mode-notice" role="alert" data-notice="mode">
          ${modeNotice}
          <button type="button" @click=${on.dismissMode}>Dismiss</button>
        </p>`
      : nothing
  }
  ${
    memory
      ? html`<p
          class="mode-notice"
          role=${memory.kind === 'restored' ? 'status' : 'alert'}
          data-notice=${memory.kind}
        >
          ${memory.text}
          ${
            memory.kind === 'restored'
              ? html`<button type="button" data-action="start-fresh" @click=${on.startFresh}>
                  Start from the defaults
                </button>`
              : nothing
          }
          <button type="button" @click=${on.dismissMemory}>Dismiss</button>
        </p>`
      : nothing
  }`;
}

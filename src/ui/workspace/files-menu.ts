/**
 * The scenario bar's "Files and sharing" part: import a scenario file, export the scenario,
 * export the results as CSV (once the run in progress is done), copy the link to the view,
 * with the message about the last file beside them and, where the page may not write to the
 * clipboard, the link shown to select and copy.
 *
 * Template only: the scenario bar (scenario-bar.ts) reads and writes the files and the link.
 */
import { html, nothing, type TemplateResult } from 'lit';

/** What the part shows. */
export interface FilesMenuProps {
  /** Whether the results can be exported (a comparison is shown and no run is in flight). */
  readonly canExportCsv: boolean;
  /** Link to the current view. */
  readonly link: string;
  /** The message about the last file, and whether it is an error. */
  readonly fileMessage: string;
  readonly fileError: boolean;
  /** What "Copy link" did, and whether the link is shown to copy by hand. */
  readonly shareMessage: string;
  readonly linkShown: boolean;
}

/** Where its buttons go. */
export interface FilesMenuActions {
  readonly importFile: (e: Event) => void;
  readonly exportJson: () => void;
  readonly exportCsv: () => void;
  readonly copyLink: () => void;
}

/** The files and sharing fieldset. */
export function filesMenu(p: FilesMenuProps, on: FilesMenuActions): TemplateResult {
  return html`<fieldset>
    <legend>Files and sharing</legend>
    <div class="row">
      <label class="file-button" data-action="import"
        >Import scenario…
        <input
          type="file"
          accept=".json,application/json"
          data-control="import"
          aria-describedby="file-message"
          @change=${on.importFile}
      /></label>
      <button data-action="export-json" @click=${on.exportJson}>Export scenario</button>
      <button
        data-action="export-csv"
        ?disabled=${!p.canExportCsv}
        title=${p.canExportCsv ? '' : 'Available once the run in progress is done'}
        @click=${on.exportCsv}
      >
        Export results CSV
      </button>
      <button data-action="copy-link" @click=${on.copyLink}>Copy link</button>
    </div>
    <p
      id="file-message"
      class="msg ${p.fileError ? 'error' : ''}"
      role=${p.fileError ? 'alert' : 'status'}
      data-message="file"
      ?hidden=${p.fileMessage === ''}
    >
      ${p.fileMessage}
    </p>
    ${
      p.shareMessage
        ? html`<p class="msg" role="status" data-message="share">${p.shareMessage}</p>`
        : nothing
    }
    ${
      p.linkShown
        ? html`<input
            class="link-field"
            type="text"
            readonly
            aria-label="Link to this view"
            .value=${p.link}
            @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
          />`
        : nothing
    }
  </fieldset>`;
}

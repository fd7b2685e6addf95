import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PARAM_BY_ID, type Params } from '../../model/params';
import { PRESETS, PRESET_BY_ID, applyPreset } from '../../model/presets';
import { comparisonCsv } from '../../model/report';
import type { Comparison } from '../../model/results';
import {
  changedParams,
  defaultScenario,
  parseScenario,
  scenarioToJson,
  type Scenario,
} from '../../model/scenario';
import {
  deleteSaved,
  loadSaved,
  renameSaved,
  saveScenario,
  type SavedState,
  type StorageLike,
} from '../shared/saved-scenarios';

/** Largest scenario file read (a scenario file is well under a kilobyte). */
const MAX_FILE_BYTES = 256 * 1024;

/** The browser's localStorage, or undefined where the page may not use it. */
function browserStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

const NO_STORAGE: StorageLike = {
  getItem: () => {
    throw new Error('this browser does not allow the page to store data');
  },
  setItem: () => {
    throw new Error('this browser does not allow the page to store data');
  },
};

/** A parameter's value as the lever shows it: "24.2 $/h", "on"/"off". */
function showParam(id: string, value: number | boolean): string {
  const def = PARAM_BY_ID.get(id);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (!Number.isFinite(value)) return '–';
  const unit = def && def.unit !== '' ? ` ${def.unit}` : '';
  return `${String(value)}${unit}`;
}

/** Offers `text` as a file download. */
function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The scenario bar above the workspace: start from a preset, save and reload named scenarios
 * (kept in this browser), make the scenario the baseline or reset the baseline, import and
 * export scenario files, export results as CSV, copy the link to the view; and, beneath, the
 * levers where the scenario differs from the baseline. Messages about a bad link (`notice`),
 * a bad file or saving appear next to the control they concern.
 *
 * @fires scenario-input - CustomEvent<{ scenario: Scenario }>: a preset, saved scenario or
 *   imported file replaces the scenario
 * @fires baseline-input - CustomEvent<{ baseline: Scenario }>: the baseline is replaced
 * @fires notice-dismiss - the user dismissed `notice`
 */
@customElement('scenario-bar')
export class ScenarioBar extends LitElement {
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  /** The comparison shown, exported as CSV (undefined while the first run computes). */
  @property({ attribute: false }) comparison: Comparison | undefined;
  /** Whether a run is in flight (results export waits for it to finish). */
  @property({ type: Boolean }) busy = false;
  /** Link to the current view, for "Copy link". */
  @property({ type: String }) link = '';
  /** A message about how the view was loaded (e.g. a malformed link), shown at the top. */
  @property({ type: String }) notice = '';
  /** Where saved scenarios are kept (the browser's localStorage unless given). */
  @property({ attribute: false }) storage: StorageLike | undefined;

  @state() private saved: SavedState = { entries: [], setAside: [] };
  @state() private presetId = PRESETS[0].id;
  @state() private savedName = '';
  @state() private saveAs = '';
  @state() private renaming = false;
  @state() private renameTo = '';
  @state() private savedMessage = '';
  @state() private savedError = false;
  @state() private fileMessage = '';
  @state() private fileError = false;
  @state() private shareMessage = '';
  @state() private linkShown = false;
  @state() private lastDeleted: { name: string; scenario: Scenario } | undefined;

  static override styles = css`
    :host {
      display: block;
      font-size: 0.95rem;
    }
    .groups {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.5rem;
      align-items: flex-start;
    }
    fieldset {
      border: none;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 0.35rem;
      font-weight: 600;
      font-size: 0.8rem;
      text-transform: uppercase;
      letter-spacing: 0.05em;
      color: #4a5565;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
    }
    label.inline {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
    }
    select,
    input[type='text'] {
      font: inherit;
      padding: 0.3rem 0.4rem;
      border: 1px solid #b9c2cd;
      border-radius: 4px;
      background: #fff;
      max-width: 14rem;
    }
    input[type='text'] {
      width: 10rem;
    }
    button,
    .file-button {
      font: inherit;
      padding: 0.3rem 0.7rem;
      border: 1px solid #9aa5b3;
      border-radius: 4px;
      background: #f2f4f7;
      color: #1c2430;
      cursor: pointer;
    }
    button:hover,
    .file-button:hover {
      background: #e3e8ee;
    }
    button:focus-visible,
    select:focus-visible,
    input:focus-visible,
    .file-button:focus-within {
      outline: 3px solid #2f6fb3;
      outline-offset: 1px;
    }
    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    button.primary {
      background: #1f5c99;
      border-color: #1f5c99;
      color: #fff;
    }
    button.primary:hover {
      background: #174a7c;
    }
    .file-button input {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
    }
    .file-button {
      position: relative;
      display: inline-block;
    }
    .story {
      margin: 0.35rem 0 0;
      max-width: 22rem;
      color: #4a5565;
      font-size: 0.85rem;
    }
    .msg {
      margin: 0.35rem 0 0;
      font-size: 0.85rem;
      max-width: 30rem;
    }
    .msg.error,
    .notice {
      color: #8a1c1c;
    }
    .msg.error::before,
    .notice::before {
      content: '⚠ ';
    }
    .notice {
      display: flex;
      gap: 0.75rem;
      align-items: baseline;
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      background: #fdf0f0;
      border: 1px solid #e5b3b3;
      border-radius: 6px;
    }
    .notice span {
      flex: 1;
    }
    .diff {
      margin: 0.75rem 0 0;
      padding-top: 0.6rem;
      border-top: 1px solid #e3e7ec;
      color: #2b3544;
    }
    .diff ul {
      display: inline;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .diff li {
      display: inline-block;
      margin: 0.1rem 0.4rem 0.1rem 0;
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      background: #e8f0fa;
      border: 1px solid #bcd0e8;
      font-variant-numeric: tabular-nums;
    }
    .diff .was {
      color: #5a6676;
    }
    details {
      margin-top: 0.35rem;
      font-size: 0.85rem;
    }
    .link-field {
      width: 24rem;
      max-width: 100%;
    }
  `;

  private get store(): StorageLike {
    return this.storage ?? browserStorage() ?? NO_STORAGE;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.reload();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storage') && this.hasUpdated) this.reload();
  }

  /** Reads the saved scenarios again from storage. */
  reload(): void {
    this.saved = loadSaved(this.store);
    if (!this.saved.entries.some((e) => e.name === this.savedName)) {
      this.savedName = this.saved.entries[0]?.name ?? '';
    }
    this.savedMessage = this.saved.problem ?? '';
    this.savedError = this.saved.problem !== undefined;
  }

  private emit(type: 'scenario-input', detail: { scenario: Scenario }): void;
  private emit(type: 'baseline-input', detail: { baseline: Scenario }): void;
  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private applyPreset(): void {
    const preset = PRESET_BY_ID.get(this.presetId);
    if (!preset) return;
    const r = applyPreset(this.baseline, preset);
    if (!r.ok) {
      this.fileMessage = `The preset could not be applied: ${r.error}`;
      this.fileError = true;
      return;
    }
    this.emit('scenario-input', { scenario: r.value });
  }

  private setSaved(r: { ok: true; value: SavedState } | { ok: false; error: string }, ok: string) {
    if (r.ok) {
      this.saved = r.value;
      this.savedMessage = ok;
      this.savedError = false;
    } else {
      this.savedMessage = r.error.charAt(0).toUpperCase() + r.error.slice(1);
      this.savedError = true;
    }
    return r.ok;
  }

  private save(): void {
    const name = this.saveAs.trim();
    const replacing = this.saved.entries.some((e) => e.name === name);
    const r = saveScenario(this.store, this.saved, this.saveAs, this.scenario);
    if (this.setSaved(r, replacing ? `Replaced “${name}”.` : `Saved as “${name}”.`)) {
      this.savedName = name;
      this.saveAs = '';
      this.lastDeleted = undefined;
    }
  }

  private load(): void {
    const entry = this.saved.entries.find((e) => e.name === this.savedName);
    if (!entry) return;
    this.emit('scenario-input', { scenario: entry.scenario });
    this.savedMessage = `Loaded “${entry.name}”.`;
    this.savedError = false;
  }

  private rename(): void {
    const to = this.renameTo.trim();
    const r = renameSaved(this.store, this.saved, this.savedName, this.renameTo);
    if (this.setSaved(r, `Renamed to “${to}”.`)) {
      this.savedName = to;
      this.renaming = false;
    }
  }

  private deleteSelected(): void {
    const entry = this.saved.entries.find((e) => e.name === this.savedName);
    if (!entry) return;
    const r = deleteSaved(this.store, this.saved, entry.name);
    if (this.setSaved(r, `Deleted “${entry.name}”.`)) {
      this.lastDeleted = entry;
      this.savedName = this.saved.entries[0]?.name ?? '';
    }
  }

  private undoDelete(): void {
    const d = this.lastDeleted;
    if (!d) return;
    const r = saveScenario(this.store, this.saved, d.name, d.scenario);
    if (this.setSaved(r, `Restored “${d.name}”.`)) {
      this.savedName = d.name;
      this.lastDeleted = undefined;
    }
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const bad = (why: string) => {
      this.fileMessage = `“${file.name}” was not imported: ${why}.`;
      this.fileError = true;
    };
    if (file.size > MAX_FILE_BYTES) {
      bad(`it is ${Math.round(file.size / 1024)} KB, larger than a scenario file can be`);
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (error) {
      bad(`it is not JSON (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    const r = parseScenario(data);
    if (!r.ok) {
      bad(r.error);
      return;
    }
    this.fileMessage = `Imported “${file.name}”.`;
    this.fileError = false;
    this.emit('scenario-input', { scenario: r.value });
  }

  private exportJson(): void {
    const text = `${JSON.stringify(scenarioToJson(this.scenario), null, 2)}\n`;
    download('gigsim-scenario.json', text, 'application/json');
    this.fileMessage = 'Scenario exported as gigsim-scenario.json.';
    this.fileError = false;
  }

  private exportCsv(): void {
    if (!this.comparison || this.busy) return;
    download(
      'gigsim-results.csv',
      comparisonCsv(this.comparison, this.baseline, this.scenario),
      'text/csv',
    );
    this.fileMessage = 'Results exported as gigsim-results.csv.';
    this.fileError = false;
  }

  private async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.link);
      this.shareMessage = 'Link copied.';
      this.linkShown = false;
    } catch {
      this.shareMessage = 'Copying is not allowed here: select the link below and copy it.';
      this.linkShown = true;
    }
  }

  private differences() {
    const diff = changedParams(this.scenario.params, this.baseline.params);
    const ids = Object.keys(diff) as (keyof Params)[];
    if (ids.length === 0) {
      return html`<p class="diff" data-diff-count="0">
        The scenario is the same as the baseline: move a lever or pick a preset.
      </p>`;
    }
    return html`<div class="diff" data-diff-count=${ids.length}>
      <strong>Differs from the baseline:</strong>
      <ul>
        ${ids.map((id) => {
          const label = PARAM_BY_ID.get(id)?.label ?? id;
          return html`<li data-diff=${id}>
            ${label}: <span class="was">${showParam(id, this.baseline.params[id])}</span> →
            <strong>${showParam(id, this.scenario.params[id])}</strong>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  override render() {
    const preset = PRESET_BY_ID.get(this.presetId);
    const entries = this.saved.entries;
    const setAside = this.saved.setAside;
    return html`
      ${
        this.notice
          ? html`<div class="notice" role="alert" data-notice>
              <span>${this.notice}</span>
              <button @click=${() => this.dispatchEvent(new CustomEvent('notice-dismiss'))}>
                Dismiss
              </button>
            </div>`
          : nothing
      }
      <div class="groups">
        <fieldset>
          <legend>Preset</legend>
          <div class="row">
            <select
              data-control="preset"
              aria-label="Preset scenario"
              aria-describedby="preset-story"
              .value=${this.presetId}
              @change=${(e: Event) => (this.presetId = (e.target as HTMLSelectElement).value)}
            >
              ${PRESETS.map(
                (p) =>
                  html`<option value=${p.id} ?selected=${p.id === this.presetId}>
                    ${p.label}
                  </option>`,
              )}
            </select>
            <button class="primary" data-action="apply-preset" @click=${this.applyPreset}>
              Apply
            </button>
          </div>
          <p class="story" id="preset-story">${preset?.story ?? ''}</p>
        </fieldset>

        <fieldset>
          <legend>Saved in this browser</legend>
          <div class="row">
            <select
              data-control="saved"
              aria-label="Saved scenario"
              ?disabled=${entries.length === 0}
              .value=${this.savedName}
              @change=${(e: Event) => {
                this.savedName = (e.target as HTMLSelectElement).value;
                this.renaming = false;
              }}
            >
              ${entries.length === 0 ? html`<option value="">none yet</option>` : nothing}
              ${entries.map(
                (e) =>
                  html`<option value=${e.name} ?selected=${e.name === this.savedName}>
                    ${e.name}
                  </option>`,
              )}
            </select>
            <button data-action="load-saved" ?disabled=${entries.length === 0} @click=${this.load}>
              Load
            </button>
            <button
              data-action="rename-saved"
              ?disabled=${entries.length === 0}
              aria-expanded=${this.renaming ? 'true' : 'false'}
              @click=${() => {
                this.renaming = !this.renaming;
                this.renameTo = this.savedName;
              }}
            >
              Rename…
            </button>
            <button
              data-action="delete-saved"
              ?disabled=${entries.length === 0}
              @click=${this.deleteSelected}
            >
              Delete
            </button>
          </div>
          ${
            this.renaming
              ? html`<form
                  class="row"
                  style="margin-top:0.4rem"
                  @submit=${(e: Event) => {
                    e.preventDefault();
                    this.rename();
                  }}
                >
                  <label class="inline"
                    >New name
                    <input
                      type="text"
                      data-control="rename-to"
                      .value=${this.renameTo}
                      @input=${(e: Event) => (this.renameTo = (e.target as HTMLInputElement).value)}
                  /></label>
                  <button type="submit">Rename</button>
                  <button type="button" @click=${() => (this.renaming = false)}>Cancel</button>
                </form>`
              : nothing
          }
          <form
            class="row"
            style="margin-top:0.4rem"
            @submit=${(e: Event) => {
              e.preventDefault();
              this.save();
            }}
          >
            <label class="inline"
              >Save current as
              <input
                type="text"
                data-control="save-name"
                placeholder="name"
                maxlength="60"
                .value=${this.saveAs}
                @input=${(e: Event) => (this.saveAs = (e.target as HTMLInputElement).value)}
            /></label>
            <button type="submit" data-action="save">Save</button>
          </form>
          ${
            this.savedMessage
              ? html`<p
                  class="msg ${this.savedError ? 'error' : ''}"
                  role=${this.savedError ? 'alert' : 'status'}
                  data-message="saved"
                >
                  ${this.savedMessage}
                  ${
                    this.lastDeleted
                      ? html`<button data-action="undo-delete" @click=${this.undoDelete}>
                          Undo
                        </button>`
                      : nothing
                  }
                </p>`
              : nothing
          }
          ${
            setAside.length > 0
              ? html`<details data-message="set-aside">
                  <summary>
                    ${setAside.length} saved ${setAside.length === 1 ? 'scenario' : 'scenarios'}
                    could not be read (kept aside, not deleted)
                  </summary>
                  <ul>
                    ${setAside.map((s) => html`<li>${s.name}: ${s.error}</li>`)}
                  </ul>
                </details>`
              : nothing
          }
        </fieldset>

        <fieldset>
          <legend>Baseline</legend>
          <div class="row">
            <button data-action="make-baseline" @click=${this.makeBaseline}>
              Make this the baseline
            </button>
            <button data-action="reset-baseline" @click=${this.resetBaseline}>
              Reset baseline to defaults
            </button>
          </div>
        </fieldset>

        <fieldset>
          <legend>Files and sharing</legend>
          <div class="row">
            <label class="file-button" data-action="import"
              >Import scenario…
              <input
                type="file"
                accept=".json,application/json"
                data-control="import"
                aria-describedby="file-message"
                @change=${(e: Event) => void this.importFile(e)}
            /></label>
            <button data-action="export-json" @click=${this.exportJson}>Export scenario</button>
            <button
              data-action="export-csv"
              ?disabled=${!this.comparison || this.busy}
              title=${this.comparison && !this.busy ? '' : 'Available once the run in progress is done'}
              @click=${this.exportCsv}
            >
              Export results CSV
            </button>
            <button data-action="copy-link" @click=${() => void this.copyLink()}>Copy link</button>
          </div>
          <p
            id="file-message"
            class="msg ${this.fileError ? 'error' : ''}"
            role=${this.fileError ? 'alert' : 'status'}
            data-message="file"
            ?hidden=${this.fileMessage === ''}
          >
            ${this.fileMessage}
          </p>
          ${
            this.shareMessage
              ? html`<p class="msg" role="status" data-message="share">${this.shareMessage}</p>`
              : nothing
          }
          ${
            this.linkShown
              ? html`<input
                  class="link-field"
                  type="text"
                  readonly
                  aria-label="Link to this view"
                  .value=${this.link}
                  @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
                />`
              : nothing
          }
        </fieldset>
      </div>
      ${this.differences()}
    `;
  }

  private makeBaseline(): void {
    this.emit('baseline-input', { baseline: this.scenario });
  }

  private resetBaseline(): void {
    const d = defaultScenario();
    this.emit('baseline-input', {
      baseline: {
        ...d,
        seed: this.scenario.seed,
        weeks: this.scenario.weeks,
        replications: this.scenario.replications,
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scenario-bar': ScenarioBar;
  }
}

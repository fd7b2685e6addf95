/**
 * The scenario bar's "Saved in this browser" part: the named scenarios kept in the browser's
 * storage, to load, rename, delete (with Undo) and save the current scenario under a name,
 * with a message after each step, and the entries that could not be read listed apart (kept
 * aside, not deleted). A reactive controller of the scenario bar: it holds this part's state,
 * does its steps through ui/shared/saved-scenarios.ts, and draws its fieldset in the bar's
 * shadow root, where the tests find `[data-control="saved"]`, `[data-action="save"]`, ...
 */
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { Thresholds } from '../../model/guardrails';
import type { MinChanges } from '../../model/verdict';
import type { Scenario } from '../../model/scenario';
import {
  SAVED_KEY,
  deleteSaved,
  loadSaved,
  renameSaved,
  saveScenario,
  type SavedScenario,
  type SavedState,
  type StorageLike,
} from '../shared/saved-scenarios';

/** The browser's localStorage, or undefined where the page may not use it. */
export function browserStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Storage that refuses every use, saying why, for a page that may not store data. */
export const NO_STORAGE: StorageLike = {
  getItem: () => {
    throw new Error('this browser does not allow the page to store data');
  },
  setItem: () => {
    throw new Error('this browser does not allow the page to store data');
  },
};

/** What the saved scenarios need from the scenario bar. */
export interface SavedMenuHost {
  /** Where the scenarios are kept. */
  readonly store: () => StorageLike;
  /** The scenario "Save" keeps. */
  readonly scenario: () => Scenario;
  /** The guardrail thresholds "Save" keeps with it. */
  readonly thresholds: () => Thresholds;
  /** The smallest changes that matter "Save" keeps with it. */
  readonly minChanges: () => MinChanges;
  /**
   * "Load" replaces the scenario (and the thresholds and smallest changes that matter, when
   * saved with it) with a saved one.
   */
  readonly load: (entry: SavedScenario) => void;
}

/** The saved scenarios' part of the bar: reads them when the bar connects, redraws it on change. */
export class SavedMenu implements ReactiveController {
  private saved: SavedState = { entries: [], setAside: [] };
  private savedName = '';
  private saveAs = '';
  private renaming = false;
  private renameTo = '';
  private message = '';
  private error = false;
  private lastDeleted: SavedScenario | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly bar: SavedMenuHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.reload();
    globalThis.addEventListener?.('storage', this.onStorage);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('storage', this.onStorage);
  }

  /** Another tab changed the saved scenarios: show its list, keeping this tab's message. */
  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key === SAVED_KEY) this.reload(true);
  };

  /** Reads the saved scenarios again from storage. */
  reload(keepMessage = false): void {
    this.saved = loadSaved(this.bar.store());
    if (!this.saved.entries.some((e) => e.name === this.savedName)) {
      this.savedName = this.saved.entries[0]?.name ?? '';
    }
    if (!keepMessage || this.saved.problem !== undefined) {
      this.message = this.saved.problem ?? '';
      this.error = this.saved.problem !== undefined;
    }
    this.host.requestUpdate();
  }

  /** Takes the outcome of a step: the new state and `ok`, or the error as a sentence. */
  private settle(r: { ok: true; value: SavedState } | { ok: false; error: string }, ok: string) {
    if (r.ok) {
      this.saved = r.value;
      this.message = ok;
      this.error = false;
    } else {
      this.message = r.error.charAt(0).toUpperCase() + r.error.slice(1);
      this.error = true;
    }
    this.host.requestUpdate();
    return r.ok;
  }

  private save(): void {
    const name = this.saveAs.trim();
    const replacing = this.saved.entries.some((e) => e.name === name);
    const r = saveScenario(
      this.bar.store(),
      this.saved,
      this.saveAs,
      this.bar.scenario(),
      this.bar.thresholds(),
      this.bar.minChanges(),
    );
    if (this.settle(r, replacing ? `Replaced “${name}”.` : `Saved as “${name}”.`)) {
      this.savedName = name;
      this.saveAs = '';
      this.lastDeleted = undefined;
    }
  }

  private load(): void {
    const entry = this.saved.entries.find((e) => e.name === this.savedName);
    if (!entry) return;
    this.bar.load(entry);
    this.message = `Loaded “${entry.name}”.`;
    this.error = false;
    this.host.requestUpdate();
  }

  private rename(): void {
    const to = this.renameTo.trim();
    const r = renameSaved(this.bar.store(), this.saved, this.savedName, this.renameTo);
    if (this.settle(r, `Renamed to “${to}”.`)) {
      this.savedName = to;
      this.renaming = false;
    }
  }

  private deleteSelected(): void {
    const entry = this.saved.entries.find((e) => e.name === this.savedName);
    if (!entry) return;
    const r = deleteSaved(this.bar.store(), this.saved, entry.name);
    if (this.settle(r, `Deleted “${entry.name}”.`)) {
      this.lastDeleted = entry;
      this.savedName = this.saved.entries[0]?.name ?? '';
    }
  }

  private undoDelete(): void {
    const d = this.lastDeleted;
    if (!d) return;
    const r = saveScenario(
      this.bar.store(),
      this.saved,
      d.name,
      d.scenario,
      d.thresholds,
      d.minChanges,
    );
    if (this.settle(r, `Restored “${d.name}”.`)) {
      this.savedName = d.name;
      this.lastDeleted = undefined;
    }
  }

  /** Sets a field of this part from an event handler and redraws. */
  private edit(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  /** The "Saved in this browser" fieldset. */
  render(): TemplateResult {
    return html`<fieldset>
      <legend>Saved in this browser</legend>
      ${this.picker()} ${this.renaming ? this.renameForm() : nothing} ${this.saveForm()}
      ${this.messageLine()} ${this.setAsideList()}
    </fieldset>`;
  }

  /** The saved scenarios' select, with Load, Rename… and Delete. */
  private picker(): TemplateResult {
    const entries = this.saved.entries;
    const none = entries.length === 0;
    return html`<div class="row">
      <select
        data-control="saved"
        aria-label="Saved scenario"
        ?disabled=${none}
        .value=${this.savedName}
        @change=${(e: Event) =>
          this.edit(() => {
            this.savedName = (e.target as HTMLSelectElement).value;
            this.renaming = false;
          })}
      >
        ${none ? html`<option value="">none yet</option>` : nothing}
        ${entries.map(
          (e) =>
            html`<option value=${e.name} ?selected=${e.name === this.savedName}>${e.name}</option>`,
        )}
      </select>
      <button data-action="load-saved" ?disabled=${none} @click=${() => this.load()}>Load</button>
      <button
        data-action="rename-saved"
        ?disabled=${none}
        aria-expanded=${this.renaming ? 'true' : 'false'}
        @click=${() =>
          this.edit(() => {
            this.renaming = !this.renaming;
            this.renameTo = this.savedName;
          })}
      >
        Rename…
      </button>
      <button data-action="delete-saved" ?disabled=${none} @click=${() => this.deleteSelected()}>
        Delete
      </button>
    </div>`;
  }

  /** The new name of the selected scenario, while renaming. */
  private renameForm(): TemplateResult {
    return html`<form
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
          @input=${(e: Event) =>
            this.edit(() => (this.renameTo = (e.target as HTMLInputElement).value))}
      /></label>
      <button type="submit">Rename</button>
      <button type="button" @click=${() => this.edit(() => (this.renaming = false))}>Cancel</button>
    </form>`;
  }

  /** "Save current as" a name. */
  private saveForm(): TemplateResult {
    return html`<form
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
          @input=${(e: Event) =>
            this.edit(() => (this.saveAs = (e.target as HTMLInputElement).value))}
      /></label>
      <button type="submit" data-action="save">Save</button>
    </form>`;
  }

  /** What the last step did, or why it failed; Undo after a delete. */
  private messageLine(): TemplateResult | typeof nothing {
    if (!this.message) return nothing;
    return html`<p
      class="msg ${this.error ? 'error' : ''}"
      role=${this.error ? 'alert' : 'status'}
      data-message="saved"
    >
      ${this.message}
      ${
        this.lastDeleted
          ? html`<button data-action="undo-delete" @click=${() => this.undoDelete()}>Undo</button>`
          : nothing
      }
    </p>`;
  }

  /** The entries that could not be read, kept aside. */
  private setAsideList(): TemplateResult | typeof nothing {
    const setAside = this.saved.setAside;
    if (setAside.length === 0) return nothing;
    return html`<details data-message="set-aside">
      <summary>
        ${setAside.length} saved ${setAside.length === 1 ? 'scenario' : 'scenarios'} could not be
        read (kept aside, not deleted)
      </summary>
      <ul>
        ${setAside.map((s) => html`<li>${s.name}: ${s.error}</li>`)}
      </ul>
    </details>`;
  }
}

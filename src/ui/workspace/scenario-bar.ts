import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Thresholds } from '../../model/guardrails';
import type { MinChanges } from '../../model/verdict';
import { PRESET_BY_ID, applyPreset } from '../../model/presets';
import type { Comparison } from '../../model/results';
import { defaultScenario, resetBaselineBeside, type Scenario } from '../../model/scenario';
import { WORKSPACE_NAME } from '../shared/export-context';
import { resultsCsv } from '../shared/results-csv';
import type { StorageLike } from '../shared/saved-scenarios';
import { filesMenu } from './files-menu';
import { fitNote } from './fit-note';
import { appliedPreset, presetMenu } from './preset-menu';
import { NO_STORAGE, SavedMenu, browserStorage } from './saved-menu';
import { scenarioBarStyles } from './scenario-bar.styles';
import { differences } from './scenario-diff';
import { readScenarioFile, scenarioFileText } from './scenario-files';

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
 * levers where the scenario differs from the baseline. Above them, when the baseline rests on a
 * calibration's fit, a note says so, with a button to drop it (fit-note.ts). Messages about a bad link (`notice`),
 * a bad file or saving appear next to the control they concern.
 *
 * @fires scenario-input - CustomEvent<{ scenario, thresholds?, minChanges? }>: a preset, saved
 *   scenario or imported file replaces the scenario (and the guardrail thresholds and smallest
 *   changes that matter, when saved with it)
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
  /** The user's guardrail thresholds: saved and exported with the scenario, judged in the CSV. */
  @property({ attribute: false }) thresholds: Thresholds = {};
  /** The user's smallest changes that matter: saved with the scenario. */
  @property({ attribute: false }) minChanges: MinChanges = {};

  @state() private fileMessage = '';
  @state() private fileError = false;
  @state() private shareMessage = '';
  @state() private linkShown = false;

  /** The scenarios saved in this browser: their state, steps and fieldset. */
  private readonly savedMenu = new SavedMenu(this, {
    store: () => this.store,
    scenario: () => this.scenario,
    thresholds: () => this.thresholds,
    minChanges: () => this.minChanges,
    load: ({ scenario, thresholds, minChanges }) =>
      this.emit('scenario-input', {
        scenario,
        ...(thresholds ? { thresholds } : {}),
        ...(minChanges ? { minChanges } : {}),
      }),
  });

  static override styles = scenarioBarStyles;

  private get store(): StorageLike {
    return this.storage ?? browserStorage() ?? NO_STORAGE;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storage') && this.hasUpdated) this.reload();
  }

  /** Reads the saved scenarios again from storage. */
  reload(): void {
    this.savedMenu.reload();
  }

  private emit(
    type: 'scenario-input',
    detail: { scenario: Scenario; thresholds?: Thresholds; minChanges?: MinChanges },
  ): void;
  private emit(type: 'baseline-input', detail: { baseline: Scenario }): void;
  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private applyPreset(id: string): void {
    const preset = PRESET_BY_ID.get(id);
    if (!preset) return;
    const r = applyPreset(this.baseline, preset);
    if (!r.ok) {
      this.fileMessage = `The preset could not be applied: ${r.error}`;
      this.fileError = true;
      return;
    }
    this.emit('scenario-input', { scenario: r.value });
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const r = await readScenarioFile(file);
    this.fileMessage = r.message;
    this.fileError = !r.ok;
    if (r.ok) {
      const { scenario, thresholds } = r;
      this.emit('scenario-input', thresholds ? { scenario, thresholds } : { scenario });
    }
  }

  private exportJson(): void {
    download(
      'gigsim-scenario.json',
      scenarioFileText(this.scenario, this.thresholds),
      'application/json',
    );
    this.fileMessage = 'Scenario exported as gigsim-scenario.json.';
    this.fileError = false;
  }

  private exportCsv(): void {
    if (!this.comparison || this.busy) return;
    const context = {
      name: WORKSPACE_NAME,
      scenario: this.scenario,
      baseline: this.baseline,
      link: this.link,
      date: new Date(),
    };
    download(
      'gigsim-results.csv',
      resultsCsv(this.comparison, context, this.thresholds),
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

  private makeBaseline(): void {
    this.emit('baseline-input', { baseline: this.scenario });
  }

  /** Drops the baseline's fit (and the scenario's): central values only from now on. */
  private dropFit(): void {
    this.emit('baseline-input', { baseline: { ...this.baseline, fit: undefined } });
    this.emit('scenario-input', { scenario: { ...this.scenario, fit: undefined } });
  }

  private resetBaseline(): void {
    const next = resetBaselineBeside(this.scenario);
    this.emit('baseline-input', { baseline: next.baseline });
    if (this.scenario.fit) this.emit('scenario-input', { scenario: next.scenario });
  }

  override render() {
    return html`
      ${this.noticeLine()} ${fitNote(this.baseline.fit, () => this.dropFit())}
      <div class="groups">
        ${presetMenu(appliedPreset(this.baseline, this.scenario), (id) => this.applyPreset(id))}
        ${this.savedMenu.render()}

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

        ${filesMenu(
          {
            canExportCsv: this.comparison !== undefined && !this.busy,
            link: this.link,
            fileMessage: this.fileMessage,
            fileError: this.fileError,
            shareMessage: this.shareMessage,
            linkShown: this.linkShown,
          },
          {
            importFile: (e) => void this.importFile(e),
            exportJson: () => this.exportJson(),
            exportCsv: () => this.exportCsv(),
            copyLink: () => void this.copyLink(),
          },
        )}
      </div>
      ${this.differences()}
    `;
  }

  /** The message about how the view was loaded, with "Dismiss". */
  private noticeLine() {
    if (!this.notice) return nothing;
    return html`<div class="notice" role="alert" data-notice>
      <span>${this.notice}</span>
      <button @click=${() => this.dispatchEvent(new CustomEvent('notice-dismiss'))}>Dismiss</button>
    </div>`;
  }

  /** The levers where the scenario differs from the baseline. */
  private differences() {
    const diff = differences(this.scenario, this.baseline);
    if (diff.length === 0) {
      return html`<p class="diff" data-diff-count="0">
        The scenario is the same as the baseline: move a lever or pick a preset.
      </p>`;
    }
    return html`<div class="diff" data-diff-count=${diff.length}>
      <strong>Differs from the baseline:</strong>
      <ul>
        ${diff.map(
          (d) =>
            html`<li data-diff=${d.id}>
              ${d.label}: <span class="was">${d.was}</span> →
              <strong>${d.now}</strong>
            </li>`,
        )}
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scenario-bar': ScenarioBar;
  }
}

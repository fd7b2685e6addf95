import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PARAM_GROUPS } from '../../model/params';
import { defaultScenario, type Scenario } from '../../model/scenario';
import {
  differingParams,
  differingSettings,
  differsSummary,
  fromSliderPosition,
  sameScenario,
} from '../shared/lever-values';
import { leverControl, type ControlHandlers } from './lever-control';
import { paramGroup, settingsGroup } from './lever-groups';
import { leverPanelStyles } from './lever-panel.styles';
import {
  check,
  checkText,
  defaultOf,
  keyOf,
  replaced,
  specOf,
  steppedValue,
  valueIn,
  withBaselineLevers,
  type Draft,
  type Target,
} from './lever-target';

/** Quiet time after the last keystroke before a typed value is checked and applied. */
const SETTLE_MS = 500;

/**
 * The lever panel: every parameter of the PARAMS table and the run settings as labelled
 * controls, grouped (policy levers open; market, operations, driver behaviour and simulation
 * settings collapsible, closed to begin with). Each control shows its unit, range and default,
 * resets to the default, explains its meaning and source on hover and on keyboard focus (a
 * tooltip that is also the control's description; Escape hides it), and is marked in text,
 * "changed: baseline 22 $/h", when it differs from the baseline. A count at the top says how
 * many levers differ, with "Reset all to baseline".
 *
 * Numbers have a slider and a text field kept in sync. Typed text is checked with
 * `checkParam`/`checkSetting` on Enter, on leaving the field, or after a short pause in
 * typing; a malformed or out-of-range value shows the checker's message (naming the range)
 * under the field, which keeps the typed text and gets `aria-invalid`; no event fires and the
 * last good scenario stays in force. ArrowUp/ArrowDown in a field step the value (Shift: ten
 * steps); Escape drops typed text that was not applied. Wide ranges whose default sits at the
 * low end (packages per day, drivers at start, ...) use a cubic slider scale, with the value
 * read out through `aria-valuetext`.
 *
 * Test hooks (all inside this element's open shadow root):
 * - `[data-param="<paramId>"]`: the parameter's text field (for booleans, its checkbox);
 * - `[data-param-slider="<paramId>"]`: the parameter's slider;
 * - `[data-setting="seed|weeks|replications"]`: a setting's text field, and
 *   `[data-setting-slider="weeks|replications"]` its slider (the seed has none);
 * - `[data-reset="<paramId or settingId>"]`: the control's reset button;
 * - `[data-differs="<paramId or settingId>"]`: the "changed: baseline …" marker;
 * - `[data-error="<paramId or settingId>"]`: the message of a rejected value;
 * - `[data-differs-count]` on the headline, holding the number of differing levers;
 * - `[data-reset-all]`: the "Reset all to baseline" button.
 *
 * The panel keeps the last good scenario itself, so successive edits build on each other even
 * before the app hands the scenario back. Handing back the scenario this panel fired last (or
 * an equal one) changes nothing; any other scenario (a preset, a link, a loaded file, a saved
 * scenario, even one this panel fired earlier) replaces the edited one and drops typed text
 * not yet applied.
 *
 * Note for the app: editing a run setting (seed, weeks, replications) fires a scenario whose
 * setting differs from the baseline's; paired comparison needs both to share them, so the app
 * should carry settings over to the baseline. Such a difference is marked like a lever's.
 *
 * Typed text waiting for the pause in typing is never dropped by another control: moving a
 * slider, a checkbox, a reset or arrow keys in another field first checks and applies it (or
 * shows its message), then applies its own change.
 *
 * @fires scenario-input - CustomEvent<{ scenario: Scenario }> (bubbles, composed): a new valid
 *   scenario after each valid change; never fired for invalid input or for no change.
 * @fires lever-pending - CustomEvent<{ pending: boolean }> (bubbles, composed): typed text
 *   starts (true) or stops (false) waiting to be checked and applied; the app is not idle
 *   while it waits.
 */
@customElement('lever-panel')
export class LeverPanel extends LitElement {
  /** The scenario being edited. */
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  /** The baseline it is compared against (levers that differ are marked). */
  @property({ attribute: false }) baseline: Scenario = defaultScenario();

  /** The last good scenario: the one in force. */
  @state() private current: Scenario | undefined;
  /** Typed text not (or not yet) applied, with the checker's message if it was rejected. */
  @state() private drafts: Readonly<Record<string, Draft>> = {};
  /** The control whose help the user hid with Escape. */
  @state() private quiet = '';

  /** The scenario this panel fired last, so that getting it back is not taken for a new one. */
  private lastFired: Scenario | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The typed text waiting for the pause in typing to be checked and applied. */
  private pending: { readonly t: Target; readonly text: string } | undefined;

  static override styles = leverPanelStyles;

  /** Where each control's events go. */
  private readonly handlers: ControlHandlers = {
    fieldInput: (t, e) => this.onFieldInput(t, e),
    fieldChange: (t, e) => this.onFieldChange(t, e),
    fieldKey: (t, e) => this.onFieldKey(t, e),
    slider: (t, e) => this.onSlider(t, e),
    checkbox: (t, e) => this.onCheckbox(t, e),
    reset: (t) => this.onReset(t),
    rowKey: (key, e) => this.onRowKey(key, e),
    rowLeave: (key) => this.onRowLeave(key),
  };

  /** The scenario in force: the last good one. */
  private get cur(): Scenario {
    return this.current ?? this.scenario;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scenario') && this.scenario !== this.lastFired) {
      // The same run handed back as a new object changes nothing the user is typing.
      if (this.current && sameScenario(this.scenario, this.current)) return;
      this.current = this.scenario;
      this.drafts = {};
      this.stopSettle();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopSettle();
  }

  // ---- changes ---------------------------------------------------------------------------

  private emit(next: Scenario): void {
    this.current = next;
    this.lastFired = next;
    this.dispatchEvent(
      new CustomEvent<{ scenario: Scenario }>('scenario-input', {
        detail: { scenario: next },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** Applies a checked value; fires only when it changes the scenario. */
  private apply(t: Target, value: number | boolean): void {
    if (valueIn(this.cur, t) === value) return;
    this.emit(replaced(this.cur, t, value));
  }

  private setDraft(key: string, draft: Draft | undefined): void {
    const rest = Object.entries(this.drafts).filter(([k]) => k !== key);
    this.drafts = Object.fromEntries(draft ? [...rest, [key, draft]] : rest);
  }

  /**
   * Checks typed text. Valid: applied (and, when `final`, the field shows the value as the
   * panel writes it). Invalid: the field keeps the text and shows the checker's message.
   */
  private commitText(t: Target, text: string, final: boolean): void {
    const key = keyOf(t);
    const r = checkText(t, text);
    if (!r.ok) {
      this.setDraft(key, { text, error: r.error });
      return;
    }
    this.apply(t, r.value);
    this.setDraft(key, final ? undefined : { text });
  }

  private stopSettle(): void {
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.setPending(undefined);
  }

  /** Keeps the text waiting to be applied, telling the app when there starts or stops being one. */
  private setPending(next: { t: Target; text: string } | undefined): void {
    const was = this.pending !== undefined;
    this.pending = next;
    if (was === (next !== undefined)) return;
    this.dispatchEvent(
      new CustomEvent<{ pending: boolean }>('lever-pending', {
        detail: { pending: next !== undefined },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /**
   * Before another control's change applies: text typed elsewhere and still waiting is checked
   * and applied (or its message shown) first, so it is never dropped.
   */
  private flushPending(except?: Target): void {
    const p = this.pending;
    if (!p || (except && keyOf(except) === keyOf(p.t))) return;
    this.stopSettle();
    this.commitText(p.t, p.text, true);
  }

  private onFieldInput(t: Target, e: Event): void {
    const text = (e.target as HTMLInputElement).value;
    const key = keyOf(t);
    const before = this.drafts[key];
    // A message already on screen follows the text at once; a new one waits for a pause.
    if (before?.error !== undefined) {
      const r = checkText(t, text);
      this.setDraft(key, r.ok ? { text } : { text, error: r.error });
    } else {
      this.setDraft(key, { text });
    }
    this.stopSettle();
    this.setPending({ t, text });
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.commitText(t, text, false);
      this.setPending(undefined);
    }, SETTLE_MS);
  }

  private onFieldChange(t: Target, e: Event): void {
    this.stopSettle();
    this.commitText(t, (e.target as HTMLInputElement).value, true);
  }

  private onFieldKey(t: Target, e: KeyboardEvent): void {
    const key = keyOf(t);
    const input = e.target as HTMLInputElement;
    if (e.key === 'Enter') {
      this.stopSettle();
      this.commitText(t, input.value, true);
    } else if (e.key === 'Escape' && this.drafts[key]) {
      // First Escape drops the typed text; the next one (handled by the row) hides the help.
      e.stopPropagation();
      this.stopSettle();
      this.setDraft(key, undefined);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      if (!specOf(t)) return;
      e.preventDefault();
      this.flushPending(t);
      this.stopSettle();
      const direction = e.key === 'ArrowUp' ? 1 : -1;
      const next = steppedValue(t, input.value, valueIn(this.cur, t), direction, e.shiftKey);
      if (next !== undefined) {
        this.apply(t, next);
        this.setDraft(key, undefined);
      }
    }
  }

  private onSlider(t: Target, e: Event): void {
    const spec = specOf(t);
    if (!spec) return;
    const position = Number((e.target as HTMLInputElement).value);
    const value = fromSliderPosition(spec, position, Number(valueIn(this.cur, t)));
    const r = check(t, value);
    if (!r.ok) return;
    this.flushPending(t);
    this.stopSettle();
    this.apply(t, r.value);
    this.setDraft(keyOf(t), undefined);
  }

  private onCheckbox(t: Target, e: Event): void {
    this.flushPending(t);
    this.apply(t, (e.target as HTMLInputElement).checked);
  }

  private onReset(t: Target): void {
    this.flushPending(t);
    this.stopSettle();
    this.setDraft(keyOf(t), undefined);
    this.apply(t, defaultOf(t));
  }

  private onResetAll(): void {
    const next = withBaselineLevers(this.cur, this.baseline);
    this.stopSettle();
    this.drafts = {};
    if (
      differingParams(next.params, this.cur.params).length > 0 ||
      differingSettings(next, this.cur).length > 0
    ) {
      this.emit(next);
    }
  }

  private onRowKey(key: string, e: KeyboardEvent): void {
    // Escape hides the help of the control in use (a field with typed text takes it first).
    if (e.key === 'Escape') this.quiet = key;
  }

  private onRowLeave(key: string): void {
    if (this.quiet === key) this.quiet = '';
  }

  // ---- rendering -------------------------------------------------------------------------

  override render() {
    const s = this.cur;
    const levers = differingParams(s.params, this.baseline.params);
    const settings = differingSettings(s, this.baseline);
    const control = (t: Target) =>
      leverControl({
        target: t,
        scenario: s,
        baseline: this.baseline,
        draft: this.drafts[keyOf(t)],
        quiet: this.quiet === keyOf(t),
        on: this.handlers,
      });
    return html`
      <div class="top">
        <p class="count" role="status" data-differs-count=${levers.length}>
          ${differsSummary(levers.length, settings.length)}
        </p>
        <button
          class="reset-all"
          data-reset-all
          ?disabled=${levers.length === 0 && settings.length === 0}
          @click=${this.onResetAll}
        >
          Reset all to baseline
        </button>
      </div>
      ${PARAM_GROUPS.map((g) => paramGroup(g, levers, control))}
      ${settingsGroup(s, settings, control)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lever-panel': LeverPanel;
  }
  interface HTMLElementEventMap {
    'scenario-input': CustomEvent<{ scenario: Scenario }>;
    'lever-pending': CustomEvent<{ pending: boolean }>;
  }
}

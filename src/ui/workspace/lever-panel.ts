import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { modelLink } from '../shared/model-link';
import {
  PARAMS,
  PARAM_GROUPS,
  type ParamDef,
  type ParamGroup,
  type Params,
} from '../../model/params';
import {
  SETTINGS,
  checkParam,
  checkSetting,
  defaultScenario,
  type Parsed,
  type Scenario,
  type SettingId,
} from '../../model/scenario';
import {
  changedText,
  differingParams,
  differingSettings,
  differsSummary,
  displayNumber,
  fieldText,
  fromSliderPosition,
  parseNumberText,
  rangeText,
  sameScenario,
  settingSpec,
  sliderAttributes,
  stepBy,
  toSliderPosition,
  withUnit,
  type NumberSpec,
} from '../shared/lever-values';

/** What one control edits: a parameter of the table or a run setting. */
type Target = { kind: 'param'; def: ParamDef } | { kind: 'setting'; id: SettingId };

/** Text typed into a number field that is not (yet) the value in force. */
interface Draft {
  readonly text: string;
  readonly error?: string;
}

/** Quiet time after the last keystroke before a typed value is checked and applied. */
const SETTLE_MS = 500;

const SETTING_IDS = Object.keys(SETTINGS) as SettingId[];

function keyOf(t: Target): string {
  return t.kind === 'param' ? `p-${t.def.id}` : `s-${t.id}`;
}

function labelOf(t: Target): string {
  return t.kind === 'param' ? t.def.label : SETTINGS[t.id].label;
}

function unitOf(t: Target): string {
  return t.kind === 'param' ? t.def.unit : '';
}

function specOf(t: Target): NumberSpec | undefined {
  if (t.kind === 'setting') return settingSpec(t.id);
  return t.def.kind === 'boolean' ? undefined : t.def;
}

function defaultOf(t: Target): number | boolean {
  return t.kind === 'param' ? t.def.default : SETTINGS[t.id].default;
}

function valueIn(s: Scenario, t: Target): number | boolean {
  return t.kind === 'param' ? s.params[t.def.id as keyof Params] : s[t.id];
}

function check(t: Target, raw: unknown): Parsed<number | boolean> {
  return t.kind === 'param' ? checkParam(t.def.id, raw) : checkSetting(t.id, raw);
}

/** A copy of `s` with one checked value replaced. */
function replaced(s: Scenario, t: Target, value: number | boolean): Scenario {
  if (t.kind === 'param') return { ...s, params: { ...s.params, [t.def.id]: value } as Params };
  return { ...s, [t.id]: value };
}

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
 * @fires scenario-input - CustomEvent<{ scenario: Scenario }> (bubbles, composed): a new valid
 *   scenario after each valid change; never fired for invalid input or for no change.
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

  static override styles = css`
    :host {
      display: block;
      font-size: 0.95rem;
      color: #1c2430;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 0.5rem;
      margin-bottom: 0.5rem;
    }
    .count {
      margin: 0;
      font-weight: 600;
      font-size: 0.9rem;
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    button:disabled {
      cursor: default;
    }
    .reset-all {
      font-size: 0.8rem;
      padding: 0.2rem 0.5rem;
      border: 1px solid #8792a2;
      border-radius: 4px;
      background: #fff;
      color: #1c2430;
    }
    .reset-all:disabled {
      color: #5f6b7a;
      border-color: #d3d9e0;
      background: #f3f5f7;
    }
    details {
      border-top: 1px solid #dde2e8;
    }
    summary {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.5rem;
      padding: 0.45rem 0;
      cursor: pointer;
      list-style: none;
    }
    summary::-webkit-details-marker {
      display: none;
    }
    summary::before {
      content: '▸';
      display: inline-block;
      width: 0.8rem;
      color: #4a5565;
    }
    details[open] > summary::before {
      content: '▾';
    }
    summary h3 {
      margin: 0;
      font-size: 1rem;
      white-space: nowrap;
    }
    .group-note {
      font-size: 0.78rem;
      color: #4a5565;
      margin-left: auto;
      text-align: right;
    }
    .group-note.differs {
      color: #8a4100;
      font-weight: 600;
    }
    .group-meaning {
      margin: 0 0 0.25rem;
      font-size: 0.8rem;
      color: #4a5565;
    }
    .row {
      position: relative;
      padding: 0.3rem 0.35rem 0.35rem;
      border-top: 1px solid #eef1f4;
      border-left: 3px solid transparent;
    }
    .row.differs {
      border-left-color: #c25e00;
      background: #fff7ee;
    }
    .line1 {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    label {
      font-weight: 600;
      font-size: 0.88rem;
      line-height: 1.2;
    }
    a.doc {
      flex: none;
      font-size: 0.75rem;
      color: #2b5aa8;
      text-decoration: none;
      border: 1px solid #b9c6db;
      border-radius: 50%;
      width: 1.1rem;
      height: 1.1rem;
      line-height: 1.05rem;
      text-align: center;
    }
    a.doc:hover,
    a.doc:focus-visible {
      background: #e8eef8;
    }
    .unit {
      font-weight: 400;
      color: #4a5565;
      font-size: 0.8rem;
      white-space: nowrap;
    }
    input.num {
      flex: none;
      width: 5.6rem;
      box-sizing: border-box;
      font: inherit;
      font-size: 0.9rem;
      font-variant-numeric: tabular-nums;
      text-align: right;
      padding: 0.12rem 0.35rem;
      border: 1px solid #8792a2;
      border-radius: 4px;
      background: #fff;
      color: #1c2430;
    }
    input.num[aria-invalid='true'] {
      border: 2px solid #b00020;
      background: #fff0f2;
    }
    .line2 {
      display: flex;
      align-items: center;
      gap: 0.3rem;
      margin-top: 0.15rem;
      font-size: 0.75rem;
      color: #4a5565;
      font-variant-numeric: tabular-nums;
    }
    input[type='range'] {
      flex: 1;
      min-width: 4rem;
      margin: 0;
      accent-color: #2b5fab;
    }
    .end {
      flex: none;
      min-width: 1.4rem;
      text-align: right;
    }
    .end.max {
      min-width: 2.4rem;
      text-align: left;
    }
    .range-text {
      flex: 1;
    }
    .reset {
      flex: none;
      min-width: 5.2rem;
      text-align: right;
      font-size: 0.75rem;
      padding: 0.05rem 0.35rem;
      border: 1px solid #8792a2;
      border-radius: 4px;
      background: #fff;
      color: #1c2430;
      white-space: nowrap;
    }
    .reset:disabled {
      color: #4a5565;
      border-color: transparent;
      background: transparent;
    }
    .check {
      display: flex;
      align-items: center;
      gap: 0.4rem;
    }
    .check input {
      width: 1.1rem;
      height: 1.1rem;
      margin: 0;
      accent-color: #2b5fab;
    }
    .marker {
      margin: 0.15rem 0 0;
      font-size: 0.78rem;
      font-weight: 600;
      color: #8a4100;
    }
    .marker::before {
      content: '◆ ';
    }
    .note {
      margin: 0.15rem 0 0;
      font-size: 0.78rem;
      color: #4a5565;
      font-style: italic;
    }
    .error {
      margin: 0.2rem 0 0;
      font-size: 0.8rem;
      color: #b00020;
      font-weight: 600;
    }
    .help {
      display: none;
      position: absolute;
      z-index: 3;
      left: 0;
      right: 0;
      top: 100%;
      margin-top: -0.15rem;
      padding: 0.45rem 0.6rem;
      border-radius: 6px;
      background: #1c2430;
      color: #fff;
      font-size: 0.8rem;
      line-height: 1.35;
      box-shadow: 0 4px 12px rgb(0 0 0 / 25%);
      pointer-events: none;
    }
    .help .source {
      display: block;
      margin-top: 0.2rem;
      color: #c9d2de;
    }
    .line1:hover ~ .help,
    .row:focus-within .help {
      display: block;
    }
    .row.quiet .help {
      display: none;
    }
    .settings-note {
      margin: 0.1rem 0 0.3rem;
      font-size: 0.78rem;
      color: #4a5565;
    }
    :focus-visible {
      outline: 2px solid #1a56c4;
      outline-offset: 1px;
    }
  `;

  /** The scenario in force: the last good one. */
  /**
   * A parameter's link to its meaning and source on the model page (settings have none). The
   * link carries the workspace's view (the hash), read when it is followed.
   */
  private docLink(t: Target) {
    if (t.kind !== 'param') return nothing;
    const id = t.def.id;
    return html`<a
      class="doc"
      href=${modelLink('param', id, location.hash)}
      data-doc-link=${id}
      title="${t.def.label}: meaning and source on the model page"
      aria-label="${t.def.label}: meaning and source on the model page"
      @click=${(e: Event) => {
        (e.currentTarget as HTMLAnchorElement).href = modelLink('param', id, location.hash);
      }}
      >?</a
    >`;
  }

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
    const parsed = parseNumberText(text);
    const r = check(t, parsed ?? text.trim());
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
  }

  private onFieldInput(t: Target, e: Event): void {
    const text = (e.target as HTMLInputElement).value;
    const key = keyOf(t);
    const before = this.drafts[key];
    // A message already on screen follows the text at once; a new one waits for a pause.
    if (before?.error !== undefined) {
      const r = check(t, parseNumberText(text) ?? text.trim());
      this.setDraft(key, r.ok ? { text } : { text, error: r.error });
    } else {
      this.setDraft(key, { text });
    }
    this.stopSettle();
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.commitText(t, text, false);
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
      const spec = specOf(t);
      if (!spec) return;
      e.preventDefault();
      this.stopSettle();
      const typed = check(t, parseNumberText(input.value));
      const from = typed.ok ? Number(typed.value) : Number(valueIn(this.cur, t));
      const next = stepBy(spec, from, e.key === 'ArrowUp' ? 1 : -1, e.shiftKey ? 10 : 1);
      const r = check(t, next);
      if (r.ok) {
        this.apply(t, r.value);
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
    this.stopSettle();
    this.apply(t, r.value);
    this.setDraft(keyOf(t), undefined);
  }

  private onCheckbox(t: Target, e: Event): void {
    this.apply(t, (e.target as HTMLInputElement).checked);
  }

  private onReset(t: Target): void {
    this.stopSettle();
    this.setDraft(keyOf(t), undefined);
    this.apply(t, defaultOf(t));
  }

  private onResetAll(): void {
    const b = this.baseline;
    const next: Scenario = {
      ...this.cur,
      seed: b.seed,
      weeks: b.weeks,
      replications: b.replications,
      params: { ...b.params },
    };
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
      ${PARAM_GROUPS.map((g) => this.renderGroup(g, levers))} ${this.renderSettings(settings)}
    `;
  }

  private renderGroup(
    g: { id: ParamGroup; label: string; meaning: string },
    levers: readonly string[],
  ): TemplateResult {
    const defs = (PARAMS as readonly ParamDef[]).filter((p) => p.group === g.id);
    const differs = defs.filter((p) => levers.includes(p.id)).length;
    return html`
      <details ?open=${g.id === 'policy'} data-group=${g.id}>
        <summary>
          <h3>${g.label}</h3>
          <span class="group-note ${differs > 0 ? 'differs' : ''}">
            ${differs > 0 ? `${differs} changed` : `${defs.length} parameters`}
          </span>
        </summary>
        <p class="group-meaning">${g.meaning}</p>
        ${defs.map((def) => this.renderControl({ kind: 'param', def }))}
      </details>
    `;
  }

  private renderSettings(differing: readonly SettingId[]): TemplateResult {
    const s = this.cur;
    return html`
      <details data-group="settings">
        <summary>
          <h3>Simulation settings</h3>
          <span class="group-note ${differing.length > 0 ? 'differs' : ''}">
            ${s.weeks} weeks · ${s.replications} runs · seed ${s.seed}
          </span>
        </summary>
        <p class="settings-note">
          Baseline and scenario are run on the same seeds, weeks and replications.
        </p>
        ${SETTING_IDS.map((id) => this.renderControl({ kind: 'setting', id }))}
      </details>
    `;
  }

  private renderControl(t: Target): TemplateResult {
    const key = keyOf(t);
    const id = t.kind === 'param' ? t.def.id : t.id;
    const value = valueIn(this.cur, t);
    const base = valueIn(this.baseline, t);
    const draft = this.drafts[key];
    const differs = value !== base;
    const spec = specOf(t);
    const unit = unitOf(t);
    const def = defaultOf(t);
    const meaning = t.kind === 'param' ? t.def.meaning : SETTINGS[t.id].meaning;
    const source = t.kind === 'param' ? t.def.source : '';
    const describedBy = [
      draft?.error !== undefined ? `e-${key}` : '',
      differs ? `c-${key}` : '',
      spec ? `r-${key}` : '',
      `h-${key}`,
    ]
      .filter((x) => x)
      .join(' ');
    const unused =
      t.kind === 'param' &&
      (t.def.id === 'surgeStep' || t.def.id === 'surgeCap') &&
      !this.cur.params.surgeEnabled;

    const defaultText = `default ${typeof def === 'boolean' ? (def ? 'on' : 'off') : displayNumber(def)}`;
    const resetButton = html`<button
      class="reset"
      data-reset=${id}
      ?disabled=${value === def && !draft}
      aria-label="Reset ${labelOf(t)} to default ${withUnit(def, unit)}"
      @click=${() => this.onReset(t)}
    >
      <span aria-hidden="true">↺</span> ${defaultText}
    </button>`;

    const line1 = spec
      ? html`<div class="line1">
          <label id="l-${key}" for="f-${key}"
            >${labelOf(t)} ${unit ? html`<span class="unit">${unit}</span>` : nothing}</label
          >${this.docLink(t)}
          <input
            id="f-${key}"
            class="num"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            spellcheck="false"
            data-param=${t.kind === 'param' ? id : nothing}
            data-setting=${t.kind === 'setting' ? id : nothing}
            .value=${live(draft?.text ?? fieldText(Number(value)))}
            aria-invalid=${draft?.error !== undefined ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${(e: Event) => this.onFieldInput(t, e)}
            @change=${(e: Event) => this.onFieldChange(t, e)}
            @keydown=${(e: KeyboardEvent) => this.onFieldKey(t, e)}
          />
        </div>`
      : html`<div class="line1">
          <span class="check">
            <input
              id="f-${key}"
              type="checkbox"
              data-param=${id}
              .checked=${live(value === true)}
              aria-describedby=${describedBy}
              @change=${(e: Event) => this.onCheckbox(t, e)}
            />
            <label id="l-${key}" for="f-${key}">${labelOf(t)}</label>
          </span>
          ${this.docLink(t)} ${resetButton}
        </div>`;

    let line2: TemplateResult | typeof nothing = nothing;
    if (spec && t.kind === 'setting' && t.id === 'seed') {
      line2 = html`<div class="line2">
        <span class="range-text" id="r-${key}">Whole number, ${rangeText(spec)}</span>
        ${resetButton}
      </div>`;
    } else if (spec) {
      const attrs = sliderAttributes(spec);
      line2 = html`<div class="line2">
        <span class="end" aria-hidden="true">${displayNumber(spec.min)}</span>
        <input
          type="range"
          min=${attrs.min}
          max=${attrs.max}
          step=${attrs.step}
          .value=${live(String(toSliderPosition(spec, Number(value))))}
          aria-labelledby="l-${key}"
          aria-valuetext=${withUnit(Number(value), unit)}
          aria-describedby=${`r-${key} h-${key}`}
          data-param-slider=${t.kind === 'param' ? id : nothing}
          data-setting-slider=${t.kind === 'setting' ? id : nothing}
          @input=${(e: Event) => this.onSlider(t, e)}
        />
        <span class="end max" aria-hidden="true">${displayNumber(spec.max)}</span>
        <span id="r-${key}" hidden>Range ${rangeText(spec)}, default ${withUnit(def, unit)}.</span>
        ${resetButton}
      </div>`;
    }

    return html`<div
      class="row ${differs ? 'differs' : ''} ${this.quiet === key ? 'quiet' : ''}"
      data-control=${id}
      @keydown=${(e: KeyboardEvent) => this.onRowKey(key, e)}
      @focusout=${() => this.onRowLeave(key)}
      @mouseleave=${() => this.onRowLeave(key)}
    >
      ${line1} ${line2}
      ${
        draft?.error !== undefined
          ? html`<p class="error" id="e-${key}" role="alert" data-error=${id}>${draft.error}</p>`
          : nothing
      }
      ${
        differs
          ? html`<p class="marker" id="c-${key}" data-differs=${id}>${changedText(base, unit)}</p>`
          : nothing
      }
      ${unused ? html`<p class="note">Not used while surge is off.</p>` : nothing}
      <div class="help" id="h-${key}" role="tooltip">
        ${meaning} ${source ? html`<span class="source">Source: ${source}</span>` : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lever-panel': LeverPanel;
  }
  interface HTMLElementEventMap {
    'scenario-input': CustomEvent<{ scenario: Scenario }>;
  }
}

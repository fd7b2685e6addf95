/**
 * One control of the lever panel: the label with its unit and the "?" link to the model page,
 * the text field and the slider kept in sync (or a checkbox for an on/off parameter; the seed
 * has a field only), the reset button, the message of a refused value, the "changed: baseline
 * …" marker, and the help (meaning and source) shown on hover and keyboard focus. Carries the
 * panel's test hooks (`data-param`, `data-param-slider`, `data-setting`, `data-reset`,
 * `data-error`, `data-differs`).
 *
 * Templates only: the lever panel (lever-panel.ts) keeps the typed text and handles the events.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Scenario } from '../../model/scenario';
import {
  changedText,
  displayNumber,
  fieldText,
  rangeText,
  sliderAttributes,
  toSliderPosition,
  withUnit,
  type NumberSpec,
} from '../shared/lever-values';
import { modelLink } from '../shared/model-link';
import {
  defaultOf,
  defaultText,
  helpOf,
  idOf,
  keyOf,
  labelOf,
  specOf,
  unitOf,
  unusedIn,
  valueIn,
  type Draft,
  type Target,
} from './lever-target';

/** Where a control's events go. */
export interface ControlHandlers {
  readonly fieldInput: (t: Target, e: Event) => void;
  readonly fieldChange: (t: Target, e: Event) => void;
  readonly fieldKey: (t: Target, e: KeyboardEvent) => void;
  readonly slider: (t: Target, e: Event) => void;
  readonly checkbox: (t: Target, e: Event) => void;
  readonly reset: (t: Target) => void;
  /** A key pressed anywhere in the control (Escape hides its help). */
  readonly rowKey: (key: string, e: KeyboardEvent) => void;
  /** The focus or the pointer left the control. */
  readonly rowLeave: (key: string) => void;
}

/** What one control shows. */
export interface ControlProps {
  readonly target: Target;
  /** The scenario in force. */
  readonly scenario: Scenario;
  readonly baseline: Scenario;
  /** Text typed and not (yet) applied. */
  readonly draft: Draft | undefined;
  /** Whether the user hid the help with Escape. */
  readonly quiet: boolean;
  readonly on: ControlHandlers;
}

/** The facts about a control that its parts share. */
interface Shown extends ControlProps {
  readonly key: string;
  readonly id: string;
  readonly value: number | boolean;
  readonly unit: string;
  readonly describedBy: string;
}

/** One control, as a row of the panel. */
export function leverControl(p: ControlProps): TemplateResult {
  const t = p.target;
  const key = keyOf(t);
  const id = idOf(t);
  const value = valueIn(p.scenario, t);
  const base = valueIn(p.baseline, t);
  const differs = value !== base;
  const spec = specOf(t);
  const describedBy = [
    p.draft?.error !== undefined ? `e-${key}` : '',
    differs ? `c-${key}` : '',
    spec ? `r-${key}` : '',
    `h-${key}`,
  ]
    .filter((x) => x)
    .join(' ');
  const s: Shown = { ...p, key, id, value, unit: unitOf(t), describedBy };
  const reset = resetButton(s);
  const { meaning, source } = helpOf(t);
  return html`<div
    class="row ${differs ? 'differs' : ''} ${p.quiet ? 'quiet' : ''}"
    data-control=${id}
    @keydown=${(e: KeyboardEvent) => p.on.rowKey(key, e)}
    @focusout=${() => p.on.rowLeave(key)}
    @mouseleave=${() => p.on.rowLeave(key)}
  >
    ${spec ? numberLine(s) : checkLine(s, reset)} ${spec ? rangeLine(s, spec, reset) : nothing}
    ${
      p.draft?.error !== undefined
        ? html`<p class="error" id="e-${key}" role="alert" data-error=${id}>${p.draft.error}</p>`
        : nothing
    }
    ${
      differs
        ? html`<p class="marker" id="c-${key}" data-differs=${id}>${changedText(base, s.unit)}</p>`
        : nothing
    }
    ${unusedIn(p.scenario, t) ? html`<p class="note">Not used while surge is off.</p>` : nothing}
    <div class="help" id="h-${key}" role="tooltip">
      ${meaning} ${source ? html`<span class="source">Source: ${source}</span>` : nothing}
    </div>
  </div>`;
}

/**
 * A parameter's link to its meaning and source on the model page (settings have none). The
 * link carries the workspace's view (the hash), read when it is followed.
 */
function docLink(t: Target): TemplateResult | typeof nothing {
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

/** The reset button, disabled at the default with nothing typed. */
function resetButton(s: Shown): TemplateResult {
  const t = s.target;
  const def = defaultOf(t);
  return html`<button
    class="reset"
    data-reset=${s.id}
    ?disabled=${s.value === def && !s.draft}
    aria-label="Reset ${labelOf(t)} to default ${withUnit(def, s.unit)}"
    @click=${() => s.on.reset(t)}
  >
    <span aria-hidden="true">↺</span> ${defaultText(t)}
  </button>`;
}

/** A number's first line: label, unit, model-page link and the text field. */
function numberLine(s: Shown): TemplateResult {
  const t = s.target;
  const { key, id, unit } = s;
  return html`<div class="line1">
    <label id="l-${key}" for="f-${key}"
      >${labelOf(t)} ${unit ? html`<span class="unit">${unit}</span>` : nothing}</label
    >${docLink(t)}
    <input
      id="f-${key}"
      class="num"
      type="text"
      inputmode="decimal"
      autocomplete="off"
      spellcheck="false"
      data-param=${t.kind === 'param' ? id : nothing}
      data-setting=${t.kind === 'setting' ? id : nothing}
      .value=${live(s.draft?.text ?? fieldText(Number(s.value)))}
      aria-invalid=${s.draft?.error !== undefined ? 'true' : 'false'}
      aria-describedby=${s.describedBy}
      @input=${(e: Event) => s.on.fieldInput(t, e)}
      @change=${(e: Event) => s.on.fieldChange(t, e)}
      @keydown=${(e: KeyboardEvent) => s.on.fieldKey(t, e)}
    />
  </div>`;
}

/** An on/off parameter's only line: checkbox, label, model-page link and reset. */
function checkLine(s: Shown, reset: TemplateResult): TemplateResult {
  const t = s.target;
  const { key, id } = s;
  return html`<div class="line1">
    <span class="check">
      <input
        id="f-${key}"
        type="checkbox"
        data-param=${id}
        .checked=${live(s.value === true)}
        aria-describedby=${s.describedBy}
        @change=${(e: Event) => s.on.checkbox(t, e)}
      />
      <label id="l-${key}" for="f-${key}">${labelOf(t)}</label>
    </span>
    ${docLink(t)} ${reset}
  </div>`;
}

/** A number's second line: the slider between its ends (the seed: its range in words). */
function rangeLine(s: Shown, spec: NumberSpec, reset: TemplateResult): TemplateResult {
  const t = s.target;
  const { key, id, unit } = s;
  if (t.kind === 'setting' && t.id === 'seed') {
    return html`<div class="line2">
      <span class="range-text" id="r-${key}">Whole number, ${rangeText(spec)}</span>
      ${reset}
    </div>`;
  }
  const attrs = sliderAttributes(spec);
  const value = Number(s.value);
  return html`<div class="line2">
    <span class="end" aria-hidden="true">${displayNumber(spec.min)}</span>
    <input
      type="range"
      min=${attrs.min}
      max=${attrs.max}
      step=${attrs.step}
      .value=${live(String(toSliderPosition(spec, value)))}
      aria-labelledby="l-${key}"
      aria-valuetext=${withUnit(value, unit)}
      aria-describedby=${`r-${key} h-${key}`}
      data-param-slider=${t.kind === 'param' ? id : nothing}
      data-setting-slider=${t.kind === 'setting' ? id : nothing}
      @input=${(e: Event) => s.on.slider(t, e)}
    />
    <span class="end max" aria-hidden="true">${displayNumber(spec.max)}</span>
    <span id="r-${key}" hidden
      >Range ${rangeText(spec)}, default ${withUnit(defaultOf(t), unit)}.</span
    >
    ${reset}
  </div>`;
}

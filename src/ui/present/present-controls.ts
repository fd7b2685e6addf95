/**
 * Presentation mode's controls bar: the stepper (← Previous, which scenarios are shown,
 * Next →), how many scenarios side by side, the period, the two pickers and the full-screen
 * button.
 */
import { html } from 'lit';
import type { RunPeriod } from '../shared/comparison-rows';
import { windowText } from './presentation-deck';

/** Where the window stands and what the bar shows. */
export interface ControlsView {
  /** The window's first slide, the window's size and the deck's. */
  readonly start: number;
  readonly size: number;
  readonly total: number;
  readonly period: RunPeriod;
  /** Whether presentation mode fills the screen now. */
  readonly fullscreen: boolean;
}

/** What the bar's controls do. */
export interface ControlsActions {
  /** A step by a button (the click event, for the focus handoff). */
  stepBy(by: number, e: Event): void;
  chooseColumns(n: number): void;
  choosePeriod(period: RunPeriod): void;
  toggleFullscreen(): void;
}

/** The bar, with the pickers (rendered by the caller) before the full-screen button. */
export function controlsBar(view: ControlsView, actions: ControlsActions, pickers: unknown) {
  return html`<div class="controls">
    ${stepper(view, actions)} ${columnsSelect(view, actions)} ${periodSelect(view, actions)}
    ${pickers} ${fullscreenButton(view, actions)}
  </div>`;
}

/** ← and → buttons around the window's place in the deck; it takes the arrows' focus. */
function stepper(view: ControlsView, actions: ControlsActions) {
  const atStart = view.start <= 0;
  const atEnd = view.start + view.size >= view.total;
  return html`<div
    class="stepper"
    role="group"
    tabindex="-1"
    aria-label="Step through the scenarios (← →)"
  >
    <button
      type="button"
      data-action="previous"
      aria-label="Previous scenario (←)"
      ?disabled=${atStart}
      @click=${(e: Event) => actions.stepBy(-1, e)}
    >
      ← Previous
    </button>
    <span class="where" aria-live="polite" data-window
      >${windowText(view.start, view.size, view.total)}</span
    >
    <button
      type="button"
      data-action="next"
      aria-label="Next scenario (→)"
      ?disabled=${atEnd}
      @click=${(e: Event) => actions.stepBy(1, e)}
    >
      Next →
    </button>
  </div>`;
}

function columnsSelect(view: ControlsView, actions: ControlsActions) {
  return html`<label
    >Side by side
    <select
      data-control="columns"
      @change=${(e: Event) => actions.chooseColumns(Number((e.target as HTMLSelectElement).value))}
    >
      ${[1, 2, 3, 4].map((n) => html`<option value=${n} ?selected=${n === view.size}>${n}</option>`)}
    </select></label
  >`;
}

function periodSelect(view: ControlsView, actions: ControlsActions) {
  return html`<label
    >Period
    <select
      data-control="period"
      @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        actions.choosePeriod(v === 'shortRun' || v === 'peak' ? v : 'longRun');
      }}
    >
      <option value="longRun" ?selected=${view.period === 'longRun'}>Long run</option>
      <option value="shortRun" ?selected=${view.period === 'shortRun'}>Short run</option>
      <option value="peak" ?selected=${view.period === 'peak'}>Peak weeks</option>
    </select></label
  >`;
}

/** Full screen where the browser allows it; otherwise disabled, saying what to use instead. */
function fullscreenButton(view: ControlsView, actions: ControlsActions) {
  const canFull = typeof document !== 'undefined' && document.fullscreenEnabled;
  return html`<button
    type="button"
    data-action="fullscreen"
    ?disabled=${!canFull}
    title=${
      canFull
        ? 'Fill the screen with this view (Esc leaves)'
        : 'Full screen is not available here: use the browser’s own full screen (F11)'
    }
    @click=${() => actions.toggleFullscreen()}
  >
    ${view.fullscreen ? 'Leave full screen' : 'Full screen'}
  </button>`;
}

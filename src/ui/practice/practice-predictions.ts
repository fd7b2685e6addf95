import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SIZES, type Size } from '../../model/arc';
import { METRIC_BY_ID, type MetricId } from '../../model/metrics';
import { NORTH_STAR } from '../../model/prompts';
import {
  DIRECTIONS,
  RUN_LENGTHS,
  RUN_LENGTH_TEXT,
  predictionKey,
  type Direction,
  type PredictionKey,
  type Predictions,
  type RunLength,
} from '../../model/scoring';
import type { MinChanges } from '../../model/verdict';
import { unitLabel } from '../shared/format';
import { SIZE_TEXT, bandsText, flatText } from './arc-feedback';
import { visuallyHidden } from '../shared/styles';
import { DIRECTION_TEXT } from './practice-text';

/** A prediction made or changed: its direction, or its size (a move's band). */
export interface PredictionChangeDetail {
  readonly key: PredictionKey;
  readonly direction?: Direction;
  readonly size?: Size;
}

/**
 * The prediction table of a practice round: a row per asked metric (its unit, which way is
 * better, the threshold under which a change counts as flat and the size bands), and for the
 * short and the long run a group of three choices, up, down or flat (radio buttons: Tab moves
 * between groups, the arrow keys within one), and the size of a move (small, medium, large).
 * Each group is a fieldset carrying `data-predict="<metricId>:<short|long>"`; each size a select
 * carrying `data-size` with the same key. The North Star is labelled only when `showNorthStar`
 * (after the candidate has committed theirs).
 *
 * @fires prediction-change - the candidate chose a direction; detail: PredictionChangeDetail
 */
@customElement('practice-predictions')
export class PracticePredictions extends LitElement {
  /** The metrics asked about, the North Star first. */
  @property({ attribute: false }) metrics: readonly MetricId[] = [];
  /** The predictions made so far. */
  @property({ attribute: false }) predictions: Predictions = {};
  /** The sizes chosen so far. */
  @property({ attribute: false }) sizes: Readonly<Partial<Record<PredictionKey, Size>>> = {};
  /** The smallest changes that matter in force (the workspace's). */
  @property({ attribute: false }) minChanges: MinChanges = {};
  /** Labels the North Star (only once the candidate has committed theirs). */
  @property({ type: Boolean }) showNorthStar = false;
  /** Locks every choice (while the round runs). */
  @property({ type: Boolean }) disabled = false;

  static override styles = css`
    :host {
      display: block;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 0.35rem 0.5rem;
      border-bottom: 1px solid #e3e7ec;
      vertical-align: middle;
    }
    thead th {
      font-size: 0.9rem;
      color: #4f5968;
    }
    .unit {
      display: block;
      font-weight: normal;
      font-size: 0.85rem;
      color: #4f5968;
    }
    .cell {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
      align-items: center;
    }
    select {
      font: inherit;
      padding: 0.2rem;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      display: inline-flex;
      gap: 0.3rem;
    }
    legend {
      ${visuallyHidden}
    }
    .choice {
      position: relative;
    }
    /* Narrow screens: a metric's name, then each run length on a line of its own. */
    @media (max-width: 600px) {
      table,
      tbody,
      tr,
      th,
      td {
        display: block;
      }
      thead {
        display: none;
      }
      th,
      td {
        border: 0;
        padding: 0.2rem 0;
      }
      tr {
        border-bottom: 1px solid #e3e7ec;
        padding: 0.4rem 0;
      }
      td::before {
        content: attr(data-label);
        display: block;
        font-size: 0.85rem;
        color: #4f5968;
      }
    }
    .choice input {
      position: absolute;
      opacity: 0;
      inset: 0;
      margin: 0;
      cursor: pointer;
    }
    .choice span {
      display: inline-block;
      padding: 0.3rem 0.6rem;
      border: 1px solid #9aa5b3;
      border-radius: 6px;
      white-space: nowrap;
    }
    .choice input:checked + span {
      background: #1f4e8c;
      border-color: #1f4e8c;
      color: #fff;
      font-weight: 600;
    }
    .choice input:focus-visible + span {
      outline: 3px solid #1f4e8c;
      outline-offset: 2px;
    }
  `;

  override render() {
    return html`<table>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          ${RUN_LENGTHS.map((run) => html`<th scope="col">${RUN_LENGTH_TEXT[run]}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${this.metrics.map((id) => this.row(id))}
      </tbody>
    </table>`;
  }

  private row(id: MetricId) {
    const def = METRIC_BY_ID.get(id);
    if (!def) return nothing;
    return html`<tr>
      <th scope="row" title=${def.definition}>
        ${def.label}${this.showNorthStar && id === NORTH_STAR ? ' (North Star)' : ''}
        <span class="unit"
          >${unitLabel(def)} · ${def.better === 'up' ? 'higher is better' : 'lower is better'}</span
        >
        <span class="unit" data-threshold=${id}
          >Flat: within ${flatText(def, this.minChanges)}; ${bandsText(def, this.minChanges)}</span
        >
      </th>
      ${RUN_LENGTHS.map((run) => this.choiceGroup(id, def.label, run))}
    </tr>`;
  }

  private choiceGroup(id: MetricId, label: string, run: RunLength) {
    const key = predictionKey(id, run);
    const name = `predict-${key}`;
    const direction = this.predictions[key];
    return html`<td data-label=${RUN_LENGTH_TEXT[run]}>
      <div class="cell">
        <fieldset data-predict=${key} ?disabled=${this.disabled}>
          <legend>${label}, ${RUN_LENGTH_TEXT[run].toLowerCase()}</legend>
          ${DIRECTIONS.map(
            (d) =>
              html`<label class="choice">
                <input
                  type="radio"
                  name=${name}
                  value=${d}
                  .checked=${this.predictions[key] === d}
                  @change=${() => this.choose(key, d)}
                /><span>${DIRECTION_TEXT[d]}</span>
              </label>`,
          )}
        </fieldset>
        <select
          data-size=${key}
          aria-label=${`Size, ${label}, ${RUN_LENGTH_TEXT[run].toLowerCase()}`}
          ?disabled=${this.disabled || direction === undefined || direction === 'flat'}
          @change=${(e: Event) => this.size(key, (e.target as HTMLSelectElement).value as Size)}
        >
          <option value="" ?selected=${this.sizes[key] === undefined}>size…</option>
          ${SIZES.map(
            (z) =>
              html`<option value=${z} ?selected=${this.sizes[key] === z}>${SIZE_TEXT[z]}</option>`,
          )}
        </select>
      </div>
    </td>`;
  }

  private size(key: PredictionKey, size: Size): void {
    this.dispatchEvent(
      new CustomEvent<PredictionChangeDetail>('prediction-change', {
        detail: { key, size },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private choose(key: PredictionKey, direction: Direction): void {
    this.dispatchEvent(
      new CustomEvent<PredictionChangeDetail>('prediction-change', {
        detail: { key, direction },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'practice-predictions': PracticePredictions;
  }
}

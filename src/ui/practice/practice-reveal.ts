import '../charts/replay-panel';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { METRIC_BY_ID } from '../../model/metrics';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { RUN_LENGTH_TEXT, type RoundScore, type ScoredRow, type Truth } from '../../model/scoring';
import { NO_VALUE, formatDelta } from '../shared/format';
import { explainRow } from './explain-row';
import { DIRECTION_TEXT, percentText } from './practice-text';
import { srOnly } from '../shared/styles';

/**
 * The answers of a practice round: per metric and run length the true paired change with its
 * 95% interval, the direction it counts as, the candidate's prediction and whether it was
 * right (in words and icons), the score, and for each miss the causal chain that explains
 * the true direction. Rows carry `data-truth="<metricId>:<short|long>"` with
 * `data-direction`, `data-predicted` and `data-correct`; the score carries `data-score`
 * (0–1), `data-matches` and `data-asked`.
 */
@customElement('practice-reveal')
export class PracticeReveal extends LitElement {
  @property({ attribute: false }) result: RoundScore | undefined;
  /** The runs compared, to trace each miss back to the levers that changed. */
  @property({ attribute: false }) baseline: Scenario = defaultScenario();
  @property({ attribute: false }) scenario: Scenario = defaultScenario();
  /** Every metric's measured change in the run (not only those asked), to check chains by. */
  @property({ attribute: false }) measured: readonly Truth[] = [];
  /** The candidate's best score on this prompt before this round (undefined: first try). */
  @property({ attribute: false }) previousBest: number | undefined;

  static override styles = [
    srOnly,
    css`
      :host {
        display: block;
        font-variant-numeric: tabular-nums;
      }
      .score {
        font-size: 1.5rem;
        margin: 0 0 0.25rem;
      }
      .score strong {
        font-size: 2rem;
      }
      .best {
        margin: 0 0 1rem;
        color: #4f5968;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.4rem 0.6rem;
        border-bottom: 1px solid #e3e7ec;
        vertical-align: top;
      }
      th {
        font-size: 0.9rem;
        color: #4f5968;
        font-weight: 600;
      }
      tbody.metric th {
        color: #1c2430;
        font-size: 1rem;
      }
      tbody.metric {
        border-top: 2px solid #c9d1db;
      }
      .num {
        white-space: nowrap;
      }
      .right {
        color: #17703a;
        font-weight: 600;
      }
      .wrong {
        color: #b3261e;
        font-weight: 600;
      }
      .none {
        color: #4f5968;
      }
      tr.why td {
        border-bottom: 1px solid #e3e7ec;
        background: #fbf7ee;
        font-size: 0.95rem;
      }
      .why p {
        margin: 0.15rem 0;
      }
      .chain {
        font-weight: 600;
      }
      .note {
        color: #4f5968;
      }
    `,
  ];

  override render() {
    const r = this.result;
    if (!r) return html`<p>${NO_VALUE} no answers yet.</p>`;
    const byMetric = new Map<string, ScoredRow[]>();
    for (const row of r.rows) {
      const list = byMetric.get(row.truth.metric);
      if (list) list.push(row);
      else byMetric.set(row.truth.metric, [row]);
    }
    return html`
      <p class="score" data-score=${r.score} data-matches=${r.matches} data-asked=${r.asked}>
        Your score: <strong>${r.matches} of ${r.asked}</strong>
        (${r.asked > 0 ? percentText(r.score) : `${NO_VALUE}: nothing could be scored`})
      </p>
      <p class="best">
        ${
          this.previousBest === undefined
            ? 'Your first round on this prompt.'
            : r.score > this.previousBest
              ? `A new best: your previous best was ${percentText(this.previousBest)}.`
              : `Your best on this prompt stays ${percentText(this.previousBest)}.`
        }
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Period</th>
            <th scope="col">True change [95% interval]</th>
            <th scope="col">Counts as</th>
            <th scope="col">You said</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        ${[...byMetric.values()].map((rows) => this.metricRows(rows))}
      </table>
      <replay-panel
        .baseline=${this.baseline}
        .scenario=${this.scenario}
        label="See why: watch a day of this round, driver by driver"
      ></replay-panel>
    `;
  }

  private metricRows(rows: readonly ScoredRow[]) {
    const first = rows[0];
    const def = first ? METRIC_BY_ID.get(first.truth.metric) : undefined;
    if (!first || !def) return nothing;
    return html`<tbody class="metric">
      ${rows.map(
        (row, i) => html`
          <tr
            data-truth=${`${row.truth.metric}:${row.truth.run}`}
            data-direction=${row.truth.direction ?? 'none'}
            data-verdict=${row.truth.verdict}
            data-min-change=${row.truth.minChange}
            data-predicted=${row.predicted ?? 'none'}
            data-correct=${String(row.correct)}
            data-delta=${row.truth.delta}
            data-ci-low=${row.truth.low}
            data-ci-high=${row.truth.high}
          >
            ${
              i === 0
                ? html`<th scope="row" title=${def.definition}>${def.label}</th>`
                : html`<td><span class="sr-only">${def.label}</span></td>`
            }
            <td>${RUN_LENGTH_TEXT[row.truth.run]}</td>
            <td class="num">${formatDelta(def, row.truth.delta, row.truth.low, row.truth.high)}</td>
            <td>
              ${
                row.truth.direction !== undefined
                  ? DIRECTION_TEXT[row.truth.direction]
                  : row.truth.verdict === 'uncertain'
                    ? '? can’t tell yet'
                    : `${NO_VALUE} no estimate`
              }
            </td>
            <td>
              ${row.predicted === undefined ? 'no prediction' : DIRECTION_TEXT[row.predicted]}
            </td>
            <td>${this.verdict(row)}</td>
          </tr>
          ${this.why(row)}
        `,
      )}
    </tbody>`;
  }

  private verdict(row: ScoredRow) {
    if (row.truth.direction === undefined) return html`<span class="none">– not scored</span>`;
    return row.correct
      ? html`<span class="right">✓ right</span>`
      : html`<span class="wrong">✗ wrong</span>`;
  }

  /** The row under each result: the causal chain for a miss, empty otherwise. */
  private why(row: ScoredRow) {
    if (row.correct || row.truth.direction === undefined) {
      return nothing;
    }
    const e = explainRow(row, this.baseline, this.scenario, this.measured);
    return html`<tr class="why">
      <td></td>
      <td colspan="5">
        <div class="why" data-why=${`${row.truth.metric}:${row.truth.run}`}>
          ${
            e === undefined
              ? html`<p class="note">
                  The model's causal graph has no chain from the changed levers to this metric; the
                  move comes from interactions it does not draw.
                </p>`
              : html`${e.lines.map(
                  (line, i) =>
                    html`<p>${i === 0 ? 'Why: ' : 'Also: '}<span class="chain">${line}</span></p>`,
                )}
                ${e.note ? html`<p class="note">${e.note}</p>` : nothing}`
          }
        </div>
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'practice-reveal': PracticeReveal;
  }
}

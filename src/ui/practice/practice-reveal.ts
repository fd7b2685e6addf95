import '../charts/replay-panel';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SizedRow } from '../../model/arc';
import { METRIC_BY_ID } from '../../model/metrics';
import { defaultScenario, type Scenario } from '../../model/scenario';
import { RUN_LENGTH_TEXT, type Truth } from '../../model/scoring';
import type { Why } from '../../model/why';
import { NO_VALUE, formatDelta } from '../shared/format';
import { srOnly } from '../shared/styles';
import { SIZE_TEXT, sizeLine } from './arc-feedback';
import { explainRow } from './explain-row';
import { DIRECTION_TEXT, percentText } from './practice-text';
import { SHORT_LINKS, shortChain } from './short-chain';

/**
 * The answers of a practice round: per metric and run length the true paired change with its
 * 95% interval, the direction and size it counts as, the candidate's prediction and whether it
 * was right (in words and icons), the directions' score, and under every row the run settles
 * its feedback, right or wrong: its size against the threshold, the shortest causal chain
 * (at most three links, through the largest part of the change) and, for a miss, the causal
 * graph's chains. Rows carry `data-truth="<metricId>:<short|long>"` with `data-direction`,
 * `data-predicted`, `data-correct`, `data-size`, `data-true-size` and `data-size-right`; the
 * score carries `data-score` (0–1), `data-matches` and `data-asked`.
 */
@customElement('practice-reveal')
export class PracticeReveal extends LitElement {
  @property({ attribute: false }) rows: readonly SizedRow[] | undefined;
  /** The run's decomposition of every metric's change, for the short chains. */
  @property({ attribute: false }) decomposition: Why | undefined;
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
      /* Narrow screens: each row a block, its cells labelled, so the table never widens the page. */
      @media (max-width: 600px) {
        table,
        tbody,
        tr,
        th,
        td {
          display: block;
        }
        thead,
        td.repeat {
          display: none;
        }
        th,
        td {
          border: 0;
          padding: 0.1rem 0;
        }
        td.period {
          font-weight: 600;
          margin-top: 0.4rem;
        }
        td[data-label]::before {
          content: attr(data-label);
          color: #4f5968;
        }
        tr.why td {
          padding: 0.25rem 0.4rem;
        }
        .num {
          white-space: normal;
        }
      }
    `,
  ];

  override render() {
    const rows = this.rows;
    if (!rows) return html`<p>${NO_VALUE} no answers yet.</p>`;
    const byMetric = new Map<string, SizedRow[]>();
    for (const row of rows) {
      const list = byMetric.get(row.truth.metric);
      if (list) list.push(row);
      else byMetric.set(row.truth.metric, [row]);
    }
    const asked = rows.filter((r) => r.directionRight !== undefined).length;
    const matches = rows.filter((r) => r.directionRight === true).length;
    const score = asked > 0 ? matches / asked : 0;
    return html`
      <p class="score" data-score=${score} data-matches=${matches} data-asked=${asked}>
        Directions: <strong>${matches} of ${asked}</strong>
        (${asked > 0 ? percentText(score) : `${NO_VALUE}: nothing could be scored`})
      </p>
      <p class="best">
        ${
          this.previousBest === undefined
            ? 'Your first round on this prompt.'
            : `Your best round score on this prompt before this one: ${percentText(this.previousBest)}.`
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
        ${[...byMetric.values()].map((list) => this.metricRows(list))}
      </table>
      <replay-panel
        .baseline=${this.baseline}
        .scenario=${this.scenario}
        label="See why: watch a day of this round, driver by driver"
      ></replay-panel>
    `;
  }

  private metricRows(rows: readonly SizedRow[]) {
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
            data-predicted=${row.direction ?? 'none'}
            data-correct=${String(row.directionRight === true)}
            data-size=${row.size ?? 'none'}
            data-true-size=${row.trueSize ?? 'none'}
            data-size-right=${row.sizeRight === undefined ? 'none' : String(row.sizeRight)}
            data-delta=${row.truth.delta}
            data-ci-low=${row.truth.low}
            data-ci-high=${row.truth.high}
          >
            ${
              i === 0
                ? html`<th scope="row" title=${def.definition}>${def.label}</th>`
                : html`<td class="repeat"><span class="sr-only">${def.label}</span></td>`
            }
            <td class="period">${RUN_LENGTH_TEXT[row.truth.run]}</td>
            <td class="num" data-label="True change: ">
              ${formatDelta(def, row.truth.delta, row.truth.low, row.truth.high)}
            </td>
            <td data-label="Counts as: ">${this.countsAs(row)}</td>
            <td data-label="You said: ">
              ${
                row.direction === undefined
                  ? 'no prediction'
                  : `${DIRECTION_TEXT[row.direction]}${row.size ? `, ${SIZE_TEXT[row.size]}` : ''}`
              }
            </td>
            <td data-label="Result: ">${this.verdict(row)}</td>
          </tr>
          ${this.why(row)}
        `,
      )}
    </tbody>`;
  }

  private countsAs(row: SizedRow) {
    const d = row.truth.direction;
    if (d !== undefined)
      return `${DIRECTION_TEXT[d]}${row.trueSize ? `, ${SIZE_TEXT[row.trueSize]}` : ''}`;
    return row.truth.verdict === 'uncertain' ? '? can’t tell yet' : `${NO_VALUE} no estimate`;
  }

  private verdict(row: SizedRow) {
    if (row.directionRight === undefined) return html`<span class="none">– not scored</span>`;
    const dir = row.directionRight
      ? html`<span class="right">✓ right</span>`
      : html`<span class="wrong">✗ wrong</span>`;
    if (row.sizeRight === undefined) return dir;
    return html`${dir}<br />${
        row.sizeRight
          ? html`<span class="right">✓ size</span>`
          : html`<span class="wrong">✗ size</span>`
      }`;
  }

  /** The row under each result the run settles: its size, the short chain, and for a miss the graph's chains. */
  private why(row: SizedRow) {
    if (row.directionRight === undefined) return nothing;
    const chains = shortChain(
      row.truth,
      this.baseline,
      this.scenario,
      this.measured,
      this.decomposition,
    );
    // The graph's chain too, for a flat truth or a miss, when it is short enough to follow.
    const e =
      row.directionRight && chains.length > 0
        ? undefined
        : explainRow(
            { truth: row.truth, predicted: row.direction, correct: false },
            this.baseline,
            this.scenario,
            this.measured,
          );
    const short = e?.paths[0] && e.paths[0].edges.length <= SHORT_LINKS ? e.lines[0] : undefined;
    return html`<tr class="why">
      <td class="repeat"></td>
      <td colspan="5">
        <div class="why" data-why=${`${row.truth.metric}:${row.truth.run}`}>
          <p>Size: ${sizeLine(row.truth)}.</p>
          ${chains.map((line) => html`<p>Chain: <span class="chain">${line}</span></p>`)}
          ${
            short && !chains.includes(short)
              ? html`<p>Why: <span class="chain">${short}</span></p>`
              : nothing
          }
          ${e?.note ? html`<p class="note">${e.note}</p>` : nothing} ${nothing}
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

import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { drillOfTheDay } from '../../model/drills/code';
import { drillFromCode, drillPrompt, type Drill, type DrillPrompt } from '../../model/drills/drill';
import { FEATURE_BY_ID, type SliceId } from '../../model/drills/features';
import { describe, formatValue, gradeDrill, type DrillGrade } from '../../model/drills/grade';
import type { DrillHistory } from '../../model/drills/history';
import { SLICES, SLICE_BY_ID, querySlice, type SliceView } from '../../model/drills/slices';
import { FIXES, TEMPLATES, type FixId } from '../../model/drills/templates';
import { DrillCancelledError, runDrillHistory } from '../../run/drill-runner';

const MOVE_TEXT = { up: '▲ up', down: '▼ down', vanish: '▼ gone', flat: '– flat' } as const;
/** The causes and fixes to choose from, alphabetical: their order gives nothing away. */
const CAUSES = [...TEMPLATES].sort((a, b) => a.cause.localeCompare(b.cause));
const FIX_IDS = (Object.keys(FIXES) as FixId[]).sort((a, b) => FIXES[a].localeCompare(FIXES[b]));

/**
 * A root-cause drill (docs/PRACTICE.md): a code (the drill of the day by default) gives a
 * station history with a hidden cause; the candidate queries slices within the budget, names
 * the cause and the fix, and sees the grade, the feedback and the model answer. The history is
 * simulated in a Web Worker of its own (src/run/drill-runner.ts: 0.2–1.2 s of engine time), with a
 * Cancel while it runs.
 * Hooks: `data-drill-state` (setup, running, play, graded), `data-slice` buttons, `data-view` tables,
 * `data-score`.
 *
 * @fires drill-graded - an answer was graded; detail: { code, score } (score 0–1), for the
 * per-skill history (diagnosis)
 */
@customElement('root-cause-drill')
export class RootCauseDrill extends LitElement {
  @state() private code = drillOfTheDay(new Date().toISOString().slice(0, 10), TEMPLATES.length);
  @state() private drill: Drill | undefined;
  @state() private prompt: DrillPrompt | undefined;
  @state() private views: SliceView[] = [];
  @state() private grade: DrillGrade | undefined;
  @state() private error = '';
  /** The history is being simulated (in a worker). */
  @state() private busy = false;
  private history: DrillHistory | undefined;
  private abort: AbortController | undefined;

  static override styles = css`
    :host {
      display: block;
      border: 1px solid #c9d1db;
      border-radius: 8px;
      padding: 0.75rem 1rem;
      background: #fff;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: 0.5rem 0;
    }
    table {
      border-collapse: collapse;
      margin: 0.25rem 0 0.75rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.15rem 0.6rem 0.15rem 0;
      vertical-align: top;
    }
    td.num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .moved {
      font-weight: 600;
    }
    .score {
      font-size: 1.25rem;
      font-weight: 600;
    }
    .error {
      color: #a4262c;
    }
    select {
      max-width: 100%;
    }
  `;

  override render() {
    const state = this.grade ? 'graded' : this.drill ? 'play' : this.busy ? 'running' : 'setup';
    this.dataset.drillState = state;
    return html`<h3>Root-cause drill</h3>
      <p>
        A metric moved at a station; the cause is hidden in the simulation. Query slices of its
        history within the budget, then name the cause and the fix.
      </p>
      <div class="row">
        <label
          >Drill code <input data-code .value=${this.code} size="10" @input=${this.onCode}
        /></label>
        <button type="button" data-start ?disabled=${this.busy} @click=${this.start}>
          Start the drill
        </button>
        ${
          this.busy
            ? html`<span role="status" data-drill-busy>Simulating the station’s 12 weeks…</span>
                <button type="button" data-drill-cancel @click=${this.cancel}>Cancel</button>`
            : nothing
        }
        ${this.error ? html`<span class="error" role="alert">${this.error}</span>` : nothing}
      </div>
      ${this.drill && this.prompt ? this.playView(this.drill, this.prompt) : nothing}`;
  }

  private onCode(e: Event): void {
    this.code = (e.target as HTMLInputElement).value;
  }

  private async start(): Promise<void> {
    const drill = drillFromCode(this.code);
    if (!drill) {
      this.error = 'That is not a drill code (eight letters and digits).';
      return;
    }
    this.error = '';
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.drill = undefined;
    this.grade = undefined;
    this.views = [];
    this.busy = true;
    try {
      // Simulated in a worker: 0.2–1.2 s of engine time would block the page.
      const history = await runDrillHistory(drill.scenario, abort.signal);
      if (this.abort !== abort) return;
      this.history = history;
      this.drill = drill;
      this.prompt = drillPrompt(drill, history);
    } catch (error) {
      if (this.abort !== abort) return;
      this.error =
        error instanceof DrillCancelledError
          ? 'Cancelled: start the drill again when ready.'
          : `The drill could not be simulated: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (this.abort === abort) {
        this.busy = false;
        this.abort = undefined;
      }
    }
  }

  private cancel(): void {
    this.abort?.abort();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.abort = undefined;
  }

  private query(id: SliceId): void {
    if (!this.history || !this.drill || this.views.length >= this.drill.budget) return;
    this.views = [...this.views, querySlice(this.history, id)];
  }

  private playView(drill: Drill, prompt: DrillPrompt) {
    const left = drill.budget - this.views.length;
    const asked = new Set(this.views.map((v) => v.slice.id));
    return html`<p data-prompt-text><strong>${prompt.text}</strong></p>
      <p>Week by week: ${prompt.weekly.map((v) => formatValue(this.headline(), v)).join(' · ')}</p>
      <p>Queries left: <span data-left>${left}</span> of ${drill.budget}</p>
      <div class="row">
        ${SLICES.map(
          (s) =>
            html`<button
              type="button"
              data-slice=${s.id}
              title=${s.question}
              ?disabled=${asked.has(s.id) || left <= 0 || this.grade !== undefined}
              @click=${() => this.query(s.id)}
            >
              ${s.title}
            </button>`,
        )}
      </div>
      ${this.views.map((v) => this.viewTable(v))} ${this.answerForm()}
      ${this.grade ? this.gradeView(this.grade) : nothing}`;
  }

  private headline() {
    const f = FEATURE_BY_ID.get(this.drill?.template.headline ?? '');
    if (!f) throw new Error('a drill without its headline measure');
    return f;
  }

  private viewTable(v: SliceView) {
    return html`<table data-view=${v.slice.id}>
      <caption style="text-align:left">
        <strong>${v.slice.title}</strong>
        (weeks before the change → since)
      </caption>
      ${v.rows.map(
        (o) =>
          html`<tr class=${o.move === 'flat' ? '' : 'moved'}>
            <td>${o.feature.label}</td>
            <td class="num">${formatValue(o.feature, o.before)}</td>
            <td class="num">${formatValue(o.feature, o.after)}</td>
            <td>${MOVE_TEXT[o.move]}</td>
          </tr>`,
      )}
    </table>`;
  }

  private answerForm() {
    const done = this.grade !== undefined;
    return html`<div class="row">
      <label
        >Cause
        <select data-cause ?disabled=${done}>
          ${CAUSES.map((t) => html`<option value=${t.id}>${t.cause}</option>`)}
        </select>
      </label>
      <label
        >Fix
        <select data-fix ?disabled=${done}>
          ${FIX_IDS.map((f) => html`<option value=${f}>${FIXES[f]}</option>`)}
        </select>
      </label>
      <button type="button" data-submit ?disabled=${done} @click=${this.submit}>Submit</button>
    </div>`;
  }

  private submit(): void {
    if (!this.drill || !this.history) return;
    const root = this.renderRoot as ShadowRoot;
    const cause = root.querySelector<HTMLSelectElement>('[data-cause]')?.value ?? '';
    const fix = (root.querySelector<HTMLSelectElement>('[data-fix]')?.value ?? '') as FixId;
    const queries = this.views.map((v) => v.slice.id);
    this.grade = gradeDrill(this.drill, this.history, { cause, fix, queries });
    this.dispatchEvent(
      new CustomEvent('drill-graded', {
        detail: { code: this.drill.code, score: this.grade.score / 100 },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private gradeView(g: DrillGrade) {
    return html`<section aria-live="polite">
      <p class="score" data-score=${g.score}>Score: ${g.score} / 100</p>
      ${g.feedback.map((line) => html`<p>${line}</p>`)}
      <h4>How a strong candidate narrows it down</h4>
      <ol data-model-answer>
        ${g.model.steps.map(
          (s) =>
            html`<li>
              <strong>${SLICE_BY_ID.get(s.slice)?.title}</strong>:
              ${
                s.observed
                  .filter((o) => o.move !== 'flat')
                  .map(describe)
                  .join('; ') || 'nothing moved'
              }.
              Rules out ${s.ruledOut.length}; ${s.remaining.length} left.
            </li>`,
        )}
      </ol>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'root-cause-drill': RootCauseDrill;
  }
}

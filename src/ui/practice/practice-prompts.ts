import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Prompt } from '../../model/prompts';
import { EMPTY_HISTORY, historyTotals, type History } from '../../model/scoring';
import { DIFFICULTY_TEXT, percentText } from './practice-text';

export interface PromptPickDetail {
  readonly id: string;
}

/**
 * The list of practice prompts: each with its difficulty and the candidate's past best, and a
 * line of totals over all rounds played. Each prompt is a button carrying `data-prompt`.
 *
 * @fires prompt-pick - a prompt was chosen; detail: PromptPickDetail
 */
@customElement('practice-prompts')
export class PracticePrompts extends LitElement {
  @property({ attribute: false }) prompts: readonly Prompt[] = [];
  @property({ attribute: false }) history: History = EMPTY_HISTORY;
  /** Also counts the rounds on prompts made from the workspace (in one list only). */
  @property({ type: Boolean }) workspaceTotals = true;

  static override styles = css`
    :host {
      display: block;
    }
    .totals {
      margin: 0 0 0.75rem;
      color: #4f5968;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
      gap: 0.75rem;
    }
    button {
      display: grid;
      grid-template-columns: 1fr auto;
      align-content: start;
      gap: 0.35rem 0.75rem;
      width: 100%;
      height: 100%;
      text-align: left;
      font: inherit;
      padding: 0.75rem 0.9rem;
      border: 1px solid #c9d1db;
      border-radius: 8px;
      background: #fff;
      cursor: pointer;
      color: inherit;
    }
    button:hover {
      border-color: #1f4e8c;
      background: #f5f8fc;
    }
    button:focus-visible {
      outline: 3px solid #1f4e8c;
      outline-offset: 2px;
    }
    .title {
      font-weight: 600;
      font-size: 1.05rem;
    }
    .context {
      grid-column: 1 / -1;
      color: #4f5968;
      font-size: 0.95rem;
    }
    .difficulty {
      justify-self: end;
      align-self: start;
      font-size: 0.85rem;
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      border: 1px solid currentColor;
      white-space: nowrap;
    }
    .easy {
      color: #17703a;
    }
    .medium {
      color: #8a5a00;
    }
    .hard {
      color: #b3261e;
    }
    .past {
      grid-column: 1 / -1;
      font-size: 0.9rem;
      color: #1c2430;
    }
  `;

  override render() {
    // Prompts of this list, and prompts made from a workspace scenario (which have no card).
    const listed = new Set(this.prompts.map((p) => p.id));
    const part = (keep: (id: string) => boolean): History => ({
      ...this.history,
      records: Object.fromEntries(Object.entries(this.history.records).filter(([id]) => keep(id))),
    });
    const totals = historyTotals(part((id) => listed.has(id)));
    const made = historyTotals(part((id) => id.startsWith('scenario:')));
    const rounds = (n: number) => `${n} round${n === 1 ? '' : 's'}`;
    return html`
      <p class="totals">
        ${
          totals.attempts === 0
            ? 'No rounds played yet on these prompts in this browser.'
            : `${rounds(totals.attempts)} played over ${totals.prompts} prompt${totals.prompts === 1 ? '' : 's'}; mean best score ${percentText(totals.meanBest)}.`
        }
        ${
          made.attempts === 0 || !this.workspaceTotals
            ? nothing
            : ` Also ${rounds(made.attempts)} on ${made.prompts} prompt${made.prompts === 1 ? '' : 's'} made from your workspace; mean best score ${percentText(made.meanBest)}.`
        }
      </p>
      <ul>
        ${this.prompts.map((p) => this.item(p))}
      </ul>
    `;
  }

  private item(p: Prompt) {
    const record = this.history.records[p.id];
    return html`<li>
      <button type="button" data-prompt=${p.id} @click=${() => this.pick(p.id)}>
        <span class="title">${p.title}</span>
        <span class="difficulty ${p.difficulty}">${DIFFICULTY_TEXT[p.difficulty]}</span>
        <span class="context">${p.context}</span>
        <span class="past"
          >${
            record
              ? html`Your best: <strong>${percentText(record.best)}</strong> · ${record.attempts}
                  attempt${record.attempts === 1 ? '' : 's'} · last ${percentText(record.last)}`
              : 'Not tried yet'
          }${p.weeks === undefined ? nothing : html` · ${p.weeks} weeks`}</span
        >
      </button>
    </li>`;
  }

  private pick(id: string): void {
    this.dispatchEvent(
      new CustomEvent<PromptPickDetail>('prompt-pick', {
        detail: { id },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'practice-prompts': PracticePrompts;
  }
}

/**
 * A metric's smallest change that matters, under its name in the metric tree: a disclosure
 * whose summary says the change in force ("matters: ±0.50 pp") and which opens on a field to
 * set the user's own (Enter, leaving the field or "Set" commits; "Reset to …" goes back to the
 * table's), with the reason under the field when typed text is refused.
 *
 * Test hooks: the disclosure carries `data-min-change="<metricId>"` and
 * `data-min-change-value` (the change in force, in the table's kind: metric units, or a
 * fraction of the baseline for a relative one).
 *
 * Templates only: the metric tree (metric-tree.ts) keeps the refusals and announces the change.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MetricDef, MetricId } from '../../model/metrics';
import { minChangeSetting, type MinChangeSetting, type MinChanges } from '../../model/verdict';
import { formatThreshold } from '../shared/format';

function plain(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/** A smallest change as shown: "±1% of baseline", "±0.50 pp", "±$0.02/package". */
export function formatMinChange(m: MetricDef, s: MinChangeSetting): string {
  if (s.kind === 'rel') return `±${plain(s.value * 100)}% of baseline`;
  if (m.percent === true) return `±${plain(s.value * 100)} pp`;
  return `±${formatThreshold(m, s.value)}`;
}

/** What the editor of one metric shows and where its edits go. */
export interface MinChangeProps {
  readonly metric: MetricDef;
  readonly minChanges: MinChanges;
  /** Why the last typed text was refused. */
  readonly error: string | undefined;
  readonly onCommit: (id: MetricId, text: string) => void;
}

/** The disclosure with the change in force and, opened, its editor. */
export function minChangeEditor(p: MinChangeProps): TemplateResult {
  const m = p.metric;
  const id = m.id as MetricId;
  const s = minChangeSetting(m, p.minChanges);
  const table = minChangeSetting(m);
  const inputId = `mc-${id}`;
  const errId = `mc-err-${id}`;
  const scaled = s.kind === 'rel' || m.percent === true;
  const suffix = s.kind === 'rel' ? '% of baseline' : m.percent === true ? 'pp' : m.unit;
  const commit = (e: Event) => {
    const form = (e.target as HTMLElement).closest('form');
    const input = form?.querySelector('input');
    if (input) p.onCommit(id, input.value);
  };
  return html`<details
    class="matters"
    data-min-change=${id}
    data-min-change-value=${String(s.value)}
    ?open=${p.error !== undefined}
  >
    <summary title="The smallest change that matters: the verdict's threshold">
      matters: ${formatMinChange(m, s)}${s.custom ? ' (yours)' : ''}
    </summary>
    <form
      @submit=${(e: Event) => {
        e.preventDefault();
        commit(e);
      }}
    >
      <span class="field"
        ><label for=${inputId}>Smallest change that matters</label>
        <input
          id=${inputId}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${plain(scaled ? s.value * 100 : s.value)}
          aria-invalid=${p.error ? 'true' : 'false'}
          aria-describedby=${p.error ? errId : nothing}
          @change=${commit}
        />
        ${suffix}</span
      >
      <button type="submit">Set</button>
      ${
        s.custom
          ? html`<button type="button" @click=${() => p.onCommit(id, '')}>
              Reset to ${formatMinChange(m, table)}
            </button>`
          : nothing
      }
      ${p.error ? html`<p class="error" id=${errId} role="alert">${p.error}</p>` : nothing}
    </form>
  </details>`;
}

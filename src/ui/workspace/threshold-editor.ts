/**
 * The guardrails section's line under a metric's name: the threshold in force and whether the
 * scenario is within it, or, for every guardrail the user may set, the editor where the user
 * sets their own threshold (Enter, leaving the field or "Set" commits; "Reset to …" goes back
 * to the table's), with the reason under the field when typed text is refused.
 *
 * Templates only: the metric tree (metric-tree.ts) keeps the typed text (threshold-input.ts)
 * and announces the thresholds taken.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  breachSide,
  effectiveThreshold,
  isUserThreshold,
  type Thresholds,
} from '../../model/guardrails';
import type { MetricDef, MetricId } from '../../model/metrics';
import { NO_VALUE, formatThreshold } from '../shared/format';
import { thresholdField } from './threshold-input';

/** What the guardrail line of one metric shows and where its edits go. */
export interface GuardrailProps {
  readonly metric: MetricDef;
  readonly thresholds: Thresholds;
  /** Whether the scenario's long run breaches the threshold in force. */
  readonly breach: boolean;
  /** Text typed and not yet taken. */
  readonly draft: string | undefined;
  /** Why the typed text was refused. */
  readonly error: string | undefined;
  readonly onInput: (id: MetricId, text: string) => void;
  readonly onCommit: (id: MetricId) => void;
  readonly onReset: (id: MetricId) => void;
}

/** Guardrails section: the threshold in force and, where the user may, its editor. */
export function guardrailLine(p: GuardrailProps): TemplateResult | typeof nothing {
  const m = p.metric;
  if (isUserThreshold(m.id)) return thresholdEditor(p);
  if (p.breach) return nothing; // the breach flag says it
  const t = effectiveThreshold(m, p.thresholds);
  const side = breachSide(m);
  return html`<div class="guard">
    within · breach ${side} ${t === undefined ? NO_VALUE : formatThreshold(m, t)}
  </div>`;
}

/** The editor of a threshold the user may set. */
function thresholdEditor(p: GuardrailProps): TemplateResult {
  const id = p.metric.id as MetricId;
  const field = thresholdField(p.metric, p.thresholds, p.draft);
  const inputId = `thr-${id}`;
  const errId = `thr-err-${id}`;
  const error = p.error;
  return html`<form
    data-threshold=${id}
    @submit=${(e: Event) => {
      e.preventDefault();
      p.onCommit(id);
    }}
  >
    <span class="field"
      ><label for=${inputId}>Breach ${breachSide(p.metric)}</label> ${field.prefix}<input
        id=${inputId}
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${field.value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? errId : nothing}
        @input=${(e: Event) => p.onInput(id, (e.target as HTMLInputElement).value)}
        @change=${() => p.onCommit(id)}
      />${field.suffix}</span
    >
    <button type="submit">Set</button>
    ${
      field.custom
        ? html`<button type="button" @click=${() => p.onReset(id)}>
            Reset to ${field.tableDefault}
          </button>`
        : nothing
    }
    <span class="sr-only">· ${p.breach ? 'breached' : 'within'}</span>
    ${error ? html`<p class="error" id=${errId} role="alert">${error}</p>` : nothing}
  </form>`;
}

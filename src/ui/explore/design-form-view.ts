/**
 * The Global design tool's form as a template: the design's kind, one row per factor (its
 * parameter, From and To, Remove), Add factor, N, replications, weeks and the metric shown,
 * and a line saying the design's size and the run gate's estimate or what is wrong.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MetricId } from '../../model/metrics';
import type { ParamId } from '../../model/params';
import type { Scenario } from '../../model/scenario';
import { DESIGN_KINDS, type DesignKind } from '../../run/design-plan';
import { MAX_FACTORS } from '../../run/design-sampling';
import { paramDef } from '../charts/explore-data';
import {
  KIND_LABELS,
  nLabel,
  withFactor,
  withFactorAdded,
  withoutFactor,
  type DesignForm,
} from './design-form';
import { inputText, leverSelect, metricSelect } from './explore-fields';

export interface DesignFormProps {
  readonly form: DesignForm;
  readonly metric: MetricId;
  readonly scenario: Scenario;
  /** The size and estimate of the design as typed, or why it cannot run. */
  readonly check: { readonly ok: boolean; readonly text: string };
  readonly setForm: (form: DesignForm) => void;
  readonly setMetric: (metric: MetricId) => void;
}

function numberField(
  label: string,
  attr: string,
  value: string,
  set: (text: string) => void,
): TemplateResult {
  return html`<label
    >${label}
    <input
      class="num"
      inputmode="numeric"
      data-design-field=${attr}
      .value=${value}
      @input=${(e: Event) => set(inputText(e))}
  /></label>`;
}

function factorRow(p: DesignFormProps, i: number): TemplateResult {
  const { form, scenario, setForm } = p;
  const f = form.factors[i];
  const def = paramDef(f.id);
  const unit = def.unit ? ` (${def.unit})` : '';
  const set = (change: { id?: ParamId; from?: string; to?: string }) =>
    setForm(withFactor(form, i, change, scenario));
  return html`<div class="row factor" data-design-factor-row=${i}>
    ${leverSelect(f.id, (id) => set({ id }), `Factor ${i + 1}`, true)}
    <label
      >From${unit}
      <input
        class="num"
        data-design-from
        .value=${f.from}
        @input=${(e: Event) => set({ from: inputText(e) })}
    /></label>
    <label
      >To${unit}
      <input
        class="num"
        data-design-to
        .value=${f.to}
        @input=${(e: Event) => set({ to: inputText(e) })}
    /></label>
    <button
      type="button"
      data-design-remove
      ?disabled=${form.factors.length <= 1}
      aria-label="Remove factor ${i + 1} (${def.label})"
      @click=${() => setForm(withoutFactor(form, i))}
    >
      Remove
    </button>
  </div>`;
}

export function designFormView(p: DesignFormProps): TemplateResult {
  const { form, setForm } = p;
  return html`<fieldset class="design-run" data-design-form>
    <legend>Run a design on this scenario</legend>
    <div class="row">
      <label
        >Design
        <select
          data-design-kind
          @change=${(e: Event) => setForm({ ...form, kind: inputText(e) as DesignKind })}
        >
          ${DESIGN_KINDS.map(
            (k) => html`<option value=${k} ?selected=${k === form.kind}>${KIND_LABELS[k]}</option>`,
          )}
        </select></label
      >
      ${metricSelect(p.metric, p.setMetric, 'Metric shown')}
    </div>
    ${form.factors.map((_, i) => factorRow(p, i))}
    <div class="row">
      <button
        type="button"
        data-design-add
        ?disabled=${form.factors.length >= MAX_FACTORS}
        @click=${() => setForm(withFactorAdded(form, p.scenario))}
      >
        Add factor
      </button>
      ${numberField(nLabel(form.kind), 'n', form.n, (n) => setForm({ ...form, n }))}
      ${numberField('Replications', 'replications', form.replications, (replications) =>
        setForm({ ...form, replications }),
      )}
      ${numberField('Weeks', 'weeks', form.weeks, (weeks) => setForm({ ...form, weeks }))}
    </div>
    ${
      p.check.text
        ? html`<p class=${p.check.ok ? 'note' : 'error'} data-design-check>${p.check.text}</p>`
        : nothing
    }
  </fieldset>`;
}

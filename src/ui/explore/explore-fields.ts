/**
 * The fields the explorer's forms share, as templates: a lever picker (grouped as the parameter
 * table groups them), a metric picker, and the fields of a sweep axis (lever, from, to, points).
 */
import { html, type TemplateResult } from 'lit';
import type { MetricId } from '../../model/metrics';
import { PARAMS, PARAM_GROUPS, type ParamDef, type ParamId } from '../../model/params';
import type { Scenario } from '../../model/scenario';
import { paramDef } from '../charts/explore-data';
import { metricOptions } from '../shared/metric-options';
import { axisForm, type AxisForm } from './axis-form';

const ALL_PARAMS = PARAMS as readonly ParamDef[];
const NUMERIC_PARAMS = ALL_PARAMS.filter((p) => p.kind !== 'boolean');

/** The text of the element an input event came from. */
export function inputText(e: Event): string {
  return (e.target as HTMLInputElement | HTMLSelectElement).value;
}

/** A lever picker (`data-lever-select`), numeric levers only when `numericOnly`. */
export function leverSelect(
  value: ParamId,
  onChange: (id: ParamId) => void,
  label: string,
  numericOnly = false,
): TemplateResult {
  const params = numericOnly ? NUMERIC_PARAMS : ALL_PARAMS;
  return html`<label
    >${label}
    <select data-lever-select @change=${(e: Event) => onChange(inputText(e) as ParamId)}>
      ${PARAM_GROUPS.map(
        (g) =>
          html`<optgroup label=${g.label}>
            ${params
              .filter((p) => p.group === g.id)
              .map(
                (p) =>
                  html`<option value=${p.id} ?selected=${p.id === value}>
                    ${p.label}${p.unit ? ` (${p.unit})` : ''}
                  </option>`,
              )}
          </optgroup>`,
      )}
    </select></label
  >`;
}

/** A metric picker (`data-metric-select`). */
export function metricSelect(
  value: MetricId,
  onChange: (id: MetricId) => void,
  label: string,
): TemplateResult {
  return html`<label
    >${label}
    <select data-metric-select @change=${(e: Event) => onChange(inputText(e) as MetricId)}>
      ${metricOptions(value)}
    </select></label
  >`;
}

/**
 * A sweep axis's fields: its lever (a new lever starts around the scenario's value), then
 * From, To and Points (`data-sweep-from|to|steps` = `name`), or a note for an on/off lever.
 */
export function axisFields(
  form: AxisForm,
  set: (f: AxisForm) => void,
  name: string,
  what: string,
  scenario: Scenario,
): TemplateResult {
  const def = paramDef(form.id);
  const unit = def.unit ? ` (${def.unit})` : '';
  const pick = (id: ParamId) => set(axisForm(id, scenario, Number(form.steps) || 5));
  return html`${leverSelect(form.id, pick, what)}
  ${
    def.kind === 'boolean'
      ? html`<span class="note">Sweeps off, then on.</span>`
      : html`<label
            >From${unit}
            <input
              class="num"
              data-sweep-from=${name}
              .value=${form.from}
              @input=${(e: Event) => set({ ...form, from: inputText(e) })}
          /></label>
          <label
            >To${unit}
            <input
              class="num"
              data-sweep-to=${name}
              .value=${form.to}
              @input=${(e: Event) => set({ ...form, to: inputText(e) })}
          /></label>
          <label
            >Points
            <input
              class="num"
              data-sweep-steps=${name}
              inputmode="numeric"
              .value=${form.steps}
              @input=${(e: Event) => set({ ...form, steps: inputText(e) })}
          /></label>`
  }`;
}

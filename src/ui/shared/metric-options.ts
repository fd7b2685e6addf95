/** The metrics as a select's options, grouped by stakeholder in table order. */
import { html, type TemplateResult } from 'lit';
import { METRICS, STAKEHOLDERS, type MetricDef, type MetricId } from '../../model/metrics';

/** One `<optgroup>` a stakeholder, its metrics' options inside; `selected` is marked. */
export function metricOptions(selected: MetricId | ''): TemplateResult[] {
  return STAKEHOLDERS.map(
    (s) =>
      html`<optgroup label=${s.label}>
        ${(METRICS as readonly MetricDef[])
          .filter((m) => m.stakeholder === s.id)
          .map(
            (m) => html`<option value=${m.id} ?selected=${m.id === selected}>${m.label}</option>`,
          )}
      </optgroup>`,
  );
}

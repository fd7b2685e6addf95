/**
 * The scenario bar's "Preset" part: the presets of the model as a select that starts at a
 * neutral "Presets…" (nothing applied), and choosing one applies it: the scenario starts from
 * the baseline with the preset's levers. The select shows a preset, with its story beneath,
 * only while the scenario is exactly that preset applied to the baseline (`appliedPreset`);
 * once a lever moves it is back at "Presets…".
 *
 * Template only: the scenario bar (scenario-bar.ts) applies the choice.
 */
import { html, type TemplateResult } from 'lit';
import { PRESETS, PRESET_BY_ID, applyPreset } from '../../model/presets';
import type { Scenario } from '../../model/scenario';
import { sameScenario } from '../shared/lever-values';

/** The preset `scenario` is, applied to `baseline` ("" when it is none of them). */
export function appliedPreset(baseline: Scenario, scenario: Scenario): string {
  for (const p of PRESETS) {
    const r = applyPreset(baseline, p);
    if (r.ok && sameScenario(r.value, scenario)) return p.id;
  }
  return '';
}

/** The preset fieldset; `presetId` is the one applied ("" for none). */
export function presetMenu(presetId: string, onChoose: (id: string) => void): TemplateResult {
  const preset = PRESET_BY_ID.get(presetId);
  return html`<fieldset>
    <legend>Preset</legend>
    <div class="row">
      <select
        data-control="preset"
        aria-label="Preset scenario"
        aria-describedby="preset-story"
        .value=${presetId}
        @change=${(e: Event) => onChoose((e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${presetId === ''}>Presets…</option>
        ${PRESETS.map(
          (p) => html`<option value=${p.id} ?selected=${p.id === presetId}>${p.label}</option>`,
        )}
      </select>
    </div>
    <p class="story" id="preset-story" data-preset-applied=${presetId}>
      ${preset?.story ?? 'Choose a preset to start the scenario from the baseline with its levers.'}
    </p>
  </fieldset>`;
}

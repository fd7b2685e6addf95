/**
 * The scenario bar's "Preset" part: the presets of the model as a select, the chosen one's
 * story beneath it, and "Apply", which starts the scenario from the baseline with the preset's
 * levers.
 *
 * Template only: the scenario bar (scenario-bar.ts) keeps the choice and applies it.
 */
import { html, type TemplateResult } from 'lit';
import { PRESETS, PRESET_BY_ID } from '../../model/presets';

/** The preset fieldset; `presetId` is the one chosen. */
export function presetMenu(
  presetId: string,
  onChoose: (id: string) => void,
  onApply: () => void,
): TemplateResult {
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
        ${PRESETS.map(
          (p) => html`<option value=${p.id} ?selected=${p.id === presetId}>${p.label}</option>`,
        )}
      </select>
      <button class="primary" data-action="apply-preset" @click=${onApply}>Apply</button>
    </div>
    <p class="story" id="preset-story">${preset?.story ?? ''}</p>
  </fieldset>`;
}

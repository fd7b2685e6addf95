/**
 * The lever panel's collapsible sections: one per parameter group of the PARAMS table (policy
 * levers open to begin with, the others closed), each headed by how many of its levers differ
 * from the baseline, and the simulation settings (weeks, runs and seed in the heading).
 *
 * Templates only: the lever panel (lever-panel.ts) draws each control (lever-control.ts).
 */
import { html, type TemplateResult } from 'lit';
import { PARAMS, type ParamDef, type ParamGroup } from '../../model/params';
import type { Scenario, SettingId } from '../../model/scenario';
import { SETTING_IDS, type Target } from './lever-target';

/** Draws one control. */
export type DrawControl = (t: Target) => TemplateResult;

/** A parameter group's section; `levers` are the ids that differ from the baseline. */
export function paramGroup(
  g: { id: ParamGroup; label: string; meaning: string },
  levers: readonly string[],
  control: DrawControl,
): TemplateResult {
  const defs = (PARAMS as readonly ParamDef[]).filter((p) => p.group === g.id);
  const differs = defs.filter((p) => levers.includes(p.id)).length;
  return html`
    <details ?open=${g.id === 'policy'} data-group=${g.id}>
      <summary>
        <h3>${g.label}</h3>
        <span class="group-note ${differs > 0 ? 'differs' : ''}">
          ${differs > 0 ? `${differs} changed` : `${defs.length} parameters`}
        </span>
      </summary>
      <p class="group-meaning">${g.meaning}</p>
      ${defs.map((def) => control({ kind: 'param', def }))}
    </details>
  `;
}

/** The run settings' section; `differing` are the settings that differ from the baseline. */
export function settingsGroup(
  s: Scenario,
  differing: readonly SettingId[],
  control: DrawControl,
): TemplateResult {
  return html`
    <details data-group="settings">
      <summary>
        <h3>Simulation settings</h3>
        <span class="group-note ${differing.length > 0 ? 'differs' : ''}">
          ${s.weeks} weeks · ${s.replications} runs · seed ${s.seed}
        </span>
      </summary>
      <p class="settings-note">
        Baseline and scenario are run on the same seeds, weeks and replications.
      </p>
      ${SETTING_IDS.map((id) => control({ kind: 'setting', id }))}
    </details>
  `;
}

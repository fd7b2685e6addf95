/**
 * The candidate's progress per skill (src/model/skills.ts): rounds scored, mean, and the last
 * five against the first five. Template only. Hook: `[data-progress]` table, a row per skill
 * with `data-skill`.
 */
import { html, nothing } from 'lit';
import type { Skill } from '../../model/arc';
import { skillProgress, type SkillStore } from '../../model/skills';
import { percentText } from './practice-text';

export const SKILL_TEXT: Readonly<Record<Skill, string>> = {
  northStar: 'North Star choice',
  guardrails: 'Guardrails',
  direction: 'Direction',
  size: 'Size',
  diagnosis: 'Diagnosis',
  call: 'The call',
};

export function skillProgressView(store: SkillStore) {
  const rows = skillProgress(store);
  if (store.entries.length === 0) {
    return html`<p class="lede" data-progress-empty>
      No graded practice yet in this browser: your progress per skill appears here.
    </p>`;
  }
  return html`<table class="progress" data-progress>
    <caption>
      Your progress over ${store.entries.length} graded
      ${store.entries.length === 1 ? 'round or drill' : 'rounds and drills'} (kept in this browser)
    </caption>
    <thead>
      <tr>
        <th scope="col">Skill</th>
        <th scope="col">Rounds</th>
        <th scope="col">Mean</th>
        <th scope="col">First 5 → last 5</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr data-skill=${r.skill}>
            <th scope="row">${SKILL_TEXT[r.skill]}</th>
            <td>${r.rounds}</td>
            <td>${r.rounds > 0 ? percentText(r.mean) : '–'}</td>
            <td>${r.rounds > 0 ? `${percentText(r.first)} → ${percentText(r.last)}` : nothing}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

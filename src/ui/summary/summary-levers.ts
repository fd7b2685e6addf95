/**
 * The summary's first section: the levers the scenario changes, each with its baseline and
 * scenario value (labels and units as the lever panel shows them), or a line saying that the
 * scenario is the baseline.
 */
import { html } from 'lit';
import type { Scenario } from '../../model/scenario';
import { leverChanges } from '../shared/comparison-rows';

/** The "Levers changed" section. */
export function leversSection(baseline: Scenario, scenario: Scenario) {
  const changes = leverChanges(baseline, scenario);
  return html`<section data-section="levers" aria-labelledby="levers-title">
    <h2 id="levers-title">Levers changed</h2>
    ${
      changes.length === 0
        ? html`<p class="none" data-lever-count="0">
            No lever differs from the baseline: the scenario is the baseline.
          </p>`
        : html`<table data-lever-count=${changes.length}>
            <thead>
              <tr>
                <th scope="col">Lever</th>
                <th scope="col" class="num">Baseline</th>
                <th scope="col" class="num">Scenario</th>
              </tr>
            </thead>
            <tbody>
              ${changes.map(
                (l) =>
                  html`<tr data-lever=${l.id}>
                    <th scope="row">${l.label}</th>
                    <td class="num">${l.baseline}</td>
                    <td class="num"><strong>${l.scenario}</strong></td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

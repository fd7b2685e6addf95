/**
 * The note by the scenario bar when the baseline rests on a fit (issue 17, docs/MODEL.md
 * "Calibration"): which constants were fitted, the range 90% of the replications draw each
 * from, that each replication draws them (the same draw on both sides), and a button to drop
 * the fit (central values only). Hooks: `data-fit-note`, `data-fit-note-constant=<id>`,
 * `data-action="drop-fit"`.
 */
import { html, nothing } from 'lit';
import { PARAM_BY_ID } from '../../model/params';
import type { ScenarioFit } from '../../model/scenario-fit';

/** The normal quantile of 95%: 90% of lognormal draws fall within value·exp(±z·logSe). */
const Z90 = 1.6449;

function figure(v: number): string {
  if (Math.abs(v) >= 100) return Math.round(v).toLocaleString('en-US');
  return Number(v.toPrecision(3)).toString();
}

/** "Hours wanted per week 31.5 h (29.4 to 33.8)": a constant and where 90% of its draws fall. */
export function fitConstantText(c: ScenarioFit['constants'][number]): string {
  const def = PARAM_BY_ID.get(c.id);
  const unit = def?.unit ? ` ${def.unit}` : '';
  const low = c.value * Math.exp(-Z90 * c.logSe);
  const high = c.value * Math.exp(Z90 * c.logSe);
  return `${def?.label ?? c.id} ${figure(c.value)}${unit} (${figure(low)} to ${figure(high)})`;
}

export function fitNote(fit: ScenarioFit | undefined, drop: () => void) {
  if (!fit) return nothing;
  const correlated = fit.correlation !== undefined && fit.constants.length > 1;
  return html`<div class="fit" role="note" data-fit-note>
    <p>
      <strong>The baseline rests on a fit.</strong> Fitted to your station’s history:
      ${fit.constants.map(
        (c, i) =>
          html`${i > 0 ? '; ' : ''}<span data-fit-note-constant=${c.id}
              >${fitConstantText(c)}</span
            >`,
      )}.
    </p>
    <p>
      Each replication draws these constants from their fitted
      distribution${correlated ? ', with their correlations' : ''} (90% of draws fall in the ranges
      shown); the baseline and the scenario draw the same values in each replication. So every
      interval here includes how unsure the fit is: an answer that holds across these draws does not
      rest on the fit.
    </p>
    <button type="button" data-action="drop-fit" @click=${drop}>
      Drop the fit (central values only)
    </button>
  </div>`;
}

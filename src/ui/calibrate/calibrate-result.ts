/**
 * Calibrate mode's result (template only): the fitted constants with their 90% intervals and
 * identification, the statistics before and after the fit, the hold-out check (charts and
 * errors), the warnings, and "Use as baseline" with what it does.
 */
import { html, nothing } from 'lit';
import type { CalibrationResult, HoldoutSeries } from '../../model/calibration';
import { HC, historyColumn, type StationHistory } from '../../model/station-history';
import '../charts/holdout-chart';
import { columnLabel, constantLabel, percent, short } from './calibrate-text';

/** A column's weekly figures over the whole history (the fill share for `fill_share`). */
export function observedSeries(h: StationHistory, column: string): number[] {
  if (column === 'fill_share') {
    const filled = historyColumn(h, HC.blocks_filled);
    const offered = historyColumn(h, HC.blocks_offered);
    return [...filled].map((v, w) => (offered[w] > 0 ? v / offered[w] : NaN));
  }
  const c = (HC as Record<string, number>)[column];
  return c === undefined ? [] : [...historyColumn(h, c)];
}

function constantsTable(r: CalibrationResult) {
  return html`<table class="constants-table">
    <caption>
      Fitted constants, with 90% intervals
    </caption>
    <thead>
      <tr>
        <th scope="col">Constant</th>
        <th scope="col">Start</th>
        <th scope="col">Fitted</th>
        <th scope="col">90% interval</th>
        <th scope="col">Moved by</th>
      </tr>
    </thead>
    <tbody>
      ${r.constants.map((c) => {
        const { label, unit } = constantLabel(c.id);
        return html`<tr data-constant-row=${c.id} data-identified=${c.identified ? 'yes' : 'no'}>
            <th scope="row">${label}${unit ? html` <small>(${unit})</small>` : nothing}</th>
            <td>${short(c.start)}</td>
            <td><strong>${short(c.value)}</strong></td>
            <td>${short(c.low)} – ${short(c.high)}</td>
            <td>${c.movedBy.map(columnLabel).join(', ') || '–'}</td>
          </tr>
          ${
            c.identified
              ? nothing
              : html`<tr class="warning">
                  <td colspan="5" data-not-identified=${c.id}>⚠ Not identified. ${c.warning}</td>
                </tr>`
          }`;
      })}
    </tbody>
  </table>`;
}

function momentsTable(r: CalibrationResult) {
  return html`<table class="moments-table">
    <caption>
      Your weeks against the simulated station (means over the ${r.fitWeeks} fitted weeks)
    </caption>
    <thead>
      <tr>
        <th scope="col">Statistic</th>
        <th scope="col">Yours</th>
        <th scope="col">Before the fit</th>
        <th scope="col">Fitted</th>
        <th scope="col">Spread of one history (sd)</th>
      </tr>
    </thead>
    <tbody>
      ${r.moments.map(
        (m) =>
          html`<tr>
            <th scope="row">${columnLabel(m.column)}</th>
            <td>${short(m.observed)}</td>
            <td>${short(m.start)}</td>
            <td>${short(m.fitted)}</td>
            <td>${short(m.sd)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function holdoutView(r: CalibrationResult, h: StationHistory) {
  if (r.holdout.length === 0)
    return html`<p class="note">No week was held out, so the forecast is not checked.</p>`;
  const shown = ['fill_share', 'active_drivers']
    .map((c) => r.holdout.find((s) => s.column === c))
    .filter((s): s is HoldoutSeries => s !== undefined);
  const charts = shown.length > 0 ? shown : r.holdout.slice(0, 2);
  const narrow = typeof window !== 'undefined' && window.innerWidth < 700;
  return html`<section class="holdout" aria-label="Hold-out check">
    <h3>Hold-out check: weeks ${r.holdoutWeeks[0]}–${r.holdoutWeeks[r.holdoutWeeks.length - 1]}</h3>
    <p>
      The fit did not see the last ${r.holdoutWeeks.length} weeks. The fitted station forecasts them
      (line; band: 95% interval for one week’s figure, with the fit’s own uncertainty); dots are
      your weeks.
    </p>
    <div class="charts">
      ${charts.map(
        (s) =>
          html`<holdout-chart
            .label=${columnLabel(s.column)}
            .firstWeek=${h.firstWeek}
            .observed=${observedSeries(h, s.column)}
            .from=${r.fitWeeks}
            .mean=${s.mean}
            .low=${s.low}
            .high=${s.high}
            .width=${narrow ? 340 : 520}
          ></holdout-chart>`,
      )}
    </div>
    <table class="holdout-table">
      <caption>
        Forecast error of the held-out weeks’ mean
      </caption>
      <tbody>
        ${r.holdout.map(
          (s) =>
            html`<tr>
              <th scope="row">${columnLabel(s.column)}</th>
              <td data-holdout-error=${s.column}>${percent(s.error)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

export function resultView(r: CalibrationResult, h: StationHistory, use: () => void) {
  const anchored = Object.entries(r.anchored)
    .map(([id, v]) => `${constantLabel(id).label} ${short(v)}`)
    .join(', ');
  return html`
    ${r.warnings.map((w) => html`<p class="warning" role="alert" data-fit-warning>⚠ ${w}</p>`)}
    ${constantsTable(r)}
    <p class="note">Set from your file before the fit: ${anchored}.</p>
    ${momentsTable(r)} ${holdoutView(r, h)}
    <section class="use" aria-label="Use as baseline">
      <button type="button" class="primary" data-use-baseline @click=${use}>Use as baseline</button>
      <p>
        The workspace’s baseline (and scenario) become the fitted station. Each replication of every
        comparison there draws the fitted constants from their uncertainty (standard errors and
        correlations above), the same draw for the baseline and the scenario, so the intervals you
        see include how unsure the fit is. The workspace says so above its scenario bar, and you can
        drop the fit there to run at the fitted values only.
      </p>
    </section>
  `;
}

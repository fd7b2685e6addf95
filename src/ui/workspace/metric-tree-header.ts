/**
 * What sits above the metric tree's rows: the status line (estimate refining, updating, or
 * settled with 95% intervals, with a progress bar while replications come in) and the sticky
 * column headers (the two run windows in weeks, and the sparkline's legend).
 *
 * Templates only: the metric tree (metric-tree.ts) places them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { calendarText, hasWeeks, runWindowText, type PeriodSource } from '../shared/run-windows';

/** How far the run in flight is, in whole percent (0 to 100). */
function progressPercent(progress: number): number {
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}

/** The status line: settled, an estimate refining, or numbers being replaced. */
export function treeStatus(progress: number, updating: boolean): TemplateResult {
  const pct = progressPercent(progress);
  if (updating) {
    return html`<div class="status" role="status" data-state="updating">
      <span>Updating: ${pct}% of the new run in; the numbers shown are being replaced.</span>
      <progress max="1" .value=${progress} aria-label="Replications done"></progress>
    </div>`;
  }
  if (progress < 1) {
    return html`<div class="status" role="status" data-state="estimate">
      <span>Estimate from ${pct}% of the replications, refining.</span>
      <progress max="1" .value=${progress} aria-label="Replications done"></progress>
    </div>`;
  }
  return html`<div class="status" role="status" data-state="settled">
    <span>Paired replications; intervals are 95%.</span>
  </div>`;
}

/**
 * The column headers, for a run's periods; `busy` while a run is in flight, with a bar for
 * how far it has got (a bar, not a percentage: new text in a header cell would lay the whole
 * table out again at every progress report, a bar's new value is only painted).
 */
export function treeHead(
  periods: PeriodSource,
  busy: boolean,
  updating: boolean,
  progress: number,
): TemplateResult {
  const windows = runWindowText(periods);
  const peak = hasWeeks(periods, 'peak');
  return html`<thead>
    <tr>
      <th scope="col">
        Metric
        ${
          busy
            ? html`<span class="sub busy" aria-hidden="true"
                >${updating ? 'updating' : 'estimate'}
                <progress max="1" .value=${progress}></progress
              ></span>`
            : nothing
        }
      </th>
      <th scope="col" data-period-head="shortRun">
        Short run <span class="sub">${windows.shortRun}: baseline → scenario</span>
      </th>
      <th scope="col" data-period-head="longRun">
        Long run
        <span class="sub">${windows.longRun}, outside the peaks: baseline → scenario</span>
      </th>
      <th scope="col" data-period-head="peak">
        Peak
        <span class="sub"
          >${
            peak
              ? `${windows.peak} (${calendarText(periods, 'peak')}): baseline → scenario`
              : `${windows.peak} (peaks: calendar weeks 28–29, 47–52)`
          }</span
        >
      </th>
      <th scope="col">
        Weekly course
        <span class="sub legend"
          ><span class="key"
            ><svg width="18" height="6" aria-hidden="true">
              <line x1="0" y1="3" x2="18" y2="3" class="key-base"></line></svg
            >baseline</span
          >
          <span class="key"
            ><svg width="18" height="6" aria-hidden="true">
              <line x1="0" y1="3" x2="18" y2="3" class="key-scen"></line></svg
            >scenario</span
          ></span
        >
      </th>
    </tr>
  </thead>`;
}

/**
 * The lab's table: for each design, each metric's naive estimate against the true effect,
 * with bias, standard error, chance of a wrong sign, power and MDE (intervals in brackets).
 */
import { html, type TemplateResult } from 'lit';
import { DESIGN_LABEL } from '../../model/experiment';
import { LAB_METRICS, type LabMetricDef } from '../../model/lab-metrics';
import type { Interval, LabReport, MetricStats } from '../../model/lab-stats';

function num(v: number, m: LabMetricDef): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (m.percent) return `${(100 * v).toFixed(m.digits - 2)} pts`;
  return v.toLocaleString('en-US', {
    maximumFractionDigits: m.digits,
    minimumFractionDigits: m.digits,
  });
}

function iv(i: Interval, m: LabMetricDef): TemplateResult {
  return html`${num(i.value, m)}<small> [${num(i.low, m)}, ${num(i.high, m)}]</small>`;
}

function pct(i: Interval): TemplateResult {
  const p = (v: number) => `${Math.round(100 * v)}%`;
  return html`${p(i.value)}<small> [${p(i.low)}, ${p(i.high)}]</small>`;
}

function row(m: LabMetricDef, s: MetricStats | null): TemplateResult {
  if (!s) {
    return html`<tr class="na">
      <th scope="row">${m.label}</th>
      <td colspan="7">This design cannot estimate it.</td>
    </tr>`;
  }
  const rel = Number.isFinite(s.relativeBias) ? ` (${Math.round(100 * s.relativeBias)}%)` : '';
  return html`<tr data-metric=${m.id}>
    <th scope="row">${m.label}${m.role === 'northStar' ? html` <em>North Star</em>` : ''}</th>
    <td>${iv(s.estimate, m)}</td>
    <td>${iv(s.truth, m)}</td>
    <td>${iv(s.bias, m)}${rel}</td>
    <td>${num(s.se.value, m)}</td>
    <td>${pct(s.wrongSign)}</td>
    <td>${pct(s.power)}</td>
    <td>${num(s.mde.value, m)}</td>
  </tr>`;
}

/** One table per design. */
export function labTables(report: LabReport): TemplateResult {
  return html`${report.designs.map(
    (d) =>
      html`<section class="design" data-design=${d.design}>
        <h3>${DESIGN_LABEL[d.design]}</h3>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Metric (${report.testWeeks}-week test)</th>
                <th scope="col">Naive estimate</th>
                <th scope="col">True effect</th>
                <th scope="col">Bias</th>
                <th scope="col">SE</th>
                <th scope="col">Wrong sign</th>
                <th scope="col">Power</th>
                <th scope="col">MDE</th>
              </tr>
            </thead>
            <tbody>
              ${LAB_METRICS.map((m, k) => row(m, d.metrics[k] ?? null))}
            </tbody>
          </table>
        </div>
        ${
          d.design === 'switchback' && d.metrics[0]
            ? html`<p class="carry">
                Carry-over: the long-run effect (weeks 9–12 of all treated vs all control) is
                ${num(d.metrics[0].longRun, LAB_METRICS[0])} packages/week; this test's estimate
                misses ${num(d.metrics[0].missedLongRun, LAB_METRICS[0])} of it (learning and
                retention take longer than its windows).
              </p>`
            : ''
        }
      </section>`,
  )}`;
}

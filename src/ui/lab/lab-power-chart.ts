/**
 * The lab's chart: each design's power (left) and minimum detectable effect (right) against
 * the test's length in weeks, as plain SVG lines (the lab's numbers are few: 12 points a design).
 */
import { html, svg, type TemplateResult } from 'lit';
import { DESIGN_LABEL } from '../../model/experiment';
import { LAB_METRICS } from '../../model/lab-metrics';
import type { DesignStats, WeekPoint } from '../../model/lab-stats';

/** One design's line: its points for the chosen metric. */
interface Line {
  readonly design: DesignStats['design'];
  readonly points: readonly WeekPoint[];
}

export const DESIGN_COLOURS: Record<string, string> = {
  driver: '#c0392b',
  block: '#2471a3',
  both: '#7d3c98',
  switchback: '#1e8449',
};

const W = 320;
const H = 180;
const M = { left: 44, right: 10, top: 12, bottom: 30 };

function panel(
  designs: readonly Line[],
  pick: (w: { power: number; mde: number }) => number,
  title: string,
  format: (v: number) => string,
  fixedMax?: number,
): TemplateResult {
  const weeks = designs[0]?.points.length ?? 12;
  const values = designs.flatMap((d) => d.points.map(pick)).filter(Number.isFinite);
  const max = fixedMax ?? Math.max(1e-9, ...values) * 1.1;
  const x = (k: number) => M.left + ((k - 1) / Math.max(1, weeks - 1)) * (W - M.left - M.right);
  const y = (v: number) =>
    H - M.bottom - (Math.min(max, Math.max(0, v)) / max) * (H - M.top - M.bottom);
  const ticks = [0, 0.5, 1].map((f) => f * max);
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${title}>
      ${ticks.map(
        (t) =>
          svg`<line x1=${M.left} x2=${W - M.right} y1=${y(t)} y2=${y(t)} class="grid"></line>
          <text x=${M.left - 4} y=${y(t) + 4} text-anchor="end">${format(t)}</text>`,
      )}
      ${[1, 4, 8, 12]
        .filter((k) => k <= weeks)
        .map((k) => svg`<text x=${x(k)} y=${H - M.bottom + 14} text-anchor="middle">${k}</text>`)}
      <text x=${(M.left + W - M.right) / 2} y=${H - 2} text-anchor="middle">test weeks</text>
      ${
        fixedMax === 1
          ? svg`<line x1=${M.left} x2=${W - M.right} y1=${y(0.8)} y2=${y(0.8)} class="target"></line>`
          : ''
      }
      ${designs.map(
        (d) =>
          svg`<polyline fill="none" stroke=${DESIGN_COLOURS[d.design]} stroke-width="2"
            points=${d.points.map((w) => `${x(w.weeks)},${y(pick(w))}`).join(' ')}></polyline>`,
      )}
    </svg>
  </figure>`;
}

/**
 * Power and MDE of lab metric `m`'s estimate (0, the North Star, by default) by test length,
 * one line per design that can estimate it.
 */
export function labPowerChart(all: readonly DesignStats[], m = 0): TemplateResult {
  const unit = LAB_METRICS[m]?.unit ?? '';
  const designs: Line[] = all.flatMap((d) => {
    const points = d.byMetricWeeks[m];
    return points ? [{ design: d.design, points }] : [];
  });
  return html`<div class="charts" data-lab-chart data-metric=${LAB_METRICS[m]?.id ?? ''}>
    ${panel(
      designs,
      (w) => w.power,
      'Power to detect the effect',
      (v) => `${Math.round(100 * v)}%`,
      1,
    )}
    ${panel(
      designs,
      (w) => w.mde,
      `Minimum detectable effect (${unit})`,
      (v) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(2)),
    )}
    <ul class="legend">
      ${designs.map(
        (d) =>
          html`<li>
            <span class="swatch" style="background:${DESIGN_COLOURS[d.design]}"></span
            >${DESIGN_LABEL[d.design]}
          </li>`,
      )}
      <li><span class="swatch target"></span>80% power</li>
    </ul>
  </div>`;
}

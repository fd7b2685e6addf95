/**
 * Guardrail breaches drawn on the explorer's line and point charts: a hatched zone behind each
 * swept value where a guardrail is breached (sweep chart), and a ring around a breaching point
 * (trade-off plane). Each carries `data-breaches` (the guardrail ids, comma-separated).
 */
import { html, nothing, svg } from 'lit';
import { breachNames } from '../../model/guardrails';
import type { MetricId } from '../../model/metrics';
import type { Box } from './chart-frame';

/** The colour of breach marks (the heatmap's hatch). */
export const BREACH_COLOUR = '#7a1f5c';

/** The hatch pattern the zones fill with, under its own id. */
export function breachPattern(id: string) {
  return svg`<defs><pattern id=${id} patternUnits="userSpaceOnUse" width="10" height="10"
      patternTransform="rotate(45)">
      <line x1="0" y1="0" x2="0" y2="10" stroke=${BREACH_COLOUR} stroke-width="3"
        stroke-opacity="0.35"></line>
    </pattern></defs>`;
}

/**
 * A hatched zone behind each value whose point breaches a guardrail, from halfway to the value
 * before to halfway to the value after (clamped to the plot).
 */
export function breachZones(
  xs: readonly number[],
  breachesAt: readonly (readonly MetricId[])[],
  x: (v: number) => number,
  box: Box,
  pattern: string,
) {
  return xs.map((v, i) => {
    const b = breachesAt[i];
    if (!b || b.length === 0) return nothing;
    const px = x(v);
    const prev = i > 0 ? (x(xs[i - 1] as number) + px) / 2 : px - 14;
    const next = i < xs.length - 1 ? (x(xs[i + 1] as number) + px) / 2 : px + 14;
    const left = Math.max(box.left, Math.min(prev, next));
    const right = Math.min(box.right, Math.max(prev, next));
    return svg`<rect class="breach-zone" data-breaches=${b.join(',')} x=${left} y=${box.top}
      width=${Math.max(0, right - left)} height=${box.bottom - box.top}
      fill=${`url(#${pattern})`}></rect>`;
  });
}

/** A ring around a breaching point. */
export function breachRing(cx: number, cy: number, r: number, breaches: readonly MetricId[]) {
  if (breaches.length === 0) return nothing;
  return svg`<circle class="breach-ring" data-breaches=${breaches.join(',')} cx=${cx} cy=${cy}
    r=${r} fill="none" stroke=${BREACH_COLOUR} stroke-width="3"></circle>`;
}

/** A tooltip's line naming the guardrails breached at a point. */
export function breachNote(breaches: readonly MetricId[] | undefined) {
  if (!breaches || breaches.length === 0) return nothing;
  return html`<div class="breach-note">⚠ Breaches ${breachNames(breaches)}</div>`;
}

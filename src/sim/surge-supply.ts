/**
 * Surge brings drivers online (docs/MODEL.md, "Surge"): when a surged re-offer still has
 * blocks, active drivers who were not looking for work today (not one of their weekdays, or
 * not minded to work) are drawn in when the surged pay clears their asking wage by a margin,
 * if they are free today at all; their availability then falls with notice like everyone's.
 */
import {
  HOURS_OVERSHOOT,
  NOISE_LEVELS,
  P,
  SURGE_FREE,
  SURGE_MARGIN,
  SURGE_ONLY,
} from './constants';
import { lengthMask } from './candidates';
import { uniform } from './random';
import { dayStream, type SimState } from './state';

/**
 * Appends to today's candidates the active drivers not looking today who could take a block
 * of wave w or later: free today (probability SURGE_FREE, drawn in gatherCandidates, which
 * lists them in `SimState.idle`), asking at most the best surged
 * net over 1 + SURGE_MARGIN, and with hours left this week. Their asking wage is kept with
 * the margin, so a block must clear it; they do not count as wanting work (flag SURGE_ONLY).
 */
export function drawSurgeRecruits(s: SimState, d: number, w: number): void {
  s.surgeDrawn = 1;
  const { dr, cand, candR, candFlags, candType, candFailMult, candFit, candAvail } = s;
  const { key, hoursTarget, hoursWeek, res, winFit } = dr;
  const top = bestNet(s, s.waves.length - 1) / (1 + SURGE_MARGIN);
  if (!(top > 0) || w >= s.waves.length) return;
  const sFree = dayStream(s, d, P.surgeFree);
  const sNoise = dayStream(s, d, P.surgeNoise);
  const noise = s.noiseTable;
  const minLen = s.minLen;
  const floorR = top / noise[0];
  const { idle, nIdle } = s;
  // Imports read in the loop, as locals (docs/ARCHITECTURE.md, "Hot loops read locals").
  const draw = uniform;
  const overshoot = HOURS_OVERSHOOT;
  const levels = NOISE_LEVELS;
  let nc = s.nc;
  for (let k = 0; k < nIdle; k++) {
    // Not looking today, and free by today's draw (gathered in candidates.ts).
    const i = idle[k];
    const u = draw(sFree, key[i]);
    const r0 = res[i];
    if (r0 > floorR) continue;
    const hw = hoursWeek[i];
    if (hw > 0 && hoursTarget[i] - hw < overshoot * minLen) continue;
    const r = r0 * noise[(draw(sNoise, key[i]) * levels) | 0];
    if (r > top) continue;
    const c = nc++;
    cand[c] = i;
    candR[c] = r * (1 + SURGE_MARGIN);
    candFlags[c] = SURGE_ONLY;
    candType[c] = -1;
    candFailMult[c] = 0;
    candAvail[c] = u / SURGE_FREE;
    candFit[c] =
      hw > 0 ? winFit[i] & lengthMask(s, (hoursTarget[i] - hw) / HOURS_OVERSHOOT) : winFit[i];
  }
  s.nc = nc;
}

/** The best net hourly pay any block type offers in wave w. */
function bestNet(s: SimState, w: number): number {
  let best = -Infinity;
  for (let g = 0; g < s.groups; g++) best = Math.max(best, s.groupNet[w * s.groups + g]);
  return best;
}

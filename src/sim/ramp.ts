/**
 * What the operator does ahead of the known peaks (docs/MODEL.md, "Peaks"): a recruitment
 * ramp that raises applicant intake over the weeks before a calendar peak, and the weeks in
 * which the peak pay premium applies. Both are worked out once per run, per simulated week.
 */
import type { Params } from '../model/params';
import { calendarWeek, peakExtra } from './calendar';
import { RAMP_WEEKS } from './constants';

/** Per simulated week: 1 when its calendar week is a peak week (and peaks are on), else 0. */
export function peakWeeks(p: Params, weeks: number): Uint8Array {
  const out = new Uint8Array(weeks);
  if (p.peakIntensity <= 0) return out;
  for (let w = 0; w < weeks; w++) out[w] = peakExtra(calendarWeek(p.startWeek, w * 7)) > 0 ? 1 : 0;
  return out;
}

/**
 * Per simulated week: the multiplier of applicant intake. The operator recruits ahead of a
 * peak: in each week, intake rises by `peakHiringBoost × peakIntensity ×` the largest extra
 * volume of the coming RAMP_WEEKS weeks (this week excluded, so hiring stops as the last peak
 * week begins: drivers hired then would arrive after it).
 */
export function recruitmentRamp(p: Params, weeks: number): Float64Array {
  const out = new Float64Array(weeks);
  for (let w = 0; w < weeks; w++) {
    let ahead = 0;
    for (let k = 1; k <= RAMP_WEEKS; k++) {
      const extra = peakExtra(calendarWeek(p.startWeek, (w + k) * 7));
      if (extra > ahead) ahead = extra;
    }
    out[w] = 1 + p.peakHiringBoost * p.peakIntensity * ahead;
  }
  return out;
}

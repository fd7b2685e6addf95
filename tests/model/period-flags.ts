/** Period flags for test fixtures: weeks 1–4 short run, the last 8 long run, no peak. */
import {
  LONG_RUN_WEEKS,
  PERIOD_FLAG,
  SHORT_RUN_WEEKS,
  type Stability,
} from '../../src/model/results';

export function plainPeriods(weeks: number): Uint8Array {
  return Uint8Array.from(
    { length: weeks },
    (_, w) =>
      (w < SHORT_RUN_WEEKS ? PERIOD_FLAG.shortRun : 0) |
      (w >= weeks - LONG_RUN_WEEKS ? PERIOD_FLAG.longRun : 0),
  );
}

/** A stable backlog, for fixtures. */
export const STABLE: Stability = {
  growth: { mean: 0, low: 0, high: 0 },
  slope: { mean: 0, low: 0, high: 0 },
  growing: 0,
  n: 4,
  unstable: false,
};

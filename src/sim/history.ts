/**
 * A run's weekly history in the columns of an uploaded station history
 * (src/model/station-history.ts), from the daily record: what the calibration (issue 17)
 * compares with the station's own weeks. A few sums over the record, once per result.
 */
import { HC, HISTORY_COLUMN_COUNT } from '../model/station-history';
import { F } from './record';

/** Column c in week w at [c * weeks + w] (StationHistory's layout). */
export function weeklyHistory(rec: Float64Array, days: number, weeks: number): Float64Array {
  const out = new Float64Array(HISTORY_COLUMN_COUNT * weeks);
  const sum = (f: number, w: number): number => {
    let s = 0;
    for (let d = w * 7; d < w * 7 + 7; d++) s += rec[f * days + d];
    return s;
  };
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
  for (let w = 0; w < weeks; w++) {
    const claimed = sum(F.blocksClaimed, w);
    const paid = sum(F.paidHours, w);
    const base = sum(F.payBase, w);
    const surge = sum(F.paySurge, w);
    const set = (c: number, v: number): void => {
      out[c * weeks + w] = v;
    };
    set(HC.blocks_offered, sum(F.blocksOffered, w));
    set(HC.blocks_filled, claimed);
    set(HC.time_to_fill_h, ratio(sum(F.timeToFillSum, w), claimed));
    set(HC.active_drivers, rec[F.active * days + w * 7 + 6]);
    set(HC.new_drivers, sum(F.joined, w));
    set(HC.churned_drivers, sum(F.churned, w) + sum(F.deactivated, w));
    set(HC.hours_worked, paid);
    set(HC.base_pay, ratio(base, paid));
    set(HC.surge_share, ratio(surge, base + surge));
    set(HC.on_time_rate, ratio(sum(F.onTime, w) + sum(F.fallback, w), sum(F.demand, w)));
    set(HC.no_shows, sum(F.noShows, w));
  }
  return out;
}

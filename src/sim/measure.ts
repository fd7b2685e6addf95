/**
 * Metric values over a range of days, from the daily record. Rates are ratios of sums over the
 * range (not means of daily ratios); an empty denominator gives 0.
 */
import { METRIC_COUNT, METRIC_INDEX } from '../model/metrics';
import { F, type Field } from './record';

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}

/** Writes every metric over days [from, to) into `out` at `offset`, one value per metric. */
export function measureRange(
  record: Float64Array,
  days: number,
  from: number,
  to: number,
  out: Float64Array,
  offset = 0,
  stride = 1,
): void {
  const sum = (f: Field): number => {
    let s = 0;
    const base = F[f] * days;
    for (let d = from; d < to; d++) s += record[base + d];
    return s;
  };
  const n = to - from;
  const weeks = n / 7;
  const activeMean = sum('active') / n;
  let giniSum = 0;
  let giniWeeks = 0;
  for (let d = from; d < to; d++) {
    if (d % 7 === 6) {
      giniSum += record[F.gini * days + d];
      giniWeeks++;
    }
  }
  const onTimeAll = sum('onTime') + sum('fallback');
  const demand = sum('demand');
  const blockPay = sum('payBase') + sum('paySurge');
  const cost = blockPay + sum('payTips') + sum('fallbackCost') + sum('overheadCost');
  const delivered = sum('onTime') + sum('lateDelivered') + sum('fallback');
  const claimed = sum('blocksClaimed');
  const set = (id: keyof typeof METRIC_INDEX, v: number): void => {
    out[offset + METRIC_INDEX[id] * stride] = v;
  };
  set('onTimePackagesPerWeek', ratio(onTimeAll, weeks));
  set('onTimeRate', ratio(onTimeAll, demand));
  set('lateRate', ratio(sum('missed'), demand));
  set('failedAttemptRate', ratio(sum('failed'), sum('attempted')));
  set('sellerPromiseKeptRate', ratio(sum('sellerOnTime'), sum('sellerDemand')));
  set('activeDrivers', activeMean);
  set('driverNetHourly', ratio(sum('netEarnings'), sum('workHours') + sum('searchHours')));
  set('hoursPerActiveDriver', ratio(sum('paidHours'), activeMean * weeks));
  set('blockScarcity', ratio(sum('frustratedDays'), sum('wantedDays')));
  const exposure = sum('youngExposure');
  set('retention90', exposure > 0 ? Math.exp((-90 * sum('youngExits')) / exposure) : 1);
  set('weeklyChurnRate', ratio(sum('churned') + sum('deactivated'), activeMean * weeks));
  set('hoursGini', ratio(giniSum, giniWeeks));
  set('costPerPackage', ratio(cost, delivered));
  set('fillRate', ratio(claimed, sum('blocksOffered')));
  set('timeToFillHours', ratio(sum('timeToFillSum'), claimed));
  set('surgeSpendShare', ratio(sum('paySurge'), blockPay));
  set('fallbackShare', ratio(sum('fallback'), demand));
  set('idlePaidHoursShare', ratio(sum('idleHours'), sum('paidHours')));
  set('belowFloorHoursShare', ratio(sum('belowFloorHours'), sum('workHours')));
  set('unpaidOverrunHoursPerDriver', ratio(sum('overrunHours'), activeMean * weeks));
  set('unsafePaceShare', ratio(sum('unsafeBlocks'), sum('blocksWorked')));
}

/** Gini coefficient of non-negative values (0 when all are equal or there are none). */
export function gini(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return 0;
  values.sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += values[i];
    weighted += (i + 1) * values[i];
  }
  if (total <= 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

export { METRIC_COUNT };

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
  const onTimeAll = sum('onTime') + sum('fallback');
  const demand = sum('demand');
  const blockPay = sum('payBase') + sum('paySurge');
  const cost = blockPay + sum('payTips') + sum('fallbackCost') + sum('overheadCost');
  const delivered = sum('onTime') + sum('lateDelivered') + sum('fallback') + sum('agedOut');
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
  const noFit = sum('noFitDays');
  set('blockScarcity', ratio(sum('frustratedDays') - noFit, sum('wantedDays')));
  set('noFittingBlock', ratio(noFit, sum('wantedDays')));
  const [first90, to365] = lifeTable(sum);
  set('retention90', Math.exp(-first90));
  set('survival365', Math.exp(-first90 - to365));
  set('hoursOfferedPerDriver', ratio(sum('hoursOffered'), activeMean * weeks));
  const exits = sum('churned') + sum('deactivated');
  set('weeklyChurnRate', ratio(exits, atRisk(record, days, from, to)));
  set('hoursGini', weeklyGini(record, days, from, to));
  set('applicantsWeekly', ratio(sum('applicants'), weeks));
  set('activationRate', ratio(sum('cohortActivated'), sum('cohortApplicants')));
  set('daysToFirstBlock', ratio(sum('firstBlockDays'), sum('firstBlocks')));
  set('costPerPackage', ratio(cost, delivered));
  set('fillRate', ratio(sum('needCovered'), sum('needCapacity')));
  set('timeToFillHours', ratio(sum('timeToFillSum'), claimed));
  set('surgeSpendShare', ratio(sum('paySurge'), blockPay));
  // Over the packages that left the station in the range (not its fresh demand: packages aged
  // out of an earlier week's backlog would let the share pass 1 while the drivers collapse).
  set('fallbackShare', ratio(sum('fallback') + sum('agedOut'), delivered));
  set('backlogDays', ratio(sum('backlogEnd'), demand));
  set('idlePaidHoursShare', ratio(sum('idleHours'), sum('paidHours')));
  set('belowFloorHoursShare', ratio(sum('belowFloorHours'), sum('workHours')));
  set('unpaidOverrunHoursPerDriver', ratio(sum('overrunHours'), activeMean * weeks));
  set('unsafePaceShare', ratio(sum('unsafeBlocks'), sum('blocksWorked')));
}

/**
 * A life table of new drivers' exits: the cumulative exit hazard over tenure days 0-89, and
 * over days 90-364, each band's exit rate (exits over active driver-days) times its length.
 */
function lifeTable(sum: (f: Field) => number): [number, number] {
  const band = (b: 0 | 1 | 2, days: number): number => {
    const exposed = sum(`tenureExposure${b}`);
    return exposed > 0 ? (days * sum(`tenureExits${b}`)) / exposed : 0;
  };
  return [band(0, 30) + band(1, 60), band(2, 275)];
}

/** The mean of the weekly Gini of hours over the weeks ending in [from, to). */
function weeklyGini(record: Float64Array, days: number, from: number, to: number): number {
  let sum = 0;
  let weeks = 0;
  for (let d = from; d < to; d++) {
    if (d % 7 === 6) {
      sum += record[F.gini * days + d];
      weeks++;
    }
  }
  return ratio(sum, weeks);
}

/**
 * The drivers at risk of leaving over whole weeks [from, to): each week's pool at its start plus
 * the drivers who joined during it. Exits can never outnumber them, so the weekly churn rate
 * (exits over drivers at risk) is a share in [0, 1] even while the pool collapses.
 */
function atRisk(record: Float64Array, days: number, from: number, to: number): number {
  let n = 0;
  for (let d = from; d < to; d++) {
    if (d % 7 === 0) n += record[F.activeStart * days + d];
    n += record[F.joined * days + d];
  }
  return n;
}

// Scratch for gini(): an open-addressing table of distinct values and their counts.
const TABLE_SIZE = 4096;
const tableKeys = new Float64Array(TABLE_SIZE);
const tableLow = new Int32Array(TABLE_SIZE);
const tableHigh = new Int32Array(TABLE_SIZE);
const tableCounts = new Int32Array(TABLE_SIZE);
const tableSlots = new Int32Array(TABLE_SIZE);
const bitsOf = new Float64Array(1);
const bitsWords = new Int32Array(bitsOf.buffer);

/**
 * Gini coefficient of non-negative values (0 when all are equal or there are none).
 *
 * The values (weekly hours: sums of a few block lengths) take few distinct values, so they are
 * counted by value in a hash table and only the distinct values are sorted; the sums then run
 * over the values in ascending order exactly as over a sorted copy, with the same result to
 * the last bit. With more distinct values than the table holds, the values are sorted in
 * place instead.
 */
export function gini(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return 0;
  let distinct = 0;
  for (let k = 0; k < n; k++) {
    const v = values[k];
    bitsOf[0] = v;
    const low = bitsWords[0];
    const high = bitsWords[1];
    let h = slotOf(low, high);
    while (tableCounts[h] !== 0 && (tableLow[h] !== low || tableHigh[h] !== high)) {
      h = (h + 1) & (TABLE_SIZE - 1);
    }
    if (tableCounts[h] === 0) {
      if (distinct === TABLE_SIZE / 2) {
        clearTable(distinct);
        return giniSorted(values);
      }
      tableKeys[h] = v;
      tableLow[h] = low;
      tableHigh[h] = high;
      tableSlots[distinct++] = h;
    }
    tableCounts[h]++;
  }
  // The distinct values' slots in ascending order of value (a few hundred at most; the order
  // of -0 and 0 does not matter, both add nothing).
  const slots = Array.from(tableSlots.subarray(0, distinct));
  slots.sort((a, b) => tableKeys[a] - tableKeys[b]);
  let total = 0;
  let weighted = 0;
  let rank = 1;
  for (let j = 0; j < distinct; j++) {
    const h = slots[j];
    const v = tableKeys[h];
    for (let c = tableCounts[h]; c > 0; c--) {
      total += v;
      weighted += rank * v;
      rank++;
    }
  }
  clearTable(distinct);
  return giniOf(total, weighted, n);
}

function slotOf(low: number, high: number): number {
  return Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) >>> 20;
}

function clearTable(distinct: number): void {
  for (let j = 0; j < distinct; j++) tableCounts[tableSlots[j]] = 0;
}

function giniSorted(values: Float64Array): number {
  values.sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i];
    weighted += (i + 1) * values[i];
  }
  return giniOf(total, weighted, values.length);
}

function giniOf(total: number, weighted: number, n: number): number {
  if (total <= 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

export { METRIC_COUNT };

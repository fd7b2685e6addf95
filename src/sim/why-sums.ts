/**
 * The sums a replication carries for the decomposition of a change (src/model/why.ts): over
 * each of WHY_PERIODS, the sum of each record field a decomposition or a measured node names,
 * and of the WHY_EXTRAS. About two hundred numbers per replication, from which every metric's
 * parts are computed once the pairs are in (src/sim/why.ts).
 */
import { PERIOD_FLAG } from '../model/results';
import { WHY, WHY_EXTRAS, WHY_PERIODS, type Linear } from '../model/why';
import { WHY_NODES } from '../model/why-nodes';
import { F, FIELDS, type Field } from './record';

/** Every name a decomposition or a measured node sums. */
const NAMED = new Set<string>(
  [
    ...WHY.flatMap((d) => [...d.num, ...d.den].flatMap((p) => p.sum)),
    ...WHY.flatMap((d) => d.per ?? []),
    ...WHY.flatMap((d) => (d.bands ?? []).flatMap((b) => b.exposure)),
    ...WHY_NODES.flatMap((n) => [...n.num, ...n.den]),
  ].map(([name]) => name),
);

/** The record fields summed, in record order. */
const SUM_FIELDS: readonly Field[] = FIELDS.filter((f) => NAMED.has(f));
const FIELD_ROWS = Int32Array.from(SUM_FIELDS, (f) => F[f]);

/** Sums per period: the fields named, then the extras. */
export const SUM_LENGTH = SUM_FIELDS.length + WHY_EXTRAS.length;

const SUM_INDEX: ReadonlyMap<string, number> = new Map([
  ...SUM_FIELDS.map((f, i): [string, number] => [f, i]),
  ...WHY_EXTRAS.map((e, i): [string, number] => [e, SUM_FIELDS.length + i]),
]);
for (const name of NAMED) {
  if (!SUM_INDEX.has(name)) throw new Error(`no record field or extra sum is named "${name}"`);
}

/** The sums' indices and coefficients of a linear term; throws on a name that is no sum. */
export function resolve(term: Linear): { index: Int32Array; coef: Float64Array } {
  const index = new Int32Array(term.length);
  const coef = new Float64Array(term.length);
  term.forEach(([name, c], k) => {
    const i = SUM_INDEX.get(name);
    if (i === undefined) throw new Error(`no record sum is named "${name}"`);
    index[k] = i;
    coef[k] = c;
  });
  return { index, coef };
}

/** Whether each week (0-based) of the run belongs to period p. */
function weeksIn(periods: Uint8Array, p: number): Uint8Array {
  const period = WHY_PERIODS[p];
  if (period === 'whole') return new Uint8Array(periods.length).fill(1);
  const bit = PERIOD_FLAG[period];
  return periods.map((f) => ((f & bit) !== 0 ? 1 : 0));
}

/**
 * Every period's sums, period-major (period p at [p * SUM_LENGTH]); NaN throughout for a
 * period without weeks. Field by field over whole weeks, so the record is read in order.
 */
export function periodSums(rec: Float64Array, days: number, periods: Uint8Array): Float64Array {
  const out = new Float64Array(WHY_PERIODS.length * SUM_LENGTH);
  const opening = rec[F.activeStart * days];
  const flows = [F.joined, F.churned, F.deactivated];
  for (let p = 0; p < WHY_PERIODS.length; p++) {
    const o = p * SUM_LENGTH;
    const weeks = weeksIn(periods, p);
    let n = 0;
    for (let w = 0; w < weeks.length; w++) n += 7 * weeks[w];
    if (n === 0) {
      out.fill(NaN, o, o + SUM_LENGTH);
      continue;
    }
    for (let k = 0; k < FIELD_ROWS.length; k++) {
      let sum = 0;
      for (let w = 0; w < weeks.length; w++) {
        if (weeks[w] === 0) continue;
        const base = FIELD_ROWS[k] * days + w * 7;
        for (let d = base; d < base + 7; d++) sum += rec[d];
      }
      out[o + k] = sum;
    }
    const x = o + SUM_FIELDS.length;
    out[x] = n;
    out[x + 1] = opening * n;
    flows.forEach((field, k) => {
      let cum = 0;
      let sum = 0;
      for (let d = 0; d < days; d++) {
        cum += rec[field * days + d];
        if (weeks[(d / 7) | 0] === 1) sum += cum;
      }
      out[x + 2 + k] = sum;
    });
    for (let w = 0; w < weeks.length; w++) {
      if (weeks[w] === 1) out[x + 5] += rec[F.activeStart * days + w * 7];
    }
  }
  return out;
}

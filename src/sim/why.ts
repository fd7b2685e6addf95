/**
 * The decomposition of a change (src/model/why.ts) computed from two replications' period
 * sums (src/sim/why-sums.ts), baseline and scenario on the same seeds: every metric's parts
 * and every measured node's change, for each period (src/sim/stats.ts `whyOf` takes their
 * means and 95% intervals over the pairs).
 */
import {
  WHY,
  WHY_OFFSET,
  WHY_PERIODS,
  type Linear,
  type WhyDef,
  type WhyPeriod,
} from '../model/why';
import { WHY_NODES } from '../model/why-nodes';
import { SUM_LENGTH, resolve } from './why-sums';

type Term = ReturnType<typeof resolve>;

interface Compiled {
  readonly def: WhyDef;
  readonly offset: number;
  readonly num: readonly Term[];
  readonly den: readonly Term[];
  readonly per: Term | undefined;
  readonly exposure: readonly Term[];
}

const COMPILED: readonly Compiled[] = WHY.map((def) => ({
  def,
  offset: WHY_OFFSET.get(def.metric) ?? 0,
  num: def.num.map((p) => resolve(p.sum)),
  den: def.den.map((p) => resolve(p.sum)),
  per: def.per ? resolve(def.per) : undefined,
  exposure: (def.bands ?? []).map((b) => resolve(b.exposure)),
}));

const NODES = WHY_NODES.map((n) => ({ num: resolve(n.num), den: resolve(n.den), k: n.scale }));

function value(t: Term, sums: Float64Array, o: number): number {
  let v = 0;
  for (let k = 0; k < t.index.length; k++) v += t.coef[k] * sums[o + t.index[k]];
  return v;
}

const total = (terms: readonly Term[], sums: Float64Array, o: number): number =>
  terms.reduce((s, t) => s + value(t, sums, o), 0);

/**
 * One side of a `ratio` metric: its numerator and denominator terms (each divided by the
 * normaliser, if any) and their totals; `empty` when the denominator is not positive (the
 * metric is then 0, as src/sim/measure.ts has it).
 */
interface Side {
  a: number[];
  b: number[];
  A: number;
  B: number;
  empty: boolean;
}

function side(c: Compiled, sums: Float64Array, o: number): Side {
  const per = c.per ? value(c.per, sums, o) : 1;
  const a = c.num.map((t) => value(t, sums, o) / per);
  const b = c.den.map((t) => value(t, sums, o) / per);
  const A = a.reduce((x, y) => x + y, 0);
  const B = b.reduce((x, y) => x + y, c.def.denConstant ?? 0);
  const empty = !(per > 0) || !(B > 0);
  return { a, b, A, B, empty };
}

/** A `hazards` metric's hazards, one per part: days × exits over driver-days (0 if none). */
function hazardsOf(c: Compiled, sums: Float64Array, o: number): number[] {
  const bands = c.def.bands ?? [];
  return c.num.map((t, i) => {
    const x = value(c.exposure[i], sums, o);
    return x > 0 ? (bands[i].days * value(t, sums, o)) / x : 0;
  });
}

/**
 * A `factors` metric's running products, each scaled per den (F₀ … Fₙ), then its count R;
 * all 0 when den is not positive (the metric is then 0).
 */
function levelsOf(c: Compiled, sums: Float64Array, o: number): number[] {
  const den = total(c.den, sums, o);
  return c.num.map((t) => (den > 0 ? (c.def.scale * value(t, sums, o)) / den : 0));
}

/** The metric's value from the sums, as src/sim/measure.ts computes it from the record. */
export function whyValue(c: Compiled, sums: Float64Array, o: number): number {
  if (c.def.kind === 'hazards') {
    return Math.exp(-hazardsOf(c, sums, o).reduce((a, b) => a + b, 0));
  }
  if (c.def.kind === 'factors') return levelsOf(c, sums, o)[c.num.length - 1];
  if (c.def.kind === 'ratio') {
    const x = side(c, sums, o);
    return x.empty ? 0 : (c.def.scale * x.A) / x.B;
  }
  const b = total(c.den, sums, o);
  if (!(b > 0)) return 0;
  return (c.def.constant ?? 0) + (c.def.scale * total(c.num, sums, o)) / b;
}

/** Parts of a `shares` metric: each term's own share change; a jump of the constant to part 0. */
function sharesParts(c: Compiled, x: Float64Array, y: Float64Array, o: number, out: Float64Array) {
  const b0 = total(c.den, x, o);
  const b1 = total(c.den, y, o);
  const k = c.def.scale;
  c.num.forEach((t, i) => {
    const s0 = b0 > 0 ? (k * value(t, x, o)) / b0 : 0;
    const s1 = b1 > 0 ? (k * value(t, y, o)) / b1 : 0;
    out[c.offset + i] = s1 - s0;
  });
  const c0 = c.def.constant ?? 0;
  out[c.offset] += (b1 > 0 ? c0 : 0) - (b0 > 0 ? c0 : 0);
}

/**
 * Parts of a `ratio` metric, a shift-share with midpoint weights. When one side's denominator
 * is empty (its value is 0), the other side's value is all the change, shared by its terms.
 */
function ratioParts(c: Compiled, x: Float64Array, y: Float64Array, o: number, out: Float64Array) {
  const k = c.def.scale;
  const s0 = side(c, x, o);
  const s1 = side(c, y, o);
  const n = c.num.length;
  for (let j = 0; j < c.den.length; j++) out[c.offset + n + j] = 0;
  if (s0.empty || s1.empty) {
    for (let i = 0; i < n; i++) {
      const v0 = s0.empty ? 0 : s0.a[i] / s0.B;
      const v1 = s1.empty ? 0 : s1.a[i] / s1.B;
      out[c.offset + i] = k * (v1 - v0);
    }
    return;
  }
  const w = 0.5 * (1 / s0.B + 1 / s1.B);
  const abar = 0.5 * (s0.A + s1.A);
  for (let i = 0; i < n; i++) out[c.offset + i] = k * (s1.a[i] - s0.a[i]) * w;
  for (let j = 0; j < c.den.length; j++) {
    out[c.offset + n + j] = (-k * abar * (s1.b[j] - s0.b[j])) / (s0.B * s1.B);
  }
}

/**
 * The logarithmic mean of v0 and v0·e^d: (v1 − v0) / d, v0 when d = 0. Part i of a change
 * whose logs move by dᵢ (Σ dᵢ = d) is L·dᵢ, and the parts sum to v1 − v0 exactly.
 */
function logMean(v0: number, d: number): number {
  return d === 0 ? v0 : (v0 * Math.expm1(d)) / d;
}

/** Parts of a `hazards` metric: each hazard's share of the change in log survival. */
function hazardParts(c: Compiled, x: Float64Array, y: Float64Array, o: number, out: Float64Array) {
  const h0 = hazardsOf(c, x, o);
  const h1 = hazardsOf(c, y, o);
  const dh = h1.map((h, i) => h - h0[i]);
  const H0 = h0.reduce((a, b) => a + b, 0);
  const L = logMean(Math.exp(-H0), -dh.reduce((a, b) => a + b, 0));
  dh.forEach((d, i) => (out[c.offset + i] = -L * d));
}

/**
 * Parts of a `factors` metric: each factor's share of the change in the log of the expected
 * count, then chance (the count's change less the expected's). With a level not positive on
 * either side (no log), the expected's change is all the first part's.
 */
function factorParts(c: Compiled, x: Float64Array, y: Float64Array, o: number, out: Float64Array) {
  const a = levelsOf(c, x, o);
  const b = levelsOf(c, y, o);
  const n = c.num.length - 1;
  out[c.offset + n] = b[n] - b[n - 1] - (a[n] - a[n - 1]);
  for (let j = 0; j < n; j++) out[c.offset + j] = 0;
  if (!a.slice(0, n).every((v) => v > 0) || !b.slice(0, n).every((v) => v > 0)) {
    out[c.offset] = b[n - 1] - a[n - 1];
    return;
  }
  const d = a
    .slice(0, n)
    .map((v, j) => Math.log(b[j] / v) - (j > 0 ? Math.log(b[j - 1] / a[j - 1]) : 0));
  const L = logMean(
    a[n - 1],
    d.reduce((s, v) => s + v, 0),
  );
  d.forEach((v, j) => (out[c.offset + j] = L * v));
}

const PARTS = {
  shares: sharesParts,
  ratio: ratioParts,
  hazards: hazardParts,
  factors: factorParts,
};

/** Every metric's parts of the change from `x` to `y` (period sums at offset o), into out. */
export function pairParts(x: Float64Array, y: Float64Array, o: number, out: Float64Array): void {
  for (const c of COMPILED) PARTS[c.def.kind](c, x, y, o, out);
}

/** Every measured node's change from `x` to `y` (period sums at offset o), into out. */
export function pairNodes(x: Float64Array, y: Float64Array, o: number, out: Float64Array): void {
  NODES.forEach((n, i) => {
    const at = (s: Float64Array) => {
      const b = value(n.den, s, o);
      return b > 0 ? (n.k * value(n.num, s, o)) / b : 0;
    };
    out[i] = at(y) - at(x);
  });
}

/** The metric's value over a period of a replication's sums (for tests and checks). */
export function sumsValue(metric: WhyDef['metric'], sums: Float64Array, period: WhyPeriod) {
  const c = COMPILED.find((x) => x.def.metric === metric);
  if (!c) throw new Error(`no decomposition for ${metric}`);
  return whyValue(c, sums, WHY_PERIODS.indexOf(period) * SUM_LENGTH);
}

/** A linear term's value over a period of a replication's sums. */
export function linearValue(term: Linear, sums: Float64Array, period: WhyPeriod): number {
  return value(resolve(term), sums, WHY_PERIODS.indexOf(period) * SUM_LENGTH);
}

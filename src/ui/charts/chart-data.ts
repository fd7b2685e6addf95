/**
 * Pure helpers for the chart components: axis domains, ticks and titles, the numbers the
 * charts print, and the share of drivers below a wage floor. The week points and bins they
 * draw come from shared/series.ts. No DOM, no Lit, no d3, so they are tested in Node.
 */
import type { MetricDef } from '../../model/metrics';
import { numberFormat } from '../shared/format';
import type { EarningsBin, WeekPoint } from '../shared/series';

/**
 * A domain for a value axis: the finite values' extent padded by 5% on each side, never
 * crossing zero when every value is on one side of it, and widened when all values are equal.
 * Undefined when no value is finite (the chart then says why instead of drawing).
 */
export function paddedExtent(values: Iterable<number>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return undefined;
  if (lo === hi) {
    if (lo === 0) return [0, 1];
    const d = Math.abs(lo) * 0.1;
    lo -= d;
    hi += d;
  } else {
    const pad = (hi - lo) * 0.05;
    const l = lo - pad;
    const h = hi + pad;
    lo = lo >= 0 && l < 0 ? 0 : l;
    hi = hi <= 0 && h > 0 ? 0 : h;
  }
  return [lo, hi];
}

/** Every number a chart of week points spans: means and interval ends. */
export function pointValues(...series: readonly (readonly WeekPoint[])[]): number[] {
  const out: number[] = [];
  for (const s of series) for (const p of s) out.push(p.mean, p.low, p.high);
  return out;
}

/** The unit as an axis shows it: percent for shares. */
export function axisUnit(metric: MetricDef): string {
  if (metric.percent) return metric.unit === 'share/week' ? '% per week' : '%';
  return metric.unit;
}

/** Axis title of a metric: "On-time rate (%)". */
export function axisTitle(metric: MetricDef): string {
  return `${metric.label} (${axisUnit(metric)})`;
}

const grouped = (digits: number) => numberFormat(digits, digits);

/**
 * A metric value as a number people read: percent for shares (one digit fewer than the
 * table's, as in the metric list), the table's digits otherwise, grouped; "–" when the value is
 * not a number. No unit beyond the percent sign.
 */
export function formatNumber(metric: MetricDef, value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (metric.percent) {
    return `${grouped(Math.max(0, metric.digits - 2)).format(value * 100)}%`;
  }
  return grouped(metric.digits).format(value);
}

/** A metric value with its unit: "96.54%", "17.30 $/h"; "–" when not a number. */
export function formatValue(metric: MetricDef, value: number): string {
  const text = formatNumber(metric, value);
  if (!Number.isFinite(value) || metric.percent) return text;
  return `${text} ${metric.unit}`;
}

/**
 * A difference scenario − baseline with its sign: percentage points for shares (always
 * marked "pp"), the unit otherwise unless `withUnit` is false; "–" when not a number. A
 * difference that rounds to zero prints without a sign.
 */
export function formatDifference(metric: MetricDef, value: number, withUnit = true): string {
  if (!Number.isFinite(value)) return '–';
  const scaled = metric.percent ? value * 100 : value;
  const digits = metric.percent ? Math.max(0, metric.digits - 2) : metric.digits;
  const text = grouped(digits).format(Math.abs(scaled));
  const zero = Number(text.replace(/,/g, '')) === 0;
  const sign = zero ? '' : scaled > 0 ? '+' : '−';
  if (metric.percent) return `${sign}${text} pp`;
  return withUnit ? `${sign}${text} ${metric.unit}` : `${sign}${text}`;
}

/** "mean (95% low to high)", or "–" with the reason when the mean is not a number. */
export function formatWithInterval(
  format: (v: number) => string,
  p: Pick<WeekPoint, 'mean' | 'low' | 'high'>,
): string {
  if (!Number.isFinite(p.mean)) return '– (no value this week)';
  if (!Number.isFinite(p.low) || !Number.isFinite(p.high)) return format(p.mean);
  return `${format(p.mean)} (95% ${format(p.low)} to ${format(p.high)})`;
}

/** A count of drivers: whole numbers below 100 get one decimal (means of replications). */
export function formatDrivers(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return grouped(Math.abs(value) < 100 ? 1 : 0).format(value);
}

/** A share of drivers as a percentage with one decimal. */
export function formatShare(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${grouped(1).format(value * 100)}%`;
}

/** A $/h amount without needless decimals: "$15", "$15.50". */
export function formatDollars(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return Number.isInteger(value) ? `$${value}` : `$${value.toFixed(2)}`;
}

/** The label of an earnings bin; the first and last bins are open-ended (the engine clamps). */
export function binLabel(bin: EarningsBin, index: number, count: number): string {
  if (index === 0) return `under ${formatDollars(bin.x1)}/h`;
  if (index === count - 1) return `${formatDollars(bin.x0)}/h and more`;
  return `${formatDollars(bin.x0)}–${formatDollars(bin.x1)}/h`;
}

/** Whole-number ticks only (weeks), for an axis whose ticks the scale proposes. */
export function integerTicks(ticks: readonly number[]): number[] {
  return ticks.filter((t) => Number.isInteger(t));
}

/** The week nearest to a fractional position on the week axis, clamped to 1..weeks. */
export function nearestWeek(position: number, weeks: number): number {
  if (!Number.isFinite(position)) return 1;
  return Math.min(Math.max(1, Math.round(position)), Math.max(1, weeks));
}

/**
 * Share of drivers whose realised net hourly is under `floor`, from a histogram: whole bins
 * below it plus the covered part of the bin it falls in (drivers spread evenly in a bin).
 * NaN when no bin has a finite share.
 */
export function shareBelow(
  bins: readonly EarningsBin[],
  floor: number,
  key: 'baseline' | 'scenario',
): number {
  let total = 0;
  let any = false;
  for (const bin of bins) {
    const v = bin[key];
    if (!Number.isFinite(v)) continue;
    any = true;
    if (bin.x1 <= floor) total += v;
    else if (bin.x0 < floor) total += (v * (floor - bin.x0)) / (bin.x1 - bin.x0);
  }
  return any ? total : Number.NaN;
}

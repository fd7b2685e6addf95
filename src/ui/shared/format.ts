/**
 * How metric values read on screen: percentages for shares, the metric table's digits,
 * thousands grouped, a true minus sign, and "–" where there is no number to show.
 */
import type { MetricDef } from '../../model/metrics';

/** Shown in place of a number that is missing or not finite. */
export const NO_VALUE = '–';

const MINUS = '\u2212';

/** Fraction digits shown for a metric (percentages lose the two digits the ×100 takes). */
export function displayDigits(metric: MetricDef): number {
  return metric.percent === true ? Math.max(0, metric.digits - 2) : metric.digits;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * An en-US number format with these fraction digits, made once and kept: building an
 * Intl.NumberFormat costs far more than using one, and a redraw of the metric tree formats
 * hundreds of numbers (measured: a third of the main thread's time during a run).
 */
export function numberFormat(
  minDigits: number,
  maxDigits: number,
  signed = false,
): Intl.NumberFormat {
  const key = `${minDigits}:${maxDigits}:${signed ? 1 : 0}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formats.set(key, format);
  }
  return format;
}

function formatter(digits: number, signed: boolean): Intl.NumberFormat {
  return numberFormat(digits, digits, signed);
}

/** The value, or 0 when it rounds to zero at these digits (never "-0.0"). */
function unsignedZero(value: number, digits: number): number {
  return Number(value.toFixed(digits)) === 0 ? 0 : value;
}

function number(metric: MetricDef, value: number, signed: boolean, extraDigits = 0): string {
  const digits = displayDigits(metric) + extraDigits;
  const scaled = unsignedZero(metric.percent === true ? value * 100 : value, digits);
  return formatter(digits, signed).format(scaled).replace('-', MINUS);
}

/** A metric's value as people read it: percent for shares, the table's digits, grouped. */
export function formatMetric(metric: MetricDef, value: number): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  const text = number(metric, value, false);
  return metric.percent === true ? `${text}%` : text;
}

/** A change in a metric, signed, shares in percentage points: "+1.2 pp", "−310"; "–" if missing. */
export function formatChange(metric: MetricDef, delta: number): string {
  if (!Number.isFinite(delta)) return NO_VALUE;
  return `${number(metric, delta, true)}${metric.percent === true ? ' pp' : ''}`;
}

/**
 * The digits an interval's ends get beyond the metric's: an interval clear of zero never
 * reads as touching it, so the end nearest zero gets up to three more digits until it shows
 * (its verdict is "better" or "worse", not "no change"). 0 for an interval across zero.
 */
export function intervalExtraDigits(metric: MetricDef, low: number, high: number): number {
  let extra = 0;
  if (low > 0 || high < 0) {
    const scale = metric.percent === true ? 100 : 1;
    const near = Math.min(Math.abs(low), Math.abs(high)) * scale;
    while (extra < 3 && Number(near.toFixed(displayDigits(metric) + extra)) === 0) extra++;
  }
  return extra;
}

/**
 * A metric's value as a number rounded as the screen shows it: shares in percent (0.9642 is
 * 96.4 at one digit), the table's digits (plus `extraDigits`), never −0. NaN stays NaN.
 */
export function shownNumber(metric: MetricDef, value: number, extraDigits = 0): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const digits = displayDigits(metric) + extraDigits;
  const scaled = metric.percent === true ? value * 100 : value;
  // Through the screen's own format, so a tie rounds as the screen rounds it.
  const rounded = Number(formatter(digits, false).format(scaled).replace(/,/g, ''));
  return rounded === 0 ? 0 : rounded;
}

/** A change's 95% interval, signed: "[+0.8, +1.6]"; empty when either end is missing. */
export function formatInterval(metric: MetricDef, low: number, high: number): string {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return '';
  const extra = intervalExtraDigits(metric, low, high);
  return `[${number(metric, low, true, extra)}, ${number(metric, high, true, extra)}]`;
}

/**
 * A change in a metric with its 95% interval, signed: "+1.2 pp [+0.8, +1.6]" for shares (in
 * percentage points), "−310 [−420, −200]" otherwise. A missing delta is "–"; a missing
 * interval is left out.
 */
export function formatDelta(metric: MetricDef, delta: number, low: number, high: number): string {
  if (!Number.isFinite(delta)) return NO_VALUE;
  const interval = formatInterval(metric, low, high);
  return interval ? `${formatChange(metric, delta)} ${interval}` : formatChange(metric, delta);
}

/**
 * A probability as a percentage: whole percents, one decimal above 99%, and never "100%" or
 * "0%" unless it is exactly that ("> 99.9%", "< 1%").
 */
export function formatChance(p: number): string {
  if (!Number.isFinite(p)) return NO_VALUE;
  if (p >= 1) return '100%';
  if (p <= 0) return '0%';
  if (p > 0.999) return '> 99.9%';
  if (p > 0.99) return `${(p * 100).toFixed(1)}%`;
  if (p < 0.01) return '< 1%';
  return `${(p * 100).toFixed(0)}%`;
}

/** The unit shown beside a metric's label: shares read as "%" (per week where they are). */
export function unitLabel(metric: MetricDef): string {
  if (metric.percent === true) return metric.unit.replace(/^share/, '%');
  return metric.unit;
}

/**
 * A guardrail threshold as people say it: "3%", "10.5%", "$2.50/package", "0.25 h/week"
 * (no padding zeros beyond what money needs).
 */
export function formatThreshold(metric: MetricDef, threshold: number): string {
  if (!Number.isFinite(threshold)) return NO_VALUE;
  const percent = metric.percent === true;
  const money = metric.unit.startsWith('$');
  const text = numberFormat(money ? 2 : 0, Math.max(displayDigits(metric), money ? 2 : 0))
    .format(percent ? threshold * 100 : threshold)
    .replace('-', MINUS);
  if (percent) return `${text}%`;
  if (money) return `$${text}${metric.unit.slice(1)}`;
  return `${text} ${metric.unit}`;
}

/** The number a threshold editor shows for a threshold: percent for shares, plain otherwise. */
export function thresholdInputText(metric: MetricDef, threshold: number): string {
  if (!Number.isFinite(threshold)) return '';
  const scaled = metric.percent === true ? threshold * 100 : threshold;
  return String(Number(scaled.toPrecision(12)));
}

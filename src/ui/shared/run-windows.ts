/**
 * The periods of a run as weeks and in words: the short run (weeks 1–4), the long run (the
 * last 8 weeks outside the calendar peaks and the week after each) and the peak (the calendar
 * peak weeks in the run), as the results' period flags give them (src/model/periods.ts).
 * Pure: no DOM.
 */
import { runPeriods } from '../../model/periods';
import {
  PERIOD_FLAG,
  calendarWeekOf,
  periodWeeks,
  type Period,
  type ScenarioSummary,
} from '../../model/results';
import type { Scenario } from '../../model/scenario';

/** A run of consecutive weeks, both ends included, 1-based. */
export interface WeekWindow {
  from: number;
  to: number;
}

/** What the period words need: the horizon, the start week and each week's period flags. */
export type PeriodSource = Pick<ScenarioSummary, 'weeks' | 'startWeek' | 'periods'>;

/** A scenario's periods before it has results (the same flags the engine will return). */
export function scenarioPeriods(s: Scenario): PeriodSource {
  const startWeek = s.params.startWeek;
  return { weeks: s.weeks, startWeek, periods: runPeriods(startWeek, s.weeks) };
}

/** The period labels, as the tables' column heads read. */
export const PERIOD_LABEL: Readonly<Record<Period, string>> = {
  shortRun: 'Short run',
  longRun: 'Long run',
  peak: 'Peak',
};

/** What a period with no week means, in a few words for a table cell. */
export const NO_WEEKS: Readonly<Record<Period, string>> = {
  shortRun: 'no week in this run',
  longRun: 'no week outside the peaks in this run',
  peak: 'no peak week in this run',
};

/** The consecutive stretches of weeks carrying `flag` ('afterPeak' too). */
export function periodSpans(s: PeriodSource, period: Period | 'afterPeak'): WeekWindow[] {
  const spans: WeekWindow[] = [];
  for (const w of periodWeeks(s.periods, period)) {
    const last = spans[spans.length - 1];
    if (last && last.to === w - 1) last.to = w;
    else spans.push({ from: w, to: w });
  }
  return spans;
}

/** Whether the run has any week in a period. */
export function hasWeeks(s: PeriodSource, period: Period): boolean {
  const bit = PERIOD_FLAG[period];
  return s.periods.some((f) => (f & bit) !== 0);
}

/** Stretches of weeks in words: "week 3", "weeks 1–4", "weeks 16–18, 22–26" ('' for none). */
export function spansText(spans: readonly WeekWindow[]): string {
  if (spans.length === 0) return '';
  const one = (w: WeekWindow) => (w.from === w.to ? `${w.from}` : `${w.from}–${w.to}`);
  const single = spans.length === 1 && spans[0].from === spans[0].to;
  return `${single ? 'week' : 'weeks'} ${spans.map(one).join(', ')}`;
}

/** A period's weeks in words, or what it means that it has none. */
export function periodText(s: PeriodSource, period: Period): string {
  return spansText(periodSpans(s, period)) || NO_WEEKS[period];
}

/** The calendar weeks of a period in words: "calendar weeks 28–29" ('' for none). */
export function calendarText(s: PeriodSource, period: Period): string {
  const cal = periodSpans(s, period).map((w) => ({
    from: calendarWeekOf(s.startWeek, w.from),
    to: calendarWeekOf(s.startWeek, w.to),
  }));
  const text = spansText(cal);
  return text ? `calendar ${text}` : '';
}

/** The name of the peak a calendar week falls in. */
export function peakName(calendarWeek: number): string {
  return calendarWeek < 40 ? 'Prime Day peak' : 'Holiday peak';
}

/** The three periods of a run in words, for headers and notes. */
export function runWindowText(s: PeriodSource): Record<Period, string> {
  return {
    shortRun: periodText(s, 'shortRun'),
    longRun: periodText(s, 'longRun'),
    peak: periodText(s, 'peak'),
  };
}

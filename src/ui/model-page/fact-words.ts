/**
 * The reality check in words: a measured figure and its 95% interval in the fact's format
 * (a share as a percentage, or in points when it is a change; money in dollars; a ratio with
 * "×"; days), a fact's target written plainly ("96–99%", "at most 0.5×", "above 0, beyond
 * noise"), the runs a fact makes on the current assumptions, each verdict's badge, the
 * summary of a check ("9 of 12 facts reproduced; 3 fail: …") and the notes on run settings
 * that weaken it. Pure, no DOM.
 */
import { PARAM_BY_ID } from '../../model/params';
import type { FactFormat, FactPlan, RealityFact } from '../../model/reality-facts';
import type { Measure, Measured, Target } from '../../model/reality-measure';
import { LONG_RUN_WEEKS, SHORT_RUN_WEEKS } from '../../model/results';
import type { Scenario } from '../../model/scenario';
import { NO_VALUE } from '../shared/format';
import { differingParams, withUnit } from '../shared/lever-values';
import type { FactState } from './fact-check';

/** A fact's verdict as the hook `data-verdict` carries it. */
export type ShownVerdict = 'pass' | 'fail' | 'cannot-run' | 'waiting' | 'running' | 'not-run';

export const VERDICT_WORDS: Readonly<Record<ShownVerdict, { icon: string; text: string }>> = {
  pass: { icon: '✓', text: 'PASS' },
  fail: { icon: '✗', text: 'FAIL' },
  'cannot-run': { icon: '–', text: 'Cannot run' },
  waiting: { icon: '…', text: 'Waiting' },
  running: { icon: '…', text: 'Running' },
  'not-run': { icon: '', text: 'Not run yet' },
};

const MINUS = '−';

/** Whether a measure reads a paired change, so a share is written in signed points. */
export function isChange(m: Measure): boolean {
  return m.kind === 'delta';
}

/** A number without binary noise and trailing zeros (0.96 * 100 → "96"). */
function plain(x: number): string {
  return String(Number(x.toPrecision(10)));
}

function signed(text: string, x: number, change: boolean): string {
  if (x < 0) return `${MINUS}${text}`;
  return change && x > 0 ? `+${text}` : text;
}

/** Decimals of a share or a change in points: two below one point, one above. */
function shareDigits(x: number, change: boolean): number {
  return change && Math.abs(x) < 0.01 ? 2 : 1;
}

/**
 * A measured figure in its format: "97.2%", "+0.42 points", "$18.40", "0.42×", "0.12 days".
 * `like`: the figure whose decimals to use (an interval's ends are written like its value).
 */
export function figureText(x: number, format: FactFormat, change = false, like = x): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  const a = Math.abs(x);
  switch (format) {
    case 'share': {
      const pct = (a * 100).toFixed(shareDigits(like, change));
      return change ? signed(`${pct} points`, x, true) : signed(`${pct}%`, x, false);
    }
    case 'money':
      return signed(`$${a.toFixed(2)}`, x, change);
    case 'ratio':
      return signed(`${a.toFixed(Math.abs(like) < 10 ? 2 : 1)}×`, x, change);
    case 'days':
      return signed(`${a.toFixed(2)} ${a === 1 ? 'day' : 'days'}`, x, change);
    case 'number':
      return signed(plain(Number(a.toPrecision(3))), x, change);
  }
}

/** A measured figure with its 95% interval when it has one. */
export function measuredText(m: Measured, format: FactFormat, change = false): string {
  const value = figureText(m.value, format, change);
  if (m.low === undefined || m.high === undefined) return value;
  if (!Number.isFinite(m.value) || !Number.isFinite(m.low) || !Number.isFinite(m.high)) {
    return value;
  }
  const low = figureText(m.low, format, change, m.value);
  const high = figureText(m.high, format, change, m.value);
  return `${value} (95% interval ${low} to ${high})`;
}

/** A target's bound, with the fewest digits that state it: "96%", "−0.5 points", "$1.50". */
function boundText(x: number, format: FactFormat, change: boolean, cents: boolean): string {
  const a = Math.abs(x);
  let text: string;
  if (format === 'share') {
    text = change
      ? `${plain(a * 100)} ${a * 100 === 1 ? 'point' : 'points'}`
      : `${plain(a * 100)}%`;
  } else if (format === 'money') text = cents ? `$${a.toFixed(2)}` : `$${plain(a)}`;
  else if (format === 'ratio') text = `${plain(a)}×`;
  else if (format === 'days') text = `${plain(a)} ${a === 1 ? 'day' : 'days'}`;
  else text = plain(a);
  if (x === 0) return '0';
  return signed(text, x, false);
}

/** The unit a bound ends with, dropped from the low end of a range: "96–99%". */
const SUFFIX = /(%| points?|×| days?)$/;

/** A target written plainly: "96–99%", "at least 85%", "at most 0.5×", "above 0, beyond noise". */
export function targetText(t: Target, format: FactFormat, change = false): string {
  const cents = [t.low, t.high].some((x) => x !== undefined && !Number.isInteger(x));
  const b = (x: number) => boundText(x, format, change, cents);
  let text: string;
  if (t.low !== undefined && t.high !== undefined) {
    const low = b(t.low);
    const high = b(t.high);
    const unit = SUFFIX.exec(low)?.[0];
    const bare = unit && SUFFIX.test(high) ? low.slice(0, -unit.length) : low;
    text = `${bare}${t.low < 0 ? ' to ' : '–'}${high}`;
  } else if (t.low !== undefined) {
    text = t.beyondNoise && t.low === 0 ? 'above 0' : `at least ${b(t.low)}`;
  } else if (t.high !== undefined) {
    text = t.beyondNoise && t.high === 0 ? 'below 0' : `at most ${b(t.high)}`;
  } else {
    text = 'any value';
  }
  return t.beyondNoise ? `${text}, beyond noise` : text;
}

/** A fact's target, in the fact's format. */
export function factTargetText(f: RealityFact): string {
  return targetText(f.target, f.format, isChange(f.measure));
}

/** A fact's measured figure, in the fact's format. */
export function factMeasuredText(f: RealityFact, m: Measured): string {
  return measuredText(m, f.format, isChange(f.measure));
}

/** A parameter's value to four significant digits (a scaled pay: 47.27, not 47.272727). */
function shown(v: number | boolean): number | boolean {
  return typeof v === 'number' ? Number(v.toPrecision(4)) : v;
}

/** The parameters `to` sets differently from `from`: "Pay per block hour: 22 $/h → 24.2 $/h". */
function moves(from: Scenario, to: Scenario): string[] {
  return differingParams(to.params, from.params).map((id) => {
    const def = PARAM_BY_ID.get(id as keyof Scenario['params']);
    const unit = def?.unit ?? '';
    const a = withUnit(shown(from.params[id as keyof Scenario['params']]), unit);
    const z = withUnit(shown(to.params[id as keyof Scenario['params']]), unit);
    return `${def?.label ?? id}: ${a} → ${z}`;
  });
}

/**
 * The runs a fact makes on the current assumptions, in a line: "26 weeks; change: Pay per
 * block hour: 22 $/h → 24.2 $/h", "10 weeks; both runs: First week of year: week 10 → week 44;
 * no change: the figure is read from your assumptions as they are".
 */
export function runText(plan: FactPlan, current: Scenario): string {
  const weeks = plan.baseline.weeks;
  const parts = [`${weeks} ${weeks === 1 ? 'week' : 'weeks'}`];
  const setup = moves(current, plan.baseline);
  if (setup.length > 0) parts.push(`both runs: ${setup.join('; ')}`);
  const change = moves(plan.baseline, plan.scenario);
  parts.push(
    change.length > 0
      ? `change: ${change.join('; ')}`
      : 'no change: the figure is read from these assumptions as they are',
  );
  return parts.join('; ');
}

/** Where a fact stands, as shown ("not-run" when the check has not reached it). */
export function verdictOf(st: FactState | undefined): ShownVerdict {
  if (!st) return 'not-run';
  if (st.status === 'done')
    return st.judged.verdict === 'unknown' ? 'cannot-run' : st.judged.verdict;
  return st.status;
}

function titles(facts: readonly RealityFact[]): string {
  return facts.map((f) => f.title).join(', ');
}

/**
 * A check's outcome in a line, fails named: "9 of 12 facts reproduced; 3 fail: December peak,
 * …; 1 cannot run: …; 2 not run yet". "" when no fact has an outcome yet.
 */
export function summaryText(
  facts: readonly RealityFact[],
  states: ReadonlyMap<string, FactState>,
): string {
  const by = (v: ShownVerdict) => facts.filter((f) => verdictOf(states.get(f.id)) === v);
  const pass = by('pass');
  const fail = by('fail');
  const cannot = by('cannot-run');
  const open = facts.length - pass.length - fail.length - cannot.length;
  if (open === facts.length) return '';
  const parts = [`${pass.length} of ${facts.length} facts reproduced`];
  if (fail.length > 0)
    parts.push(`${fail.length} ${fail.length === 1 ? 'fails' : 'fail'}: ${titles(fail)}`);
  if (cannot.length > 0) parts.push(`${cannot.length} cannot run: ${titles(cannot)}`);
  if (open > 0) parts.push(`${open} not run yet`);
  return parts.join('; ');
}

/** What a check on `s` runs, and what in its run settings weakens the verdicts. */
export function settingsNotes(s: Scenario, facts: readonly RealityFact[] = []): string[] {
  const own = facts
    .map((f) => [f.title, f.weeks ?? Math.max(s.weeks, f.minWeeks ?? 0)] as const)
    .filter(([, weeks]) => weeks !== s.weeks)
    .map(([title, weeks]) => `${title}: ${weeks} weeks`);
  const horizons = own.length > 0 ? ` Some set their own horizon (${own.join('; ')}).` : '';
  const notes = [
    `Each fact runs on your current assumptions (${s.weeks} weeks, ${s.replications} paired replications, seed ${s.seed}) with its own setting and change, shown on its card.${horizons} Facts that make the same runs are judged from one comparison.`,
  ];
  if (s.replications < 2) {
    notes.push(
      'With one replication there is no interval: a fact that must stand out from noise cannot pass, and the precision of pairing cannot be measured. Use at least 4.',
    );
  }
  if (s.weeks < SHORT_RUN_WEEKS + LONG_RUN_WEEKS) {
    notes.push(
      `With ${s.weeks} weeks the short run (weeks 1–${SHORT_RUN_WEEKS}) and the long run (last ${LONG_RUN_WEEKS} weeks) overlap, so long-run figures have little time to settle; ${SHORT_RUN_WEEKS + LONG_RUN_WEEKS} weeks or more separate them.`,
    );
  }
  return notes;
}

/**
 * Where a fact's source is read: a web address as a link; a path into the repository's docs
 * ("docs/MODEL.md#6-…", which the app does not serve) as text, "docs/MODEL.md, section 6".
 */
export function sourceWhere(url: string): { href?: string; text: string } {
  if (!url.startsWith('docs/')) return { href: url, text: url.replace(/^https:\/\//, '') };
  const [path = url, anchor = ''] = url.split('#');
  const section = /^(\d+)-/.exec(anchor)?.[1];
  return { text: section ? `${path}, section ${section}, in the gigsim repository` : path };
}

/**
 * Scoring a practice round, and the candidate's history of rounds.
 *
 * The truth for a metric over a run length follows the workspace's verdict (src/model/verdict.ts):
 * "up" or "down" when the paired delta (scenario − baseline) is better or worse, that is its
 * 95% interval excludes zero and the change is at least the metric's smallest change that
 * matters; "flat" for no meaningful change (the whole interval within ± that change); none,
 * not scored, when the run cannot tell ("can't tell yet") or has no estimate. A prediction is
 * up, down or flat per metric per run length; the score is the share of scored predictions that
 * match.
 *
 * The history lives in the browser's storage under a versioned key, per prompt: attempts,
 * best and last score. Reading never throws: a store that is not JSON or has the wrong shape
 * is reported and copied aside before it is replaced; single entries that do not read are
 * reported and moved, untouched, to the store's `unread` part. Functions take the storage (tests pass a fake).
 */
import { METRIC_BY_ID, METRIC_INDEX, type MetricDef, type MetricId } from './metrics';
import { deltaVerdict, minChangeOf, type MinChanges, type Verdict } from './verdict';
import type { Comparison, IntervalArrays } from './results';
import type { Parsed } from './scenario';

export type Direction = 'up' | 'down' | 'flat';
export type RunLength = 'short' | 'long';

export const DIRECTIONS: readonly Direction[] = ['up', 'down', 'flat'];
export const RUN_LENGTHS: readonly RunLength[] = ['short', 'long'];

export const RUN_LENGTH_TEXT: Readonly<Record<RunLength, string>> = {
  short: 'Short run (weeks 1–4)',
  long: 'Long run (last 8 weeks)',
};

/** The key of one prediction: "<metricId>:short" or "<metricId>:long". */
export type PredictionKey = `${MetricId}:${RunLength}`;

export function predictionKey(metric: MetricId, run: RunLength): PredictionKey {
  return `${metric}:${run}`;
}

/** The direction a verdict counts as: none for "can't tell yet" and for no estimate. */
export function directionOf(verdict: Verdict, delta: number): Direction | undefined {
  if (verdict === 'negligible') return 'flat';
  if (verdict === 'better' || verdict === 'worse') return delta > 0 ? 'up' : 'down';
  return undefined;
}

/**
 * Direction of a paired delta from its 95% interval against the smallest change that matters
 * (in the metric's units); undefined when the run cannot tell or there is no estimate.
 */
export function truthOf(
  metric: MetricDef,
  delta: number,
  low: number,
  high: number,
  minChange: number,
): Direction | undefined {
  return directionOf(deltaVerdict(metric, delta, low, high, minChange), delta);
}

/**
 * Direction of a paired delta from its 95% interval against zero alone (the statistical
 * reading: "did it move at all"); undefined when there is no estimate. The causal chains that
 * agree with a run (why-chains.ts) use it: a link holds when its node moved its way at all.
 */
export function movedOf(delta: number, low: number, high: number): Direction | undefined {
  if (!Number.isFinite(delta) || !Number.isFinite(low) || !Number.isFinite(high)) return undefined;
  const lo = Math.min(low, high);
  const hi = Math.max(low, high);
  if (lo <= 0 && hi >= 0) return 'flat';
  return lo > 0 ? 'up' : 'down';
}

export interface Truth {
  readonly metric: MetricId;
  readonly run: RunLength;
  readonly delta: number;
  readonly low: number;
  readonly high: number;
  /** The smallest change that matters, in the metric's units, and the verdict against it. */
  readonly minChange: number;
  readonly verdict: Verdict;
  /** Undefined when the run cannot tell (`uncertain`) or has no finite estimate. */
  readonly direction: Direction | undefined;
}

function windowOf(comparison: Comparison, run: RunLength): IntervalArrays {
  return run === 'short' ? comparison.delta.shortRun : comparison.delta.longRun;
}

/** The truths of the asked metrics, short run then long run for each metric. */
export function truthsOf(
  comparison: Comparison,
  metrics: readonly MetricId[],
  minChanges: MinChanges = {},
): Truth[] {
  const out: Truth[] = [];
  for (const metric of metrics) {
    const def = METRIC_BY_ID.get(metric) as MetricDef;
    for (const run of RUN_LENGTHS) {
      const w = windowOf(comparison, run);
      const m = METRIC_INDEX[metric];
      const delta = w.mean[m] ?? Number.NaN;
      const low = w.low[m] ?? Number.NaN;
      const high = w.high[m] ?? Number.NaN;
      const base = (run === 'short' ? comparison.baseline.shortRun : comparison.baseline.longRun)
        .mean[m];
      const minChange = minChangeOf(def, base ?? Number.NaN, minChanges);
      const verdict = deltaVerdict(def, delta, low, high, minChange);
      const direction = directionOf(verdict, delta);
      out.push({ metric, run, delta, low, high, minChange, verdict, direction });
    }
  }
  return out;
}

export type Predictions = Readonly<Partial<Record<PredictionKey, Direction>>>;

export interface ScoredRow {
  readonly truth: Truth;
  readonly predicted: Direction | undefined;
  readonly correct: boolean;
}

export interface RoundScore {
  readonly rows: readonly ScoredRow[];
  /** Predictions that match the truth. */
  readonly matches: number;
  /** Predictions asked for that have a truth to compare with. */
  readonly asked: number;
  /** matches / asked (0 when nothing could be scored). */
  readonly score: number;
}

/**
 * Scores predictions against truths. A missing prediction counts as wrong; a truth without an
 * estimate is not counted (it is shown, but nobody can be right or wrong about it).
 */
export function scoreRound(truths: readonly Truth[], predictions: Predictions): RoundScore {
  let matches = 0;
  let asked = 0;
  const rows = truths.map((truth) => {
    const predicted = predictions[predictionKey(truth.metric, truth.run)];
    const correct = truth.direction !== undefined && predicted === truth.direction;
    if (truth.direction !== undefined) asked++;
    if (correct) matches++;
    return { truth, predicted, correct };
  });
  return { rows, matches, asked, score: asked > 0 ? matches / asked : 0 };
}

// ---- history ----------------------------------------------------------------------------------

export const HISTORY_KEY = 'gigsim.practiceHistory.v1';
/** Where a history that could not be read is copied before a new one replaces it. */
export const HISTORY_ASIDE_KEY = `${HISTORY_KEY}.unreadable`;

export type HistoryStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface PromptRecord {
  readonly title: string;
  readonly attempts: number;
  /** Best score so far, 0–1. */
  readonly best: number;
  /** Latest score, 0–1. */
  readonly last: number;
}

export interface History {
  readonly records: Readonly<Record<string, PromptRecord>>;
  /**
   * Entries that could not be read, by prompt id, kept aside (stored under `unread`) and
   * written back as they were, so nothing is lost silently.
   */
  readonly kept: Readonly<Record<string, unknown>>;
  /** What could not be read, in words (empty when all was well). */
  readonly problems: readonly string[];
  /** Raw text of a store that was unreadable as a whole, copied aside on the next write. */
  readonly unreadable?: string;
}

export const EMPTY_HISTORY: History = { records: {}, kept: {}, problems: [] };

function isScore(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
}

function readRecord(raw: unknown): PromptRecord | string {
  if (typeof raw !== 'object' || raw === null) return 'it is not an object';
  const r = raw as Record<string, unknown>;
  if (typeof r.title !== 'string') return 'it has no title';
  if (typeof r.attempts !== 'number' || !Number.isInteger(r.attempts) || r.attempts < 1) {
    return 'its attempts are not a whole number of at least 1';
  }
  if (!isScore(r.best) || !isScore(r.last)) return 'its scores are not numbers from 0 to 1';
  return { title: r.title, attempts: r.attempts, best: r.best, last: r.last };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads the practice history; never throws. */
export function loadHistory(storage: HistoryStorage): History {
  let text: string | null;
  try {
    text = storage.getItem(HISTORY_KEY);
  } catch (error) {
    return { ...EMPTY_HISTORY, problems: [`scores cannot be kept here (${errorText(error)})`] };
  }
  if (text === null) return EMPTY_HISTORY;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const prompts =
    typeof data === 'object' && data !== null && (data as { version?: unknown }).version === 1
      ? (data as { prompts?: unknown }).prompts
      : undefined;
  if (typeof prompts !== 'object' || prompts === null || Array.isArray(prompts)) {
    return {
      ...EMPTY_HISTORY,
      problems: ['your past scores could not be read; they are kept aside and a new record starts'],
      unreadable: text,
    };
  }
  const records: Record<string, PromptRecord> = {};
  const unread = (data as { unread?: unknown }).unread;
  const kept: Record<string, unknown> =
    typeof unread === 'object' && unread !== null && !Array.isArray(unread)
      ? { ...(unread as Record<string, unknown>) }
      : {};
  const problems: string[] = [];
  for (const [id, raw] of Object.entries(prompts as Record<string, unknown>)) {
    const r = readRecord(raw);
    if (typeof r === 'string') {
      let key = id;
      for (let k = 2; key in kept; k++) key = `${id} (${k})`;
      kept[key] = raw;
      problems.push(`the score of "${id}" could not be read (${r}); it is kept aside`);
    } else {
      records[id] = r;
    }
  }
  return { records, kept, problems };
}

/** Adds a round's score to the history and writes it; the entries that did not read stay. */
export function recordAttempt(
  storage: HistoryStorage,
  history: History,
  promptId: string,
  title: string,
  score: number,
): Parsed<History> {
  if (!isScore(score)) return { ok: false, error: `a score must be from 0 to 1, got ${score}` };
  const before = history.records[promptId];
  const record: PromptRecord = before
    ? {
        title,
        attempts: before.attempts + 1,
        best: Math.max(before.best, score),
        last: score,
      }
    : { title, attempts: 1, best: score, last: score };
  const records = { ...history.records, [promptId]: record };
  const data: Record<string, unknown> = { version: 1, prompts: records };
  if (Object.keys(history.kept).length > 0) data.unread = history.kept;
  try {
    if (history.unreadable !== undefined) storage.setItem(HISTORY_ASIDE_KEY, history.unreadable);
    storage.setItem(HISTORY_KEY, JSON.stringify(data));
  } catch (error) {
    return { ok: false, error: `your score could not be kept (${errorText(error)})` };
  }
  return { ok: true, value: { records, kept: history.kept, problems: history.problems } };
}

export interface HistoryTotals {
  /** Rounds played over all prompts. */
  readonly attempts: number;
  /** Prompts played at least once. */
  readonly prompts: number;
  /** Mean of the best scores over the prompts played (0 when none). */
  readonly meanBest: number;
}

export function historyTotals(history: History): HistoryTotals {
  const rows = Object.values(history.records);
  const attempts = rows.reduce((s, r) => s + r.attempts, 0);
  const best = rows.reduce((s, r) => s + r.best, 0);
  return { attempts, prompts: rows.length, meanBest: rows.length > 0 ? best / rows.length : 0 };
}

/**
 * The reference solver (docs/PRACTICE.md): how a strong candidate narrows a drill down. It
 * holds every cause as a hypothesis with its signature (templates.ts), asks each time for the
 * slice that best splits the hypotheses still standing (the fewest expected survivors), reads
 * how the slice's measures moved and drops the hypotheses they contradict, until one stands or
 * the budget is spent. It never reads the drill's answer: only the history's slices.
 */
import { FEATURES, type Move, type SliceId } from './features';
import type { DrillHistory } from './history';
import { SLICES, querySlice, type Observation } from './slices';
import {
  TEMPLATES,
  expectation,
  type DrillTemplate,
  type FixId,
  type HeadlineId,
} from './templates';

/** Whether an observed move is what a signature expects. */
export function fits(expected: Move, seen: Move): boolean {
  return expected === seen || (expected === 'down' && seen === 'vanish');
}

/** Whether two expectations could both hold for one observation. */
function compatible(a: Move, b: Move): boolean {
  return fits(a, b) || fits(b, a);
}

export interface SolverStep {
  readonly slice: SliceId;
  /** The measures that moved, or held where some hypothesis expected a move. */
  readonly observed: readonly Observation[];
  /** The hypotheses this step dropped, and those left standing after it. */
  readonly ruledOut: readonly string[];
  readonly remaining: readonly string[];
}

export interface Solution {
  readonly steps: readonly SolverStep[];
  readonly cause: string;
  readonly fix: FixId;
}

/** Expectations of template t on the measures of one slice. */
function expectations(t: DrillTemplate, observed: readonly Observation[]): [Move, Move][] {
  const out: [Move, Move][] = [];
  for (const o of observed) {
    const e = expectation(t, o.feature.id);
    if (e) out.push([e, o.move]);
  }
  return out;
}

/** Whether hypothesis `other` survives the slices `ids` if `truth` is the cause. */
function survives(truth: DrillTemplate, other: DrillTemplate, ids: readonly SliceId[]): boolean {
  for (const f of FEATURES) {
    if (!ids.includes(f.slice)) continue;
    const mine = expectation(truth, f.id);
    const theirs = expectation(other, f.id);
    if (mine && theirs && !compatible(mine, theirs)) return false;
  }
  return true;
}

/** Queries planned ahead at most (beyond it, log2 of the hypotheses left stands for the rest). */
const PLAN_DEPTH = 3;

/**
 * Expected further queries to single the truth out of `set`, querying the best of `open` each
 * time, each hypothesis equally likely; a hypothesis still standing when the budget is spent
 * costs 2 queries' worth.
 */
function expected(
  set: readonly DrillTemplate[],
  open: readonly SliceId[],
  left: number,
  depth: number,
  memo: Map<string, number>,
): number {
  if (set.length <= 1) return 0;
  if (left === 0 || open.length === 0) return 2 * (set.length - 1);
  if (depth === 0) return Math.log2(set.length);
  const key = `${set.map((t) => t.id).join()}|${open.join()}|${left}|${depth}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let best = 2 * (set.length - 1);
  for (const a of open) best = Math.min(best, costOf(a, set, open, left, depth, memo));
  memo.set(key, best);
  return best;
}

/** Expected queries if slice `a` is asked next and the best ones after it. */
function costOf(
  a: SliceId,
  set: readonly DrillTemplate[],
  open: readonly SliceId[],
  left: number,
  depth: number,
  memo: Map<string, number>,
): number {
  const rest = open.filter((x) => x !== a);
  let total = 0;
  let splits = false;
  for (const truth of set) {
    const standing = set.filter((o) => survives(truth, o, [a]));
    if (standing.length < set.length) splits = true;
    total += expected(standing, rest, left - 1, depth - 1, memo);
  }
  return splits ? 1 + total / set.length : Infinity;
}

/**
 * The next slice to query: the first of the plan (PLAN_DEPTH queries ahead) that singles out
 * the cause in the fewest queries on average over the hypotheses still standing.
 */
function nextSlice(open: readonly SliceId[], remaining: readonly DrillTemplate[], left: number) {
  const memo = new Map<string, number>();
  let best = open[0];
  let bestCost = Infinity;
  for (const a of open) {
    const cost = costOf(a, remaining, open, left, PLAN_DEPTH, memo);
    if (cost < bestCost - 1e-9) {
      best = a;
      bestCost = cost;
    }
  }
  return best;
}

/** Misfits and fits of a hypothesis over everything observed so far. */
function tally(t: DrillTemplate, seen: readonly Observation[]): { miss: number; hit: number } {
  let miss = 0;
  let hit = 0;
  for (const [e, m] of expectations(t, seen)) {
    if (!fits(e, m)) miss++;
    else if (e !== 'flat') hit++;
  }
  return { miss, hit };
}

/** The hypotheses with the fewest misfits, best supported first. */
function standing(seen: readonly Observation[], all: readonly DrillTemplate[]): DrillTemplate[] {
  const scored = all.map((t) => ({ t, ...tally(t, seen) }));
  const least = Math.min(...scored.map((s) => s.miss));
  return scored
    .filter((s) => s.miss === least)
    .sort((a, b) => b.hit - a.hit)
    .map((s) => s.t);
}

/**
 * Narrows a drill's history down to one cause within `budget` queries, starting from the causes
 * that move the prompt's headline metric (the catalogue's `headline`: what a strong candidate
 * knows of each mechanism before looking at any data).
 */
export function solve(
  h: DrillHistory,
  budget: number,
  headline: HeadlineId,
  catalogue: readonly DrillTemplate[] = TEMPLATES,
): Solution {
  const seen: Observation[] = [];
  const steps: SolverStep[] = [];
  const asked = new Set<SliceId>();
  const suspects = catalogue.filter((t) => t.headline === headline);
  const templates = suspects.length > 0 ? suspects : catalogue;
  let remaining = [...templates];
  while (steps.length < budget && remaining.length > 1) {
    const open = SLICES.filter((s) => !asked.has(s.id)).map((s) => s.id);
    if (open.length === 0) break;
    const next = nextSlice(open, remaining, budget - steps.length);
    asked.add(next);
    const view = querySlice(h, next);
    seen.push(...view.rows);
    const left = standing(seen, templates);
    const ids = new Set(left.map((t) => t.id));
    steps.push({
      slice: next,
      observed: view.rows.filter(
        (o) => o.move !== 'flat' || remaining.some((t) => expectation(t, o.feature.id)),
      ),
      ruledOut: remaining.filter((t) => !ids.has(t.id)).map((t) => t.id),
      remaining: left.map((t) => t.id),
    });
    remaining = left;
  }
  const best = standing(seen, remaining)[0] ?? templates[0];
  return { steps, cause: best.id, fix: best.fixes[0] };
}

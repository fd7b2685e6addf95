/**
 * Chains through the causal graph (causal-graph.ts): every simple chain from a lever to a
 * metric, shortest first, and a chain in words. `explainChange` finds, for a changed lever and
 * a metric's observed direction, the chains that produce that direction ("pay down → fewer
 * claims → lower fill → more fallback → higher cost per package, despite less driver pay per
 * package"), leaving out those that contradict what the run measured.
 */
import {
  CAUSAL_EDGES,
  metricNode,
  nodeWords,
  paramNode,
  type CausalEdge,
  type NodeId,
  type Sign,
} from './causal-graph';
import type { MetricId } from './metrics';
import type { ParamId } from './params';
import type { Direction, RunLength } from './scoring';

export interface CausalPath {
  /** The edges from the lever to the metric, in order. */
  readonly edges: readonly CausalEdge[];
  /** Product of the edges' signs: +1 when the metric moves with the lever. */
  readonly sign: Sign;
  /** Whether any link acts only in the long run. */
  readonly long: boolean;
}

const OUT = new Map<NodeId, CausalEdge[]>();
for (const e of CAUSAL_EDGES) {
  const list = OUT.get(e.from);
  if (list) list.push(e);
  else OUT.set(e.from, [e]);
}

/** Longest chain searched. */
export const MAX_PATH_EDGES = 8;
/** Most paths returned by one search. */
const MAX_PATHS = 400;

/**
 * Every simple chain from one node to another, shortest first; in the short run, chains that
 * need entry or churn to act are left out.
 */
export function causalPaths(from: NodeId, to: NodeId, run: RunLength): CausalPath[] {
  const found: CausalPath[] = [];
  const trail: CausalEdge[] = [];
  const seen = new Set<NodeId>([from]);
  // Iterative deepening: all chains of one length before any longer one, so the cap on the
  // number of chains never drops a short one.
  const walk = (node: NodeId, length: number): void => {
    for (const e of OUT.get(node) ?? []) {
      if (found.length >= MAX_PATHS) return;
      if (run === 'short' && e.run === 'long') continue;
      if (seen.has(e.to)) continue;
      trail.push(e);
      if (trail.length === length) {
        if (e.to === to) {
          const sign = trail.reduce<number>((s, x) => s * x.sign, 1) as Sign;
          found.push({ edges: [...trail], sign, long: trail.some((x) => x.run === 'long') });
        }
      } else if (e.to !== to) {
        seen.add(e.to);
        walk(e.to, length);
        seen.delete(e.to);
      }
      trail.pop();
    }
  };
  for (let length = 1; length <= MAX_PATH_EDGES && found.length < MAX_PATHS; length++) {
    walk(from, length);
  }
  return found;
}

/** A chain in words, each node moving as the lever's move implies. */
export function pathText(path: CausalPath, leverDirection: Sign): string {
  const first = path.edges[0];
  if (!first) return '';
  const parts = [nodeWords(first.from, leverDirection)];
  let dir = leverDirection;
  for (const e of path.edges) {
    dir = (dir * e.sign) as Sign;
    parts.push(nodeWords(e.to, dir));
  }
  return parts.join(' → ');
}

export interface Explanation {
  /** The chains that produce the observed direction (or, for flat, both directions). */
  readonly paths: readonly CausalPath[];
  /** One sentence per chain, in words. */
  readonly lines: readonly string[];
  /** A sentence about the whole: offsetting chains, long-run chains in the short run. */
  readonly note: string;
}

const SHOWN_PATHS = 2;

/**
 * Whether a chain agrees with what was measured: every metric it passes through on the way
 * moved (beyond its interval) the way the chain says. A chain through a metric that stayed
 * flat or went the other way is not how this run's change came about.
 */
function agreesWith(
  path: CausalPath,
  leverDirection: Sign,
  measured: ReadonlyMap<MetricId, Direction>,
): boolean {
  let dir: number = leverDirection;
  for (const e of path.edges.slice(0, -1)) {
    dir *= e.sign;
    if (!e.to.startsWith('m.')) continue;
    const seen = measured.get(e.to.slice(2) as MetricId);
    if (seen !== undefined && seen !== (dir > 0 ? 'up' : 'down')) return false;
  }
  return true;
}

/** Said when only long-run chains explain a short-run move. */
const LONG_NOTE =
  'These chains act through entry and churn; they are already starting in the first weeks.';

/**
 * Why a metric moved as it did when a lever moved: the shortest chains whose signs give the
 * observed direction, with the strongest opposite chain as "despite". For a flat result, the
 * shortest chain each way (they offset) or the one chain too weak to show. Chains that pass
 * through a metric whose measured direction (`measured`, same run length) contradicts them
 * are left out. Undefined when the graph has no chain from the lever to the metric.
 */
export function explainChange(
  lever: ParamId,
  leverDirection: Sign,
  metric: MetricId,
  observed: Direction,
  run: RunLength,
  measured: ReadonlyMap<MetricId, Direction> = new Map(),
): Explanation | undefined {
  const to = metricNode(metric);
  const want: Sign | 0 = observed === 'up' ? 1 : observed === 'down' ? -1 : 0;
  const { paths, note } = agreeingPaths(paramNode(lever), to, leverDirection, want, run, measured);
  if (paths.length === 0) {
    if (!reaches(lever, metric)) return undefined;
    return {
      paths: [],
      lines: [],
      note: 'Every chain the graph draws from this lever to this metric passes through a metric that did not move its way in this run; the change comes from interactions the graph does not draw.',
    };
  }
  if (want === 0) return explainFlat(paths, leverDirection, to, note);
  return explainMove(paths, leverDirection, want, to, note);
}

/**
 * The chains from `from` to `to` that agree with the measured moves; in the short run, the
 * long-run ones (with a note saying so) when no short one gives the observed direction but a
 * long one does.
 */
function agreeingPaths(
  from: NodeId,
  to: NodeId,
  leverDirection: Sign,
  want: Sign | 0,
  run: RunLength,
  measured: ReadonlyMap<MetricId, Direction>,
): { paths: CausalPath[]; note: string } {
  const agreeing = (length: RunLength) =>
    causalPaths(from, to, length).filter((x) => agreesWith(x, leverDirection, measured));
  const explains = (list: readonly CausalPath[]) =>
    list.some((x) => want === 0 || x.sign * leverDirection === want);
  const paths = agreeing(run);
  if (run === 'short' && !explains(paths)) {
    const long = agreeing('long');
    if (explains(long)) return { paths: long, note: LONG_NOTE };
  }
  return { paths, note: '' };
}

/** A flat result: the shortest chain each way (they offset), or the one chain too weak to show. */
function explainFlat(
  paths: readonly CausalPath[],
  leverDirection: Sign,
  to: NodeId,
  note: string,
): Explanation {
  const ups = paths.filter((x) => x.sign * leverDirection > 0);
  const downs = paths.filter((x) => x.sign * leverDirection < 0);
  const chosen = [ups[0], downs[0]].filter((x): x is CausalPath => x !== undefined);
  const lines = chosen.map((x) => pathText(x, leverDirection));
  const flatNote =
    ups.length > 0 && downs.length > 0
      ? `Chains pull both ways (towards ${nodeWords(to, 1)} and towards ${nodeWords(to, -1)}) and offset within the interval.`
      : 'The chain exists, but its effect here is too small to tell from zero.';
  return { paths: chosen, lines, note: [flatNote, note].filter(Boolean).join(' ') };
}

/**
 * A move up or down: the shortest chains giving it, the first "despite" the direct
 * counter-effect when there is one.
 */
function explainMove(
  paths: readonly CausalPath[],
  leverDirection: Sign,
  want: Sign,
  to: NodeId,
  note: string,
): Explanation {
  const counter = counterEffect(paths, leverDirection, want);
  // Chains that pass through the counter-effect's node read badly beside it: shown last.
  const through = (x: CausalPath) =>
    counter && x.edges.some((e) => e.to === counter.node) ? 1 : 0;
  const matching = paths
    .filter((x) => x.sign * leverDirection === want)
    .sort((a, b) => through(a) - through(b) || a.edges.length - b.edges.length)
    .slice(0, SHOWN_PATHS);
  const first = matching[0];
  if (!first) {
    return {
      paths: [],
      lines: [],
      note: `The graph only has chains towards ${nodeWords(to, -want as Sign)}; the observed move comes from interactions it does not draw.`,
    };
  }
  const lines = matching.map((x) => pathText(x, leverDirection));
  if (counter && through(first) === 0) lines[0] = `${lines[0]}, despite ${counter.text}`;
  return { paths: matching, lines, note };
}

/**
 * The direct counter-effect, when there is one: a chain of one or two links pulling the
 * metric the other way ("less driver pay per package" when a pay cut raises the cost per
 * package).
 */
function counterEffect(
  paths: readonly CausalPath[],
  leverDirection: Sign,
  want: Sign,
): { node: NodeId; text: string } | undefined {
  for (const x of paths) {
    if (x.sign * leverDirection === want || x.edges.length > 2) continue;
    const via = x.edges[0];
    if (!via) continue;
    if (x.edges.length === 1) {
      return { node: via.to, text: `the direct effect (${pathText(x, leverDirection)})` };
    }
    return { node: via.to, text: nodeWords(via.to, (leverDirection * via.sign) as Sign) };
  }
  return undefined;
}

/** The direction a parameter moved: +1 up (or switched on), -1 down (or off), 0 unchanged. */
export function leverDirection(before: number | boolean, after: number | boolean): Sign | 0 {
  const a = Number(before);
  const b = Number(after);
  return b > a ? 1 : b < a ? -1 : 0;
}

/** Whether the graph links a parameter to a metric by any chain (long run included). */
export function reaches(lever: ParamId, metric: MetricId): boolean {
  return causalPaths(paramNode(lever), metricNode(metric), 'long').length > 0;
}

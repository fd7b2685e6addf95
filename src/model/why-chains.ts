/**
 * The causal chains that agree with a run: of every chain the causal graph (causal-graph.ts,
 * the graph behind Practice) draws from a changed lever to a metric, those whose every link
 * the run bears out. A chain agrees when the lever's move, carried through the links' signs,
 * gives the metric's measured direction, and every node on the way that the run measures (the
 * metrics, and the mechanisms the ledger measures: src/model/why-nodes.ts) moved that way
 * beyond its 95% interval. A node measured flat, or moving the other way, rules the chain
 * out; a mechanism the ledger does not measure is taken on trust and said so.
 */
import { causalPaths } from './causal';
import {
  causalNode,
  metricNode,
  nodeWords,
  paramNode,
  type NodeId,
  type Sign,
} from './causal-graph';
import { METRICS, METRIC_INDEX, type MetricId } from './metrics';
import type { ParamId } from './params';
import type { Comparison, Estimate } from './results';
import { movedOf, type RunLength } from './scoring';
import type { WhyPeriod } from './why';
import { WHY_NODES } from './why-nodes';

/** A lever the scenario moved, and which way. */
export interface LeverMove {
  readonly id: ParamId;
  readonly direction: Sign;
}

export interface ChainStep {
  readonly node: NodeId;
  /** The node's move in words ("fewer claims"). */
  readonly words: string;
  /** The run's measured change of the node, when the run measures it. */
  readonly measured?: Estimate;
}

export interface AgreeingChain {
  readonly lever: ParamId;
  readonly steps: readonly ChainStep[];
  /** How many of its mechanism nodes the run does not measure. */
  readonly unmeasured: number;
}

export interface ChainAnswer {
  readonly chains: readonly AgreeingChain[];
  /** Chains from the changed levers to the metric that the graph draws, agreeing or not. */
  readonly considered: number;
  /** A sentence on the whole: why none agrees, or what the chains take on trust. */
  readonly note: string;
}

/** What the run measured: each node's paired change with its interval, by node id. */
export type Measured = ReadonlyMap<NodeId, Estimate>;

/** Most chains listed. */
export const MAX_CHAINS = 6;

const direction = (e: Estimate | undefined) =>
  e === undefined ? undefined : movedOf(e.mean, e.low, e.high);

/** The chain's steps if every measured node on it moved its way, else undefined. */
function agreeing(
  lever: LeverMove,
  edges: ReturnType<typeof causalPaths>[number]['edges'],
  measured: Measured,
): ChainStep[] | undefined {
  let dir: number = lever.direction;
  const steps: ChainStep[] = [
    { node: paramNode(lever.id), words: nodeWords(paramNode(lever.id), lever.direction) },
  ];
  for (const e of edges) {
    dir *= e.sign;
    const m = measured.get(e.to);
    const seen = direction(m);
    if (seen !== undefined && seen !== (dir > 0 ? 'up' : 'down')) return undefined;
    steps.push({ node: e.to, words: nodeWords(e.to, dir as Sign), measured: m });
  }
  return steps;
}

/**
 * The chains from the moved levers to `metric` that agree with the run, shortest first (at
 * most MAX_CHAINS), with a note when none does or when the metric did not move.
 */
export function agreeingChains(
  levers: readonly LeverMove[],
  metric: MetricId,
  run: RunLength,
  measured: Measured,
): ChainAnswer {
  const to = metricNode(metric);
  const label = causalNode(to)?.down.replace(/^lower /, '') ?? metric;
  const seen = direction(measured.get(to));
  if (levers.length === 0) {
    return { chains: [], considered: 0, note: 'No lever differs from the baseline.' };
  }
  if (seen === undefined || seen === 'flat') {
    return {
      chains: [],
      considered: 0,
      note: `No chain to follow: ${label} did not move beyond its 95% interval.`,
    };
  }
  const found: AgreeingChain[] = [];
  let considered = 0;
  for (const lever of levers) {
    for (const path of causalPaths(paramNode(lever.id), to, run)) {
      considered++;
      const steps = agreeing(lever, path.edges, measured);
      if (!steps) continue;
      const unmeasured = steps.filter(
        (s, i) => i > 0 && s.measured === undefined && !s.node.startsWith('m.'),
      ).length;
      found.push({ lever: lever.id, steps, unmeasured });
    }
  }
  found.sort((a, b) => a.steps.length - b.steps.length || a.unmeasured - b.unmeasured);
  return { chains: found.slice(0, MAX_CHAINS), considered, note: noteOf(found, considered) };
}

function noteOf(found: readonly AgreeingChain[], considered: number): string {
  if (considered === 0) {
    return 'The causal graph draws no chain from the changed levers to this metric: the change comes from interactions it does not draw.';
  }
  if (found.length === 0) {
    return `None of the ${considered} chains the graph draws from the changed levers to this metric agrees with every measured link of this run: the change comes from interactions the graph does not draw.`;
  }
  const shown = Math.min(found.length, MAX_CHAINS);
  const more = found.length > shown ? ` (the ${shown} shortest shown)` : '';
  return `Chains agreeing with every measured link: ${found.length} of ${considered}${more}. A link without a number is a mechanism the run does not measure.`;
}

/** A chain as one line: "pay down → fewer claims (−83/week) → …". */
export function chainText(chain: AgreeingChain, format: (s: ChainStep) => string = (s) => s.words) {
  return chain.steps.map(format).join(' → ');
}

/**
 * What a comparison measured over a period: every metric's paired change and every measured
 * mechanism's (when the comparison carries its decomposition), by causal-graph node id.
 */
export function measuredMoves(c: Comparison, period: WhyPeriod): Map<NodeId, Estimate> {
  const out = new Map<NodeId, Estimate>();
  const d = c.delta[period];
  for (const m of METRICS) {
    const i = METRIC_INDEX[m.id];
    out.set(metricNode(m.id), { mean: d.mean[i], low: d.low[i], high: d.high[i] });
  }
  const nodes = c.why?.nodes[period];
  if (nodes) {
    WHY_NODES.forEach((n, i) => {
      out.set(n.node, { mean: nodes.mean[i], low: nodes.low[i], high: nodes.high[i] });
    });
  }
  return out;
}

/** The run length whose links a period's chains may use: the short run's exclude entry and churn. */
export function runOf(period: WhyPeriod): RunLength {
  return period === 'shortRun' ? 'short' : 'long';
}

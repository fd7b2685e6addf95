/**
 * Mechanism nodes of the causal graph (src/model/causal-graph.ts) that the engine's ledger
 * measures, so that a chain from a lever to a metric can be checked against a run link by link
 * (src/model/why-chains.ts), not only at the metric nodes. Each is k·num/den over a period, in
 * the terms of src/model/why.ts: per week (den "days", k 7), or per package, or per package of
 * route capacity.
 */
import type { Linear } from './why';

/** A measured node: k·num/den over a period, shown with `digits` fraction digits. */
export interface WhyNode {
  readonly node: string;
  readonly label: string;
  readonly unit: string;
  readonly num: Linear;
  readonly den: Linear;
  readonly scale: number;
  readonly digits: number;
}

const weekly = (node: string, label: string, num: Linear, digits = 0): WhyNode => ({
  node,
  label,
  unit: '/week',
  num,
  den: [['days', 1]],
  scale: 7,
  digits,
});

const DELIVERED: Linear = [
  ['onTime', 1],
  ['lateDelivered', 1],
  ['fallback', 1],
  ['agedOut', 1],
];

const WORKED_CAPACITY: Linear = [
  ['plannedCapacity', 1],
  ['unfilledCapacity', -1],
  ['noShowCapacity', -1],
];

export const WHY_NODES: readonly WhyNode[] = [
  weekly('claims', 'blocks claimed', [['blocksClaimed', 1]]),
  weekly('blockCount', 'blocks offered', [['blocksOffered', 1]]),
  weekly('noShows', 'no-shows', [['noShows', 1]]),
  weekly('routeCapacity', 'route capacity worked (packages)', WORKED_CAPACITY),
  weekly('surgePay', 'surge pay ($)', [['paySurge', 1]]),
  weekly('packages', 'packages due', [['demand', 1]]),
  weekly('willing', 'driver-days wanting a block', [['wantedDays', 1]]),
  weekly('applicants', 'applicants', [['applicants', 1]], 1),
  {
    node: 'routeLoad',
    label: 'route load (packages loaded per package of capacity)',
    unit: '',
    num: [
      ['attempted', 1],
      ['returned', 1],
    ],
    den: WORKED_CAPACITY,
    scale: 1,
    digits: 3,
  },
  {
    node: 'payPerPackage',
    label: 'driver pay per package ($)',
    unit: '',
    num: [
      ['payBase', 1],
      ['paySurge', 1],
      ['payTips', 1],
    ],
    den: DELIVERED,
    scale: 1,
    digits: 3,
  },
  {
    node: 'overheadPerPackage',
    label: 'station overhead per package ($)',
    unit: '',
    num: [['overheadCost', 1]],
    den: DELIVERED,
    scale: 1,
    digits: 3,
  },
];

export const WHY_NODE_INDEX: ReadonlyMap<string, number> = new Map(
  WHY_NODES.map((n, i) => [n.node, i]),
);

/**
 * The slices a candidate can query in a drill (docs/PRACTICE.md): each a view of the station's
 * history before the change and since, on one dimension (packages, the plan, block length,
 * offer wave, start slot, drivers looking, pay, sign-ups, exits by tenure, routes). Each query
 * costs one unit of the drill's budget.
 */
import { FEATURES, readMove, type FeatureDef, type Move, type SliceId } from './features';
import { windows, type DrillHistory } from './history';

export interface SliceDef {
  readonly id: SliceId;
  readonly title: string;
  /** The question a candidate asks with it. */
  readonly question: string;
}

export const SLICES: readonly SliceDef[] = [
  {
    id: 'packages',
    title: 'Where the packages went',
    question: 'Are packages missing a route, failing at the door, or coming back?',
  },
  {
    id: 'plan',
    title: 'The plan against the volume',
    question: 'Did volume change, or the plan made for it?',
  },
  {
    id: 'lengths',
    title: 'Blocks by length',
    question: 'Which blocks go unclaimed or no-showed, and how long are they?',
  },
  {
    id: 'waves',
    title: 'Claims by offer wave',
    question: 'When are blocks claimed: at the first offer, re-offered, surged?',
  },
  {
    id: 'slots',
    title: 'Station wait by start slot',
    question: 'How long do drivers wait at the station, and at which start times?',
  },
  {
    id: 'supply',
    title: 'Drivers looking for work',
    question: 'How many drivers want blocks, for how many hours, and do they find one?',
  },
  {
    id: 'pay',
    title: 'Pay and cost per hour',
    question: 'What does an hour pay the driver, cost them and cost the operator?',
  },
  {
    id: 'funnel',
    title: 'Sign-ups and activations',
    question: 'Are new drivers coming in and starting?',
  },
  {
    id: 'exits',
    title: 'Exits by tenure',
    question: 'Who is leaving, and are they quitting or deactivated?',
  },
  {
    id: 'routes',
    title: 'On the road',
    question: 'How full are the routes, and do they overrun, idle or fail?',
  },
];

export const SLICE_BY_ID = new Map(SLICES.map((s) => [s.id, s]));

/** One measure of a slice: its value before the change and since, and how it moved. */
export interface Observation {
  readonly feature: FeatureDef;
  readonly before: number;
  readonly after: number;
  readonly move: Move;
}

export interface SliceView {
  readonly slice: SliceDef;
  readonly rows: readonly Observation[];
}

/** Reads one measure of a history before the change and since. */
export function observe(h: DrillHistory, f: FeatureDef): Observation {
  const { before, after } = windows(h);
  const b = f.value(before, h.lengths.before);
  const a = f.value(after, h.lengths.after);
  return { feature: f, before: b, after: a, move: readMove(f, b, a) };
}

/** The view a query of slice `id` gives. */
export function querySlice(h: DrillHistory, id: SliceId): SliceView {
  const slice = SLICE_BY_ID.get(id);
  if (!slice) throw new Error(`no slice "${id}"`);
  return { slice, rows: FEATURES.filter((f) => f.slice === id).map((f) => observe(h, f)) };
}

/**
 * Presets: ready-made scenarios that each tell one story about a change a station could make
 * or a world it could find itself in. A preset is a set of parameter changes (and, where the
 * story needs another horizon, a number of weeks) applied on top of the current baseline, so
 * that "pay +10%" at a user's own station keeps that station's demand and pool.
 *
 * The values are stated against the table's defaults (pay $22/h, blocks 3.5 h, ...).
 */
import type { Params } from './params';
import { checkSetting, withParams, type Parsed, type Scenario } from './scenario';

export interface Preset {
  readonly id: string;
  readonly label: string;
  /** One or two sentences: what changes and what to look for. */
  readonly story: string;
  readonly changes: Partial<Params>;
  /** Horizon the story needs, when not the baseline's. */
  readonly weeks?: number;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'pay-up-10',
    label: 'Pay +10%',
    story:
      'Base pay rises from $22 to $24.20 an hour. Watch blocks fill faster and the pool grow, and what it costs per package.',
    changes: { payPerHour: 24.2 },
  },
  {
    id: 'pay-down-10',
    label: 'Pay −10%',
    story:
      'Base pay falls from $22 to $19.80 an hour. Cost per package drops at first; watch churn, fill rate and surge spend over the months.',
    changes: { payPerHour: 19.8 },
  },
  {
    id: 'longer-blocks',
    label: 'Longer blocks (5 h)',
    story:
      'Blocks centre on 5 hours instead of 3.5. Fewer blocks to fill, but each asks more of a driver’s week.',
    changes: { blockHours: 5 },
  },
  {
    id: 'shorter-blocks',
    label: 'Shorter blocks (2.5 h)',
    story:
      'Blocks centre on 2.5 hours. More drivers fit a block into their day; loading and overhead per package rise.',
    changes: { blockHours: 2.5 },
  },
  {
    id: 'no-surge',
    label: 'No surge',
    story:
      'Unfilled blocks no longer step up in pay before they start. Cheaper per block, but do late gaps still fill?',
    changes: { surgeEnabled: false },
  },
  {
    id: 'peak-season',
    label: 'Peak season',
    story:
      'The run starts in late October (week 43) for 10 weeks: a calm first month, then Black Friday to Christmas in the long run.',
    changes: { startWeek: 43 },
    weeks: 10,
  },
  {
    id: 'tight-labour-market',
    label: 'Tight labour market',
    story:
      'Outside work pays $20 an hour net instead of $17 and only 15 people apply a week. Same pay, fewer takers.',
    changes: { outsideWage: 20, applicantsPerWeek: 15 },
  },
  {
    id: 'more-buffer',
    label: 'More capacity buffer',
    story:
      'The station plans 15% more block hours than the forecast needs instead of 5%. Fewer late packages, more idle paid time.',
    changes: { capacityBuffer: 0.15 },
  },
  {
    id: 'release-week-ahead',
    label: 'Release a week ahead',
    story:
      'Blocks are offered 7 days before the service day instead of 2. Drivers can plan, but more claimed blocks turn into no-shows?',
    changes: { releaseLeadDays: 7 },
  },
  {
    id: 'reserved-for-reliable',
    label: 'Reserve most blocks',
    story:
      '70% of blocks go first to drivers in good standing instead of 30%. Reliability is rewarded; newcomers find less work.',
    changes: { reservedShare: 0.7 },
  },
];

export const PRESET_BY_ID: ReadonlyMap<string, Preset> = new Map(PRESETS.map((p) => [p.id, p]));

/** The preset's scenario: `base` with the preset's changes (and weeks), validated. */
export function applyPreset(base: Scenario, preset: Preset): Parsed<Scenario> {
  const r = withParams(base, preset.changes);
  if (!r.ok || preset.weeks === undefined) return r;
  const weeks = checkSetting('weeks', preset.weeks);
  if (!weeks.ok) return weeks;
  return { ok: true, value: { ...r.value, weeks: weeks.value } };
}

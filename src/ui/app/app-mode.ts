/**
 * The app's modes and how the URL carries them: the query's `mode` key (`?mode=explore`,
 * `?mode=practice`, `?mode=present`, `?mode=lab`, `?mode=calibrate`, `?mode=model`, `?mode=replay`;
 * absent for the workspace). The view itself stays in the hash
 * (view-state.ts), so a link keeps its scenario in every mode. Pure functions, no DOM.
 */
import { quoted } from '../../model/input-text';

export const APP_MODES = [
  'workspace',
  'explore',
  'practice',
  'present',
  'lab',
  'calibrate',
  'model',
  'replay',
] as const;
export type AppMode = (typeof APP_MODES)[number];

export const DEFAULT_MODE: AppMode = 'workspace';

/** Each mode's name in the navigation, and what it is for (its tooltip). */
export const MODE_INFO: Readonly<Record<AppMode, { label: string; purpose: string }>> = {
  workspace: {
    label: 'Workspace',
    purpose: 'Move levers and compare a scenario with the baseline',
  },
  explore: {
    label: 'Explore',
    purpose: 'Sweeps, trade-off frontiers, two-lever heatmaps, sensitivity and goal seek',
  },
  practice: { label: 'Practice', purpose: 'Metric questions, ship-or-not and root-cause drills' },
  present: { label: 'Present', purpose: 'Saved scenarios side by side, large, for meetings' },
  lab: { label: 'Lab', purpose: 'How a field test of the scenario would read, design by design' },
  calibrate: { label: 'Calibrate', purpose: 'Fit the model to your station’s weekly history' },
  model: { label: 'Model', purpose: 'How the model works, and whether it matches known facts' },
  replay: {
    label: 'Replay',
    purpose: 'Watch a day of the run, driver by driver, baseline beside scenario',
  },
};

const MODE_KEY = 'mode';

function isMode(value: string): value is AppMode {
  return (APP_MODES as readonly string[]).includes(value);
}

/**
 * The mode a URL query asks for (with or without its "?"). No `mode` key is the workspace; an
 * unknown one is the workspace too, with a message naming what was asked for.
 */
export function readMode(search: string): { mode: AppMode; error?: string } {
  const value = new URLSearchParams(search).get(MODE_KEY);
  if (value === null || value === '') return { mode: DEFAULT_MODE };
  if (isMode(value) && value !== DEFAULT_MODE) return { mode: value };
  if (value === DEFAULT_MODE) return { mode: DEFAULT_MODE };
  return {
    mode: DEFAULT_MODE,
    error: `the link asks for mode ${quoted(value)}, which does not exist (modes: ${APP_MODES.filter((m) => m !== DEFAULT_MODE).join(', ')}); showing the workspace`,
  };
}

/**
 * The query (with its "?", or "" when nothing is left) that shows `mode`, keeping any other
 * keys of `search` as they are.
 */
export function modeSearch(search: string, mode: AppMode): string {
  const params = new URLSearchParams(search);
  if (mode === DEFAULT_MODE) params.delete(MODE_KEY);
  else params.set(MODE_KEY, mode);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

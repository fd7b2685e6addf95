/**
 * The experiment lab's settings in the link, so a shared link opens the same lab:
 *
 *   ?mode=lab#payPerHour=25&lab.designs=driver,switchback&lab.share=0.3&lab.window=7
 *     &lab.washout=1&lab.weeks=6&lab.reps=100
 *
 * `lab.designs` (comma-separated designs), `lab.share` (treated share, 0.05 to 0.95),
 * `lab.window` (switchback window, days), `lab.washout` (days, shorter than the window),
 * `lab.weeks` (test length, 1 to 12 weeks), `lab.reps` (re-randomisations, 2 to 1000). Only
 * what differs from the lab's defaults is written. Like pins, a lab key that cannot be used
 * does not fail the link: it is dropped, with a message naming it and why, and everything
 * else is kept. Pure, no DOM.
 */
import { EXPERIMENT_DESIGNS, type ExperimentDesign } from '../../model/experiment';
import { quoted } from '../../model/input-text';
import { LAB_HORIZON_WEEKS } from '../../model/lab-stats';
import { LAB_DEFAULTS } from '../../run/lab';

/** What the lab's form sets (src/ui/lab/lab-mode.ts). */
export interface LabSettings {
  readonly designs: readonly ExperimentDesign[];
  readonly share: number;
  readonly windowDays: number;
  readonly washoutDays: number;
  readonly testWeeks: number;
  readonly rerandomisations: number;
  /** What the link's lab keys had that could not be used (the lab shows it; never written). */
  readonly dropped?: readonly string[];
}

/** The lab's defaults: driver split, block split and a 2-day switchback; 4 weeks; 200 runs. */
export const DEFAULT_LAB: LabSettings = LAB_DEFAULTS;

type NumberKey = Exclude<keyof LabSettings, 'designs' | 'dropped'>;

/** Each number's link key, range, and whether it is whole. */
export const LAB_NUMBERS: Record<
  NumberKey,
  { key: string; min: number; max: number; whole: boolean; label: string }
> = {
  share: { key: 'lab.share', min: 0.05, max: 0.95, whole: false, label: 'treated share' },
  windowDays: { key: 'lab.window', min: 1, max: 28, whole: true, label: 'switchback window' },
  washoutDays: { key: 'lab.washout', min: 0, max: 27, whole: true, label: 'washout' },
  testWeeks: {
    key: 'lab.weeks',
    min: 1,
    max: LAB_HORIZON_WEEKS,
    whole: true,
    label: 'test length',
  },
  rerandomisations: {
    key: 'lab.reps',
    min: 2,
    max: 1000,
    whole: true,
    label: 're-randomisations',
  },
};

const DESIGNS_KEY = 'lab.designs';

/** Whether a link key is the lab's (`lab.<anything>`). */
export function isLabKey(key: string): boolean {
  return key.startsWith('lab.');
}

function sameDesigns(a: readonly ExperimentDesign[], b: readonly ExperimentDesign[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Appends the lab's keys that differ from its defaults. */
export function writeLab(out: URLSearchParams, lab: LabSettings | undefined): void {
  if (!lab) return;
  if (!sameDesigns(lab.designs, DEFAULT_LAB.designs))
    out.append(DESIGNS_KEY, lab.designs.join(','));
  for (const [id, def] of Object.entries(LAB_NUMBERS) as [
    NumberKey,
    (typeof LAB_NUMBERS)[NumberKey],
  ][]) {
    if (lab[id] !== DEFAULT_LAB[id]) out.append(def.key, String(lab[id]));
  }
}

/** The designs of a `lab.designs` value, in the app's order, or why they cannot be used. */
function readDesigns(value: string): ExperimentDesign[] | string {
  const names = value.split(',').map((s) => s.trim());
  const bad = names.find((n) => !(EXPERIMENT_DESIGNS as readonly string[]).includes(n));
  if (bad !== undefined) {
    return `${quoted(bad)} is not a design (${EXPERIMENT_DESIGNS.join(', ')})`;
  }
  return EXPERIMENT_DESIGNS.filter((d) => names.includes(d));
}

/** A number of a lab key, or why it cannot be used. */
function readNumber(id: NumberKey, value: string): number | string {
  const def = LAB_NUMBERS[id];
  const v = value.trim() === '' ? NaN : Number(value);
  const kind = def.whole ? 'a whole number' : 'a number';
  if (!Number.isFinite(v) || v < def.min || v > def.max || (def.whole && !Number.isInteger(v))) {
    return `the ${def.label} must be ${kind} from ${def.min} to ${def.max}, got ${quoted(value)}`;
  }
  return v;
}

/**
 * The lab settings a link's lab keys describe (undefined when it has none), and a message per
 * key dropped: unknown, repeated, or with a value out of range.
 */
export function readLab(entries: readonly (readonly [string, string])[]): {
  lab: LabSettings | undefined;
  dropped: string[];
} {
  const lab: { -readonly [K in keyof LabSettings]: LabSettings[K] } = { ...DEFAULT_LAB };
  const dropped: string[] = [];
  const seen = new Set<string>();
  const byKey = new Map(Object.entries(LAB_NUMBERS).map(([id, d]) => [d.key, id as NumberKey]));
  for (const [key, value] of entries) {
    if (!isLabKey(key)) continue;
    const drop = (why: string) => dropped.push(`lab setting ${quoted(key)} was dropped: ${why}`);
    if (seen.has(key)) {
      drop('it appears more than once');
      continue;
    }
    seen.add(key);
    const id = byKey.get(key);
    const r = key === DESIGNS_KEY ? readDesigns(value) : id ? readNumber(id, value) : undefined;
    if (r === undefined) drop('the lab has no such setting');
    else if (typeof r === 'string') drop(r);
    else if (Array.isArray(r)) {
      if (r.length === 0) drop('it names no design');
      else lab.designs = r;
    } else if (id) lab[id] = r;
  }
  if (lab.washoutDays >= lab.windowDays) {
    dropped.push(
      `lab setting "lab.washout" was dropped: the washout (${lab.washoutDays} days) must be shorter than the ${lab.windowDays}-day window`,
    );
    lab.washoutDays = DEFAULT_LAB.washoutDays;
  }
  if (dropped.length > 0) lab.dropped = dropped;
  return { lab: seen.size > 0 ? lab : undefined, dropped };
}

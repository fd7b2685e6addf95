/**
 * The workspace's pins in the link, so a shared link shows the same pinned comparisons:
 *
 *   #payPerHour=20&pin1=Pin%20A&pin1.payPerHour=18&pin2=Cheaper&pin2.blockHours=5
 *
 * `pin<k>=<name>` names pin k (1 to MAX_PINS, in order), `pin<k>.<parameter id>` sets one of its
 * levers where it differs from the defaults. A pin runs on the scenario's settings (seed, weeks,
 * replications), so the link does not repeat them. Unlike the rest of the link, a pin that
 * cannot be used does not fail the link: it is dropped, with a message naming it and why, and
 * everything else is kept. Pure, no DOM.
 */
import { quoted } from '../../model/input-text';
import { PARAM_BY_ID } from '../../model/params';
import { changedParams, parseScenario, type Scenario } from '../../model/scenario';
import { MAX_PINS, PIN_NAME_MAX, type Pin } from '../shared/scenario-runs';

const PIN_KEY = /^pin(\d+)(?:\.(.*))?$/;

/** Whether a link key is a pin's (`pin<k>` or `pin<k>.<anything>`). */
export function isPinKey(key: string): boolean {
  return PIN_KEY.test(key);
}

/** Appends the pins' keys to a link, in order. */
export function writePins(out: URLSearchParams, pins: readonly Pin[]): void {
  pins.forEach((pin, i) => {
    out.append(`pin${i + 1}`, pin.name);
    for (const [id, value] of Object.entries(changedParams(pin.scenario.params))) {
      out.append(`pin${i + 1}.${id}`, String(value));
    }
  });
}

/** What the link's pin keys said, pin by pin, before they are checked. */
interface PinDraft {
  name?: string;
  readonly params: Record<string, unknown>;
  /** The first thing wrong with the keys themselves (a repeated key, an unknown lever). */
  problem?: string;
}

/** The pins a link's pin keys describe, on `on`'s settings, and a message per pin dropped. */
export function readPins(
  entries: readonly (readonly [string, string])[],
  on: Scenario,
  paramValue: (id: string, text: string) => unknown,
): { pins: Pin[]; dropped: string[] } {
  const drafts = new Map<number, PinDraft>();
  const seen = new Set<string>();
  for (const [key, value] of entries) {
    const m = PIN_KEY.exec(key);
    if (!m) continue;
    const k = Number(m[1]);
    const draft = drafts.get(k) ?? { params: {} };
    drafts.set(k, draft);
    if (seen.has(key)) draft.problem ??= `${quoted(key)} appears more than once`;
    seen.add(key);
    if (m[2] === undefined) draft.name = value;
    else if (!PARAM_BY_ID.has(m[2])) draft.problem ??= `unknown parameter ${quoted(m[2])}`;
    else draft.params[m[2]] = paramValue(m[2], value);
  }
  const pins: Pin[] = [];
  const dropped: string[] = [];
  for (const k of [...drafts.keys()].sort((a, b) => a - b)) {
    const r = pinOf(drafts.get(k) as PinDraft, k, on, pins);
    if (typeof r === 'string') dropped.push(`pin ${k} was dropped: ${r}`);
    else pins.push(r);
  }
  return { pins, dropped };
}

/** Pin k of the link, or why it cannot be used (after the pins already taken). */
function pinOf(draft: PinDraft, k: number, on: Scenario, taken: readonly Pin[]): Pin | string {
  if (draft.problem !== undefined) return draft.problem;
  const name = draft.name?.trim() ?? '';
  if (name === '') return `it has no name (pin${k}=<name>)`;
  if (name.length > PIN_NAME_MAX) return `its name is over ${PIN_NAME_MAX} characters`;
  if (k < 1 || k > MAX_PINS)
    return `at most ${MAX_PINS} scenarios can be pinned (pin1 to pin${MAX_PINS})`;
  if (taken.some((p) => p.name === name)) return `another pin is already called ${quoted(name)}`;
  const s = parseScenario({
    version: on.version,
    seed: on.seed,
    weeks: on.weeks,
    replications: on.replications,
    params: draft.params,
  });
  if (!s.ok) return s.error;
  return { name, scenario: s.value };
}

/**
 * The scenario bar's files, without the DOM: reading a scenario file the user imports (too
 * large, not JSON or not a valid scenario is answered with a message naming the file and the
 * reason), and the text of an exported scenario file. The app's file may carry the user's
 * guardrail thresholds under "thresholds" (by metric id, shares as fractions), written only
 * when some are set; the rest is the scenario's file form, with its fit if it has one (a fit
 * that cannot be used is dropped and named, and the rest imported).
 */
import { readThresholds, type Thresholds } from '../../model/guardrails';
import { excerpt, parseJson } from '../../model/input-text';
import { parseScenario, scenarioToJson, type Scenario } from '../../model/scenario';

/** Largest scenario file read (a scenario file is well under a kilobyte). */
export const MAX_FILE_BYTES = 256 * 1024;

/** The part of a `File` read here. */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

/** An imported file: the scenario it holds, or why it was not imported; and what to say. */
export type FileRead =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      /** The thresholds saved in the file, if it has any. */
      readonly thresholds?: Thresholds;
      readonly message: string;
    }
  | { readonly ok: false; readonly message: string };

/** Reads and checks a scenario file. */
export async function readScenarioFile(file: FileLike): Promise<FileRead> {
  const bad = (why: string): FileRead => ({
    ok: false,
    message: `“${excerpt(file.name)}” was not imported: ${why}.`,
  });
  if (file.size > MAX_FILE_BYTES) {
    return bad(`it is ${Math.round(file.size / 1024)} KB, larger than a scenario file can be`);
  }
  // Bounded in depth, repeated keys refused, the parser's message cut to an excerpt.
  const parsed = parseJson(await file.text());
  if (!parsed.ok) return bad(parsed.error);
  let data = parsed.value;
  let thresholds: Thresholds | undefined;
  if (typeof data === 'object' && data !== null && Object.hasOwn(data, 'thresholds')) {
    const { thresholds: t, ...rest } = data as Record<string, unknown>;
    thresholds = readThresholds(t);
    data = rest;
  }
  let r = parseScenario(data);
  let note = '';
  if (!r.ok && r.error.startsWith('"fit"') && typeof data === 'object' && data !== null) {
    // A fit that cannot be used is dropped and named; the rest of the file is kept.
    note = ` Its fit was dropped: ${r.error}.`;
    r = parseScenario({ ...(data as Record<string, unknown>), fit: undefined });
  }
  if (!r.ok) return bad(r.error);
  if (r.value.fit) {
    note = ` It carries a fit of ${r.value.fit.constants.length} constant(s): comparisons run over the baseline's fit, so make it the baseline to compare over its fit.`;
  }
  const message = `Imported “${excerpt(file.name)}”.${note}`;
  return thresholds
    ? { ok: true, scenario: r.value, thresholds, message }
    : { ok: true, scenario: r.value, message };
}

/**
 * The text of a scenario file: its file form as indented JSON, with the guardrail thresholds
 * set (if any), ending in a newline.
 */
export function scenarioFileText(s: Scenario, thresholds: Thresholds = {}): string {
  const kept = readThresholds(thresholds);
  const data =
    Object.keys(kept).length > 0 ? { ...scenarioToJson(s), thresholds: kept } : scenarioToJson(s);
  return `${JSON.stringify(data, null, 2)}\n`;
}

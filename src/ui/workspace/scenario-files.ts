/**
 * The scenario bar's files, without the DOM: reading a scenario file the user imports (too
 * large, not JSON or not a valid scenario is answered with a message naming the file and the
 * reason), and the text of an exported scenario file.
 */
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
  | { readonly ok: true; readonly scenario: Scenario; readonly message: string }
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
  const data = parseJson(await file.text());
  if (!data.ok) return bad(data.error);
  const r = parseScenario(data.value);
  if (!r.ok) return bad(r.error);
  return { ok: true, scenario: r.value, message: `Imported “${excerpt(file.name)}”.` };
}

/** The text of a scenario file: its file form as indented JSON, ending in a newline. */
export function scenarioFileText(s: Scenario): string {
  return `${JSON.stringify(scenarioToJson(s), null, 2)}\n`;
}

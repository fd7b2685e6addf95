/**
 * The fuzzing's properties, one per way in, shared by the unit tests (a few hundred cases in
 * `npm test`) and `npm run fuzz` (10,000). Each has a weight: its share of the cases.
 */
import fc from 'fast-check';
import { UsageError, parseArgs } from '../../src/cli/sim';
import { parseJson } from '../../src/model/input-text';
import { PARAM_BY_ID } from '../../src/model/params';
import { checkParam } from '../../src/model/scenario';
import { decodeView, encodeView } from '../../src/ui/app/view-state';
import { parseNumberText } from '../../src/ui/shared/lever-values';
import { loadSaved } from '../../src/ui/shared/saved-scenarios';
import { readScenarioFile } from '../../src/ui/workspace/scenario-files';
import {
  PARAM_DEFS,
  hostileText,
  jsonText,
  linkText,
  numberText,
  validValueText,
  setPair,
  sweepText,
} from './arbitraries';
import { lineProblem, outcomeProblem, runMain, writeScratch, type Outcome } from './harness';

export interface FuzzProperty {
  readonly name: string;
  /** Share of the cases (the weights sum to 1). */
  readonly weight: number;
  /** Cases in `npm test`, where the weight's share would be too slow (real runs). */
  readonly unitRuns?: number;
  readonly property: () => fc.IRawProperty<any>;
}

/** Fails a property with a message (fast-check reports it with the counterexample). */
function check(problem: string | undefined): void {
  if (problem !== undefined) throw new Error(problem);
}

/** Counts of the runner's outcomes over a fuzz run (printed by `npm run fuzz`). */
export const tally = { exit0: 0, exit2: 0, skipped: 0 };
function count(o: Outcome): Outcome {
  if (o.skipped) tally.skipped++;
  else if (o.code === 0) tally.exit0++;
  else if (o.code === 2) tally.exit2++;
  return o;
}

const fileContent = fc.oneof(
  { weight: 6, arbitrary: jsonText },
  { weight: 1, arbitrary: fc.constant('/dev/zero') },
  { weight: 1, arbitrary: fc.constant('/nonexistent/file.json') },
  { weight: 1, arbitrary: fc.constant('/tmp') },
);
/** A scenario file's path: a fresh file with generated content, or a special path. */
const filePath = fileContent.map((c) => (c.startsWith('/') ? c : writeScratch(c)));

const token: fc.Arbitrary<string[]> = fc.oneof(
  setPair.map(([id, v]) => ['--set', `${id}=${v}`]),
  setPair.map(([id, v]) => [`--set=${id}=${v}`]),
  fc.tuple(fc.constantFrom('--seed', '--reps', '--weeks', '--workers'), numberText),
  fc.constantFrom('json', 'csv').map((f) => ['--format', f]),
  hostileText.map((t) => ['--format', t]),
  sweepText.map((t) => ['--sweep', t]),
  fc
    .constantFrom('--verbose', '--force', '--help', '--help=1', '--nope', '-x', 'stray', '--set')
    .map((t) => [t]),
  hostileText.map((t) => [t]),
  fc.tuple(fc.constantFrom('--scenario', '--baseline'), filePath),
);

/** Small valid runs, each parameter anywhere in its range but the ones that size a run. */
const SIZED = new Set(['initialDrivers', 'demandPerDay', 'applicantsPerWeek', 'poolCap']);
const smallRun: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 2, max: 3 }),
    fc.integer({ min: 0, max: 4294967295 }),
    fc.uniqueArray(fc.constantFrom(...PARAM_DEFS.filter((d) => !SIZED.has(d.id))), {
      maxLength: 4,
      selector: (d) => d.id,
    }),
    fc.boolean(),
  )
  .chain(([weeks, reps, seed, defs, withBaseline]) =>
    fc
      .tuple(...defs.map((d) => validValueText(d).map((v) => ['--set', `${d.id}=${v}`])))
      .map((sets) => [
        // A small station (an eighth of the default), so that a case runs in a fraction of a
        // second; the other parameters anywhere in their ranges.
        '--set',
        'initialDrivers=100',
        '--set',
        'demandPerDay=1000',
        '--set',
        'applicantsPerWeek=2',
        '--weeks',
        String(weeks),
        '--reps',
        String(reps),
        '--seed',
        String(seed),
        ...sets.flat(),
        ...(withBaseline ? ['--baseline', writeScratch('{"params":{"payPerHour":18}}')] : []),
      ]),
  );

export const PROPERTIES: readonly FuzzProperty[] = [
  {
    name: 'runner: any flags exit 0 with a sound report or 2 with one printable line',
    weight: 0.3,
    property: () =>
      fc.asyncProperty(fc.array(token, { maxLength: 5 }), async (tokens) => {
        const argv = tokens.flat();
        const o = count(await runMain(argv));
        check(outcomeProblem(o, argv.includes('csv') ? 'csv' : 'json'));
      }),
  },
  {
    name: 'runner: small valid runs report finite metrics and shares in [0, 1]',
    weight: 0.03,
    unitRuns: 5,
    property: () =>
      fc.asyncProperty(smallRun, async (argv) => {
        const o = count(await runMain(argv));
        check(outcomeProblem(o));
        // In range, small, and no runaway: these must run (exit 2 only for a refused inflow).
        if (o.code === 2) check(/applicants|sign up/.test(o.stderr) ? undefined : o.stderr);
      }),
  },
  {
    name: 'runner: scenario files of any content',
    weight: 0.12,
    property: () =>
      fc.asyncProperty(filePath, fc.boolean(), async (path, asBaseline) => {
        const flag = asBaseline ? '--baseline' : '--scenario';
        const o = count(await runMain([flag, path, '--weeks', '1', '--reps', '2']));
        check(outcomeProblem(o));
      }),
  },
  {
    name: 'app: imported scenario files never throw and answer in one short line',
    weight: 0.1,
    property: () =>
      fc.asyncProperty(jsonText, hostileText, async (text, name) => {
        const r = await readScenarioFile({
          name,
          size: text.length,
          text: () => Promise.resolve(text),
        });
        check(lineProblem(r.message));
      }),
  },
  {
    name: 'app: a saved store of any content is read without throwing',
    weight: 0.1,
    property: () =>
      fc.property(jsonText, (text) => {
        const state = loadSaved({ getItem: () => text, setItem: () => undefined });
        if (state.problem !== undefined) check(lineProblem(state.problem));
        for (const s of state.setAside) check(lineProblem(s.error));
      }),
  },
  {
    name: 'app: links decode or say what is wrong in one short line, and round-trip',
    weight: 0.2,
    property: () =>
      fc.property(linkText, (hash) => {
        const r = decodeView(hash);
        if (!r.ok) return check(lineProblem(r.error));
        const again = decodeView(encodeView(r.value));
        check(
          again.ok && encodeView(again.value) === encodeView(r.value) ? undefined : 'no round trip',
        );
      }),
  },
  {
    name: 'one number syntax: the runner, the link and the lever fields agree',
    weight: 0.1,
    property: () =>
      fc.property(
        fc.constantFrom(...PARAM_DEFS.filter((d) => d.kind !== 'boolean')),
        fc.oneof(numberText, hostileText),
        (def, text) => {
          let runner: boolean;
          try {
            parseArgs(['--set', `${def.id}=${text}`]);
            runner = true;
          } catch (error) {
            if (!(error instanceof UsageError)) throw error;
            check(lineProblem(error.message, 600));
            runner = false;
          }
          const link = decodeView(`#${def.id}=${encodeLink(text)}`).ok;
          const typed = parseNumberText(text);
          const field = typed !== undefined && checkParam(def.id, typed).ok;
          check(
            runner === link && link === field
              ? undefined
              : `runner ${runner}, link ${link}, field ${field}`,
          );
        },
      ),
  },
  {
    name: 'one rule for repeats: a key or flag given twice is refused everywhere',
    weight: 0.05,
    property: () =>
      fc.property(setPair, setPair, ([id, a], [, b]) => {
        const def = PARAM_BY_ID.get(id);
        if (!def) return;
        const link = decodeView(`#${id}=${encodeLink(a)}&${id}=${encodeLink(b)}`);
        check(link.ok ? 'the link took a repeated key' : undefined);
        check(
          throwsUsage(['--set', `${id}=${a}`, '--set', `${id}=${b}`])
            ? undefined
            : 'the runner took a repeated --set',
        );
        check(
          parseJson(`{"params":{"${id}":1,"${id}":2}}`).ok
            ? 'a file took a repeated key'
            : undefined,
        );
      }),
  },
];

/** Percent-encoded, or as it is where it cannot be (a lone surrogate). */
function encodeLink(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

function throwsUsage(argv: string[]): boolean {
  try {
    parseArgs(argv);
    return false;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return true;
  }
}

/** The weights sum to 1 (so `npm run fuzz` runs the number of cases it says). */
export const TOTAL_WEIGHT = PROPERTIES.reduce((s, p) => s + p.weight, 0);

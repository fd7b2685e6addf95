/**
 * `npm run fuzz`: the fuzzing's properties (tests/fuzz/properties.ts) on 10,000 cases in all,
 * shared by weight. Prints, for each property, its cases and failures, the runner's outcomes,
 * and the seed to replay a failure with: `npm run fuzz -- --seed N [--cases M] [--only TEXT]`.
 * Exits 1 when a property failed.
 *
 * With `--browser [N]`, then the browser section: the Chromium fuzz of links, lever fields,
 * imported files and stored values (tests/e2e/fuzz-*.test.ts) on about N cases (400 unless
 * given) with the same seed, through Vitest's e2e project (which builds and serves the app).
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { PROPERTIES, tally } from './properties';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const cases = Number(flag('--cases') ?? 10_000);
const seed = Number(flag('--seed') ?? Date.now() % 2 ** 31);
const only = flag('--only');

async function fuzz(): Promise<number> {
  console.log(`gigsim fuzz: ${cases} cases, seed ${seed}`);
  let failed = 0;
  let ran = 0;
  for (const p of PROPERTIES) {
    if (only !== undefined && !p.name.includes(only)) continue;
    const numRuns = Math.max(1, Math.round(cases * p.weight));
    const t0 = performance.now();
    const r = await fc.check(p.property(), { numRuns, seed });
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    ran += r.numRuns;
    const head = `${r.failed ? 'FAIL' : 'ok  '} ${String(r.numRuns).padStart(5)} cases ${s.padStart(6)} s  ${p.name}`;
    console.log(head);
    if (r.failed) {
      failed++;
      console.log(`     counterexample: ${fc.stringify(r.counterexample).slice(0, 500)}`);
      console.log(`     error: ${String(r.errorInstance).slice(0, 500)}`);
      console.log(`     replay: npm run fuzz -- --seed ${r.seed} --only "${p.name.slice(0, 20)}"`);
    }
  }
  console.log(
    `gigsim fuzz: ${ran} cases, failures ${failed}; runner exits 0: ${tally.exit0}, ` +
      `exits 2: ${tally.exit2}, valid but too large to simulate here: ${tally.skipped}; seed ${seed}`,
  );
  return failed > 0 ? 1 : 0;
}

/** The browser section: its exit code (0 when every case passed). */
function browserFuzz(): number {
  const at = process.argv.indexOf('--browser');
  const given = Number(process.argv[at + 1]);
  const runs = Number.isInteger(given) && given > 0 ? given : 400;
  console.log(`gigsim fuzz, browser: about ${runs} cases in Chromium, seed ${seed}`);
  const r = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      'e2e',
      'tests/e2e/fuzz-links.test.ts',
      'tests/e2e/fuzz-inputs.test.ts',
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, GIGSIM_FUZZ_RUNS: String(runs), GIGSIM_FUZZ_SEED: String(seed) },
    },
  );
  const code = r.status ?? 1;
  console.log(
    `gigsim fuzz, browser: ${code === 0 ? 'failures 0' : 'FAILED'}; seed ${seed}` +
      (code === 0 ? '' : `; replay: npm run fuzz -- --seed ${seed} --cases 0 --browser ${runs}`),
  );
  return code;
}

fuzz().then(
  (code) => {
    process.exitCode = process.argv.includes('--browser') ? Math.max(code, browserFuzz()) : code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

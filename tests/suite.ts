/**
 * `npm test`: the type check, the lint and format check, the unit tests and the browser tests,
 * in three lanes side by side so both cores of a small machine stay busy:
 *
 *   lane 1: tsc --noEmit → eslint → prettier --check → vitest (unit project)
 *   lanes 2 and 3: vitest (e2e project), half the browser test files each (browserLanes)
 *
 * Before, the four ran one after another, and Vitest runs its e2e project (one file at a time)
 * only after the unit project; the browser tests spend much of their time waiting on the page
 * (polls, typing pauses, a page's start-up), which left a core idle. Every step runs to its end
 * whatever another step does; each line of output keeps its step's name in front, and the
 * summary at the end lists each step's exit code and wall time. Exits 1 if any step failed.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';

interface Step {
  name: string;
  command: string;
  args: string[];
}

interface Outcome {
  name: string;
  code: number;
  seconds: number;
}

const BIN = 'node_modules/.bin/';

const LINT_LANE: Step[] = [
  { name: 'typecheck', command: `${BIN}tsc`, args: ['--noEmit'] },
  { name: 'eslint', command: `${BIN}eslint`, args: ['.', '--max-warnings', '0'] },
  { name: 'prettier', command: `${BIN}prettier`, args: ['--check', '.'] },
  { name: 'unit', command: `${BIN}vitest`, args: ['run', '--project', 'unit'] },
];

/**
 * The browser test files split into two lanes of about equal time, each lane one browser at a
 * time: on a quiet 2-core machine the whole run used about one core on average (665 s of CPU in
 * 691 s), the browser tests mostly waiting on their pages, so two browsers fit beside the unit
 * tests. Weights: each file's wall seconds in the CI run of 2026-11-30; a file not listed counts
 * as 10 s. Files go, heaviest first, to the lane with less so far.
 */
const E2E_SECONDS: Record<string, number> = {
  workspace: 92,
  'lever-panel': 54,
  charts: 49,
  reliability: 45,
  'model-page': 36,
  'metric-tree': 32,
  'fuzz-inputs': 31,
  modes: 28,
  presentation: 28,
  history: 27,
  explorer: 24,
  practice: 22,
  'fuzz-links': 21,
  pipeline: 19,
  'small-screens': 17,
  guardrails: 15,
  'run-gate-modes': 14,
  calibrate: 13,
  'explore-mode': 11,
};

function browserLanes(): Step[][] {
  const files = readdirSync('tests/e2e')
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
  const weight = (f: string) => E2E_SECONDS[f.replace(/\.test\.ts$/, '')] ?? 10;
  const lanes: { files: string[]; seconds: number }[] = [
    { files: [], seconds: 0 },
    { files: [], seconds: 0 },
  ];
  for (const f of [...files].sort((a, b) => weight(b) - weight(a))) {
    const lane = lanes[0].seconds <= lanes[1].seconds ? lanes[0] : lanes[1];
    lane.files.push(`tests/e2e/${f}`);
    lane.seconds += weight(f);
  }
  return lanes.map((lane, i) => [
    {
      name: `e2e-${i + 1}`,
      command: `${BIN}vitest`,
      args: ['run', '--project', 'e2e', ...lane.files],
    },
  ]);
}

/** Runs one step, its output line by line with the step's name in front. */
function run(step: Step): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const tag = `[${step.name}] `;
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      createInterface({ input: from }).on('line', (line) => to.write(`${tag}${line}\n`));
    }
    const done = (code: number) =>
      resolve({ name: step.name, code, seconds: (performance.now() - started) / 1000 });
    child.on('error', (err) => {
      process.stderr.write(`${tag}could not start: ${err.message}\n`);
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a lane's steps one after another, each whatever the one before it gave. */
async function lane(steps: Step[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const step of steps) out.push(await run(step));
  return out;
}

const started = performance.now();
const outcomes = (await Promise.all([lane(LINT_LANE), ...browserLanes().map(lane)])).flat();
const total = (performance.now() - started) / 1000;
process.stdout.write('\nnpm test, step by step (wall time; the three lanes run side by side):\n');
for (const o of outcomes) {
  const verdict = o.code === 0 ? 'passed' : `FAILED (exit ${o.code})`;
  process.stdout.write(
    `  ${o.name.padEnd(10)} ${o.seconds.toFixed(1).padStart(7)} s  ${verdict}\n`,
  );
}
process.stdout.write(`  ${'total'.padEnd(10)} ${total.toFixed(1).padStart(7)} s\n`);
process.exitCode = outcomes.every((o) => o.code === 0) ? 0 : 1;

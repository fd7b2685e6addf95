/**
 * `npm test`: the type check, the lint and format check, the unit tests and the browser tests,
 * in two lanes side by side so both cores of a small machine stay busy:
 *
 *   lane 1: tsc --noEmit → eslint → prettier --check → vitest (unit) → vitest (e2e, LATE_E2E)
 *   lane 2: vitest (e2e project: every other browser test file, one at a time)
 *
 * The browser tests are the longest step by far; the unit tests now take well under half of
 * their time (their files share one process), so the first lane runs a share of the browser
 * test files (LATE_E2E) once its own steps are done, with its own build and Chromium. They
 * start only after the unit tests: the browser tests alone keep about 1.6 of the 2 cores busy
 * (measured), and two browsers beside the unit tests left the cores short (tried and
 * reverted, 85ab4eb). Every step runs to its end whatever another step does; each line of
 * output keeps its step's name in front, and the summary at the end lists each step's exit
 * code and wall time. Exits 1 if any step failed.
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

const E2E_DIR = 'tests/e2e';

/**
 * The browser test files the first lane runs after the unit tests, chosen by their measured
 * times so that both lanes end together (about a fifth of the browser tests' time); every
 * other file runs in the second lane, so a new file lands there.
 */
const LATE_E2E = ['charts', 'metric-tree', 'small-screens', 'explorer', 'fuzz-links', 'guardrails'];

const e2eFiles = readdirSync(E2E_DIR)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `${E2E_DIR}/${f}`);
const lateFiles = LATE_E2E.map((name) => `${E2E_DIR}/${name}.test.ts`);
for (const f of lateFiles) {
  if (!e2eFiles.includes(f)) throw new Error(`tests/suite.ts: no browser test file ${f}`);
}
const earlyFiles = e2eFiles.filter((f) => !lateFiles.includes(f));
const e2e = (files: string[]) => ['run', '--project', 'e2e', ...files];

const LINT_LANE: Step[] = [
  { name: 'typecheck', command: `${BIN}tsc`, args: ['--noEmit'] },
  { name: 'eslint', command: `${BIN}eslint`, args: ['.', '--max-warnings', '0'] },
  { name: 'prettier', command: `${BIN}prettier`, args: ['--check', '.'] },
  { name: 'unit', command: `${BIN}vitest`, args: ['run', '--project', 'unit'] },
  { name: 'e2e-late', command: `${BIN}vitest`, args: e2e(lateFiles) },
];

const BROWSER_LANE: Step[] = [{ name: 'e2e', command: `${BIN}vitest`, args: e2e(earlyFiles) }];

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
const outcomes = (await Promise.all([lane(LINT_LANE), lane(BROWSER_LANE)])).flat();
const total = (performance.now() - started) / 1000;
process.stdout.write('\nnpm test, step by step (wall time; the two lanes run side by side):\n');
for (const o of outcomes) {
  const verdict = o.code === 0 ? 'passed' : `FAILED (exit ${o.code})`;
  process.stdout.write(
    `  ${o.name.padEnd(10)} ${o.seconds.toFixed(1).padStart(7)} s  ${verdict}\n`,
  );
}
process.stdout.write(`  ${'total'.padEnd(10)} ${total.toFixed(1).padStart(7)} s\n`);
process.exitCode = outcomes.every((o) => o.code === 0) ? 0 : 1;

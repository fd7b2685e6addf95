/**
 * `npm test`: the type check, the lint and format check, the unit tests and the browser tests,
 * in two lanes side by side so both cores of a small machine stay busy:
 *
 *   lane 1: tsc --noEmit → eslint → prettier --check → vitest (unit project)
 *   lane 2: vitest (e2e project: one browser at a time, as before)
 *
 * Before, the four ran one after another, and Vitest runs its e2e project (one file at a time)
 * only after the unit project; the browser tests spend much of their time waiting on the page
 * (polls, typing pauses, a page's start-up), which left a core idle. Every step runs to its end
 * whatever another step does; each line of output keeps its step's name in front, and the
 * summary at the end lists each step's exit code and wall time. Exits 1 if any step failed.
 */
import { spawn } from 'node:child_process';
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

const BROWSER_LANE: Step[] = [
  { name: 'e2e', command: `${BIN}vitest`, args: ['run', '--project', 'e2e'] },
];

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

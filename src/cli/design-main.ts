/**
 * The runner's entry for designs and merges (sim.ts hands them here): checks, runs, writes
 * the output to `--out FILE` or stdout, and turns failures into the runner's exit codes
 * (2: bad input, a refused or stopped run, shards that do not merge; 1: a defect).
 */
import { writeFileSync } from 'node:fs';
import { checkDesignRun, formatDesign, runDesign, type DesignIo } from './design-run';
import { mergeShards, parseMerge } from './design-merge';
import { UsageError } from './flags';
import type { CliOptions, DesignOptions } from './options';
import type { CliIo } from './sim';

export type { DesignIo } from './design-run';

type Fail = (message: string, code?: number) => number;

function designIo(io: CliIo): DesignIo {
  return {
    stderr: (t) => io.stderr(t),
    env: process.env,
    ...(io.cores !== undefined ? { cores: io.cores } : {}),
    ...io.design,
  };
}

function write(io: CliIo, text: string, out: string | undefined): void {
  if (out === undefined) io.stdout(text);
  else writeFileSync(out, text);
}

/** Why a failure happened, as the runner says it, and its exit code. */
function failure(error: unknown, fail: Fail): number {
  if (error instanceof UsageError) return fail(error.message);
  for (let e = error, depth = 0; e instanceof Error && depth < 4; depth++) {
    if (e.name === 'RunawayError') return fail(e.message);
    e = (e as { failure?: unknown; cause?: unknown }).failure ?? e.cause;
  }
  const why = error instanceof Error ? error.message : String(error);
  return fail(`the design failed: ${why}`, 1);
}

export async function designMain(
  options: CliOptions,
  design: DesignOptions,
  io: CliIo,
  fail: Fail,
): Promise<number> {
  const dio = designIo(io);
  const refused = checkDesignRun(options, design, dio);
  if (refused !== undefined) return fail(refused);
  try {
    write(io, await runDesign(options, design, dio), design.out);
    return 0;
  } catch (error) {
    return failure(error, fail);
  }
}

export async function mergeMain(argv: readonly string[], io: CliIo, fail: Fail): Promise<number> {
  try {
    const req = parseMerge(argv);
    write(io, formatDesign(mergeShards(req.files), req.format), req.out);
    return 0;
  } catch (error) {
    return failure(error, fail);
  }
}

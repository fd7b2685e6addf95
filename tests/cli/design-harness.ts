/**
 * The design the runner's tests share: a Latin hypercube of 49 points over three factors,
 * with the baseline 50 × 4 replications = 200 jobs, on a 40-driver station for one week
 * (about 2.5 s of engine in one thread), and the runner run in this process.
 */
import { main, type CliIo } from '../../src/cli/sim';
import { inThreadRunner } from '../../src/run/design-jobs';

export const DESIGN = [
  '--design', 'lhs',
  '--vary', 'payPerHour=16:30',
  '--vary', 'applicantsPerWeek=4:20',
  '--vary', 'noShowRate=0:0.1',
  '--n', '49',
  '--reps', '4',
  '--weeks', '1',
  '--set', 'demandPerDay=400',
  '--set', 'initialDrivers=40',
  '--metrics', 'costPerPackage,onTimeRate',
]; // prettier-ignore

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The runner in this process, its jobs in this thread. */
export async function sim(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    design: {
      runner: () => ({ run: inThreadRunner(), close() {} }),
      env: { ...process.env, ...env },
    },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

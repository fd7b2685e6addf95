/**
 * The runner's design flags: what they accept, the one line they print for what they refuse,
 * and the shard a job array's task is (Kubernetes Indexed Job, Slurm job array).
 */
import { describe, expect, it } from 'vitest';
import { autoShard, readMetrics, readShard, readVary } from '../../src/cli/design-flags';
import { UsageError, parseArgs } from '../../src/cli/sim';

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return 'accepted';
};

describe('design flags', () => {
  it('read factors, metrics and shards', () => {
    expect(readVary('payPerHour=16:30', [])).toEqual({ id: 'payPerHour', from: 16, to: 30 });
    expect(readMetrics('costPerPackage, onTimeRate')).toEqual(['costPerPackage', 'onTimeRate']);
    expect(readShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(readShard('auto')).toBe('auto');
  });

  it('refuse bad factors, metrics and shards with one line naming the problem', () => {
    expect(refusal(() => readVary('payPerHour=30:16', []))).toBe(
      '--vary payPerHour=30:16: FROM must be below TO',
    );
    expect(refusal(() => readVary('payPerHour=5:16', []))).toBe(
      "--vary payPerHour=5:16: 5 is outside payPerHour's range 10 to 60",
    );
    expect(refusal(() => readVary('surgeEnabled=0:1', []))).toContain('true or false');
    expect(refusal(() => readVary('nope=1:2', []))).toContain('unknown parameter "nope"');
    expect(refusal(() => readMetrics('costPerPackage,nope'))).toContain('unknown metric "nope"');
    expect(refusal(() => readShard('4/3'))).toContain('expected i/n with 1 ≤ i ≤ n');
    expect(refusal(() => parseArgs(['--vary', 'payPerHour=16:30']))).toBe(
      '--vary, --n, --metrics, --shard and --queue need --design',
    );
    expect(refusal(() => parseArgs(['--design', 'sobol', '--vary', 'payPerHour=16:30']))).toBe(
      '--design sobol needs --n (sobol: base samples, morris: trajectories, lhs: points)',
    );
    const one = ['--design', 'sobol', '--n', '8', '--vary', 'payPerHour=16:30'];
    expect(refusal(() => parseArgs(one))).toBe(
      '--design sobol: a Sobol design needs at least two factors',
    );
    expect(refusal(() => parseArgs(['--design', 'lhs', '--design', 'lhs']))).toBe(
      '--design is given more than once',
    );
  });

  it('take the shard of a Kubernetes Indexed Job or a Slurm array task with --shard auto', () => {
    expect(autoShard({ JOB_COMPLETION_INDEX: '0', GIGSIM_SHARDS: '4' })).toEqual({
      index: 1,
      count: 4,
    });
    expect(
      autoShard({
        SLURM_ARRAY_TASK_ID: '7',
        SLURM_ARRAY_TASK_MIN: '5',
        SLURM_ARRAY_TASK_COUNT: '3',
      }),
    ).toEqual({ index: 3, count: 3 });
    expect(refusal(() => autoShard({}))).toContain('set JOB_COMPLETION_INDEX');
    expect(refusal(() => autoShard({ JOB_COMPLETION_INDEX: '4', GIGSIM_SHARDS: '4' }))).toBe(
      '--shard auto: task 5 of 4 is out of range',
    );
  });
});

/**
 * The BullMQ queue on a real Redis (Debian's redis-server on a free loopback port): the
 * shared 200-job design through the queue with 2 workers gives the very bytes of the design
 * run in one process; a worker killed mid-job (SIGKILL) has its job handed to the other by
 * the stalled-job check, and a runner killed and restarted collects what was done before
 * (the job ids are the design's hash and number) instead of starting over; the output stays
 * the same bytes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAME, redisConnection } from '../../src/cli/queue';
import { workerName } from '../../src/cli/worker';
import { DESIGN, sim } from './design-harness';
import { startRedis, startWorker, stop, type RedisServer } from './redis';

const root = fileURLToPath(new URL('../..', import.meta.url));

let redis: RedisServer;
let whole: string;
let workers: ChildProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  // Two workers of one thread each; a job's lock of 1 s, so a dead worker's job is soon free.
  const args = ['--concurrency', '1', '--lock-ms', '1000'];
  workers = await Promise.all([startWorker(redis.url, args), startWorker(redis.url, args)]);
  const r = await sim(DESIGN);
  expect(r.code).toBe(0);
  whole = r.stdout;
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => stop(w, 'SIGKILL')));
  await redis?.stop();
});

const until = async (ok: () => Promise<boolean>, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the queue', () => {
  it('gives the same bytes with 2 workers as in one process, and shows progress', async () => {
    const r = await sim([...DESIGN, '--queue', redis.url]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(whole);
    expect(r.stderr).toMatch(/queue: 200\/200 jobs done\n$/);
  }, 60_000);

  it('survives a worker and the runner killed mid-run, resuming with the same bytes', async () => {
    const connection = redisConnection(redis.url);
    const queue = new Queue(QUEUE_NAME, { connection });
    const events = new QueueEvents(QUEUE_NAME, { connection });
    const stalled: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    await events.waitUntilReady();
    try {
      const runner = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli/sim.ts', ...DESIGN, '--queue', redis.url],
        { cwd: root, stdio: 'ignore' },
      );
      // Once 20 jobs are done, kill the runner, and a worker in the middle of a job: frozen
      // (SIGSTOP) at a moment it holds one, then killed.
      await until(async () => (await queue.getCompletedCount()) >= 20);
      await stop(runner, 'SIGKILL');
      const victim = workers[0];
      let held: string | undefined;
      await until(async () => {
        victim.kill('SIGSTOP');
        const active = await queue.getActive();
        held = active.find((j) => j.processedBy === workerName(victim.pid))?.id;
        if (held === undefined) victim.kill('SIGCONT');
        return held !== undefined;
      });
      await stop(victim, 'SIGKILL');
      const r = await sim([...DESIGN, '--queue', redis.url]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(whole);
      const before = Number(/\((\d+) done before this run\)/.exec(r.stderr)?.[1]);
      expect(before).toBeGreaterThanOrEqual(20);
      expect(before).toBeLessThan(200);
      // The killed worker's job was stalled, moved back and run by the other worker.
      expect(stalled).toContain(held);
    } finally {
      await events.close();
      await queue.close();
    }
  }, 90_000);
});

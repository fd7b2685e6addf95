/**
 * The headless runner: its flags, its answers to bad input, and its output, which must be
 * the engine's replication statistics (to the last bit: the same engine in the same Node).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metrics';
import { CSV_HEADER, type RunReport } from '../../src/model/report';
import type { SweepReport } from '../../src/model/sweep-report';
import {
  defaultScenario,
  pairedWith,
  scenarioToJson,
  type Scenario,
} from '../../src/model/scenario';
import { UsageError, parseArgs } from '../../src/cli/sim';
import { runReplication } from '../../src/sim/engine';
import { compare, summarise } from '../../src/sim/stats';

const dir = mkdtempSync(join(tmpdir(), 'gigsim-cli-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const SMALL = {
  version: 1,
  seed: 7,
  weeks: 3,
  replications: 3,
  params: { initialDrivers: 150, demandPerDay: 1500 },
};

/** SMALL with every parameter, as the engine takes it. */
function full(params: Record<string, unknown>): Scenario {
  return {
    ...defaultScenario(),
    seed: 7,
    weeks: 3,
    replications: 3,
    params: { ...defaultScenario().params, ...params },
  };
}

const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const cli = fileURLToPath(new URL('../../src/cli/sim.ts', import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}
function run(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(tsx, [cli, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function expectUsageError(args: string[], message: RegExp): void {
  expect(() => parseArgs(args)).toThrow(UsageError);
  expect(() => parseArgs(args)).toThrow(message);
}

describe('the runner’s flags', () => {
  it('runs the defaults when given nothing', () => {
    const o = parseArgs([]);
    expect(o.scenario).toEqual(defaultScenario());
    expect(o.baseline).toBeUndefined();
    expect(o.format).toBe('json');
    expect(o.sweeps).toEqual([]);
  });

  it('applies the scenario file, then --set, then the settings flags, in both flag forms', () => {
    const o = parseArgs([
      '--scenario',
      file('a.json', SMALL),
      '--set',
      'payPerHour=24.5',
      '--set=surgeEnabled=false',
      '--seed=11',
      '--reps',
      '5',
      '--weeks',
      '6',
      '--format',
      'csv',
    ]);
    expect(o.scenario.params.payPerHour).toBe(24.5);
    expect(o.scenario.params.surgeEnabled).toBe(false);
    expect(o.scenario.params.initialDrivers).toBe(150);
    expect([o.scenario.seed, o.scenario.replications, o.scenario.weeks]).toEqual([11, 5, 6]);
    expect(o.format).toBe('csv');
  });

  it('pairs the baseline on the scenario’s seed, weeks and replications', () => {
    const o = parseArgs([
      '--baseline',
      file('b.json', { ...SMALL, seed: 99, params: {} }),
      '--seed',
      '3',
      '--weeks',
      '2',
    ]);
    expect(o.baseline?.seed).toBe(3);
    expect(o.baseline?.weeks).toBe(2);
    expect(o.baseline?.replications).toBe(o.scenario.replications);
    expect(o.baseline?.params.initialDrivers).toBe(defaultScenario().params.initialDrivers);
  });

  it('names what is wrong with bad input', () => {
    expectUsageError(['--bogus'], /unknown option --bogus/);
    expectUsageError(['stray'], /unexpected argument "stray"/);
    expectUsageError(['--seed'], /--seed needs a value/);
    expectUsageError(['--reps', '0'], /--reps: .*replications.*0.*2 to 256/);
    expectUsageError(['--reps', '1'], /--reps: .*replications.*1.*2 to 256/);
    expectUsageError(['--weeks', 'ten'], /--weeks: .*weeks.*"ten"/);
    expectUsageError(['--format', 'xml'], /--format xml: expected json, csv or table/);
    expectUsageError(['--set', 'payPerHour'], /expected ID=VALUE/);
    expectUsageError(['--set', 'payPerHour=99'], /payPerHour.*99.*10 to 60/);
    expectUsageError(['--set', 'noSuchLever=1'], /noSuchLever/);
    expectUsageError(['--set', 'surgeEnabled=maybe'], /surgeEnabled/);
    expectUsageError(
      ['--scenario', join(dir, 'missing.json')],
      /cannot read the file \(no such file\)/,
    );
    expectUsageError(['--scenario', file('bad.json', '{"version": 1,')], /it is not JSON/);
    expectUsageError(
      ['--baseline', file('range.json', { ...SMALL, params: { blockHours: 40 } })],
      /--baseline .*blockHours.*40/,
    );
    expectUsageError(['--workers', '0'], /--workers 0/);
  });

  it('reads one --sweep as a sweep and two as a grid', () => {
    expect(parseArgs(['--sweep', 'payPerHour=18:30:7']).sweeps).toEqual([
      { id: 'payPerHour', from: 18, to: 30, steps: 7 },
    ]);
    expect(
      parseArgs(['--sweep=payPerHour=18:30:7', '--sweep', 'surgeEnabled=false:true']).sweeps,
    ).toEqual([
      { id: 'payPerHour', from: 18, to: 30, steps: 7 },
      { id: 'surgeEnabled', from: 0, to: 1, steps: 2 },
    ]);
  });

  it('names what is wrong with a bad --sweep', () => {
    expectUsageError(
      ['--sweep', 'payPerHour=5:30:3'],
      /--sweep payPerHour=5:30:3: .*"from" is 5, outside the allowed range 10 to 60/,
    );
    expectUsageError(
      ['--sweep', 'payPerHour=10:30:99'],
      /points \(STEPS\) must be a whole number from 2 to 50, got "99"/,
    );
    expectUsageError(['--sweep', 'payPerHour=cheap:30:3'], /"from" must be a number .*"cheap"/);
    expectUsageError(['--sweep', 'nope=1:2:3'], /unknown parameter "nope"/);
    expectUsageError(['--sweep', 'surgeEnabled=1:5:3'], /surgeEnabled.*false:true/);
    expectUsageError(
      ['--sweep', 'payPerHour=10:30:3', '--sweep', 'payPerHour=12:14:2'],
      /already swept/,
    );
    expectUsageError(
      [
        '--sweep',
        'payPerHour=10:30:3',
        '--sweep',
        'blockHours=2:4:3',
        '--sweep',
        'poolCap=300:600:2',
      ],
      /at most two --sweep flags/,
    );
  });
});

describe('the runner as a command', { timeout: 120_000 }, () => {
  it('answers bad input with one line on stderr, exit code 2 and nothing on stdout', async () => {
    for (const args of [
      ['--set', 'payPerHour=abc'],
      ['--scenario', '/no/such/file.json'],
      ['-x'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^gigsim sim: /);
    }
  });

  it('prints the replication statistics of a scenario as JSON', async () => {
    const r = await run(['--scenario', file('s.json', SMALL), '--workers', '2']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as RunReport;
    const expected = summarise([0, 1, 2].map((k) => runReplication(full(SMALL.params), k)));
    expect(report.replications).toBe(3);
    expect(report.scenario).toEqual(SMALL);
    expect(report.metrics.map((m) => m.id)).toEqual(METRICS.map((m) => m.id));
    report.metrics.forEach((m, i) => {
      expect(m.scenario.longRun.mean).toBe(expected.longRun.mean[i]);
      expect(m.scenario.weekly.mean).toHaveLength(3);
      expect(m.delta).toBeUndefined();
    });
    expect(report.pool.active?.scenario).toHaveLength(3);
    // Weeks 10–12 of the calendar: no peak, said in words, and null values, never zeros.
    expect(report.periods.startWeek).toBe(10);
    expect(report.periods.shortRun.weeks).toEqual([1, 2, 3]);
    expect(report.periods.longRun.calendarWeeks).toEqual([10, 11, 12]);
    expect(report.periods.peak.weeks).toEqual([]);
    expect(report.periods.peak.note).toMatch(/no calendar peak week in this run/);
    for (const m of report.metrics) expect(m.scenario.peak.mean).toBeNull();
  });

  it('reports the peak period in JSON and CSV when the run meets a calendar peak', async () => {
    const peaky = { ...SMALL, params: { ...SMALL.params, startWeek: 27 } };
    const [json, csv] = await Promise.all([
      run(['--scenario', file('p.json', peaky), '--workers', '1']),
      run(['--scenario', file('p.json', peaky), '--workers', '1', '--format', 'csv']),
    ]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as RunReport;
    // Calendar weeks 27, 28, 29: Prime Day is run weeks 2–3, the long run is week 1 alone.
    expect(report.periods.peak).toEqual({ weeks: [2, 3], calendarWeeks: [28, 29] });
    expect(report.periods.longRun.weeks).toEqual([1]);
    const expected = summarise([0, 1, 2].map((k) => runReplication(full(peaky.params), k)));
    report.metrics.forEach((m, i) => {
      expect(m.scenario.peak.mean).toBe(expected.peak.mean[i]);
      expect(m.scenario.peak.high).toBe(expected.peak.high[i]);
    });
    const on = METRICS.findIndex((m) => m.id === 'onTimePackagesPerWeek');
    expect(expected.peak.mean[on]).toBeGreaterThan(expected.longRun.mean[on]);
    const rows = csv.stdout.trimEnd().split('\n').slice(1);
    // four windows (short, long, peak, whole) and three weeks per metric
    expect(rows).toHaveLength(METRICS.length * (4 + 3));
    const peakRow = rows.find((l) =>
      l.startsWith('onTimePackagesPerWeek,packages/week,scenario,peak,'),
    );
    expect(Number((peakRow ?? '').split(',')[5])).toBe(expected.peak.mean[on]);
  });

  it('prints the paired comparison with a baseline as tidy CSV', async () => {
    const baseline = { ...SMALL, params: { ...SMALL.params, payPerHour: 21 } };
    const r = await run([
      '--scenario',
      file('s2.json', SMALL),
      '--baseline',
      file('b2.json', baseline),
      '--format',
      'csv',
    ]);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header).toBe(CSV_HEADER.join(','));
    // per metric and series (scenario, baseline, delta): three windows and three weeks
    expect(rows).toHaveLength(METRICS.length * 3 * (3 + 3));
    const c = compare(
      [0, 1, 2].map((k) => runReplication(full(baseline.params), k)),
      // The scenario warms up under the baseline's parameters.
      [0, 1, 2].map((k) =>
        runReplication(pairedWith(full(baseline.params), full(SMALL.params)), k),
      ),
    );
    const fill = METRICS.findIndex((m) => m.id === 'fillRate');
    const row = rows.find((l) => l.startsWith('fillRate,share,delta,longRun,'));
    const [mean, low, high] = (row ?? '').split(',').slice(5).map(Number);
    expect(mean).toBe(c.delta.longRun.mean[fill]);
    expect(low).toBe(c.delta.longRun.low[fill]);
    expect(high).toBe(c.delta.longRun.high[fill]);
    for (const line of rows) {
      for (const cell of line.split(',').slice(5)) {
        if (cell !== '') expect(Number.isFinite(Number(cell)), line).toBe(true);
      }
    }
    expect(scenarioToJson(full(SMALL.params))).toEqual(SMALL);
  });

  it('writes a sweep as JSON: each point the comparison a single run at that value gives', async () => {
    const r = await run([
      '--scenario',
      file('sw.json', SMALL),
      '--sweep',
      'payPerHour=20:24:2',
      '--workers',
      '2',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as SweepReport;
    expect(report.gigsim).toBe('sweep');
    expect(report.axes).toEqual([
      { id: 'payPerHour', from: 20, to: 24, steps: 2, values: [20, 24] },
    ]);
    expect(report.points.map((p) => p.values)).toEqual([{ payPerHour: 20 }, { payPerHour: 24 }]);
    const reps = (params: Record<string, unknown>) =>
      [0, 1, 2].map((k) => runReplication(pairedWith(full(SMALL.params), full(params)), k));
    const base = reps(SMALL.params);
    report.points.forEach((p, k) => {
      const c = compare(base, reps({ ...SMALL.params, payPerHour: [20, 24][k] }));
      expect(p.metrics.map((m) => m.id)).toEqual(METRICS.map((m) => m.id));
      p.metrics.forEach((m, i) => {
        expect(m.delta?.longRun.mean).toBe(c.delta.longRun.mean[i]);
        expect(m.scenario.whole.high).toBe(c.scenario.whole.high[i]);
      });
    });
  });

  it('writes a grid as tidy CSV with a leading column per swept parameter', async () => {
    const r = await run([
      '--scenario',
      file('sg.json', SMALL),
      '--sweep',
      'payPerHour=20:24:2',
      '--sweep',
      'surgeEnabled=false:true',
      '--format',
      'csv',
    ]);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header).toBe(['payPerHour', 'surgeEnabled', ...CSV_HEADER].join(','));
    expect(rows).toHaveLength(4 * METRICS.length * 3 * (3 + 3));
    const leads = [...new Set(rows.map((l) => l.split(',').slice(0, 2).join(',')))];
    expect(leads).toEqual(['20,false', '20,true', '24,false', '24,true']);
    const c = compare(
      [0, 1, 2].map((k) => runReplication(full(SMALL.params), k)),
      [0, 1, 2].map((k) =>
        runReplication(
          pairedWith(
            full(SMALL.params),
            full({ ...SMALL.params, payPerHour: 24, surgeEnabled: false }),
          ),
          k,
        ),
      ),
    );
    const fill = METRICS.findIndex((m) => m.id === 'fillRate');
    const row = rows.find((l) => l.startsWith('24,false,fillRate,share,delta,longRun,'));
    expect(Number((row ?? '').split(',')[7])).toBe(c.delta.longRun.mean[fill]);
  });

  it('answers a bad --sweep with one line on stderr and exit code 2', async () => {
    const r = await run(['--sweep', 'payPerHour=10:30:1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^gigsim sim: --sweep payPerHour=10:30:1: .*points \(STEPS\)/);
  });
});

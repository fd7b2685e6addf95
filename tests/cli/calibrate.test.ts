import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCalibration, readCalibrationFlags } from '../../src/cli/calibrate';
import { main } from '../../src/cli/sim';
import { parseScenario } from '../../src/model/scenario';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('the runner’s calibration flags', () => {
  it('reads --calibrate, --fit, --holdout and --table, and passes the rest on', () => {
    expect(isCalibration(['--calibrate', 'h.csv'])).toBe(true);
    expect(isCalibration(['--reps', '4'])).toBe(false);
    const f = readCalibrationFlags([
      '--calibrate=h.csv',
      '--fit',
      'hoursWanted,baseChurn',
      '--holdout',
      '2',
      '--table',
      '--reps',
      '4',
    ]);
    expect(f).toMatchObject({
      file: 'h.csv',
      fit: ['hoursWanted', 'baseChurn'],
      holdout: 2,
      table: true,
      rest: ['--reps', '4'],
    });
  });

  it('answers a bad history or a bad --fit with one line naming row and column, exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gigsim-calib-'));
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'week,no_shows\n1,3\n2,x\n');
    const bad = await run(['--calibrate', path]);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('row 3, column no_shows: "x" is not a number.');
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    const fit = await run(['--calibrate', path, '--fit', 'payPerHour']);
    expect(fit.code).toBe(2);
    expect(fit.err).toMatch(/--fit "?payPerHour"?: not a constant that can be fitted/);
    const missing = await run(['--calibrate', join(dir, 'none.csv')]);
    expect(missing.err).toContain('no such file');
  });

  it('--save-baseline writes the fitted station with its fit, which --baseline then runs over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gigsim-calib-'));
    const history = join(dir, 'h.csv');
    const made = await run(['--make-history', '--weeks', '8', '--set', 'noShowRate=0.05']);
    writeFileSync(history, made.out);
    const saved = join(dir, 'fitted.json');
    const fit = await run(
      ['--calibrate', history, '--fit', 'noShowRate', '--reps', '4', '--holdout', '2'].concat([
        '--weeks',
        '8',
        '--save-baseline',
        saved,
      ]),
    );
    expect(fit.code, fit.err).toBe(0);
    expect(fit.err).toContain(`--baseline ${saved}`);
    const file = parseScenario(JSON.parse(readFileSync(saved, 'utf8')));
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const c = file.value.fit?.constants[0];
    expect(c?.id).toBe('noShowRate');
    expect(c?.value).toBe(file.value.params.noShowRate);
    expect(c?.logSe).toBeGreaterThan(0);
    const compared = await run(
      ['--baseline', saved, '--set', 'payPerHour=20', '--weeks', '2', '--reps', '2'].concat([
        '--workers',
        '1',
      ]),
    );
    expect(compared.code, compared.err).toBe(0);
  }, 120_000);
});

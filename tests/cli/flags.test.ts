import { describe, expect, it } from 'vitest';
import {
  UsageError,
  readFlags,
  readFormat,
  readSet,
  readSetting,
  readSweep,
  readWorkers,
  splitFlag,
} from '../../src/cli/flags';

describe('reading the runner’s flags', () => {
  it('asks for the defaults when given nothing', () => {
    expect(readFlags([])).toEqual({
      sets: [],
      settings: {},
      format: 'json',
      sweeps: [],
      force: false,
      verbose: false,
      help: false,
      lab: {},
      design: { factors: [] },
    });
  });

  it('reads every flag in both forms, the value inline or as the next argument', () => {
    const flags = readFlags([
      '--scenario=a.json',
      '--baseline',
      'b.json',
      '--set',
      'payPerHour=24',
      '--set=surgeEnabled=false',
      '--seed=11',
      '--reps',
      '5',
      '--weeks',
      '6',
      '--sweep',
      'payPerHour=20:30:3',
      '--format=csv',
      '--workers',
      '2',
      '-h',
    ]);
    expect(flags).toMatchObject({
      scenarioFile: 'a.json',
      baselineFile: 'b.json',
      sets: [
        ['payPerHour', '24'],
        ['surgeEnabled', 'false'],
      ],
      settings: { seed: 11, replications: 5, weeks: 6 },
      format: 'csv',
      workers: 2,
      help: true,
    });
    expect(flags.sweeps.map((a) => a.id)).toEqual(['payPerHour']);
  });

  it('reads no file: a file flag only names it', () => {
    expect(readFlags(['--scenario', '/no/such/file.json']).scenarioFile).toBe('/no/such/file.json');
  });

  it('names a flag that lacks its value, an unknown flag and a stray argument', () => {
    expect(() => readFlags(['--seed'])).toThrow('--seed needs a value');
    expect(() => readFlags(['--scenario', '--seed', '1'])).toThrow('--scenario needs a value');
    expect(() => readFlags(['--bogus'])).toThrow('unknown option --bogus (see --help)');
    expect(() => readFlags(['stray'])).toThrow(/unexpected argument "stray"/);
    expect(() => readFlags(['constructor'])).toThrow(/unexpected argument "constructor"/);
    expect(() => readFlags(['--bogus'])).toThrow(UsageError);
  });
});

describe('each flag and its value', () => {
  it('splits a flag from its inline value only in the --flag=value form', () => {
    expect(splitFlag('--seed=3')).toEqual({ flag: '--seed', inline: '3' });
    expect(splitFlag('--set=a=b')).toEqual({ flag: '--set', inline: 'a=b' });
    expect(splitFlag('--seed')).toEqual({ flag: '--seed', inline: undefined });
    expect(splitFlag('x=1')).toEqual({ flag: 'x=1', inline: undefined });
  });

  it('checks a setting against its range', () => {
    expect(readSetting('seed', '--seed', ' 7 ')).toBe(7);
    expect(() => readSetting('replications', '--reps', '0')).toThrow(/^--reps: /);
  });

  it('splits --set at its first =', () => {
    expect(readSet('payPerHour=24')).toEqual(['payPerHour', '24']);
    expect(readSet('a=b=c')).toEqual(['a', 'b=c']);
    expect(() => readSet('payPerHour')).toThrow('expected ID=VALUE');
    expect(() => readSet('=3')).toThrow('expected ID=VALUE');
  });

  it('takes at most two sweeps, of two different parameters', () => {
    const pay = readSweep('payPerHour=20:30:3', []);
    const hours = readSweep('blockHours=2:4:3', [pay]);
    expect(() => readSweep('payPerHour=10:20:2', [pay])).toThrow(/already swept/);
    expect(() => readSweep('tipsPerHour=0:2:2', [pay, hours])).toThrow(/at most two --sweep/);
    expect(() => readSweep('nonsense', [])).toThrow(/^--sweep nonsense: /);
  });

  it('takes json or csv as the format, and table (the lab’s)', () => {
    expect(readFormat('json')).toBe('json');
    expect(readFormat('csv')).toBe('csv');
    expect(readFormat('table')).toBe('table');
    expect(() => readFormat('xml')).toThrow('--format xml: expected json, csv or table');
  });

  it('reads the experiment lab’s flags and names a bad design or value', () => {
    const flags = readFlags([
      '--experiment',
      'driver,switchback,driver',
      '--share=0.3',
      '--window-days',
      '7',
      '--washout-days',
      '1',
      '--test-weeks',
      '6',
      '--rerandomisations',
      '50',
    ]);
    expect(flags.lab).toEqual({
      designs: ['driver', 'switchback'],
      share: 0.3,
      windowDays: 7,
      washoutDays: 1,
      testWeeks: 6,
      rerandomisations: 50,
    });
    expect(() => readFlags(['--experiment', 'driver,coin'])).toThrow(
      '"coin" is not a design (driver, block, both, switchback)',
    );
    expect(() => readFlags(['--share', '1.5'])).toThrow(
      '--share 1.5: expected a number from 0.01 to 0.99',
    );
    expect(() => readFlags(['--test-weeks', '13'])).toThrow('from 1 to 12');
    expect(() => readFlags(['--share', '0.2', '--share', '0.3'])).toThrow('more than once');
  });

  it('takes a whole number of workers from 1 to 64', () => {
    expect(readWorkers('64')).toBe(64);
    for (const bad of ['0', '65', '1.5', 'two']) {
      expect(() => readWorkers(bad), bad).toThrow('expected a whole number from 1 to 64');
    }
  });
});

/**
 * A scenario's fit (issue 17): read from the file form with every mistake named, carried by
 * withParams, the file form and the cache key, and made from a calibration's covariance.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultScenario,
  pairedWith,
  parseScenario,
  scenarioToJson,
  withParams,
} from '../../src/model/scenario';
import {
  choleskyOf,
  fitFromCovariance,
  parseFit,
  type ScenarioFit,
} from '../../src/model/scenario-fit';
import { scenarioKey } from '../../src/run/result-cache';

const FIT: ScenarioFit = {
  constants: [
    { id: 'hoursWanted', value: 31.5, logSe: 0.04 },
    { id: 'applicantsPerWeek', value: 40, logSe: 0.12 },
  ],
  correlation: [
    [1, -0.5],
    [-0.5, 1],
  ],
};

describe('a scenario’s fit', () => {
  it('round-trips through the file form and withParams', () => {
    const s = { ...defaultScenario(), fit: FIT };
    const json = JSON.parse(JSON.stringify(scenarioToJson(s))) as unknown;
    const back = parseScenario(json);
    expect(back.ok && back.value.fit).toEqual(FIT);
    const moved = withParams(s, { payPerHour: 19 });
    expect(moved.ok && moved.value.fit).toEqual(FIT);
    expect(scenarioToJson(defaultScenario())).not.toHaveProperty('fit');
  });

  it('is part of the cache key, and the baseline’s fit is the paired scenario’s', () => {
    const s = { ...defaultScenario(), fit: FIT };
    expect(scenarioKey(s)).not.toBe(scenarioKey(defaultScenario()));
    const loose = { ...FIT, constants: FIT.constants.map((c) => ({ ...c, logSe: 0.5 })) };
    expect(scenarioKey({ ...s, fit: loose })).not.toBe(scenarioKey(s));
    expect(pairedWith(s, defaultScenario()).fit).toBe(FIT);
    expect(pairedWith(defaultScenario(), s).fit).toBeUndefined();
  });

  const cases: [string, unknown, RegExp][] = [
    ['not an object', 3, /"fit": must be an object/],
    ['an unknown key', { constants: [], extra: 1 }, /"fit": unknown key "extra"/],
    ['no constants', { constants: [] }, /"constants" must list 1 to 12/],
    [
      'an unknown constant',
      { constants: [{ id: 'payPerHour', value: 1, logSe: 0.1 }] },
      /constant 1's "id" must be one of/,
    ],
    [
      'a constant twice',
      {
        constants: [
          { id: 'hoursWanted', value: 6, logSe: 0.1 },
          { id: 'hoursWanted', value: 6, logSe: 0.1 },
        ],
      },
      /"hoursWanted" is listed twice/,
    ],
    [
      'a value out of range',
      { constants: [{ id: 'hoursWanted', value: 99, logSe: 0.1 }] },
      /"value" of "hoursWanted" is 99, outside its range 2 to 60/,
    ],
    [
      'a negative standard error',
      { constants: [{ id: 'hoursWanted', value: 6, logSe: -1 }] },
      /"logSe" of "hoursWanted" must be a number from 0 to 3, got -1/,
    ],
    [
      'a text standard error',
      { constants: [{ id: 'hoursWanted', value: 6, logSe: '0.1' }] },
      /"logSe" of "hoursWanted" must be a number/,
    ],
    [
      'a correlation of the wrong size',
      { constants: [{ id: 'hoursWanted', value: 6, logSe: 0.1 }], correlation: [[1, 0]] },
      /"correlation" row 1 must hold 1 numbers/,
    ],
    [
      'an asymmetric correlation',
      {
        ...FIT,
        correlation: [
          [1, 0.2],
          [0.3, 1],
        ],
      },
      /"correlation" must be symmetric/,
    ],
    [
      'a correlation that is not one',
      {
        constants: [
          { id: 'hoursWanted', value: 6, logSe: 0.1 },
          { id: 'checksPerHour', value: 2, logSe: 0.1 },
          { id: 'noShowRate', value: 0.03, logSe: 0.1 },
        ],
        correlation: [
          [1, 0.9, -0.9],
          [0.9, 1, 0.9],
          [-0.9, 0.9, 1],
        ],
      },
      /not positive semi-definite/,
    ],
  ];
  for (const [what, fit, message] of cases) {
    it(`names the mistake: ${what}`, () => {
      const r = parseScenario({ fit });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message);
    });
  }

  it('parses a fit without correlations', () => {
    const r = parseFit({ constants: [{ id: 'noShowRate', value: 0.05, logSe: 0.2 }] });
    expect(r).toEqual({
      ok: true,
      value: { constants: [{ id: 'noShowRate', value: 0.05, logSe: 0.2 }] },
    });
  });

  it('is made from a covariance of logs, rounded and still a correlation matrix', () => {
    const cov = [
      [0.0016, -0.0024, 0],
      [-0.0024, 0.0144, 0.001],
      [0, 0.001, 0.04],
    ];
    const fit = fitFromCovariance(
      [
        { id: 'hoursWanted', value: 31.5, logSe: 0.04 },
        { id: 'applicantsPerWeek', value: 40, logSe: 0.12 },
        { id: 'noShowRate', value: 0.04, logSe: 0.2 },
      ],
      cov,
    );
    expect(fit.correlation?.[0][1]).toBe(-0.5);
    expect(fit.correlation?.[1][2]).toBe(0.042);
    expect(parseFit(JSON.parse(JSON.stringify(fit))).ok).toBe(true);
    // Correlated ±1 after rounding: still usable (semi-definite).
    const edge = fitFromCovariance(
      [
        { id: 'hoursWanted', value: 6, logSe: 0.1 },
        { id: 'checksPerHour', value: 2, logSe: 0.1 },
      ],
      [
        [0.01, 0.0099999],
        [0.0099999, 0.01],
      ],
    );
    expect(choleskyOf(edge.correlation ?? [[1]])).toBeDefined();
  });
});

/**
 * A scenario's fit (issue 17, docs/MODEL.md "Calibration"): the behavioural constants a
 * calibration fitted, each with its value and the standard error of its logarithm, and their
 * correlations. A scenario that carries one runs each replication with those constants drawn
 * from their fitted distribution (src/sim/fit-draw.ts), so that an answer carries the fit's
 * uncertainty; in a comparison the baseline's fit is both sides' (`pairedWith`).
 *
 * File form (the scenario's optional "fit" key):
 *   { "constants": [{ "id": "hoursWanted", "value": 31.2, "logSe": 0.05 }, ...],
 *     "correlation": [[1, -0.4], [-0.4, 1]] }
 * `correlation` may be left out (the constants then vary independently).
 */
import { FITTABLE_IDS } from './calibration';
import { excerpt, quoted } from './input-text';
import { PARAM_BY_ID } from './params';
import type { NumberParamDef } from './param-def';

export interface FitConstant {
  readonly id: string;
  /** The fitted (central) value. */
  readonly value: number;
  /** Standard error of log(value): a draw is value·exp(logSe·z), z standard normal. */
  readonly logSe: number;
}

export interface ScenarioFit {
  readonly constants: readonly FitConstant[];
  /** Correlations of the constants' logs, in the constants' order (absent: independent). */
  readonly correlation?: readonly (readonly number[])[];
}

/** Largest standard error of a log accepted: a factor of e³ ≈ 20 either way per sd. */
export const MAX_LOG_SE = 3;
/** Most constants a fit may carry. */
export const MAX_FIT_CONSTANTS = 12;

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error: `"fit": ${error}` };
}

function show(v: unknown): string {
  if (typeof v === 'string') return quoted(v);
  try {
    return excerpt(JSON.stringify(v) ?? String(v), 40);
  } catch {
    return String(v);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function readConstant(v: unknown, k: number, seen: Set<string>): Parsed<FitConstant> {
  const where = `constant ${k + 1}`;
  if (!isObject(v)) return fail(`${where} must be an object {id, value, logSe}, got ${show(v)}`);
  const extra = Object.keys(v).find((key) => !['id', 'value', 'logSe'].includes(key));
  if (extra !== undefined) return fail(`${where} has an unknown key ${quoted(extra)}`);
  const { id, value, logSe } = v;
  if (typeof id !== 'string' || !FITTABLE_IDS.includes(id)) {
    return fail(`${where}'s "id" must be one of ${FITTABLE_IDS.join(', ')}, got ${show(id)}`);
  }
  if (seen.has(id)) return fail(`${quoted(id)} is listed twice`);
  seen.add(id);
  const def = PARAM_BY_ID.get(id) as NumberParamDef;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return fail(`the "value" of ${quoted(id)} must be a number above 0, got ${show(value)}`);
  }
  if (value < def.min || value > def.max) {
    return fail(
      `the "value" of ${quoted(id)} is ${value}, outside its range ${def.min} to ${def.max}`,
    );
  }
  if (typeof logSe !== 'number' || !Number.isFinite(logSe) || logSe < 0 || logSe > MAX_LOG_SE) {
    return fail(
      `the "logSe" of ${quoted(id)} must be a number from 0 to ${MAX_LOG_SE}, got ${show(logSe)}`,
    );
  }
  return { ok: true, value: { id, value, logSe } };
}

/**
 * The lower-triangular Cholesky factor of a correlation matrix, or undefined when the matrix
 * is not positive semi-definite (a pivot below −1e-9). Semi-definite pivots give zero columns.
 */
export function choleskyOf(c: readonly (readonly number[])[]): number[][] | undefined {
  const n = c.length;
  const L = c.map(() => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = c[j][j];
    for (let k = 0; k < j; k++) d -= L[j][k] * L[j][k];
    if (d < -1e-9) return undefined;
    const root = Math.sqrt(Math.max(0, d));
    L[j][j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = c[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = root > 1e-12 ? s / root : 0;
    }
  }
  return L;
}

function readCorrelation(v: unknown, n: number): Parsed<number[][]> {
  const bad = (why: string) => fail(`"correlation" ${why}`);
  if (!Array.isArray(v) || v.length !== n) {
    return bad(`must be ${n} rows of ${n} numbers (one per constant), got ${show(v)}`);
  }
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: unknown = v[i];
    if (!Array.isArray(row) || row.length !== n) return bad(`row ${i + 1} must hold ${n} numbers`);
    for (let j = 0; j < n; j++) {
      const x: unknown = row[j];
      if (typeof x !== 'number' || !Number.isFinite(x) || Math.abs(x) > 1) {
        return bad(`row ${i + 1}, column ${j + 1} must be a number from -1 to 1, got ${show(x)}`);
      }
    }
    if (row[i] !== 1) return bad(`row ${i + 1}, column ${i + 1} must be 1, got ${show(row[i])}`);
    rows.push(row as number[]);
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (Math.abs(rows[i][j] - rows[j][i]) > 1e-9)
        return bad(
          `must be symmetric: row ${i + 1}, column ${j + 1} differs from row ${j + 1}, column ${i + 1}`,
        );
  if (!choleskyOf(rows)) return bad('is not a correlation matrix (not positive semi-definite)');
  return { ok: true, value: rows };
}

/** Reads a scenario's "fit" value; an error names the part that is wrong. */
export function parseFit(input: unknown): Parsed<ScenarioFit> {
  if (!isObject(input))
    return fail(`must be an object {constants, correlation?}, got ${show(input)}`);
  const extra = Object.keys(input).find((k) => k !== 'constants' && k !== 'correlation');
  if (extra !== undefined)
    return fail(`unknown key ${quoted(extra)} (allowed: constants, correlation)`);
  const list = input.constants;
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_FIT_CONSTANTS) {
    return fail(`"constants" must list 1 to ${MAX_FIT_CONSTANTS} constants, got ${show(list)}`);
  }
  const seen = new Set<string>();
  const constants: FitConstant[] = [];
  for (let k = 0; k < list.length; k++) {
    const r = readConstant(list[k], k, seen);
    if (!r.ok) return r;
    constants.push(r.value);
  }
  if (input.correlation === undefined) return { ok: true, value: { constants } };
  const c = readCorrelation(input.correlation, constants.length);
  if (!c.ok) return c;
  return { ok: true, value: { constants, correlation: c.value } };
}

/** A canonical text of a fit (equal texts, equal fits); "" for none. */
export function fitKey(fit: ScenarioFit | undefined): string {
  if (!fit) return '';
  return JSON.stringify([fit.constants.map((c) => [c.id, c.value, c.logSe]), fit.correlation ?? 0]);
}

/** Rounds to `digits` significant digits (a fit's figures as a link carries them). */
function sig(x: number, digits: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}

/**
 * The fit a calibration's result becomes: each constant's value (as fitted) and log standard
 * error (4 significant digits), and the correlations from its covariance of logs (3 decimals,
 * shrunk toward 0 until positive semi-definite after the rounding).
 */
export function fitFromCovariance(
  constants: readonly { id: string; value: number; logSe: number }[],
  covariance: readonly (readonly number[])[],
): ScenarioFit {
  const fitted = constants.map((c) => ({
    id: c.id,
    value: c.value,
    logSe: Math.min(MAX_LOG_SE, sig(Math.max(0, c.logSe), 4)),
  }));
  const n = fitted.length;
  const sd = covariance.map((row, i) => Math.sqrt(Math.max(0, row[i])));
  for (let shrink = 1; shrink > 0; shrink -= 0.05) {
    const corr = covariance.map((row, i) =>
      row.map((v, j) => {
        if (i === j) return 1;
        const r = sd[i] > 0 && sd[j] > 0 ? v / (sd[i] * sd[j]) : 0;
        return Math.round(Math.max(-1, Math.min(1, r * shrink)) * 1000) / 1000 || 0;
      }),
    );
    if (n === 1 || choleskyOf(corr))
      return n === 1 ? { constants: fitted } : { constants: fitted, correlation: corr };
  }
  return { constants: fitted };
}

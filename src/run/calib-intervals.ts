/**
 * The calibration's uncertainty (issue 17): the sandwich covariance of the fitted constants,
 * their intervals, and whether the data identify each (src/run/calibrate.ts runs the fit).
 */
import { INTERVAL_LEVEL, type FittedConstant } from '../model/calibration';
import { PARAM_BY_ID } from '../model/params';
import type { NumberParamDef } from '../model/param-def';
import {
  covariance,
  invert,
  multiply,
  studentQuantile,
  symmetricEigenvalues,
  transpose,
  type Matrix,
} from './calib-linalg';
import type { Moment } from './calib-moments';

/** Forward-difference step in log(constant): 25%, wide enough that common random numbers make the change smooth. */
export const LOG_STEP = 0.25;

function clampTo(id: string, v: number): number {
  const d = PARAM_BY_ID.get(id) as NumberParamDef;
  return Math.min(d.max, Math.max(d.min, v));
}

/**
 * Covariance of log(constants): (1 + 1/R)·Cov_r(A·m_r), A = (JᵀJ)⁻¹JᵀD⁻¹, from the
 * replications' moments m_r at the optimum (a tiny ridge keeps a singular JᵀJ invertible; its
 * constants then get huge variances and are flagged).
 */
export function sandwich(J: Matrix, perRep: number[][], sd: number[], R: number): Matrix {
  const Jt = transpose(J);
  const JtJ = multiply(Jt, J);
  const scale = Math.max(1e-12, ...JtJ.map((row, i) => row[i]));
  const inv =
    invert(JtJ.map((row, i) => row.map((v, j) => (i === j ? v + 1e-9 * scale : v)))) ??
    JtJ.map((row) => row.map(() => 0));
  const A = multiply(
    inv,
    Jt.map((row) => row.map((v, j) => v / sd[j])),
  );
  const projections = perRep.map((m) => A.map((row) => row.reduce((s, a, j) => s + a * m[j], 0)));
  return covariance(projections).map((row) => row.map((v) => v * (1 + 1 / R)));
}

export function intervals(
  fit: readonly string[],
  u0: readonly number[],
  u: readonly number[],
  cov: Matrix,
  J: Matrix,
  moments: readonly Moment[],
  bounds: readonly [number, number][],
  R: number,
): FittedConstant[] {
  const t = studentQuantile(0.5 + INTERVAL_LEVEL / 2, R - 1);
  return fit.map((id, k) => {
    const se = Math.sqrt(Math.max(0, cov[k][k]));
    const low = Math.exp(Math.max(bounds[k][0], u[k] - t * se));
    const high = Math.exp(Math.min(bounds[k][1], u[k] + t * se));
    const column = J.map((row) => Math.abs(row[k]));
    const top = Math.max(...column);
    const movedBy = column
      .map((v, j) => ({ v, c: moments[j].column }))
      .filter((x) => x.v >= 0.3 * top && x.v > 0)
      .sort((a, b) => b.v - a.v)
      .map((x) => x.c);
    return {
      id,
      start: Math.exp(u0[k]),
      value: clampTo(id, Math.exp(u[k])),
      low,
      high,
      logSe: se,
      ...identification(fit, k, cov, se, t, Math.sqrt(column.reduce((s, v) => s + v * v, 0))),
      movedBy,
    };
  });
}

/**
 * Whether the data pin a constant down: not when its 90% interval spans more than a factor of
 * 4, when a 10% change moves the statistics by under a tenth of a standard deviation in all, or
 * when its estimate is all but a copy of another's (correlation beyond ±0.95).
 */
export function identification(
  fit: readonly string[],
  k: number,
  cov: Matrix,
  se: number,
  t: number,
  sensitivity: number,
): { identified: boolean; warning: string } {
  const label = (id: string) => PARAM_BY_ID.get(id)?.label ?? id;
  if (sensitivity * 0.1 < 0.1) {
    return {
      identified: false,
      warning: `The history's columns barely move with ${label(fit[k])}: a 10% change moves them by ${(sensitivity * 0.1).toFixed(2)} standard deviations in all.`,
    };
  }
  for (let j = 0; j < fit.length; j++) {
    if (j === k) continue;
    const r = cov[k][j] / Math.sqrt(cov[k][k] * cov[j][j]);
    if (Math.abs(r) > 0.95) {
      return {
        identified: false,
        warning: `${label(fit[k])} and ${label(fit[j])} move the same statistics the same way (estimates correlated ${r.toFixed(2)}); fit one of them.`,
      };
    }
  }
  if (2 * t * se > Math.log(4)) {
    return {
      identified: false,
      warning: `The data leave ${label(fit[k])} loose: its 90% interval spans a factor of ${Math.exp(2 * t * se).toFixed(1)}.`,
    };
  }
  return { identified: true, warning: '' };
}

export function fitWarnings(J: Matrix, cost: number, used: number, p: number): string[] {
  const out: string[] = [];
  const eig = symmetricEigenvalues(multiply(transpose(J), J));
  if (eig[0] < 1e-6 * Math.max(1e-300, eig[eig.length - 1])) {
    out.push(
      'The statistics cannot tell some of the constants apart (the fit’s information matrix is near singular); fit fewer.',
    );
  }
  if (used < p)
    out.push(
      `${p} constants from ${used} statistics: fit no more constants than the history has columns.`,
    );
  if (cost / Math.max(1, used) > 4) {
    out.push(
      'The fitted station still misses some statistics by more than 2 standard deviations: the model may not describe this station, or another constant is off.',
    );
  }
  return out;
}

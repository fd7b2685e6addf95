/**
 * The calibration's optimisers (issue 17), over an objective that may be slow and
 * asynchronous (each evaluation is a batch of simulations on the workers):
 * - `levenbergMarquardt` for a sum of squared residuals (the method of simulated moments'
 *   loss), with a forward-difference Jacobian and box bounds; it also returns the Jacobian at
 *   the optimum, which the intervals need (Moré 1978; Nocedal & Wright 2006, ch. 10);
 * - `nelderMead` for any scalar function, unbounded (Nelder & Mead 1965, with the adaptive
 *   coefficients of Gao & Han 2012).
 */
import { solve, transpose, multiply, matVec, type Matrix } from './calib-linalg';

export interface Bounds {
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

function clamp(x: readonly number[], b: Bounds | undefined): number[] {
  return b ? x.map((v, i) => Math.min(b.upper[i], Math.max(b.lower[i], v))) : [...x];
}

const sumSq = (r: readonly number[]): number => r.reduce((s, v) => s + v * v, 0);

export interface LmOptions {
  readonly bounds?: Bounds;
  /** Forward-difference step in each coordinate (default 0.05). */
  readonly step?: number;
  /** Most Jacobians computed (default 12). */
  readonly maxIterations?: number;
  /** Stops when an accepted step lowers the cost by less than this share (default 1e-3)… */
  readonly tolerance?: number;
  /**
   * … or by less than this, or when the Gauss–Newton step from a new Jacobian predicts a drop
   * under it (default 0).
   */
  readonly absoluteTolerance?: number;
  /** Hears each evaluation (count so far). */
  readonly onEvaluation?: (count: number) => void;
}

export interface LmResult<E> {
  readonly x: number[];
  readonly residuals: number[];
  readonly cost: number;
  /** Jacobian of the residuals at `x` (rows residuals, columns coordinates). */
  readonly jacobian: Matrix;
  /** What the residual function returned at `x` and at each Jacobian point (`x + h·e_k`). */
  readonly extra: E;
  readonly jacobianExtras: E[];
  /** The Jacobian's step in each coordinate (negative where the bound made it go down). */
  readonly steps: number[];
  readonly evaluations: number;
  readonly iterations: number;
}

export type Residuals<E> = (x: number[]) => Promise<{ residuals: number[]; extra: E }>;

interface Point<E> {
  x: number[];
  here: { residuals: number[]; extra: E };
  cost: number;
}

/**
 * One damped step from `p` (Marquardt's scaling of JᵀJ's diagonal), raising the damping until
 * the cost falls (at most six tries); the new point, or undefined when none fell.
 */
async function dampedStep<E>(
  evaluate: (x: number[]) => Promise<{ residuals: number[]; extra: E }>,
  p: Point<E>,
  A: Matrix,
  g: number[],
  damping: { lambda: number },
  bounds: Bounds | undefined,
): Promise<Point<E> | undefined> {
  for (let tries = 0; tries < 6; tries++) {
    const lambda = damping.lambda;
    const damped = A.map((row, i) => row.map((v, j) => (i === j ? v * (1 + lambda) + 1e-12 : v)));
    const delta = solve(
      damped,
      g.map((v) => -v),
    );
    if (!delta) {
      damping.lambda *= 10;
      continue;
    }
    const next = clamp(
      p.x.map((v, i) => v + delta[i]),
      bounds,
    );
    if (next.every((v, i) => Math.abs(v - p.x[i]) < 1e-9)) return undefined;
    const there = await evaluate(next);
    const nextCost = sumSq(there.residuals);
    if (nextCost < p.cost) {
      damping.lambda = Math.max(1e-7, lambda / 5);
      return { x: next, here: there, cost: nextCost };
    }
    damping.lambda *= 8;
  }
  return undefined;
}

/** The Gauss–Newton step's predicted drop of the cost, gᵀ(JᵀJ)⁻¹g. */
function predictedDrop(A: Matrix, g: number[]): number {
  const full = solve(
    A.map((row, i) => row.map((v, j) => (i === j ? v + 1e-12 : v))),
    g,
  );
  return full ? full.reduce((s, v, i) => s + v * g[i], 0) : Infinity;
}

/** Minimises the sum of squared residuals from x0. */
export async function levenbergMarquardt<E>(
  fn: Residuals<E>,
  x0: readonly number[],
  options: LmOptions = {},
): Promise<LmResult<E>> {
  const { bounds, step = 0.05, maxIterations = 12, tolerance = 1e-3 } = options;
  const absoluteTolerance = options.absoluteTolerance ?? 0;
  let evaluations = 0;
  const evaluate = async (x: number[]) => {
    const out = await fn(x);
    options.onEvaluation?.(++evaluations);
    return out;
  };
  const x = clamp(x0, bounds);
  const here = await evaluate(x);
  let p: Point<E> = { x, here, cost: sumSq(here.residuals) };
  const damping = { lambda: 1e-3 };
  const done = (jac: JacobianAt<E>, iterations: number) =>
    result(p.x, p.here, p.cost, jac, evaluations, iterations);
  for (let iterations = 1; ; iterations++) {
    const jac = await jacobianAt(evaluate, p.x, p.here.residuals, step, bounds);
    if (iterations > maxIterations) return done(jac, iterations);
    const Jt = transpose(jac.jacobian);
    const A = multiply(Jt, jac.jacobian);
    const g = matVec(Jt, p.here.residuals);
    // Under `absoluteTolerance`, the optimum is already as close as the noise lets it be told.
    if (predictedDrop(A, g) < absoluteTolerance) return done(jac, iterations);
    const next = await dampedStep(evaluate, p, A, g, damping, bounds);
    if (!next) return done(jac, iterations);
    const drop = p.cost - next.cost;
    const gain = drop / Math.max(p.cost, 1e-300);
    p = next;
    if (gain < tolerance || drop < absoluteTolerance) {
      const last = await jacobianAt(evaluate, p.x, p.here.residuals, step, bounds);
      return done(last, iterations + 1);
    }
  }
}

interface JacobianAt<E> {
  jacobian: Matrix;
  extras: E[];
  steps: number[];
}

async function jacobianAt<E>(
  evaluate: (x: number[]) => Promise<{ residuals: number[]; extra: E }>,
  x: readonly number[],
  r0: readonly number[],
  step: number,
  bounds: Bounds | undefined,
): Promise<JacobianAt<E>> {
  const columns: number[][] = [];
  const extras: E[] = [];
  const steps: number[] = [];
  for (let k = 0; k < x.length; k++) {
    const h = bounds && x[k] + step > bounds.upper[k] ? -step : step;
    const xk = [...x];
    xk[k] += h;
    const out = await evaluate(xk);
    columns.push(out.residuals.map((v, i) => (v - r0[i]) / h));
    extras.push(out.extra);
    steps.push(h);
  }
  return { jacobian: transpose(columns), extras, steps };
}

function result<E>(
  x: number[],
  here: { residuals: number[]; extra: E },
  cost: number,
  jac: JacobianAt<E>,
  evaluations: number,
  iterations: number,
): LmResult<E> {
  return {
    x,
    residuals: here.residuals,
    cost,
    jacobian: jac.jacobian,
    extra: here.extra,
    jacobianExtras: jac.extras,
    steps: jac.steps,
    evaluations,
    iterations,
  };
}

export interface NelderMeadOptions {
  /** Initial simplex edge in each coordinate (default 0.1). */
  readonly step?: number;
  readonly maxEvaluations?: number;
  /** Stops when the simplex's values differ by less than this (default 1e-8). */
  readonly tolerance?: number;
}

/** Minimises f from x0 with the adaptive Nelder–Mead simplex. */
export async function nelderMead(
  f: (x: number[]) => number | Promise<number>,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): Promise<{ x: number[]; value: number; evaluations: number }> {
  const { step = 0.1, maxEvaluations = 2000, tolerance = 1e-8 } = options;
  const n = x0.length;
  const [alpha, gamma, rho, sigma] = [1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n];
  let evaluations = 0;
  const value = async (x: number[]) => {
    evaluations++;
    return f(x);
  };
  const start = [...x0];
  const simplex: { x: number[]; v: number }[] = [{ x: start, v: await value(start) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] += step;
    simplex.push({ x, v: await value(x) });
  }
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.v - b.v);
    if (simplex[n].v - simplex[0].v < tolerance) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i].x[j] / n;
    const toward = (t: number) => centroid.map((c, j) => c + t * (simplex[n].x[j] - c));
    const xr = toward(-alpha);
    const vr = await value(xr);
    if (vr < simplex[0].v) {
      const xe = toward(-alpha * gamma);
      const ve = await value(xe);
      simplex[n] = ve < vr ? { x: xe, v: ve } : { x: xr, v: vr };
    } else if (vr < simplex[n - 1].v) {
      simplex[n] = { x: xr, v: vr };
    } else {
      const outside = vr < simplex[n].v;
      const xc = toward(outside ? -alpha * rho : rho);
      const vc = await value(xc);
      if (vc < (outside ? vr : simplex[n].v)) simplex[n] = { x: xc, v: vc };
      else {
        for (let i = 1; i <= n; i++) {
          const x = simplex[i].x.map((v, j) => simplex[0].x[j] + sigma * (v - simplex[0].x[j]));
          simplex[i] = { x, v: await value(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0].x, value: simplex[0].v, evaluations };
}

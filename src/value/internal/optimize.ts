/**
 * Small unconstrained minimisers for the lifetime-value likelihoods (a handful
 * of parameters, optimised on the log scale so positivity is automatic).
 *
 * - {@link minimizeBfgs}: BFGS with an Armijo backtracking line search; the
 *   objective may return Infinity/NaN for impossible points, which the line
 *   search treats as "too far" and backs off from.
 * - {@link nelderMead}: the derivative-free simplex method (Nelder & Mead 1965,
 *   standard coefficients 1, 2, 0.5, 0.5) used as a robust first stage.
 */

/** The outcome of a minimisation. */
export interface MinimizeOutcome {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly gradientNorm: number;
  readonly converged: boolean;
  readonly message: string;
}

export type Objective = (x: Float64Array) => number;
/** Writes the gradient into `out` and returns the objective value. */
export type ObjectiveWithGradient = (x: Float64Array, out: Float64Array) => number;

/** Central-difference gradient of `f`, wrapped as an {@link ObjectiveWithGradient}. */
export function numericGradient(f: Objective, step = 1e-5): ObjectiveWithGradient {
  return (x, out) => {
    const value = f(x);
    const probe = Float64Array.from(x);
    for (let j = 0; j < x.length; j++) {
      const h = step * Math.max(1, Math.abs(x[j] as number));
      probe[j] = (x[j] as number) + h;
      const up = f(probe);
      probe[j] = (x[j] as number) - h;
      const down = f(probe);
      probe[j] = x[j] as number;
      out[j] = (up - down) / (2 * h);
    }
    return value;
  };
}

const norm = (v: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) ** 2;
  return Math.sqrt(s);
};

/**
 * BFGS (Nocedal & Wright 2006, algorithm 6.1) with an Armijo backtracking line
 * search. Stops when the gradient's max-norm falls below `gradientTolerance`
 * or the objective stops changing (relative change below 1e-14 on two steps).
 */
export function minimizeBfgs(
  f: ObjectiveWithGradient,
  start: ArrayLike<number>,
  {
    maxIterations = 500,
    gradientTolerance = 1e-7,
  }: { maxIterations?: number; gradientTolerance?: number } = {},
): MinimizeOutcome {
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let value = f(x, g);
  let evaluations = 1;
  const maxNorm = (v: Float64Array) => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
  // the outcome at the current point; `converged` undefined: the gradient within 1e3 × tolerance
  const outcome = (
    iterations: number,
    message: string,
    converged = maxNorm(g) < gradientTolerance * 1e3,
    gradientNorm = norm(g),
  ): MinimizeOutcome => ({ x, value, iterations, evaluations, gradientNorm, converged, message });
  if (!Number.isFinite(value)) {
    return outcome(0, "objective not finite at the start", false, Number.POSITIVE_INFINITY);
  }
  // inverse Hessian approximation, row-major
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  const direction = new Float64Array(n);
  const xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  let stalled = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (maxNorm(g) < gradientTolerance) return outcome(iteration - 1, "gradient below tolerance", true);
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d -= (H[i * n + j] as number) * (g[j] as number);
      direction[i] = d;
      slope += d * (g[i] as number);
    }
    if (!(slope < 0)) {
      // not a descent direction: reset to steepest descent
      H.fill(0);
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        direction[i] = -(g[i] as number);
      }
      slope = -(norm(g) ** 2);
    }
    // limit the first step so a log-parameter never moves by more than 5
    let step = Math.min(1, 5 / Math.max(1e-300, maxNorm(direction)));
    let accepted = false;
    let valueNew = Number.NaN;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + step * (direction[i] as number);
      valueNew = f(xNew, gNew);
      evaluations++;
      if (Number.isFinite(valueNew) && valueNew <= value + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) return outcome(iteration, "line search could not decrease the objective further");
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
      sy += (s[i] as number) * (y[i] as number);
    }
    const change = Math.abs(value - valueNew) / Math.max(1, Math.abs(value));
    stalled = change < 1e-14 ? stalled + 1 : 0;
    x = Float64Array.from(xNew);
    const swap = g;
    g = gNew;
    gNew = swap;
    value = valueNew;
    if (sy > 1e-12) {
      // H <- (I - rho s y^T) H (I - rho y s^T) + rho s s^T
      const rho = 1 / sy;
      const Hy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let j = 0; j < n; j++) t += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = t;
      }
      let yHy = 0;
      for (let i = 0; i < n; i++) yHy += (y[i] as number) * (Hy[i] as number);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] =
            (H[i * n + j] as number) -
            rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) +
            (rho * rho * yHy + rho) * (s[i] as number) * (s[j] as number);
        }
      }
    }
    if (stalled >= 2) return outcome(iteration, "objective stopped changing");
  }
  return outcome(maxIterations, "maxIterations reached", false);
}

/**
 * Nelder-Mead simplex minimisation. The initial simplex steps each coordinate
 * by `initialStep`. Stops when the simplex's value spread falls below
 * `tolerance` (relative) or after `maxIterations`.
 */
export function nelderMead(
  f: Objective,
  start: ArrayLike<number>,
  { maxIterations = 2000, tolerance = 1e-10, initialStep = 0.5 } = {},
): MinimizeOutcome {
  const n = start.length;
  const points: Float64Array[] = [];
  const values: number[] = [];
  let evaluations = 0;
  const evaluate = (x: Float64Array) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  points.push(Float64Array.from(start));
  for (let j = 0; j < n; j++) {
    const p = Float64Array.from(start);
    p[j] = (p[j] as number) + initialStep;
    points.push(p);
  }
  for (const p of points) values.push(evaluate(p));
  const order = points.map((_, i) => i);
  let iteration = 0;
  const centroid = new Float64Array(n);
  const along = (factor: number, worst: Float64Array) => {
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++)
      out[j] = (centroid[j] as number) + factor * ((worst[j] as number) - (centroid[j] as number));
    return out;
  };
  for (; iteration < maxIterations; iteration++) {
    order.sort((a, b) => (values[a] as number) - (values[b] as number));
    const best = values[order[0] as number] as number;
    const worstIndex = order[n] as number;
    const worstValue = values[worstIndex] as number;
    if (Number.isFinite(worstValue) && Math.abs(worstValue - best) <= tolerance * (Math.abs(best) + 1e-20))
      break;
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k] as number] as Float64Array;
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (p[j] as number) / n;
    }
    const worst = points[worstIndex] as Float64Array;
    const secondWorst = values[order[n - 1] as number] as number;
    const reflected = along(-1, worst);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < best) {
      const expanded = along(-2, worst);
      const expandedValue = evaluate(expanded);
      if (expandedValue < reflectedValue) {
        points[worstIndex] = expanded;
        values[worstIndex] = expandedValue;
      } else {
        points[worstIndex] = reflected;
        values[worstIndex] = reflectedValue;
      }
      continue;
    }
    if (reflectedValue < secondWorst) {
      points[worstIndex] = reflected;
      values[worstIndex] = reflectedValue;
      continue;
    }
    const outside = reflectedValue < worstValue;
    const contracted = along(outside ? -0.5 : 0.5, worst);
    const contractedValue = evaluate(contracted);
    if (contractedValue < Math.min(reflectedValue, worstValue)) {
      points[worstIndex] = contracted;
      values[worstIndex] = contractedValue;
      continue;
    }
    // shrink towards the best point
    const bestPoint = points[order[0] as number] as Float64Array;
    for (let k = 1; k <= n; k++) {
      const index = order[k] as number;
      const p = points[index] as Float64Array;
      for (let j = 0; j < n; j++)
        p[j] = (bestPoint[j] as number) + 0.5 * ((p[j] as number) - (bestPoint[j] as number));
      values[index] = evaluate(p);
    }
  }
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const bestIndex = order[0] as number;
  const x = points[bestIndex] as Float64Array;
  const value = values[bestIndex] as number;
  return {
    x,
    value,
    iterations: iteration,
    evaluations: evaluations + 2 * n,
    gradientNorm: finiteDifferenceGradientNorm(f, x, value),
    converged: iteration < maxIterations,
    message: iteration < maxIterations ? "simplex values within tolerance" : "maxIterations reached",
  };
}

/**
 * Euclidean norm of a finite-difference gradient of `f` at `x` (where it equals `value`): central
 * differences, or a one-sided difference for a coordinate whose other side is not finite (the edge of
 * the search box). Infinity when `f` is not finite at `x` or on both sides: never NaN.
 */
export function finiteDifferenceGradientNorm(f: Objective, x: Float64Array, value: number): number {
  if (!Number.isFinite(value)) return Number.POSITIVE_INFINITY;
  const probe = Float64Array.from(x);
  let squares = 0;
  for (let j = 0; j < x.length; j++) {
    const xj = x[j] as number;
    const h = 1e-6 * Math.max(1, Math.abs(xj));
    probe[j] = xj + h;
    const up = f(probe);
    probe[j] = xj - h;
    const down = f(probe);
    probe[j] = xj;
    let slope: number;
    if (Number.isFinite(up) && Number.isFinite(down)) slope = (up - down) / (2 * h);
    else if (Number.isFinite(up)) slope = (up - value) / h;
    else if (Number.isFinite(down)) slope = (value - down) / h;
    else return Number.POSITIVE_INFINITY;
    squares += slope * slope;
  }
  return Math.sqrt(squares);
}

/** True when a log-parameter leaves [-30, 30], the search box of the lifetime-value fitters. */
export function outsideBox(theta: Float64Array): boolean {
  for (let j = 0; j < theta.length; j++) if (!(Math.abs(theta[j] as number) <= 30)) return true;
  return false;
}

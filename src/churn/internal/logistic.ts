/**
 * Penalised, weighted logistic regression by Newton's method (IRLS) with a
 * Cholesky solve and step halving. Works on a dense row-major design matrix
 * whose column 0 is the intercept (never penalised).
 *
 * Objective (minimised): f(β) = Σᵢ wᵢ [log(1 + e^{ηᵢ}) − yᵢ ηᵢ] + (λ / 2) Σ_{j ≥ 1} βⱼ², η = Xβ.
 * This is scikit-learn's LogisticRegression objective with C = 1 / λ (sum of
 * losses, intercept unpenalised); with λ = 0 it is the maximum-likelihood fit of
 * R's glm(family = binomial) and statsmodels' Logit.
 */
import { choleskyInPlace, choleskyInverseDiagonal, choleskySolveInPlace } from "./cholesky.js";

/** Inputs of {@link fitLogistic}. */
export interface LogisticProblem {
  /** Row-major n x d design, column 0 all ones. */
  readonly x: Float64Array;
  /** Labels 0/1. */
  readonly y: Uint8Array;
  /** Per-row weights (> 0). */
  readonly weights: Float64Array;
  readonly rows: number;
  readonly columns: number;
  /** λ ≥ 0. */
  readonly l2: number;
  readonly maxIterations: number;
  /** Convergence when every |Newton step| ≤ tolerance * (1 + |β|). */
  readonly tolerance: number;
  /**
   * Start from a fit on a systematic subsample when there are many rows (see {@link warmStart}).
   * @defaultValue true
   */
  readonly warmStart?: boolean;
  /**
   * Columns 0..denseColumns-1 are dense; later columns are mostly zero (0/1 dummies) and their Hessian
   * rows are accumulated only over the rows where they are non-zero.
   * @defaultValue columns
   */
  readonly denseColumns?: number;
  /** Starting coefficients (used by the warm start); default: zeros with the intercept at the base-rate logit. */
  readonly start?: Float64Array;
}

/** Chord steps at most after one Newton iteration. */
const MAX_CHORD_STEPS = 12;

/** Rows above which {@link fitLogistic} warm-starts from a subsample fit. */
export const WARM_START_ROWS = 40_000;
/** Approximate size of the warm-start subsample. */
const WARM_START_SAMPLE = 10_000;

/**
 * Coefficients from a fit on every s-th row (s = ⌊n / 10 000⌋), with λ scaled by the sampling share so
 * both objectives have nearly the same minimiser. Newton on the full data then needs one or two
 * O(n d²) iterations instead of four or five. Returns undefined when the subsample fit fails
 * (separation or a singular Hessian in the subsample); the full fit then starts from scratch.
 */
function warmStart(problem: LogisticProblem): Float64Array | undefined {
  const { x, y, weights, rows, columns: d } = problem;
  const stride = Math.floor(rows / WARM_START_SAMPLE);
  const m = Math.floor((rows - 1) / stride) + 1;
  const subX = new Float64Array(m * d);
  const subY = new Uint8Array(m);
  const subWeights = new Float64Array(m);
  let positive = 0;
  for (let k = 0; k < m; k++) {
    const i = k * stride;
    subX.set(x.subarray(i * d, i * d + d), k * d);
    subY[k] = y[i] as number;
    subWeights[k] = weights[i] as number;
    positive += subY[k] as number;
  }
  if (positive === 0 || positive === m) return undefined;
  const fit = fitLogistic(
    {
      x: subX,
      y: subY,
      weights: subWeights,
      rows: m,
      columns: d,
      l2: (problem.l2 * m) / rows,
      maxIterations: 50,
      tolerance: 1e-6,
      warmStart: false,
    },
    false,
  );
  return fit.stop === "converged" ? fit.beta : undefined;
}

/** Why the fit stopped. */
export type LogisticStop = "converged" | "max-iterations" | "no-descent" | "separation" | "singular";

/** Output of {@link fitLogistic}. */
export interface LogisticFit {
  readonly beta: Float64Array;
  readonly stop: LogisticStop;
  readonly iterations: number;
  /** Max absolute gradient of the objective at the returned β. */
  readonly gradientNorm: number;
  /** Objective value at β. */
  readonly objective: number;
  /** Steps taken with an earlier Hessian factor (one O(n d) gradient pass each). */
  readonly chordSteps: number;
  /** Total number of step halvings. */
  readonly stepHalvings: number;
  /** Column index that failed (separation: the diverging column; singular: the failed pivot). */
  readonly column: number;
  /** Diagonal of the inverse Hessian at β (for standard errors) when asked for and positive definite. */
  readonly inverseHessianDiagonal: Float64Array | undefined;
}

/**
 * Standardised coefficients beyond this size, without a penalty, mean the
 * likelihood has no finite maximum (a one-SD change multiplying the odds by e³⁰).
 */
export const SEPARATION_LIMIT = 30;

/** log(1 + e^η) without overflow. */
function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

function objectiveAt(
  problem: LogisticProblem,
  beta: Float64Array,
  eta: Float64Array,
  gradient?: Float64Array,
): number {
  const { x, y, weights, rows, columns: d, l2 } = problem;
  let total = 0;
  if (gradient !== undefined) gradient.fill(0);
  for (let i = 0; i < rows; i++) {
    const row = i * d;
    let value = 0;
    for (let j = 0; j < d; j++) value += (x[row + j] as number) * (beta[j] as number);
    eta[i] = value;
    const w = weights[i] as number;
    const label = y[i] as number;
    total += w * (softplus(value) - (label === 1 ? value : 0));
    if (gradient !== undefined) {
      // Fused gradient pass (chord steps): the row is still in cache.
      const p = value >= 0 ? 1 / (1 + Math.exp(-value)) : Math.exp(value) / (1 + Math.exp(value));
      const residual = w * (p - label);
      for (let j = 0; j < d; j++) gradient[j] = (gradient[j] as number) + residual * (x[row + j] as number);
    }
  }
  let penalty = 0;
  for (let j = 1; j < d; j++) {
    penalty += (beta[j] as number) * (beta[j] as number);
    if (gradient !== undefined) gradient[j] = (gradient[j] as number) + l2 * (beta[j] as number);
  }
  return total + 0.5 * l2 * penalty;
}

/** Rows per block of the Hessian accumulation (a block of d columns stays in L1/L2 cache). */
const BLOCK = 128;

/** Scratch buffers of {@link derivatives}. */
interface Scratch {
  readonly columns: Float64Array;
  readonly weighted: Float64Array;
}

/**
 * Gradient and (lower-triangle) Hessian of the objective at the η of the last {@link objectiveAt}
 * call. Rows are processed in blocks transposed to column-major scratch, so every Hessian entry is a
 * register-accumulated dot product over the block. Complexity O(n d²); with `withHessian` false only
 * the gradient, O(n d).
 */
function derivatives(
  problem: LogisticProblem,
  beta: Float64Array,
  eta: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
  withHessian: boolean,
  scratch: Scratch,
): void {
  const { x, y, weights, rows, columns: d, l2 } = problem;
  const dense = problem.denseColumns ?? d;
  const { columns, weighted } = scratch;
  gradient.fill(0);
  if (withHessian) hessian.fill(0);
  for (let start = 0; start < rows; start += BLOCK) {
    const size = Math.min(BLOCK, rows - start);
    for (let k = 0; k < size; k++) {
      const i = start + k;
      const e = eta[i] as number;
      const p = e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e));
      const w = weights[i] as number;
      const residual = w * (p - (y[i] as number));
      const curvature = w * p * (1 - p);
      const row = i * d;
      if (withHessian) {
        for (let a = 0; a < dense; a++) {
          const value = x[row + a] as number;
          gradient[a] = (gradient[a] as number) + residual * value;
          columns[a * BLOCK + k] = value;
          weighted[a * BLOCK + k] = curvature * value;
        }
      } else {
        for (let a = 0; a < dense; a++)
          gradient[a] = (gradient[a] as number) + residual * (x[row + a] as number);
      }
      for (let a = dense; a < d; a++) {
        const value = x[row + a] as number;
        if (value === 0) continue;
        gradient[a] = (gradient[a] as number) + residual * value;
        if (!withHessian) continue;
        // Sparse column: add this row's outer-product row directly.
        const scaled = curvature * value;
        const hRow = a * d;
        for (let b = 0; b <= a; b++)
          hessian[hRow + b] = (hessian[hRow + b] as number) + scaled * (x[row + b] as number);
      }
    }
    if (!withHessian) continue;
    // Two Hessian rows (a, a + 1) per pass share the loads of column b; two accumulators each
    // (k unrolled by 2) break the floating-point add dependency chain.
    const even = size & ~1;
    let a = 0;
    for (; a + 1 < dense; a += 2) {
      const a0 = a * BLOCK;
      const a1 = a0 + BLOCK;
      const h0 = a * d;
      const h1 = h0 + d;
      for (let b = 0; b <= a + 1; b++) {
        const bOffset = b * BLOCK;
        let s0 = 0;
        let s0b = 0;
        let s1 = 0;
        let s1b = 0;
        let k = 0;
        for (; k < even; k += 2) {
          const c0 = columns[bOffset + k] as number;
          const c1 = columns[bOffset + k + 1] as number;
          s0 += (weighted[a0 + k] as number) * c0;
          s0b += (weighted[a0 + k + 1] as number) * c1;
          s1 += (weighted[a1 + k] as number) * c0;
          s1b += (weighted[a1 + k + 1] as number) * c1;
        }
        if (k < size) {
          const c0 = columns[bOffset + k] as number;
          s0 += (weighted[a0 + k] as number) * c0;
          s1 += (weighted[a1 + k] as number) * c0;
        }
        if (b <= a) hessian[h0 + b] = (hessian[h0 + b] as number) + s0 + s0b;
        hessian[h1 + b] = (hessian[h1 + b] as number) + s1 + s1b;
      }
    }
    if (a < dense) {
      const aOffset = a * BLOCK;
      const hRow = a * d;
      for (let b = 0; b <= a; b++) {
        const bOffset = b * BLOCK;
        let sum = 0;
        for (let k = 0; k < size; k++)
          sum += (weighted[aOffset + k] as number) * (columns[bOffset + k] as number);
        hessian[hRow + b] = (hessian[hRow + b] as number) + sum;
      }
    }
  }
  for (let j = 1; j < d; j++) {
    gradient[j] = (gradient[j] as number) + l2 * (beta[j] as number);
    if (withHessian) hessian[j * d + j] = (hessian[j * d + j] as number) + l2;
  }
}

function maxAbs(values: Float64Array): number {
  let max = 0;
  for (let j = 0; j < values.length; j++) max = Math.max(max, Math.abs(values[j] as number));
  return max;
}

/**
 * Newton-Raphson / IRLS. Starts at β = 0 with the intercept at the logit of the
 * weighted base rate (or, above {@link WARM_START_ROWS} rows, from a subsample fit). Each iteration solves H δ = −g by Cholesky; when the full
 * step does not lower the objective it is halved (up to 40 times). Stops when
 * the step is below tolerance (converged), on a singular Hessian, when an
 * unpenalised coefficient passes {@link SEPARATION_LIMIT}, or at maxIterations.
 */
export function fitLogistic(problem: LogisticProblem, wantInverseHessian: boolean): LogisticFit {
  const { y, weights, rows, columns: d, l2, maxIterations, tolerance } = problem;
  const beta = new Float64Array(d);
  const start =
    problem.start ??
    (problem.warmStart !== false && rows >= WARM_START_ROWS ? warmStart(problem) : undefined);
  if (start !== undefined) beta.set(start);
  else {
    let positive = 0;
    let total = 0;
    for (let i = 0; i < rows; i++) {
      total += weights[i] as number;
      if ((y[i] as number) === 1) positive += weights[i] as number;
    }
    beta[0] = Math.log(positive / (total - positive));
  }
  const eta = new Float64Array(rows);
  const trialEta = new Float64Array(rows);
  const gradient = new Float64Array(d);
  const hessian = new Float64Array(d * d);
  const step = new Float64Array(d);
  const trial = new Float64Array(d);
  const trialGradient = new Float64Array(d);
  const scratch: Scratch = {
    columns: new Float64Array((problem.denseColumns ?? d) * BLOCK),
    weighted: new Float64Array((problem.denseColumns ?? d) * BLOCK),
  };
  let objective = objectiveAt(problem, beta, eta);
  let stepHalvings = 0;
  let chordSteps = 0;
  let iterations = 0;
  let stop: LogisticStop = "max-iterations";
  let column = -1;

  while (iterations < maxIterations) {
    derivatives(problem, beta, eta, gradient, hessian, true, scratch);
    const failed = choleskyInPlace(hessian, d);
    if (failed !== -1) {
      stop = "singular";
      column = failed;
      break;
    }
    for (let j = 0; j < d; j++) step[j] = -(gradient[j] as number);
    choleskySolveInPlace(hessian, d, step);
    iterations++;
    let scale = 1;
    let accepted = false;
    for (let halving = 0; halving <= 40; halving++) {
      for (let j = 0; j < d; j++) trial[j] = (beta[j] as number) + scale * (step[j] as number);
      const value = objectiveAt(problem, trial, trialEta);
      if (value <= objective + 1e-12 * Math.abs(objective)) {
        objective = value;
        beta.set(trial);
        eta.set(trialEta);
        accepted = true;
        break;
      }
      scale /= 2;
      stepHalvings++;
    }
    let small = true;
    for (let j = 0; j < d; j++) {
      if (Math.abs(scale * (step[j] as number)) > tolerance * (1 + Math.abs(beta[j] as number)))
        small = false;
    }
    if (small) {
      stop = "converged";
      break;
    }
    if (!accepted) {
      stop = "no-descent";
      break;
    }
    if (l2 === 0) {
      for (let j = 1; j < d; j++) {
        if (Math.abs(beta[j] as number) > SEPARATION_LIMIT) {
          stop = "separation";
          column = j;
        }
      }
      if (stop === "separation") break;
    }
    if (scale === 1) {
      // Chord steps in the quadratic region: further steps with the current Cholesky factor (the
      // Hessian barely changes near the optimum) cost one O(n d) gradient pass each instead of an
      // O(n d²) Hessian. They continue while each step shrinks at least 10-fold; a tiny step means
      // converged (it is still applied).
      let previousSize = maxAbs(step);
      derivatives(problem, beta, eta, gradient, hessian, false, scratch);
      for (let chord = 0; chord < MAX_CHORD_STEPS; chord++) {
        for (let j = 0; j < d; j++) step[j] = -(gradient[j] as number);
        choleskySolveInPlace(hessian, d, step);
        let tiny = true;
        for (let j = 0; j < d; j++) {
          // Chord steps converge linearly, not quadratically: ask 100x more of them.
          if (Math.abs(step[j] as number) > 0.01 * tolerance * (1 + Math.abs(beta[j] as number)))
            tiny = false;
        }
        const size = maxAbs(step);
        if (!tiny && size > 0.1 * previousSize) break;
        for (let j = 0; j < d; j++) trial[j] = (beta[j] as number) + (step[j] as number);
        const value = objectiveAt(problem, trial, trialEta, trialGradient);
        const better = value <= objective + 1e-12 * Math.abs(objective);
        if (better) {
          objective = value;
          beta.set(trial);
          eta.set(trialEta);
          gradient.set(trialGradient);
          chordSteps++;
        }
        if (tiny) {
          stop = "converged";
          break;
        }
        if (!better) break;
        previousSize = size;
      }
      if (stop === "converged") break;
    }
  }
  // Final gradient (and Hessian, for standard errors, when wanted) at the returned β.
  derivatives(problem, beta, eta, gradient, hessian, wantInverseHessian, scratch);
  const gradientNorm = maxAbs(gradient);
  const inverseHessianDiagonal =
    wantInverseHessian && choleskyInPlace(hessian, d) === -1
      ? choleskyInverseDiagonal(hessian, d)
      : undefined;
  return {
    beta,
    stop,
    iterations,
    chordSteps,
    gradientNorm,
    objective,
    stepHalvings,
    column,
    inverseHessianDiagonal,
  };
}

/**
 * Penalised, weighted logistic regression by Newton's method (IRLS) with a
 * Cholesky solve and step halving. Works on column-major dense columns plus
 * integer-coded categorical features (their dummies are never materialised);
 * coefficient 0 is the intercept (never penalised).
 *
 * Objective (minimised): f(β) = Σᵢ wᵢ [log(1 + e^{ηᵢ}) − yᵢ ηᵢ] + (λ / 2) Σ_{j ≥ 1} βⱼ², η = Xβ.
 * This is scikit-learn's LogisticRegression objective with C = 1 / λ (sum of
 * losses, intercept unpenalised); with λ = 0 it is the maximum-likelihood fit of
 * R's glm(family = binomial) and statsmodels' Logit.
 */
import { choleskyInPlace, choleskyInverse, choleskySolveInPlace } from "./cholesky.js";
import { createScratch, Design, type LogisticProblem, logisticColumns } from "./logisticDesign.js";
import { maxAbs } from "./logisticKernels.js";
import { derivatives, objectiveAt } from "./logisticPasses.js";

export { type LogisticProblem, logisticColumns } from "./logisticDesign.js";

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
  const { dense, denseColumns: p, y, weights, rows } = problem;
  const stride = Math.floor(rows / WARM_START_SAMPLE);
  const m = Math.floor((rows - 1) / stride) + 1;
  const subDense = new Float64Array(m * p);
  const subCodes = problem.codes.map(() => new Int32Array(m));
  const subY = new Uint8Array(m);
  const subWeights = new Float64Array(m);
  let positive = 0;
  for (let k = 0; k < m; k++) {
    const i = k * stride;
    for (let j = 0; j < p; j++) subDense[j * m + k] = dense[j * rows + i] as number;
    problem.codes.forEach((codes, c) => {
      (subCodes[c] as Int32Array)[k] = codes[i] as number;
    });
    subY[k] = y[i] as number;
    subWeights[k] = weights[i] as number;
    positive += subY[k] as number;
  }
  if (positive === 0 || positive === m) return undefined;
  const fit = fitLogistic(
    {
      dense: subDense,
      denseColumns: p,
      codes: subCodes,
      levels: problem.levels,
      y: subY,
      weights: subWeights,
      rows: m,
      l2: (problem.l2 * m) / rows,
      maxIterations: 50,
      // Sampling noise limits the subsample optimum to ~1/√10 000 of the full one: more digits are wasted.
      tolerance: 1e-3,
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
  /** The inverse Hessian at β, row-major d x d (for standard errors), when asked for and positive definite. */
  readonly inverseHessian: Float64Array | undefined;
}

/**
 * Standardised coefficients beyond this size, without a penalty, mean the
 * likelihood has no finite maximum (a one-SD change multiplying the odds by e³⁰).
 */
export const SEPARATION_LIMIT = 30;

/**
 * Newton-Raphson / IRLS. Starts at β = 0 with the intercept at the logit of the
 * weighted base rate (or, above {@link WARM_START_ROWS} rows, from a subsample fit). Each iteration solves H δ = −g by Cholesky; when the full
 * step does not lower the objective it is halved (up to 40 times). Stops when
 * the step is below tolerance (converged), on a singular Hessian, when an
 * unpenalised coefficient passes {@link SEPARATION_LIMIT}, or at maxIterations.
 */
export function fitLogistic(problem: LogisticProblem, wantInverseHessian: boolean): LogisticFit {
  const { y, weights, rows, l2, maxIterations, tolerance } = problem;
  const d = logisticColumns(problem);
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
  const design = new Design(problem);
  const scratch = createScratch(design);
  let objective = objectiveAt(design, beta, eta, scratch);
  let stepHalvings = 0;
  let chordSteps = 0;
  let iterations = 0;
  let stop: LogisticStop = "max-iterations";
  let column = -1;

  // Whether `gradient` holds the gradient at the current β (then the final pass can be skipped).
  let gradientCurrent = false;
  while (iterations < maxIterations) {
    derivatives(design, beta, eta, gradient, hessian, true, scratch);
    gradientCurrent = false; // the Newton step below moves β
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
      // The full step is usually accepted: its gradient (needed next) comes from the same pass.
      const value = objectiveAt(design, trial, trialEta, scratch, halving === 0 ? trialGradient : undefined);
      if (value <= objective + 1e-12 * Math.abs(objective)) {
        objective = value;
        beta.set(trial);
        eta.set(trialEta);
        accepted = true;
        if (halving === 0) {
          gradient.set(trialGradient);
          gradientCurrent = true;
        }
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
      // `gradient` is current (full step accepted with its gradient); chord steps keep it current.
      let previousSize = maxAbs(step);
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
        const value = objectiveAt(design, trial, trialEta, scratch, trialGradient);
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
  if (wantInverseHessian || !gradientCurrent)
    derivatives(design, beta, eta, gradient, hessian, wantInverseHessian, scratch);
  const gradientNorm = maxAbs(gradient);
  const inverseHessian =
    wantInverseHessian && choleskyInPlace(hessian, d) === -1
      ? choleskyInverse(hessian, d)
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
    inverseHessian,
  };
}

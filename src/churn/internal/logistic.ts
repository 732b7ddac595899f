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
import {
  createScratch,
  Design,
  type LogisticProblem,
  logisticColumns,
  type Scratch,
} from "./logisticDesign.js";
import { maxAbs } from "./logisticKernels.js";
import { derivatives, objectiveAt } from "./logisticPasses.js";

export { type LogisticProblem, logisticColumns } from "./logisticDesign.js";

/** Chord steps at most after one Newton iteration. */
const MAX_CHORD_STEPS = 12;

/**
 * Chord steps continue while each step is at most this share of the one before. With the subsample's
 * Hessian their rate is about that Hessian's relative error (a few percent from 10 000 rows, more from
 * the 1 000-10 000 rows of smaller data, up to ~0.1):
 * once they slow down a full Newton iteration is cheaper than more of them (measured on 100k x 30: a
 * looser 0.35 made ten chord steps and no Newton iteration, 5% slower).
 */
const CHORD_RATE = 0.1;

/**
 * Rows from which {@link fitLogistic} warm-starts from a subsample fit, on every 4th row up to
 * {@link WARM_START_SAMPLE} rows. On Telco-shaped data (3 numeric and 16 categorical features, l2 = 1;
 * process CPU ms per training, min / median) it saves 15% at 3,000 rows (9.9 / 11.2 → 8.4 / 9.6), 20% at
 * 7,043 (22.3 / 25.2 → 17.6 / 18.9) and 40% at 30,000 (97 / 105 → 60 / 66): the full data then takes one
 * Newton iteration instead of five. Below a few thousand rows the subsample's Hessian is too rough to
 * save one.
 */
export const WARM_START_ROWS = 4_000;
/** Largest size of the warm-start subsample (reached at 40 000 rows). */
const WARM_START_SAMPLE = 10_000;
/** The warm-start subsample is every 4th row (at most WARM_START_SAMPLE rows). */
const WARM_START_STRIDE = 4;
/**
 * A warm-start subsample fit of at least this many rows starts in turn from a fit on every 4th of its
 * rows (2 500 of 10 000; on Telco-shaped data, 440 of 1 761: 7% less CPU per fit, 13.4 -> 12.5 ms).
 */
const NESTED_FROM = 1_600;

/** A subsample fit: its coefficients and the Cholesky factor of its Hessian, for the full data. */
interface WarmStart {
  readonly beta: Float64Array;
  /** Factor of the subsample's Hessian near its optimum (undefined when none was computed). */
  readonly factor: Float64Array | undefined;
  /** rows / subsample rows: the full Hessian is about `scale` times the subsample's. */
  readonly scale: number;
}

/**
 * Coefficients from a fit on every s-th row (s = ⌊n / sample⌋: 4 up to 40 000 rows), with
 * λ scaled by the sampling share so both objectives have nearly the same minimiser, and that fit's
 * Hessian factor: scaled by n / m it
 * approximates the full Hessian to about 1/√m, so chord steps with it converge on the full data without
 * any O(n d²) Hessian pass. Returns undefined when the subsample fit fails (separation or a singular
 * Hessian in the subsample); the full fit then starts from scratch.
 */
function warmStart(problem: LogisticProblem, sample: number): WarmStart | undefined {
  const { dense, denseColumns: p, y, weights, rows } = problem;
  const stride = Math.floor(rows / sample);
  const m = Math.floor((rows - 1) / stride) + 1;
  // Column by column: each gather walks one column forward (a row-by-row gather across all columns
  // touched p distant cache lines per row, and took ~5x longer on 100k x 25).
  const subDense = new Float64Array(m * p);
  for (let j = 0; j < p; j++) gatherRows(dense, j * rows, stride, subDense, j * m, m);
  const subCodes = problem.codes.map((codes) => {
    const out = new Int32Array(m);
    gatherRows(codes, 0, stride, out, 0, m);
    return out;
  });
  const subY = new Uint8Array(m);
  const subWeights = new Float64Array(m);
  gatherRows(y, 0, stride, subY, 0, m);
  gatherRows(weights, 0, stride, subWeights, 0, m);
  let positive = 0;
  for (let k = 0; k < m; k++) positive += subY[k] as number;
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
      // Sampling noise limits the subsample optimum to ~1/√m of the full one (m ≥ 1 000): more digits are wasted.
      tolerance: 1e-3,
      warmStart: sample >= NESTED_FROM ? Math.floor(sample / WARM_START_STRIDE) : false,
    },
    false,
  );
  return fit.stop === "converged" ? { beta: fit.beta, factor: fit.factor, scale: rows / m } : undefined;
}

/** out[to + k] = source[from + k · stride] for k in [0, m). */
function gatherRows<A extends Float64Array | Int32Array | Uint8Array>(
  source: A,
  from: number,
  stride: number,
  out: A,
  to: number,
  m: number,
): void {
  for (let k = 0; k < m; k++) out[to + k] = source[from + k * stride] as number;
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
  /** Cholesky factor of the Hessian at (or one Newton step before) β, when the fit converged with one. */
  readonly factor: Float64Array | undefined;
}

/**
 * Standardised coefficients beyond this size, without a penalty, mean the
 * likelihood has no finite maximum (a one-SD change multiplying the odds by e³⁰).
 */
export const SEPARATION_LIMIT = 30;

/** Work arrays and running state of one fit, shared by the Newton and chord phases. */
interface FitState {
  readonly design: Design;
  readonly scratch: Scratch;
  readonly beta: Float64Array;
  readonly eta: Float64Array;
  readonly trialEta: Float64Array;
  readonly gradient: Float64Array;
  readonly step: Float64Array;
  readonly trial: Float64Array;
  readonly trialGradient: Float64Array;
  objective: number;
  chordSteps: number;
}

/**
 * Chord steps: Newton steps with a fixed Hessian factor (`scale` · H̃ ≈ H), one fused O(n d) objective
 * and gradient pass each instead of an O(n d²) Hessian. `state.gradient` must hold the gradient at
 * `state.beta`; it stays current. They continue while each step is at most `maxRate` times the one
 * before (`previousSize`: the size of the step before the first); a step below 0.01 · tolerance (chord steps converge linearly:
 * 100x more is asked of them) means converged, and is not taken (β, its objective and gradient stay).
 * Returns whether it converged.
 */
function chordSteps(
  state: FitState,
  factor: Float64Array,
  scale: number,
  previousSize: number,
  tolerance: number,
  maxRate: number,
): boolean {
  const { design, scratch, beta, eta, trialEta, gradient, step, trial, trialGradient } = state;
  const d = beta.length;
  let previous = previousSize;
  for (let chord = 0; chord < MAX_CHORD_STEPS; chord++) {
    for (let j = 0; j < d; j++) step[j] = -(gradient[j] as number);
    choleskySolveInPlace(factor, d, step);
    if (scale !== 1) for (let j = 0; j < d; j++) step[j] = (step[j] as number) / scale;
    let tiny = true;
    for (let j = 0; j < d; j++) {
      if (Math.abs(step[j] as number) > 0.01 * tolerance * (1 + Math.abs(beta[j] as number))) tiny = false;
    }
    // A step this small is not taken: β is within it of the optimum (chord steps shrink by `maxRate`
    // or more each), and its objective and gradient are already known (one pass fewer).
    if (tiny) return true;
    const size = maxAbs(step);
    if (size > maxRate * previous) return false;
    for (let j = 0; j < d; j++) trial[j] = (beta[j] as number) + (step[j] as number);
    const value = objectiveAt(design, trial, trialEta, scratch, trialGradient);
    const better = value <= state.objective + 1e-12 * Math.abs(state.objective);
    if (better) {
      state.objective = value;
      beta.set(trial);
      eta.set(trialEta);
      gradient.set(trialGradient);
      state.chordSteps++;
    }
    if (!better) return false;
    previous = size;
  }
  return false;
}

/** The first unpenalised coefficient past {@link SEPARATION_LIMIT}, or −1. */
function separatedColumn(beta: Float64Array): number {
  let column = -1;
  for (let j = 1; j < beta.length; j++) if (Math.abs(beta[j] as number) > SEPARATION_LIMIT) column = j;
  return column;
}

/**
 * Newton-Raphson / IRLS. Starts at β = 0 with the intercept at the logit of the weighted base rate, or,
 * from {@link WARM_START_ROWS} rows, from a subsample fit whose Hessian (scaled to the full data) drives
 * chord steps first: on well-conditioned data these converge without a single full Hessian pass. Each
 * Newton iteration solves H δ = −g by Cholesky; when the full step does not lower the objective it is
 * halved (up to 40 times); after a full step, chord steps reuse its factor. Stops when the step is below
 * tolerance (converged), on a singular Hessian, when an unpenalised coefficient passes
 * {@link SEPARATION_LIMIT}, or at maxIterations.
 */
export function fitLogistic(problem: LogisticProblem, wantInverseHessian: boolean): LogisticFit {
  const { y, weights, rows, l2, maxIterations, tolerance } = problem;
  const d = logisticColumns(problem);
  const beta = new Float64Array(d);
  const warm: WarmStart | undefined =
    problem.start !== undefined
      ? { beta: problem.start, factor: undefined, scale: 1 }
      : typeof problem.warmStart === "number"
        ? warmStart(problem, problem.warmStart)
        : problem.warmStart !== false && rows >= WARM_START_ROWS
          ? warmStart(problem, Math.min(WARM_START_SAMPLE, Math.floor(rows / WARM_START_STRIDE)))
          : undefined;
  if (warm !== undefined) beta.set(warm.beta);
  else {
    let positive = 0;
    let total = 0;
    for (let i = 0; i < rows; i++) {
      total += weights[i] as number;
      if ((y[i] as number) === 1) positive += weights[i] as number;
    }
    beta[0] = Math.log(positive / (total - positive));
  }
  const design = new Design(problem);
  const scratch = createScratch(design);
  const state: FitState = {
    design,
    scratch,
    beta,
    eta: new Float64Array(rows),
    trialEta: new Float64Array(rows),
    gradient: new Float64Array(d),
    step: new Float64Array(d),
    trial: new Float64Array(d),
    trialGradient: new Float64Array(d),
    objective: 0,
    chordSteps: 0,
  };
  const { eta, trialEta, gradient, step, trial, trialGradient } = state;
  const hessian = new Float64Array(d * d);
  let stepHalvings = 0;
  let iterations = 0;
  let stop: LogisticStop = "max-iterations";
  let column = -1;
  // Whether `gradient` holds the gradient at the current β (then the final pass can be skipped).
  let gradientCurrent = false;
  // Whether `hessian` holds the Cholesky factor of a full Hessian.
  let factored = false;

  if (warm?.factor !== undefined) {
    state.objective = objectiveAt(design, beta, eta, scratch, gradient);
    gradientCurrent = true;
    if (chordSteps(state, warm.factor, warm.scale, Number.POSITIVE_INFINITY, tolerance, CHORD_RATE)) {
      stop = "converged";
      if (l2 === 0 && separatedColumn(beta) !== -1) {
        stop = "separation";
        column = separatedColumn(beta);
      }
    }
  } else state.objective = objectiveAt(design, beta, eta, scratch);

  while (stop === "max-iterations" && iterations < maxIterations) {
    derivatives(design, beta, eta, gradient, hessian, true, scratch, gradientCurrent);
    gradientCurrent = false; // the Newton step below moves β
    const failed = choleskyInPlace(hessian, d);
    if (failed !== -1) {
      stop = "singular";
      column = failed;
      break;
    }
    factored = true;
    for (let j = 0; j < d; j++) step[j] = -(gradient[j] as number);
    choleskySolveInPlace(hessian, d, step);
    iterations++;
    let scale = 1;
    let accepted = false;
    for (let halving = 0; halving <= 40; halving++) {
      for (let j = 0; j < d; j++) trial[j] = (beta[j] as number) + scale * (step[j] as number);
      // The full step is usually accepted: its gradient (needed next) comes from the same pass.
      const value = objectiveAt(design, trial, trialEta, scratch, halving === 0 ? trialGradient : undefined);
      if (value <= state.objective + 1e-12 * Math.abs(state.objective)) {
        state.objective = value;
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
    if (l2 === 0 && separatedColumn(beta) !== -1) {
      stop = "separation";
      column = separatedColumn(beta);
      break;
    }
    // Chord steps in the quadratic region (the Hessian barely changes near the optimum); `gradient`
    // is current after an accepted full step.
    if (scale === 1 && chordSteps(state, hessian, 1, maxAbs(step), tolerance, CHORD_RATE)) stop = "converged";
  }
  // Final gradient (and Hessian, for standard errors, when wanted) at the returned β.
  if (wantInverseHessian || !gradientCurrent)
    derivatives(design, beta, eta, gradient, hessian, wantInverseHessian, scratch);
  const gradientNorm = maxAbs(gradient);
  let inverseHessian: Float64Array | undefined;
  if (wantInverseHessian) {
    factored = choleskyInPlace(hessian, d) === -1;
    inverseHessian = factored ? choleskyInverse(hessian, d) : undefined;
  }
  return {
    beta,
    stop,
    iterations,
    chordSteps: state.chordSteps,
    gradientNorm,
    objective: state.objective,
    stepHalvings,
    column,
    inverseHessian,
    factor: stop === "converged" && factored ? hessian : undefined,
  };
}

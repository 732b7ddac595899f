/**
 * The passes of the logistic fit over all rows: the objective (with η = Xβ and, when asked, the
 * gradient) in one fused chunked pass, and the gradient with the Hessian at a given η.
 */
import { CHUNK, type Design, type Scratch } from "./logisticDesign.js";
import { hessianFromCurvature } from "./logisticHessian.js";
import {
  addDummyEffects,
  addDummyResiduals,
  addScaled,
  addScaled4,
  curvatureChunk,
  dot,
  dot4,
  lossChunk,
  sum,
} from "./logisticKernels.js";

/** η = Xβ over rows [from, to): every dense column in turn, then each row's dummies. */
function linearPredictorRange(
  problem: Design,
  beta: Float64Array,
  eta: Float64Array,
  from: number,
  to: number,
): void {
  const { dense, denseColumns: p, rows: n } = problem;
  eta.fill(beta[0] as number, from, to);
  let j = 0;
  // Four columns per pass over the chunk of η (same additions in the same order, half the loads).
  for (; j + 3 < p; j += 4) {
    const o = j * n;
    addScaled4(
      eta,
      beta[1 + j] as number,
      beta[2 + j] as number,
      beta[3 + j] as number,
      beta[4 + j] as number,
      dense,
      o,
      o + n,
      o + 2 * n,
      o + 3 * n,
      from,
      to,
    );
  }
  for (; j < p; j++) {
    const b = beta[1 + j] as number;
    if (b !== 0) addScaled(eta, b, dense, j * n, from, to);
  }
  addDummyEffects(eta, beta, problem.dummyStart, problem.dummyColumns, from, to);
}

/** Adds rows [from, to) of Xᵀr (r = `scratch.residual`) to `gradient`. */
function addGradientRange(
  problem: Design,
  gradient: Float64Array,
  scratch: Scratch,
  from: number,
  to: number,
): void {
  const { dense, denseColumns: p, rows: n } = problem;
  const residual = scratch.residual;
  gradient[0] = (gradient[0] as number) + sum(residual, from, to);
  const four = scratch.four;
  let j = 0;
  // Four columns per pass (one load of the residual for four products).
  for (; j + 3 < p; j += 4) {
    const o = j * n;
    dot4(residual, dense, o, o + n, o + 2 * n, o + 3 * n, from, to, four);
    for (let c = 0; c < 4; c++) gradient[1 + j + c] = (gradient[1 + j + c] as number) + (four[c] as number);
  }
  for (; j < p; j++) gradient[1 + j] = (gradient[1 + j] as number) + dot(residual, dense, j * n, from, to);
  addDummyResiduals(gradient, residual, problem.dummyStart, problem.dummyColumns, from, to);
}

/** Adds the penalty λβⱼ (j ≥ 1) to the gradient. */
function finishGradient(problem: Design, beta: Float64Array, gradient: Float64Array): void {
  for (let j = 1; j < gradient.length; j++)
    gradient[j] = (gradient[j] as number) + problem.l2 * (beta[j] as number);
}

/**
 * Objective at β (and η = Xβ into `eta`); with `gradient`, also the gradient at β. One fused pass
 * over chunks of rows: η, the loss and (when asked) the gradient of a chunk while its columns are in
 * cache. O(n d).
 */
export function objectiveAt(
  problem: Design,
  beta: Float64Array,
  eta: Float64Array,
  scratch: Scratch,
  gradient?: Float64Array,
): number {
  const { y, weights, rows, l2 } = problem;
  const d = beta.length;
  gradient?.fill(0);
  const residual = gradient === undefined ? undefined : scratch.residual;
  let total = 0;
  for (let from = 0; from < rows; from += CHUNK) {
    const to = Math.min(rows, from + CHUNK);
    linearPredictorRange(problem, beta, eta, from, to);
    total += lossChunk(eta, y, weights, residual, from, to);
    if (gradient !== undefined) addGradientRange(problem, gradient, scratch, from, to);
  }
  let penalty = 0;
  for (let j = 1; j < d; j++) penalty += (beta[j] as number) * (beta[j] as number);
  if (gradient !== undefined) finishGradient(problem, beta, gradient);
  return total + 0.5 * l2 * penalty;
}

/**
 * Gradient (unless `gradientKnown`: `gradient` already holds it) and (with `withHessian`, lower-triangle)
 * Hessian of the objective at the η of the last {@link objectiveAt} call. Complexity O(n d) for the
 * gradient; the Hessian adds O(n · denseColumns²).
 */
export function derivatives(
  problem: Design,
  beta: Float64Array,
  eta: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
  withHessian: boolean,
  scratch: Scratch,
  gradientKnown = false,
): void {
  const { y, weights, rows, l2 } = problem;
  const d = beta.length;
  const { residual, curvature } = scratch;
  if (!gradientKnown) gradient.fill(0);
  for (let from = 0; from < rows; from += CHUNK) {
    const to = Math.min(rows, from + CHUNK);
    curvatureChunk(eta, y, weights, residual, curvature, from, to);
    if (!gradientKnown) addGradientRange(problem, gradient, scratch, from, to);
  }
  if (!gradientKnown) finishGradient(problem, beta, gradient);
  if (withHessian) {
    hessianFromCurvature(problem, hessian, scratch);
    for (let j = 1; j < d; j++) hessian[j * d + j] = (hessian[j * d + j] as number) + l2;
  }
}

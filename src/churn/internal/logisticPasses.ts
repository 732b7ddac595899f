/**
 * The passes of the logistic fit over all rows: the objective (with η = Xβ and, when asked, the
 * gradient) in one fused chunked pass, and the gradient with the Hessian at a given η.
 */
import { CHUNK, type Design, type Scratch } from "./logisticDesign.js";
import { hessianFromCurvature } from "./logisticHessian.js";
import {
  addByLevel,
  addLevels,
  addScaled,
  addScaled4,
  curvatureChunk,
  dot,
  dot4,
  lossChunk,
  sum,
} from "./logisticKernels.js";

/** Per categorical feature, the coefficient of each level (level 0, the reference: 0). */
function fillLevelTables(problem: Design, beta: Float64Array, scratch: Scratch): void {
  let offset = 1 + problem.denseColumns;
  for (const table of scratch.levelTables) {
    table[0] = 0;
    for (let k = 1; k < table.length; k++) table[k] = beta[offset + k - 1] as number;
    offset += table.length - 1;
  }
}

/** η = Xβ over rows [from, to): every dense column in turn, then the dummies by table lookup. */
function linearPredictorRange(
  problem: Design,
  beta: Float64Array,
  eta: Float64Array,
  scratch: Scratch,
  from: number,
  to: number,
): void {
  const { dense, denseColumns: p, codes, rows: n } = problem;
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
  for (let c = 0; c < codes.length; c++)
    addLevels(eta, scratch.levelTables[c] as Float64Array, codes[c] as Int32Array, from, to);
}

/**
 * Adds rows [from, to) of Xᵀr (r = `scratch.residual`) to `gradient` (intercept and dense columns)
 * and to `scratch.levelSums` (dummies; see {@link finishGradient}).
 */
function addGradientRange(
  problem: Design,
  gradient: Float64Array,
  scratch: Scratch,
  from: number,
  to: number,
): void {
  const { dense, denseColumns: p, codes, rows: n } = problem;
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
  for (let c = 0; c < codes.length; c++)
    addByLevel(scratch.levelSums[c] as Float64Array, residual, codes[c] as Int32Array, from, to);
}

/** Clears the gradient accumulators before a pass of {@link addGradientRange}. */
function startGradient(gradient: Float64Array, scratch: Scratch): void {
  gradient.fill(0);
  for (const sums of scratch.levelSums) sums.fill(0);
}

/** Copies the per-level sums into the dummy entries of the gradient and adds the penalty λβⱼ (j ≥ 1). */
function finishGradient(problem: Design, beta: Float64Array, gradient: Float64Array, scratch: Scratch): void {
  let offset = 1 + problem.denseColumns;
  for (const sums of scratch.levelSums) {
    for (let k = 1; k < sums.length; k++) gradient[offset + k - 1] = sums[k] as number;
    offset += sums.length - 1;
  }
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
  fillLevelTables(problem, beta, scratch);
  if (gradient !== undefined) startGradient(gradient, scratch);
  const residual = gradient === undefined ? undefined : scratch.residual;
  let total = 0;
  for (let from = 0; from < rows; from += CHUNK) {
    const to = Math.min(rows, from + CHUNK);
    linearPredictorRange(problem, beta, eta, scratch, from, to);
    total += lossChunk(eta, y, weights, residual, from, to);
    if (gradient !== undefined) addGradientRange(problem, gradient, scratch, from, to);
  }
  let penalty = 0;
  for (let j = 1; j < d; j++) penalty += (beta[j] as number) * (beta[j] as number);
  if (gradient !== undefined) finishGradient(problem, beta, gradient, scratch);
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
  if (!gradientKnown) startGradient(gradient, scratch);
  for (let from = 0; from < rows; from += CHUNK) {
    const to = Math.min(rows, from + CHUNK);
    curvatureChunk(eta, y, weights, residual, curvature, from, to);
    if (!gradientKnown) addGradientRange(problem, gradient, scratch, from, to);
  }
  if (!gradientKnown) finishGradient(problem, beta, gradient, scratch);
  if (withHessian) {
    hessianFromCurvature(problem, hessian, scratch);
    for (let j = 1; j < d; j++) hessian[j * d + j] = (hessian[j * d + j] as number) + l2;
  }
}

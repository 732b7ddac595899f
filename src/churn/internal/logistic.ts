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
import { choleskyInPlace, choleskyInverseDiagonal, choleskySolveInPlace } from "./cholesky.js";

/**
 * Inputs of {@link fitLogistic}. Coefficient layout: 0 = intercept (implicit column of ones), then the
 * `denseColumns` dense columns, then for each categorical feature one dummy column per non-reference
 * level (levels 1..levels-1, in order). Dummies are never stored: each row's level code is, so the
 * dummy blocks of the gradient and Hessian are sums over the rows of each level.
 */
export interface LogisticProblem {
  /** Dense columns, column-major: column j at `[j * rows, (j + 1) * rows)`. */
  readonly dense: Float64Array;
  readonly denseColumns: number;
  /** Per categorical feature: each row's level, 0 = reference (no column), k ≥ 1 = its dummy k. */
  readonly codes: readonly Int32Array[];
  /** Per categorical feature: number of levels, reference included (≥ 2). */
  readonly levels: readonly number[];
  /** Labels 0/1. */
  readonly y: Uint8Array;
  /** Per-row weights (> 0). */
  readonly weights: Float64Array;
  readonly rows: number;
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
  /** Starting coefficients (used by the warm start); default: zeros with the intercept at the base-rate logit. */
  readonly start?: Float64Array;
}

/** Total number of coefficients (intercept, dense columns, dummies). */
export function logisticColumns(problem: Pick<LogisticProblem, "denseColumns" | "levels">): number {
  let d = 1 + problem.denseColumns;
  for (const count of problem.levels) d += count - 1;
  return d;
}

/**
 * The data of a problem in one fixed-shape object: the hot kernels below see a single hidden class
 * whatever object literal the caller passed (the warm-start subproblem has other optional keys), so
 * their property loads stay monomorphic.
 */
class Design {
  readonly dense: Float64Array;
  readonly denseColumns: number;
  readonly codes: readonly Int32Array[];
  readonly levels: Int32Array;
  readonly y: Uint8Array;
  readonly weights: Float64Array;
  readonly rows: number;
  readonly l2: number;

  constructor(problem: LogisticProblem) {
    this.dense = problem.dense;
    this.denseColumns = problem.denseColumns;
    this.codes = [...problem.codes];
    this.levels = Int32Array.from(problem.levels);
    this.y = problem.y;
    this.weights = problem.weights;
    this.rows = problem.rows;
    this.l2 = problem.l2;
  }
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
  /** Diagonal of the inverse Hessian at β (for standard errors) when asked for and positive definite. */
  readonly inverseHessianDiagonal: Float64Array | undefined;
}

/**
 * Standardised coefficients beyond this size, without a penalty, mean the
 * likelihood has no finite maximum (a one-SD change multiplying the odds by e³⁰).
 */
export const SEPARATION_LIMIT = 30;

/** Rows per block of the Hessian accumulation (a block of every dense column stays in L1/L2 cache). */
const BLOCK = 256;

/** Scratch buffers of the passes, allocated once per fit. */
interface Scratch {
  /** Per row: w·(p − y), then (Hessian passes) w·p·(1 − p) in `curvature`. */
  readonly residual: Float64Array;
  readonly curvature: Float64Array;
  /** Curvature-weighted dense columns of one row block, column-major `denseColumns x BLOCK`. */
  readonly weighted: Float64Array;
  /** Per categorical feature: per-level coefficient (level 0 = 0) and per-level sums. */
  readonly levelTables: Float64Array[];
  readonly levelSums: Float64Array[];
  /** Per categorical feature: per dense column, per level: Σ curvature · x over the level's rows. */
  readonly levelDense: Float64Array[];
}

function createScratch(problem: Design): Scratch {
  const { rows, denseColumns: p } = problem;
  const levels = Array.from(problem.levels);
  return {
    residual: new Float64Array(rows),
    curvature: new Float64Array(rows),
    weighted: new Float64Array(p * BLOCK),
    levelTables: levels.map((count) => new Float64Array(count)),
    levelSums: levels.map((count) => new Float64Array(count)),
    levelDense: levels.map((count) => new Float64Array(count * p)),
  };
}

// The passes below are split into small kernels called once per column or per chunk of rows: the
// engine then optimises each kernel after a few calls with complete type feedback. One long loop in a
// rarely called function is instead optimised mid-loop (on-stack replacement) and deoptimised again on
// paths not yet seen, which costs about 2x on these passes.

/** Rows per chunk of the row-wise passes (the chunk of every dense column stays in cache). */
const CHUNK = 1024;

/** y[i] += a · x[offset + i] for i in [from, to). */
function addScaled(
  y: Float64Array,
  a: number,
  x: Float64Array,
  offset: number,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) y[i] = (y[i] as number) + a * (x[offset + i] as number);
}

/** Σ r[i] · x[offset + i] for i in [from, to), two accumulators. */
function dot(r: Float64Array, x: Float64Array, offset: number, from: number, to: number): number {
  const even = from + ((to - from) & ~1);
  let s0 = 0;
  let s1 = 0;
  let i = from;
  for (; i < even; i += 2) {
    s0 += (r[i] as number) * (x[offset + i] as number);
    s1 += (r[i + 1] as number) * (x[offset + i + 1] as number);
  }
  if (i < to) s0 += (r[i] as number) * (x[offset + i] as number);
  return s0 + s1;
}

/** Σ values[i] for i in [from, to). */
function sum(values: Float64Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i] as number;
  return total;
}

/** y[i] += table[code[i]] for i in [from, to) (dummy effects). */
function addLevels(y: Float64Array, table: Float64Array, code: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) y[i] = (y[i] as number) + (table[code[i] as number] as number);
}

/** sums[code[i]] += values[i] for i in [from, to) (per-level totals). */
function addByLevel(
  sums: Float64Array,
  values: Float64Array,
  code: Int32Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++)
    sums[code[i] as number] = (sums[code[i] as number] as number) + (values[i] as number);
}

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
  for (let j = 0; j < p; j++) {
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
  for (let j = 0; j < p; j++)
    gradient[1 + j] = (gradient[1 + j] as number) + dot(residual, dense, j * n, from, to);
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
 * Σᵢ wᵢ [log(1 + e^{ηᵢ}) − yᵢ ηᵢ] over rows [from, to); with `residual`, also stores wᵢ (pᵢ − yᵢ).
 * One exponential per row serves both log(1 + e^η) and the probability.
 */
function lossChunk(
  eta: Float64Array,
  y: Uint8Array,
  weights: Float64Array,
  residual: Float64Array | undefined,
  from: number,
  to: number,
): number {
  let total = 0;
  for (let i = from; i < to; i++) {
    const value = eta[i] as number;
    const w = weights[i] as number;
    const label = y[i] as number;
    const t = Math.exp(-Math.abs(value)); // e^{-|η|} ≤ 1: no overflow
    const softplus = value > 0 ? value + Math.log1p(t) : Math.log1p(t);
    total += w * (softplus - (label === 1 ? value : 0));
    if (residual !== undefined) residual[i] = w * ((value >= 0 ? 1 / (1 + t) : t / (1 + t)) - label);
  }
  return total;
}

/** Residuals wᵢ (pᵢ − yᵢ) and curvatures wᵢ pᵢ (1 − pᵢ) over rows [from, to). */
function curvatureChunk(
  eta: Float64Array,
  y: Uint8Array,
  weights: Float64Array,
  residual: Float64Array,
  curvature: Float64Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const e = eta[i] as number;
    const t = Math.exp(-Math.abs(e));
    const p = e >= 0 ? 1 / (1 + t) : t / (1 + t);
    const w = weights[i] as number;
    residual[i] = w * (p - (y[i] as number));
    curvature[i] = w * p * (1 - p);
  }
}

/**
 * Objective at β (and η = Xβ into `eta`); with `gradient`, also the gradient at β. One fused pass
 * over chunks of rows: η, the loss and (when asked) the gradient of a chunk while its columns are in
 * cache. O(n d).
 */
function objectiveAt(
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
 * Fills `weighted` (column-major p x BLOCK) with curvature · x for one row block and adds each column's
 * block sum to the Hessian's first column (dense column × intercept).
 */
function weighBlock(
  dense: Float64Array,
  n: number,
  p: number,
  start: number,
  size: number,
  curvature: Float64Array,
  weighted: Float64Array,
  hessian: Float64Array,
  d: number,
): void {
  for (let a = 0; a < p; a++) {
    const base = a * n + start;
    const to = a * BLOCK;
    let total = 0;
    for (let k = 0; k < size; k++) {
      const value = (curvature[start + k] as number) * (dense[base + k] as number);
      weighted[to + k] = value;
      total += value;
    }
    hessian[(1 + a) * d] = (hessian[(1 + a) * d] as number) + total;
  }
}

/** table[a · levels + code] += weighted[a][k] for one row block (dummy × dense column sums). */
function sumBlockByLevel(
  table: Float64Array,
  levels: number,
  p: number,
  code: Int32Array,
  start: number,
  size: number,
  weighted: Float64Array,
): void {
  for (let a = 0; a < p; a++) {
    const from = a * BLOCK;
    const to = a * levels;
    for (let k = 0; k < size; k++) {
      const slot = to + (code[start + k] as number);
      table[slot] = (table[slot] as number) + (weighted[from + k] as number);
    }
  }
}

/**
 * Adds one row block's dense-dense products to the lower triangle (rows and columns 1..p of the d x d
 * `hessian`): two Hessian rows per pass share the loads of column b, two accumulators each. A function
 * of its own, called once per block, so the engine optimises it after a few blocks with complete type
 * feedback (one long-running function would be optimised mid-loop and deoptimised repeatedly).
 */
function addDenseBlock(
  dense: Float64Array,
  n: number,
  p: number,
  start: number,
  size: number,
  weighted: Float64Array,
  hessian: Float64Array,
  d: number,
): void {
  const even = size & ~1;
  let a = 0;
  for (; a + 1 < p; a += 2) {
    const a0 = a * BLOCK;
    const a1 = a0 + BLOCK;
    const h0 = (1 + a) * d + 1;
    const h1 = h0 + d;
    for (let b = 0; b <= a + 1; b++) {
      const column = b * n + start;
      let s0 = 0;
      let s0b = 0;
      let s1 = 0;
      let s1b = 0;
      let k = 0;
      for (; k < even; k += 2) {
        const c0 = dense[column + k] as number;
        const c1 = dense[column + k + 1] as number;
        s0 += (weighted[a0 + k] as number) * c0;
        s0b += (weighted[a0 + k + 1] as number) * c1;
        s1 += (weighted[a1 + k] as number) * c0;
        s1b += (weighted[a1 + k + 1] as number) * c1;
      }
      if (k < size) {
        const c0 = dense[column + k] as number;
        s0 += (weighted[a0 + k] as number) * c0;
        s1 += (weighted[a1 + k] as number) * c0;
      }
      if (b <= a) hessian[h0 + b] = (hessian[h0 + b] as number) + s0 + s0b;
      hessian[h1 + b] = (hessian[h1 + b] as number) + s1 + s1b;
    }
  }
  if (a < p) {
    const aOffset = a * BLOCK;
    const hRow = (1 + a) * d + 1;
    for (let b = 0; b <= a; b++) {
      const column = b * n + start;
      let sum = 0;
      for (let k = 0; k < size; k++) sum += (weighted[aOffset + k] as number) * (dense[column + k] as number);
      hessian[hRow + b] = (hessian[hRow + b] as number) + sum;
    }
  }
}

/**
 * Lower triangle of XᵀCX (C = diag(curvature)) into the row-major d x d `hessian`. Dense-dense
 * entries: rows in blocks, the block's curvature-weighted columns in scratch, two Hessian rows per pass
 * sharing the loads of column b, two accumulators each. Dummy entries: per-level sums (a dummy times
 * the intercept or itself is the level's curvature sum; dummies of one feature never co-occur;
 * dummies of two features: a two-way table). O(n · denseColumns²) plus O(n · (denseColumns + features²)).
 */
function hessianFromCurvature(problem: Design, hessian: Float64Array, scratch: Scratch): void {
  const { dense, denseColumns: p, codes, rows: n } = problem;
  const d = Math.sqrt(hessian.length) | 0;
  const { curvature, weighted } = scratch;
  hessian.fill(0);
  for (const table of scratch.levelDense) table.fill(0);
  for (let start = 0; start < n; start += BLOCK) {
    const size = Math.min(BLOCK, n - start);
    weighBlock(dense, n, p, start, size, curvature, weighted, hessian, d);
    codes.forEach((code, c) => {
      sumBlockByLevel(
        scratch.levelDense[c] as Float64Array,
        problem.levels[c] as number,
        p,
        code,
        start,
        size,
        weighted,
      );
    });
    addDenseBlock(dense, n, p, start, size, weighted, hessian, d);
  }
  hessian[0] = sum(curvature, 0, n);
  // Dummy rows.
  const offsets: number[] = [];
  let offset = 1 + p;
  codes.forEach((code, c) => {
    offsets.push(offset);
    const count = problem.levels[c] as number;
    const sums = scratch.levelSums[c] as Float64Array;
    sums.fill(0);
    addByLevel(sums, curvature, code, 0, n);
    const table = scratch.levelDense[c] as Float64Array;
    for (let k = 1; k < count; k++) {
      const row = (offset + k - 1) * d;
      hessian[row] = sums[k] as number;
      hessian[row + offset + k - 1] = sums[k] as number;
      for (let a = 0; a < p; a++) hessian[row + 1 + a] = table[a * count + k] as number;
    }
    // Two-way tables with every earlier categorical feature.
    for (let e = 0; e < c; e++) {
      const other = codes[e] as Int32Array;
      const otherCount = problem.levels[e] as number;
      const joint = new Float64Array(count * otherCount);
      for (let i = 0; i < n; i++) {
        const slot = (code[i] as number) * otherCount + (other[i] as number);
        joint[slot] = (joint[slot] as number) + (curvature[i] as number);
      }
      for (let k = 1; k < count; k++) {
        for (let l = 1; l < otherCount; l++) {
          hessian[(offset + k - 1) * d + (offsets[e] as number) + l - 1] = joint[
            k * otherCount + l
          ] as number;
        }
      }
    }
    offset += count - 1;
  });
}

/**
 * Gradient and (with `withHessian`, lower-triangle) Hessian of the objective at the η of the last
 * {@link objectiveAt} call. Complexity O(n d) for the gradient; the Hessian adds O(n · denseColumns²).
 */
function derivatives(
  problem: Design,
  beta: Float64Array,
  eta: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
  withHessian: boolean,
  scratch: Scratch,
): void {
  const { y, weights, rows, l2 } = problem;
  const d = beta.length;
  const { residual, curvature } = scratch;
  startGradient(gradient, scratch);
  for (let from = 0; from < rows; from += CHUNK) {
    const to = Math.min(rows, from + CHUNK);
    curvatureChunk(eta, y, weights, residual, curvature, from, to);
    addGradientRange(problem, gradient, scratch, from, to);
  }
  finishGradient(problem, beta, gradient, scratch);
  if (withHessian) {
    hessianFromCurvature(problem, hessian, scratch);
    for (let j = 1; j < d; j++) hessian[j * d + j] = (hessian[j * d + j] as number) + l2;
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

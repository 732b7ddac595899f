/**
 * The logistic fit's problem description and its fixed-shape working form: the coefficient layout, the
 * {@link Design} object the kernels read, and the scratch buffers of one fit.
 */
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
   * Start from a fit on a systematic subsample when there are many rows (see {@link warmStart}); a
   * number: from a fit on about that many rows, whatever the size.
   * @defaultValue true
   */
  readonly warmStart?: boolean | number;
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
export class Design {
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

/** Rows per block of the Hessian accumulation (a block of every dense column stays in L1/L2 cache). */
export const BLOCK = 256;

/** Scratch buffers of the passes, allocated once per fit. */
export interface Scratch {
  /** Per row: w·(p − y), then (Hessian passes) w·p·(1 − p) in `curvature`. */
  readonly residual: Float64Array;
  readonly curvature: Float64Array;
  /** Curvature-weighted dense columns of one row block, column-major `denseColumns x BLOCK`. */
  readonly weighted: Float64Array;
  /** Per categorical feature: per-level coefficient (level 0 = 0) and per-level sums. */
  readonly levelTables: Float64Array[];
  readonly levelSums: Float64Array[];
  /** Per categorical feature: per level, per dense column (level-major): Σ curvature · x over the level's rows. */
  readonly levelDense: Float64Array[];
  /** The four sums of one `dot4` call (logisticKernels.ts). */
  readonly four: Float64Array;
}

export function createScratch(problem: Design): Scratch {
  const { rows, denseColumns: p } = problem;
  const levels = Array.from(problem.levels);
  return {
    residual: new Float64Array(rows),
    curvature: new Float64Array(rows),
    weighted: new Float64Array(p * BLOCK),
    levelTables: levels.map((count) => new Float64Array(count)),
    levelSums: levels.map((count) => new Float64Array(count)),
    levelDense: levels.map((count) => new Float64Array(count * p)),
    four: new Float64Array(4),
  };
}

// The passes below are split into small kernels called once per column or per chunk of rows: the
// engine then optimises each kernel after a few calls with complete type feedback. One long loop in a
// rarely called function is instead optimised mid-loop (on-stack replacement) and deoptimised again on
// paths not yet seen, which costs about 2x on these passes.

/** Rows per chunk of the row-wise passes (the chunk of every dense column stays in cache). */
export const CHUNK = 1024;

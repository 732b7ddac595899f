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
  /**
   * Worker threads to share the full-data passes with (see logisticParallel.ts); without, every pass
   * runs on the calling thread, with the same result.
   */
  readonly threads?: PassThreads | undefined;
}

/**
 * Runs the row blocks of a fit's passes (see passBlock in logisticEngine.ts) on worker threads and the
 * calling thread. Implemented in logisticParallel.ts.
 */
export interface PassThreads {
  /** The array itself when the threads can read it (shared memory), else a copy they can. */
  readonly share: ShareArray;
  /**
   * Hands the design (its arrays shared) to the workers, once per fit before the first `run`, and
   * returns the arrays of the fit's passes, shared with them.
   */
  attach(design: Design): SharedPassArrays;
  /**
   * Runs every row block of a pass (`shared.beta` holding its β; `scratch`: the calling thread's) and
   * returns true when all are done, or false when the workers cannot take part (a worker failed):
   * then the caller computes the blocks.
   */
  run(request: PassRequest, blocks: number, scratch: Scratch): boolean;
}

/** See {@link PassThreads.share}. */
export type ShareArray = <A extends Float64Array | Int32Array | Uint8Array>(array: A) => A;

/** Arrays of a fit the passes of every thread read and write. */
export interface SharedPassArrays {
  readonly eta: Float64Array;
  readonly trialEta: Float64Array;
  readonly residual: Float64Array;
  readonly curvature: Float64Array;
  /** The β of the pass being run. */
  readonly beta: Float64Array;
  /** Per row block, its loss, gradient and Hessian sums (see {@link partialSize}). */
  readonly partials: Float64Array;
}

/** What one pass over the row blocks computes. */
export interface PassRequest {
  /** η = Xβ into `trialEta` (else `eta`) and the loss; without, curvatures from the current η. */
  readonly objective: boolean;
  /** The η array: `trialEta` when true, else `eta`. */
  readonly trial: boolean;
  readonly gradient: boolean;
  readonly hessian: boolean;
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
  /** Coefficients: intercept, dense columns, dummies. */
  readonly columns: number;
  /** Rows per chunk of the row-wise passes (the chunk of every dense column stays in cache). */
  readonly chunkRows = 1024;
  /** Rows per tile of the Hessian accumulation (a tile of every dense column stays in L1/L2 cache). */
  readonly tileRows = 256;
  /**
   * Rows per block of a pass: each block's sums are kept apart and added in block order, whichever
   * thread computed them, so the fit is the same on any number of threads. A function of the rows
   * alone: 8 192 rows, more above 524 288 rows (at most 64 blocks, so their Hessian sums stay small).
   */
  readonly blockRows: number;

  /** `share` gives each row array in memory the threads can read (see {@link PassThreads.share}). */
  constructor(problem: LogisticProblem, share: ShareArray = (array) => array) {
    this.dense = share(problem.dense);
    this.denseColumns = problem.denseColumns;
    this.codes = problem.codes.map(share);
    this.levels = Int32Array.from(problem.levels);
    this.y = share(problem.y);
    this.weights = share(problem.weights);
    this.rows = problem.rows;
    this.l2 = problem.l2;
    this.columns = logisticColumns(problem);
    this.blockRows = Math.max(8192, Math.ceil(problem.rows / 64 / this.chunkRows) * this.chunkRows);
  }
}

/** Row blocks of a design's passes. */
export function blockCount(design: Design): number {
  return Math.ceil(design.rows / design.blockRows);
}

/** Entries of one row block's partial sums: the loss, the gradient (d), the Hessian (d x d, lower triangle). */
export function partialSize(design: Design): number {
  return 1 + design.columns + design.columns * design.columns;
}

/** Scratch buffers of the passes, allocated once per fit and thread. */
export interface Scratch {
  /** Per row: w·(p − y), then (Hessian passes) w·p·(1 − p) in `curvature` (shared by the threads). */
  readonly residual: Float64Array;
  readonly curvature: Float64Array;
  /** Curvature-weighted dense columns of one row tile, column-major `denseColumns x tileRows`. */
  readonly weighted: Float64Array;
  /** Per categorical feature: per-level coefficient (level 0 = 0) and per-level sums. */
  readonly levelTables: Float64Array[];
  readonly levelSums: Float64Array[];
  /** Per categorical feature: per level, per dense column (level-major): Σ curvature · x over the level's rows. */
  readonly levelDense: Float64Array[];
  /** The four sums of one `dot4` call (logisticEngine.ts). */
  readonly four: Float64Array;
}

// The passes are split into small kernels called once per column or per chunk of rows: the engine
// then optimises each kernel after a few calls with complete type feedback. One long loop in a rarely
// called function is instead optimised mid-loop (on-stack replacement) and deoptimised again on paths
// not yet seen, which costs about 2x on these passes.

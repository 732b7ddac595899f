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
 * their property loads stay monomorphic. The categorical features are also held row by row, as each
 * row's dummy columns (see {@link dummyColumnsByRow}).
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
  /** Row i's dummy columns (coefficient indices, ascending) are `dummyColumns[dummyStart[i], dummyStart[i + 1])`. */
  readonly dummyStart: Int32Array;
  readonly dummyColumns: Int32Array;

  constructor(problem: LogisticProblem) {
    this.dense = problem.dense;
    this.denseColumns = problem.denseColumns;
    this.codes = [...problem.codes];
    this.levels = Int32Array.from(problem.levels);
    this.y = problem.y;
    this.weights = problem.weights;
    this.rows = problem.rows;
    this.l2 = problem.l2;
    const byRow = dummyColumnsByRow(this.codes, this.levels, 1 + this.denseColumns, this.rows);
    this.dummyStart = byRow.start;
    this.dummyColumns = byRow.columns;
  }
}

/**
 * The dummies as a sparse 0/1 matrix compressed by row: row i's columns (one per feature whose level is
 * not the reference) in `columns[start[i], start[i + 1])`, ascending. The passes then touch only the
 * dummies that are 1 (a row at a reference level costs nothing), and a row's updates go to different
 * entries (per-feature level sums updated one row after another wait on each other when consecutive
 * rows share a level). O(n · features), once per fit.
 */
function dummyColumnsByRow(
  codes: readonly Int32Array[],
  levels: Int32Array,
  firstDummy: number,
  rows: number,
): { start: Int32Array; columns: Int32Array } {
  const start = new Int32Array(rows + 1);
  for (const code of codes) countDummies(code, start);
  for (let i = 0; i < rows; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const columns = new Int32Array(start[rows] as number);
  const next = start.slice(0, rows);
  // Level k ≥ 1 of a feature is column `first + k` (its levels' columns follow the previous feature's).
  let first = firstDummy - 1;
  codes.forEach((code, f) => {
    placeDummies(code, first, next, columns);
    first += (levels[f] as number) - 1;
  });
  return { start, columns };
}

/** counts[i + 1] += 1 for each row i whose level has a column (is not 0). */
function countDummies(code: Int32Array, counts: Int32Array): void {
  for (let i = 0; i < code.length; i++)
    counts[i + 1] = (counts[i + 1] as number) + Math.min(code[i] as number, 1);
}

/** Writes column `first + level` at row i's next free place, for each row i whose level is not 0. */
function placeDummies(code: Int32Array, first: number, next: Int32Array, columns: Int32Array): void {
  for (let i = 0; i < code.length; i++) {
    const level = code[i] as number;
    if (level !== 0) {
      columns[next[i] as number] = first + level;
      next[i] = (next[i] as number) + 1;
    }
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
  /** The four sums of one `dot4` call (logisticKernels.ts). */
  readonly four: Float64Array;
}

export function createScratch(problem: Design): Scratch {
  const { rows, denseColumns: p } = problem;
  return {
    residual: new Float64Array(rows),
    curvature: new Float64Array(rows),
    weighted: new Float64Array(p * BLOCK),
    four: new Float64Array(4),
  };
}

// The passes below are split into small kernels called once per column or per chunk of rows: the
// engine then optimises each kernel after a few calls with complete type feedback. One long loop in a
// rarely called function is instead optimised mid-loop (on-stack replacement) and deoptimised again on
// paths not yet seen, which costs about 2x on these passes.

/** Rows per chunk of the row-wise passes (the chunk of every dense column stays in cache). */
export const CHUNK = 1024;

/**
 * The logistic fit's problem description and its fixed-shape working form: the coefficient layout, the
 * {@link Design} object the kernels read, and the scratch buffers of one fit.
 */
/**
 * Inputs of {@link fitLogistic}. Coefficient layout: 0 = intercept (implicit column of ones), then the
 * `denseColumns` dense columns, then for each categorical feature one dummy column per non-reference
 * level (levels 1..levels-1, in order). Dummies are never stored as 0/1 columns: each row's level code
 * is (and, in {@link Design}, the list of each row's dummies that are 1), so the dummy entries of η, the
 * gradient and the Hessian are sums over those lists.
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
  // Level k ≥ 1 of feature f is column firsts[f] + k (its levels' columns follow the previous feature's).
  const firsts = new Int32Array(codes.length);
  let first = firstDummy - 1;
  for (let f = 0; f < codes.length; f++) {
    firsts[f] = first;
    first += (levels[f] as number) - 1;
  }
  const start = new Int32Array(rows + 1);
  // Room for a column of every feature in every row and a spare slot (see placeDummies); trimmed below.
  const room = new Int32Array(rows * codes.length + 1);
  let next = 0;
  for (let from = 0; from < rows; from += ROWS_PER_PLACEMENT)
    next = placeDummies(codes, firsts, from, Math.min(rows, from + ROWS_PER_PLACEMENT), next, start, room);
  start[rows] = next;
  return { start, columns: room.slice(0, next) };
}

/** Rows per call of placeDummies (many short calls: optimised with complete type feedback). */
const ROWS_PER_PLACEMENT = 512;

/**
 * Lists the dummy columns of rows [from, to) from place `next` on, row by row, and returns the place
 * after them. Each feature's column is written at the next place, which only advances when the level
 * has a column (no branch on the level): a write for a reference level is overwritten by the row's
 * next dummy or the next row's first (the last row's lands on the spare slot).
 */
function placeDummies(
  codes: readonly Int32Array[],
  firsts: Int32Array,
  from: number,
  to: number,
  next: number,
  start: Int32Array,
  columns: Int32Array,
): number {
  const features = codes.length;
  let place = next;
  for (let i = from; i < to; i++) {
    start[i] = place;
    for (let f = 0; f < features; f++) {
      const level = (codes[f] as Int32Array)[i] as number;
      columns[place] = (firsts[f] as number) + level;
      place += Math.min(level, 1);
    }
  }
  return place;
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

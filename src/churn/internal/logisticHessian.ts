/**
 * The Hessian XᵀCX of the logistic objective (C = diag of the per-row curvatures) without
 * materialising dummies: dense-dense products by row blocks, dummy entries from each row's dummy columns.
 */
import { BLOCK, type Design, type Scratch } from "./logisticDesign.js";
import { sum } from "./logisticKernels.js";

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

/**
 * Adds one row block's dense-dense products to the lower triangle (rows and columns 1..p of the d x d
 * `hessian`), register-blocked 3 x 3: three Hessian rows (a, a + 1, a + 2) against three columns (b, b + 1,
 * b + 2) per pass, six loads for nine multiply-adds, one accumulator per entry (nine, plus the six loaded
 * values: they fit the 16 floating-point registers; 2 x 4 blocking needed 0.75 loads per product, 3 x 3
 * needs 0.67). Each entry's block sum runs over the block's rows in order, as before, so the Hessian is
 * the same to the bit. A function of its own, called once per block, so the engine optimises it after a
 * few blocks with complete type feedback (one long-running function would be optimised mid-loop and
 * deoptimised repeatedly).
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
  let a = 0;
  for (; a + 2 < p; a += 3) {
    const a0 = a * BLOCK;
    const a1 = a0 + BLOCK;
    const a2 = a1 + BLOCK;
    const h0 = (1 + a) * d + 1;
    const h1 = h0 + d;
    const h2 = h1 + d;
    for (let b = 0; b < a; b += 3) {
      const c0 = b * n + start;
      const c1 = c0 + n;
      const c2 = c1 + n;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s20 = 0;
      let s21 = 0;
      let s22 = 0;
      for (let k = 0; k < size; k++) {
        const w0 = weighted[a0 + k] as number;
        const w1 = weighted[a1 + k] as number;
        const w2 = weighted[a2 + k] as number;
        const x0 = dense[c0 + k] as number;
        const x1 = dense[c1 + k] as number;
        const x2 = dense[c2 + k] as number;
        s00 += w0 * x0;
        s01 += w0 * x1;
        s02 += w0 * x2;
        s10 += w1 * x0;
        s11 += w1 * x1;
        s12 += w1 * x2;
        s20 += w2 * x0;
        s21 += w2 * x1;
        s22 += w2 * x2;
      }
      hessian[h0 + b] = (hessian[h0 + b] as number) + s00;
      hessian[h0 + b + 1] = (hessian[h0 + b + 1] as number) + s01;
      hessian[h0 + b + 2] = (hessian[h0 + b + 2] as number) + s02;
      hessian[h1 + b] = (hessian[h1 + b] as number) + s10;
      hessian[h1 + b + 1] = (hessian[h1 + b + 1] as number) + s11;
      hessian[h1 + b + 2] = (hessian[h1 + b + 2] as number) + s12;
      hessian[h2 + b] = (hessian[h2 + b] as number) + s20;
      hessian[h2 + b + 1] = (hessian[h2 + b + 1] as number) + s21;
      hessian[h2 + b + 2] = (hessian[h2 + b + 2] as number) + s22;
    }
    // The diagonal block's lower triangle.
    const c0 = a * n + start;
    const c1 = c0 + n;
    const c2 = c1 + n;
    let s00 = 0;
    let s10 = 0;
    let s11 = 0;
    let s20 = 0;
    let s21 = 0;
    let s22 = 0;
    for (let k = 0; k < size; k++) {
      const w0 = weighted[a0 + k] as number;
      const w1 = weighted[a1 + k] as number;
      const w2 = weighted[a2 + k] as number;
      const x0 = dense[c0 + k] as number;
      const x1 = dense[c1 + k] as number;
      s00 += w0 * x0;
      s10 += w1 * x0;
      s11 += w1 * x1;
      s20 += w2 * x0;
      s21 += w2 * x1;
      s22 += w2 * (dense[c2 + k] as number);
    }
    hessian[h0 + a] = (hessian[h0 + a] as number) + s00;
    hessian[h1 + a] = (hessian[h1 + a] as number) + s10;
    hessian[h1 + a + 1] = (hessian[h1 + a + 1] as number) + s11;
    hessian[h2 + a] = (hessian[h2 + a] as number) + s20;
    hessian[h2 + a + 1] = (hessian[h2 + a + 1] as number) + s21;
    hessian[h2 + a + 2] = (hessian[h2 + a + 2] as number) + s22;
  }
  for (; a < p; a++) {
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
 * Adds one row block's dummy entries, row by row over each row's dummy columns (see Design): the row's
 * curvature to (dummy, intercept) and to (dummy, dummy) for every pair of its dummy columns, the
 * diagonal included, and its curvature-weighted dense values (`weighted`) to (dummy, dense column).
 * Dummies of one feature never co-occur, and a dummy that is 0 costs nothing. Each entry's sum runs
 * over the rows in order, as per-level and two-way tables summed them before (the same Hessian to the bit).
 */
function addDummyBlock(
  dummyStart: Int32Array,
  dummyColumns: Int32Array,
  p: number,
  start: number,
  size: number,
  curvature: Float64Array,
  weighted: Float64Array,
  hessian: Float64Array,
  d: number,
): void {
  for (let k = 0; k < size; k++) {
    const value = curvature[start + k] as number;
    const first = dummyStart[start + k] as number;
    const end = dummyStart[start + k + 1] as number;
    for (let a = first; a < end; a++) {
      const row = (dummyColumns[a] as number) * d;
      hessian[row] = (hessian[row] as number) + value;
      for (let j = 0, from = k; j < p; j++, from += BLOCK)
        hessian[row + 1 + j] = (hessian[row + 1 + j] as number) + (weighted[from] as number);
      for (let b = first; b <= a; b++) {
        const entry = row + (dummyColumns[b] as number);
        hessian[entry] = (hessian[entry] as number) + value;
      }
    }
  }
}

/**
 * Lower triangle of XᵀCX (C = diag(curvature)) into the row-major d x d `hessian`, by row blocks.
 * Dense-dense entries: the block's curvature-weighted columns in scratch, 3 x 3 tiles of the triangle
 * per pass over a block (see addDenseBlock). Dummy entries: each row's dummy columns (see
 * addDummyBlock). O(n · denseColumns²) plus O(Σᵢ aᵢ · (denseColumns + aᵢ)), aᵢ = row i's dummies
 * that are 1 (at most the number of categorical features).
 */
export function hessianFromCurvature(problem: Design, hessian: Float64Array, scratch: Scratch): void {
  const { dense, denseColumns: p, rows: n, dummyStart, dummyColumns } = problem;
  const d = Math.sqrt(hessian.length) | 0;
  const { curvature, weighted } = scratch;
  hessian.fill(0);
  for (let start = 0; start < n; start += BLOCK) {
    const size = Math.min(BLOCK, n - start);
    weighBlock(dense, n, p, start, size, curvature, weighted, hessian, d);
    addDenseBlock(dense, n, p, start, size, weighted, hessian, d);
    addDummyBlock(dummyStart, dummyColumns, p, start, size, curvature, weighted, hessian, d);
  }
  hessian[0] = sum(curvature, 0, n);
}

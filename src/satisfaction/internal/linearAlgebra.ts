/**
 * Small dense linear algebra for the PLS kernels: systems of at most a few
 * dozen unknowns, row-major `Float64Array`s, no allocation in the hot path
 * when the caller passes scratch buffers. Kept over `ml-matrix` (6.15): one Cholesky solve through it
 * bundles to 71 kB minified (measured 2026-12-07), more than the 50 kB a whole public function may weigh,
 * and it allocates a Matrix per call where the bootstrap reuses scratch buffers.
 */

/**
 * Solves `A x = b` for a square `size x size` system by Gaussian elimination
 * with partial pivoting. `matrix` and `rhs` are overwritten (pass copies);
 * the solution is written into `out`. Returns false when a pivot is smaller
 * than `1e-12` times the largest absolute entry (singular or nearly so).
 */
export function solveInPlace(
  matrix: Float64Array,
  rhs: Float64Array,
  size: number,
  out: Float64Array,
): boolean {
  let scale = 0;
  for (let i = 0; i < size * size; i++) scale = Math.max(scale, Math.abs(matrix[i] as number));
  if (scale === 0 || !Number.isFinite(scale)) return false;
  const threshold = scale * 1e-12;
  for (let col = 0; col < size; col++) {
    let pivotRow = col;
    let pivotValue = Math.abs(matrix[col * size + col] as number);
    for (let row = col + 1; row < size; row++) {
      const value = Math.abs(matrix[row * size + col] as number);
      if (value > pivotValue) {
        pivotValue = value;
        pivotRow = row;
      }
    }
    if (pivotValue <= threshold) return false;
    if (pivotRow !== col) {
      for (let k = 0; k < size; k++) {
        const held = matrix[col * size + k] as number;
        matrix[col * size + k] = matrix[pivotRow * size + k] as number;
        matrix[pivotRow * size + k] = held;
      }
      const held = rhs[col] as number;
      rhs[col] = rhs[pivotRow] as number;
      rhs[pivotRow] = held;
    }
    const pivot = matrix[col * size + col] as number;
    for (let row = col + 1; row < size; row++) {
      const factor = (matrix[row * size + col] as number) / pivot;
      if (factor === 0) continue;
      for (let k = col; k < size; k++) {
        matrix[row * size + k] =
          (matrix[row * size + k] as number) - factor * (matrix[col * size + k] as number);
      }
      rhs[row] = (rhs[row] as number) - factor * (rhs[col] as number);
    }
  }
  for (let row = size - 1; row >= 0; row--) {
    let sum = rhs[row] as number;
    for (let k = row + 1; k < size; k++) sum -= (matrix[row * size + k] as number) * (out[k] as number);
    out[row] = sum / (matrix[row * size + row] as number);
  }
  return true;
}

/**
 * Inverse of a square matrix (row-major) by solving against each unit
 * vector; `undefined` when singular. Used once per block for mode B.
 */
export function invert(matrix: Float64Array, size: number): Float64Array | undefined {
  const inverse = new Float64Array(size * size);
  const work = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  const column = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    work.set(matrix);
    rhs.fill(0);
    rhs[j] = 1;
    if (!solveInPlace(work, rhs, size, column)) return undefined;
    for (let i = 0; i < size; i++) inverse[i * size + j] = column[i] as number;
  }
  return inverse;
}

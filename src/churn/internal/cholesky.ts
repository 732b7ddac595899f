/**
 * Dense Cholesky factorisation and solves for the small symmetric positive
 * definite systems of Newton's method (d up to a few hundred). Matrices are
 * row-major `Float64Array(d * d)`; only the lower triangle is read.
 */

/**
 * Factorises `matrix` in place into its lower Cholesky factor L (A = L Lᵀ).
 * Returns -1 on success, or the index of the first pivot that is not
 * positive (the matrix is not positive definite there), leaving `matrix` partly
 * overwritten. Complexity O(d³ / 3).
 */
export function choleskyInPlace(matrix: Float64Array, d: number): number {
  for (let j = 0; j < d; j++) {
    const rowJ = j * d;
    let diagonal = matrix[rowJ + j] as number;
    for (let k = 0; k < j; k++) {
      const value = matrix[rowJ + k] as number;
      diagonal -= value * value;
    }
    // Relative pivot test: a pivot that lost all but ~1e-13 of its original size is rank deficiency.
    if (!(diagonal > 1e-13 * Math.abs(matrix[rowJ + j] as number)) || !(diagonal > 0)) return j;
    const pivot = Math.sqrt(diagonal);
    matrix[rowJ + j] = pivot;
    for (let i = j + 1; i < d; i++) {
      const rowI = i * d;
      let sum = matrix[rowI + j] as number;
      for (let k = 0; k < j; k++) sum -= (matrix[rowI + k] as number) * (matrix[rowJ + k] as number);
      matrix[rowI + j] = sum / pivot;
    }
  }
  return -1;
}

/** Solves L Lᵀ x = b in place of `b`, given the lower factor from {@link choleskyInPlace}. */
export function choleskySolveInPlace(factor: Float64Array, d: number, b: Float64Array): void {
  for (let i = 0; i < d; i++) {
    let sum = b[i] as number;
    const row = i * d;
    for (let k = 0; k < i; k++) sum -= (factor[row + k] as number) * (b[k] as number);
    b[i] = sum / (factor[row + i] as number);
  }
  for (let i = d - 1; i >= 0; i--) {
    let sum = b[i] as number;
    for (let k = i + 1; k < d; k++) sum -= (factor[k * d + i] as number) * (b[k] as number);
    b[i] = sum / (factor[i * d + i] as number);
  }
}

/** Diagonal of A⁻¹ from the Cholesky factor of A (one solve per unit vector; O(d³)). */
export function choleskyInverseDiagonal(factor: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d);
  const column = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    column.fill(0);
    column[j] = 1;
    choleskySolveInPlace(factor, d, column);
    out[j] = column[j] as number;
  }
  return out;
}

/** A⁻¹ (row-major d x d, symmetric) from the Cholesky factor of A (one solve per unit vector; O(d³)). */
export function choleskyInverse(factor: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  const column = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    column.fill(0);
    column[j] = 1;
    choleskySolveInPlace(factor, d, column);
    for (let i = 0; i < d; i++) out[i * d + j] = column[i] as number;
  }
  return out;
}

/** Small dense symmetric linear algebra for the Cox model and the log-rank test (p × p, p small). */

/**
 * Cholesky factor L (row-major, lower triangle) of a symmetric positive definite p × p matrix, or
 * `undefined` when a pivot is not positive (relative to the diagonal's scale): not positive definite.
 */
export function cholesky(matrix: Float64Array, p: number): Float64Array | undefined {
  const l = new Float64Array(p * p);
  let scale = 0;
  for (let i = 0; i < p; i++) scale = Math.max(scale, Math.abs(matrix[i * p + i] as number));
  const floor = scale * 1e-13;
  for (let j = 0; j < p; j++) {
    let diagonal = matrix[j * p + j] as number;
    for (let k = 0; k < j; k++) diagonal -= (l[j * p + k] as number) ** 2;
    if (!(diagonal > floor)) return undefined;
    const root = Math.sqrt(diagonal);
    l[j * p + j] = root;
    for (let i = j + 1; i < p; i++) {
      let sum = matrix[i * p + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * p + k] as number) * (l[j * p + k] as number);
      l[i * p + j] = sum / root;
    }
  }
  return l;
}

/** Solves L Lᵀ x = b for a Cholesky factor L. */
export function choleskySolve(l: Float64Array, b: Float64Array, p: number): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * p + k] as number) * (y[k] as number);
    y[i] = sum / (l[i * p + i] as number);
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < p; k++) sum -= (l[k * p + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * p + i] as number);
  }
  return x;
}

/** x with A x = b for symmetric positive definite A, or `undefined` when A is not. */
export function solveSymmetric(a: Float64Array, b: Float64Array, p: number): Float64Array | undefined {
  const l = cholesky(a, p);
  return l === undefined ? undefined : choleskySolve(l, b, p);
}

/** The inverse of a symmetric positive definite matrix from its Cholesky factor. */
export function choleskyInverse(l: Float64Array, p: number): Float64Array {
  const inverse = new Float64Array(p * p);
  const unit = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    unit.fill(0);
    unit[j] = 1;
    const column = choleskySolve(l, unit, p);
    for (let i = 0; i < p; i++) inverse[i * p + j] = column[i] as number;
  }
  return inverse;
}

/**
 * Small dense symmetric linear algebra for the Cox model and the log-rank test (p × p, p small): a
 * Cholesky factorisation whose singularity test is relative to the largest diagonal entry; the solves
 * are those of the churn model's kernels (cholesky.ts), which also has the inverse.
 */
import { choleskySolveInPlace } from "./cholesky.js";

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

/** Solves L Lᵀ x = b for a Cholesky factor L (b is not changed). */
export function choleskySolve(l: Float64Array, b: Float64Array, p: number): Float64Array {
  const x = Float64Array.from(b);
  choleskySolveInPlace(l, p, x);
  return x;
}

/** x with A x = b for symmetric positive definite A, or `undefined` when A is not. */
export function solveSymmetric(a: Float64Array, b: Float64Array, p: number): Float64Array | undefined {
  const l = cholesky(a, p);
  return l === undefined ? undefined : choleskySolve(l, b, p);
}

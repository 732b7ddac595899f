/**
 * Discriminant validity and collinearity measures of a PLS model, computed
 * from the indicator correlation matrix S (p x p) and the construct
 * correlations C (m x m): HTMT and HTMT2 on absolute item correlations,
 * variance inflation factors of the indicators within each block and of the
 * predecessors of each endogenous construct.
 */
import { invert } from "./linearAlgebra.js";
import type { PlsSpec } from "./plsCore.js";

/**
 * Heterotrait-monotrait ratios of every pair of constructs into `out` (m x m, row-major, 1 on the diagonal),
 * from |S|. `geometric` false: HTMT (Henseler, Ringle & Sarstedt 2015), arithmetic means of the absolute
 * correlations; true: HTMT2 (Roemer, Schuberth & Henseler 2021), geometric means. The monotrait mean of a
 * single-item block is 1. NaN for a pair whose monotrait mean is 0 (items exactly uncorrelated; the ratio
 * is undefined). O(p²).
 */
export function htmtMatrix(
  spec: PlsSpec,
  correlation: Float64Array,
  geometric: boolean,
  out: Float64Array,
): void {
  const p = spec.indicatorCount;
  const m = spec.constructCount;
  const mean = (sum: number, count: number) => (geometric ? Math.exp(sum / count) : sum / count);
  const term = (r: number) => (geometric ? Math.log(Math.abs(r)) : Math.abs(r));
  const monotrait = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const start = spec.blockStart[k] as number;
    const end = spec.blockStart[k + 1] as number;
    if (end - start === 1) {
      monotrait[k] = 1;
      continue;
    }
    let sum = 0;
    let count = 0;
    for (let a = start; a < end; a++)
      for (let b = a + 1; b < end; b++) {
        sum += term(correlation[a * p + b] as number);
        count++;
      }
    monotrait[k] = mean(sum, count);
  }
  for (let j = 0; j < m; j++) {
    out[j * m + j] = 1;
    for (let k = j + 1; k < m; k++) {
      let sum = 0;
      let count = 0;
      for (let a = spec.blockStart[j] as number; a < (spec.blockStart[j + 1] as number); a++)
        for (let b = spec.blockStart[k] as number; b < (spec.blockStart[k + 1] as number); b++) {
          sum += term(correlation[a * p + b] as number);
          count++;
        }
      const within = (monotrait[j] as number) * (monotrait[k] as number);
      const value = within > 0 ? mean(sum, count) / Math.sqrt(within) : NaN;
      out[j * m + k] = value;
      out[k * m + j] = value;
    }
  }
}

/**
 * Variance inflation factor of every indicator within its block, 1 / (1 − R²) of the item regressed on the
 * other items of the block: the diagonal of the inverse of the block's correlation matrix. 1 for a single
 * item; Infinity when the block's items are perfectly collinear.
 */
export function outerVif(spec: PlsSpec, correlation: Float64Array): Float64Array {
  const p = spec.indicatorCount;
  const out = new Float64Array(p);
  for (let k = 0; k < spec.constructCount; k++) {
    const start = spec.blockStart[k] as number;
    const size = (spec.blockStart[k + 1] as number) - start;
    const block = new Float64Array(size * size);
    for (let a = 0; a < size; a++)
      for (let b = 0; b < size; b++) block[a * size + b] = correlation[(start + a) * p + start + b] as number;
    const inverse = size === 1 ? Float64Array.of(1) : invert(block, size);
    for (let a = 0; a < size; a++)
      out[start + a] = inverse === undefined ? Infinity : (inverse[a * size + a] as number);
  }
  return out;
}

/**
 * Variance inflation factor of each predecessor of endogenous construct j, from the construct correlations:
 * the diagonal of the inverse of the predecessors' correlation matrix (1 for a single predecessor, as
 * SmartPLS reports it; Infinity when they are perfectly collinear). In the order of `spec.predecessors[j]`.
 */
export function innerVif(spec: PlsSpec, constructCorrelation: Float64Array, j: number): Float64Array {
  const m = spec.constructCount;
  const pred = spec.predecessors[j] as Int32Array;
  const q = pred.length;
  if (q === 1) return Float64Array.of(1);
  const matrix = new Float64Array(q * q);
  for (let r = 0; r < q; r++)
    for (let s = 0; s < q; s++)
      matrix[r * q + s] = constructCorrelation[(pred[r] as number) * m + (pred[s] as number)] as number;
  const inverse = invert(matrix, q);
  const out = new Float64Array(q);
  for (let r = 0; r < q; r++) out[r] = inverse === undefined ? Infinity : (inverse[r * q + r] as number);
  return out;
}

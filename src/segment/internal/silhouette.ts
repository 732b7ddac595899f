/** Silhouette widths on a distance matrix (R dist order), as cluster::silhouette and pam's silinfo. */

export interface SilhouetteWidths {
  /** s(i) per row in input order. */
  readonly widths: Float64Array;
  /** Nearest other cluster of each row (the b(i) cluster). */
  readonly neighbors: Int32Array;
  readonly averageWidth: number;
  readonly clusterAverageWidths: readonly number[];
}

/**
 * s(i) = (b - a) / max(a, b) with a the mean distance to the row's own cluster (without itself) and
 * b the smallest mean distance to another cluster (ties: the lower cluster number); 0 for a row alone
 * in its cluster; with a = 0: 1 when b > 0, else 0 (Rousseeuw 1987; cluster's `dark`). O(n²).
 */
export function silhouetteWidths(
  values: Float64Array,
  n: number,
  assignments: Int32Array,
  k: number,
): SilhouetteWidths {
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++)
    sizes[assignments[i] as number] = (sizes[assignments[i] as number] as number) + 1;
  const widths = new Float64Array(n);
  const neighbors = new Int32Array(n);
  // every row's distance sum to each cluster, from one pass over the distances in storage order;
  // each row's terms arrive for j = 0..n-1 in order, as in a row-by-row loop
  const allSums = new Float64Array(n * k);
  let index = 0;
  for (let j = 0; j < n; j++) {
    const cj = assignments[j] as number;
    const offsetJ = j * k;
    for (let i = j + 1; i < n; i++) {
      const d = values[index++] as number;
      allSums[i * k + cj] = (allSums[i * k + cj] as number) + d;
      const ci = assignments[i] as number;
      allSums[offsetJ + ci] = (allSums[offsetJ + ci] as number) + d;
    }
  }
  for (let i = 0; i < n; i++) {
    const sums = allSums.subarray(i * k, i * k + k);
    const own = assignments[i] as number;
    let b = Number.POSITIVE_INFINITY;
    let neighbor = -1;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      const mean = (sums[c] as number) / (sizes[c] as number);
      if (b > mean) {
        b = mean;
        neighbor = c;
      }
    }
    neighbors[i] = neighbor;
    const ownSize = sizes[own] as number;
    if (ownSize <= 1) {
      widths[i] = 0;
      continue;
    }
    const a = (sums[own] as number) / (ownSize - 1);
    let s: number;
    if (a > 0) s = b > 0 ? (b > a ? 1 - a / b : b < a ? b / a - 1 : 0) : -1;
    else s = b > 0 ? 1 : 0;
    widths[i] = s < -1 ? -1 : s > 1 ? 1 : s;
  }
  const clusterSums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    clusterSums[assignments[i] as number] =
      (clusterSums[assignments[i] as number] as number) + (widths[i] as number);
    total += widths[i] as number;
  }
  return {
    widths,
    neighbors,
    averageWidth: total / n,
    clusterAverageWidths: Array.from(clusterSums, (sum, c) =>
      (sizes[c] as number) > 0 ? sum / (sizes[c] as number) : 0,
    ),
  };
}

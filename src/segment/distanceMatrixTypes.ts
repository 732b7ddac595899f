// The DistanceMatrix type, below distanceMatrix.ts so that the internal distance helpers can use it
// without importing the public function back.

/**
 * Pairwise distances between `size` rows, stored compactly as the lower triangle without the
 * diagonal, column by column — exactly the order of R's `dist` objects: the distances of row 0
 * to rows 1..n-1, then of row 1 to rows 2..n-1, and so on (`size (size - 1) / 2` values).
 *
 * @example
 * ```ts
 * const d = distanceMatrix(Float64Array.of(1, 2, 3), 3); // d(0,1) = 1, d(0,2) = 2, d(1,2) = 3
 * d.get(2, 1); // => 3
 * d.get(1, 1); // => 0
 * d.size; // => 3
 * ```
 */
export interface DistanceMatrix {
  /** Number of rows (customers). */
  readonly size: number;
  /** The `size (size - 1) / 2` distances in R's `dist` order (see above). Do not modify. */
  readonly values: Float64Array;
  /** Distance between rows `i` and `j` (0 when `i === j`). */
  get(i: number, j: number): number;
}

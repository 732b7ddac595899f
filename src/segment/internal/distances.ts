/** Helpers of the compact distance matrix (R dist order) shared by the mixed-type segment methods. */

import { DistanceMatrixTooLargeError } from "../distanceMatrixTooLargeError.js";
import type { DistanceMatrix } from "../distanceMatrixTypes.js";

/**
 * Largest number of rows for which clientele stores a full distance matrix: 30,000 rows are
 * 449,985,000 distances, 3.6 GB as 64-bit floats. `gowerDistance`, `euclideanDistances`,
 * `distanceMatrix`, and `kMedoids` / `hierarchicalClustering` given records refuse more rows with a
 * {@link DistanceMatrixTooLargeError}.
 *
 * @example
 * ```ts
 * MAX_DISTANCE_MATRIX_ROWS; // => 30000
 * ```
 */
export const MAX_DISTANCE_MATRIX_ROWS = 30_000;

/** Position of the distance between rows i and j (i !== j) in R's dist order. */
export function distanceIndex(size: number, i: number, j: number): number {
  const low = i < j ? i : j;
  const high = i < j ? j : i;
  return size * low - (low * (low + 1)) / 2 + high - low - 1;
}

/** The DistanceMatrix view of values already checked (internal constructor). */
export function wrapDistances(values: Float64Array, size: number): DistanceMatrix {
  return {
    size,
    values,
    get(i: number, j: number): number {
      if (i === j) return 0;
      return values[distanceIndex(size, i, j)] as number;
    },
  };
}

/** Throws DistanceMatrixTooLargeError when a full matrix of `size` rows exceeds the documented limit. */
export function checkDistanceRows(functionName: string, size: number): void {
  if (size > MAX_DISTANCE_MATRIX_ROWS)
    throw new DistanceMatrixTooLargeError(functionName, size, MAX_DISTANCE_MATRIX_ROWS);
}

/** Whether a value is a DistanceMatrix (made by this module or shaped like one). */
export function isDistanceMatrix(value: unknown): value is DistanceMatrix {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as { values?: unknown }).values instanceof Float64Array &&
    typeof (value as { size?: unknown }).size === "number" &&
    typeof (value as { get?: unknown }).get === "function"
  );
}
